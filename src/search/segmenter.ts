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

/** Cut a folded text into words: jieba's maximum-probability route over the vocabulary. */
export function cut(text: string, vocab: Vocabulary): string[] {
  const chars = [...text];
  const n = chars.length;
  // best[i]: the best log probability of chars[i..] and the end of its first word.
  const best = new Array<[number, number]>(n + 1);
  best[n] = [0, n];
  for (let i = n - 1; i >= 0; i--) {
    let word = '';
    let top: [number, number] = [-Infinity, i + 1];
    for (let j = i; j < Math.min(n, i + vocab.maxLen); j++) {
      word += chars[j];
      if (j > i && !vocab.prefixes.has(word)) break;
      const lp = vocab.logp.get(word) ?? (j === i ? vocab.unknown : undefined);
      if (lp === undefined) continue;
      const score = lp + best[j + 1][0];
      // Ties go to the longer word, as in jieba (it keeps the last maximum).
      if (score >= top[0]) top = [score, j + 1];
    }
    best[i] = top;
  }
  const out: string[] = [];
  for (let i = 0; i < n; ) {
    const end = best[i][1];
    out.push(chars.slice(i, end).join(''));
    i = end;
  }
  return out;
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
