/**
 * Query segmentation in the browser, the way the build segments with nodejieba: jieba's
 * maximum-probability route over a word graph, with the build's vocabulary (every word
 * nodejieba cut from the corpus, with its frequency, tuned by the build so the two agree).
 *
 * Pure and dependency-free: used by the build (to tune and test) and by the browser.
 */

/** Word → log probability, and the length of the longest word. */
export interface Vocabulary {
  logp: Map<string, number>;
  /** Every prefix of every word, so the word graph stops growing where no word can follow. */
  prefixes: Set<string>;
  maxLen: number;
  /** The log probability of a character that is not in the vocabulary. */
  unknown: number;
}

/**
 * Make a vocabulary from word frequencies, with the totals of the dictionary they come from
 * (jieba's: the sum of all its frequencies, and its smallest frequency, which is what
 * cppjieba gives a character it does not know).
 */
export function vocabulary(freqs: Iterable<[string, number]>, total: number, minFreq: number): Vocabulary {
  const vocab: Vocabulary = { logp: new Map(), prefixes: new Set(), maxLen: 1, unknown: Math.log(minFreq) - Math.log(total) };
  return addWords(vocab, freqs, total);
}

/** Add words to a vocabulary (in place; `total` as the vocabulary was made with). */
export function addWords(vocab: Vocabulary, freqs: Iterable<[string, number]>, total: number): Vocabulary {
  const logTotal = Math.log(total);
  for (const [w, f] of freqs) {
    if (!(f > 0)) continue;
    vocab.logp.set(w, Math.log(f) - logTotal);
    const chars = [...w];
    for (let i = 1; i <= chars.length; i++) vocab.prefixes.add(chars.slice(0, i).join(''));
    vocab.maxLen = Math.max(vocab.maxLen, chars.length);
  }
  return vocab;
}

/**
 * Word graphs of texts, in flat arrays (one graph can hold many texts, each from its own first
 * position): the words that may start at position p are edges first[p] … first[p + 1] − 1,
 * shortest first.
 */
export interface WordGraph {
  /** The first edge of each position, and one entry more: the number of edges. */
  first: number[];
  /** Where each edge's word ends, counted in its own text's characters. */
  end: number[];
  /** Each edge's word, as an index into `words`. */
  word: number[];
  /** The distinct words of the graph; `ids` gives each one's index. */
  words: string[];
  ids: Map<string, number>;
}

/** An empty word graph, to add texts to. */
export function wordGraph(): WordGraph {
  return { first: [0], end: [], word: [], words: [], ids: new Map() };
}

/**
 * Add a folded text (as characters) to a word graph: at each position every vocabulary word
 * that starts there, and the position's character as a word of its own if the vocabulary
 * lacks it. Returns the text's first position in the graph.
 */
export function addText(graph: WordGraph, chars: readonly string[], vocab: Vocabulary): number {
  const start = graph.first.length - 1;
  const addEdge = (word: string, end: number) => {
    let id = graph.ids.get(word);
    if (id === undefined) graph.ids.set(word, (id = graph.words.push(word) - 1));
    graph.end.push(end);
    graph.word.push(id);
  };
  for (let i = 0; i < chars.length; i++) {
    let word = '';
    for (let j = i; j < Math.min(chars.length, i + vocab.maxLen); j++) {
      word += chars[j];
      if (j > i && !vocab.prefixes.has(word)) break;
      if (j === i || vocab.logp.has(word)) addEdge(word, j + 1);
    }
    graph.first.push(graph.end.length);
  }
  return start;
}

/** The log probability of each of a graph's words in a vocabulary (a character it lacks: `unknown`). */
export function wordLogp(graph: WordGraph, vocab: Vocabulary): Float64Array {
  return Float64Array.from(graph.words, (w) => vocab.logp.get(w) ?? vocab.unknown);
}

/**
 * jieba's maximum-probability route through the text of `length` characters that starts at
 * position `start` of a graph, with `logp` by word: for each character, the end of the word
 * that starts there on the route (ties go to the longer word, as in jieba).
 */
export function bestRoute(graph: WordGraph, start: number, length: number, logp: ArrayLike<number>): Int32Array {
  const { first, end, word } = graph;
  const next = new Int32Array(length + 1);
  const score = new Float64Array(length + 1);
  next[length] = length;
  for (let i = length - 1; i >= 0; i--) {
    let top = -Infinity;
    let to = i + 1;
    for (let e = first[start + i]!; e < first[start + i + 1]!; e++) {
      const s = logp[word[e]!]! + score[end[e]!]!;
      if (s >= top) {
        top = s;
        to = end[e]!;
      }
    }
    score[i] = top;
    next[i] = to;
  }
  return next;
}

/** The words along a route (bestRoute) through a text's characters. */
export function routeWords(chars: readonly string[], next: Int32Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < chars.length; i = next[i]!) out.push(chars.slice(i, next[i]).join(''));
  return out;
}

/** Cut a folded text into words: jieba's maximum-probability route over the vocabulary. */
export function cut(text: string, vocab: Vocabulary): string[] {
  const chars = [...text];
  const graph = wordGraph();
  addText(graph, chars, vocab);
  return routeWords(chars, bestRoute(graph, 0, chars.length, wordLogp(graph, vocab)));
}

/**
 * The words a query must contain: its cut, with runs of single characters joined (a word the
 * vocabulary does not know still has to occur as typed) and lone characters left out.
 */
export function queryWords(folded: string, vocab: Vocabulary): string[] {
  const words: string[] = [];
  let run = '';
  const flush = () => {
    if ([...run].length >= 2) words.push(run);
    run = '';
  };
  for (const w of cut(folded, vocab)) {
    if ([...w].length === 1 && !vocab.logp.has(w)) run += w;
    else if ([...w].length === 1) {
      flush();
    } else {
      flush();
      words.push(w);
    }
  }
  flush();
  return [...new Set(words)];
}

/** The shard (of `shards`) that holds a word: by its first character, so a query needs only its own characters' shards. */
export const wordShard = (word: string, shards: number): number => word.codePointAt(0)! % shards;

/** Write a vocabulary's frequencies as compact text: one "word<TAB>freq" line per word. */
export function serialiseFreqs(freqs: Map<string, number>): string {
  return [...freqs].map(([w, f]) => `${w}\t${f}`).join('\n');
}

/** Read frequencies written by serialiseFreqs. */
export function parseFreqs(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return out;
}
