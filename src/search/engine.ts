/**
 * The search engine in the browser: an index of the clause records answers which records hold
 * some tokens (Pagefind online, an in-memory index offline: record-index.ts), this module
 * decides what to ask it and how to rank the answers.
 *
 * - The query is folded like the index (fold.ts) and cut into words with the build's
 *   vocabulary (segmenter.ts).
 * - Every match is an exact phrase of character bigrams, so a query finds every clause that
 *   contains it, whatever the word boundaries.
 * - Tiers: 1 contains the query as typed; 2 contains all of its words; 3 some of them.
 *   Within a tier, matches in the heading come first, then document order.
 */
import { type CharMap, bigrams, findFolded, fold } from './fold';
import { LAYOUT_FILE, LEXICON_FILE, type Versioned, clauseFile, fetchGzipJson, ofVersion, wordsFile } from './files';
import type { SearchLayout } from './layout';
import { memoryIndex } from './memory-index';
import { loadOfflineData } from './offline';
import { loadPagefind, pagefindIndex } from './pagefind-index';
import type { RecordData, RecordIndex } from './record-index';
import type { LexiconData, OnlineLexicon } from './records';
import { type Vocabulary, addWords, parseFreqs, queryWords, vocabulary, wordShard } from './segmenter';
import type { Engine, FilterCounts, Hit, MatchRange, Outcome, SearchDoc, SearchFilters } from './types';

/** The character map from the lexicon's string of pairs. */
export function charMap(pairs: string): CharMap {
  const chars = [...pairs];
  const map: CharMap = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}

/** Where the engine gets the vocabulary to cut a folded query with. */
export type VocabularySource = (folded: string) => Promise<Vocabulary>;

/** The whole vocabulary, held at once (the offline data has it whole). */
export function wholeVocabulary(lexicon: LexiconData): VocabularySource {
  const vocab = vocabulary(parseFreqs(lexicon.words), lexicon.total, lexicon.minFreq);
  return async () => vocab;
}

/**
 * The vocabulary in shards by first character: a query loads the shards of its own
 * characters, which hold every word that can start inside it, so it is cut as with the whole.
 * Loaded shards join one vocabulary (words of other shards never start inside the query).
 */
export function shardedVocabulary(lexicon: OnlineLexicon, loadShard: (shard: number) => Promise<string>): VocabularySource {
  const vocab = vocabulary([], lexicon.total, lexicon.minFreq);
  const loaded = new Map<number, Promise<void>>();
  const load = (k: number) => {
    let done = loaded.get(k);
    if (!done) loaded.set(k, (done = loadShard(k).then((text) => void addWords(vocab, parseFreqs(text), lexicon.total))));
    return done;
  };
  return async (folded) => {
    await Promise.all([...new Set([...folded].map((c) => wordShard(c, lexicon.shards)))].map(load));
    return vocab;
  };
}

/** A query broken down: its folded form and the words it must contain. */
export interface ParsedQuery {
  folded: string;
  words: string[];
}

/** Fold a query and cut it into words (one word when it is a single word of the vocabulary). */
export function parseQuery(query: string, t2s: CharMap, vocab: Vocabulary): ParsedQuery {
  const folded = fold(query, t2s);
  const words = [...folded].length >= 2 ? queryWords(folded, vocab) : [];
  return { folded, words: words.length === 1 && words[0] === folded ? [] : words };
}

/** Occurrences of the needles in the paragraphs, in reading order, overlaps merged. */
export function matchRanges(paragraphs: string[], needles: string[], t2s: CharMap): MatchRange[] {
  const out: MatchRange[] = [];
  paragraphs.forEach((p, paragraph) => {
    const ranges = needles.flatMap((n) => findFolded(p, n, t2s)).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    for (const [start, end] of ranges) {
      const last = out[out.length - 1];
      if (last && last.paragraph === paragraph && start <= last.end) last.end = Math.max(last.end, end);
      else out.push({ paragraph, start, end });
    }
  });
  return out;
}

/** Whether a sorted list holds a value. */
function holds(sorted: number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] === value;
}

/** The records holding a folded text, and those holding it within their heading. */
export interface Found {
  all: Set<string>;
  heading: Set<string>;
}

/**
 * Find a folded text: two characters or more as a run of consecutive bigram tokens, one
 * character as the first of a token. A match counts for the heading when all its tokens lie
 * within the record's heading tokens.
 */
export async function findText(index: RecordIndex, folded: string, headingTokens: Map<string, number>): Promise<Found> {
  const found: Found = { all: new Set(), heading: new Set() };
  const grams = [...folded].length >= 2 ? bigrams(folded) : [];
  // The postings of each token of the run (a lone character: of every token it starts).
  const [first, ...rest] = await Promise.all(grams.length ? grams.map((g) => index.postings(g)) : [index.postings(folded, true)]);
  const span = Math.max(1, grams.length);
  for (const [key, starts] of first!) {
    const others = rest.map((p) => p.get(key));
    if (others.some((o) => !o)) continue;
    const inHeading = headingTokens.get(key) ?? 0;
    for (const start of starts) {
      if (!others.every((o, j) => holds(o!, start + j + 1))) continue;
      found.all.add(key);
      if (start + span <= inHeading) {
        found.heading.add(key);
        break;
      }
    }
  }
  return found;
}

interface Ranked {
  id: string;
  tier: 1 | 2 | 3;
  heading: number;
  rank: number;
}

/** A word too generic to make a partial match on its own: digits only (2014, 79). */
export const isGenericWord = (word: string): boolean => /^\d+$/.test(word);

/**
 * Rank results: tier, then matches in the heading, then document order. A partial match
 * (tier 3) needs one of the words that are not generic.
 */
export function rankResults(
  t1: Set<string>,
  wordSets: Set<string>[],
  headingSets: { query: Set<string>; words: Set<string>[] },
  order: Map<string, number>,
  generic: boolean[] = [],
): Ranked[] {
  const all = new Set<string>(t1);
  for (const id of wordSets.flatMap((s) => [...s])) {
    if (wordSets.every((s) => s.has(id)) || wordSets.some((s, i) => !generic[i] && s.has(id))) all.add(id);
  }
  const ranked: Ranked[] = [];
  for (const id of all) {
    const inWords = wordSets.filter((s) => s.has(id)).length;
    const tier: 1 | 2 | 3 = t1.has(id) ? 1 : inWords === wordSets.length ? 2 : 3;
    const heading =
      (headingSets.query.has(id) ? wordSets.length + 1 : 0) + headingSets.words.filter((s) => s.has(id)).length;
    ranked.push({ id, tier, heading, rank: order.get(id) ?? Number.MAX_SAFE_INTEGER });
  }
  return ranked.sort((a, b) => a.tier - b.tier || b.heading - a.heading || a.rank - b.rank);
}

/** Does a document pass the filters? */
export function passes(doc: SearchDoc | undefined, filters: SearchFilters): boolean {
  if (!doc) return false;
  const ok = (selected: string[] | undefined, value: string | null) => !selected?.length || (value !== null && selected.includes(value));
  return ok(filters.doc, doc.id) && ok(filters.kind, doc.kind) && ok(filters.year, doc.year);
}

/** Count results per document, kind and year. */
export function countFacets(docs: (SearchDoc | undefined)[]): FilterCounts {
  const counts: FilterCounts = { doc: {}, kind: {}, year: {} };
  const add = (m: Record<string, number>, k: string | null) => {
    if (k !== null) m[k] = (m[k] ?? 0) + 1;
  };
  for (const d of docs) {
    if (!d) continue;
    add(counts.doc, d.id);
    add(counts.kind, d.kind);
    add(counts.year, d.year);
  }
  return counts;
}

/** Make an engine over a record index, the lexicon and its vocabulary (the seam the tests use). */
export function makeEngine(index: RecordIndex, lexicon: Pick<LexiconData, 't2s' | 'docs'>, vocabFor: VocabularySource): Engine {
  const t2s = charMap(lexicon.t2s);
  const docs = lexicon.docs;
  const docById = new Map(docs.map((d) => [d.id, d]));

  // Document order, each record's document and heading tokens, asked of the index once.
  let layout: Promise<{ order: Map<string, number>; docOf: Map<string, SearchDoc>; headingTokens: Map<string, number> }> | undefined;
  const loadLayout = () =>
    (layout ??= index.layout().then(({ order, docOf, headingTokens }) => ({
      order: new Map(order.map((key, i) => [key, i])),
      docOf: new Map([...docOf].map(([key, doc]) => [key, docById.get(doc)!])),
      headingTokens,
    })));
  const find = async (folded: string) => findText(index, folded, (await loadLayout()).headingTokens);

  const hit = async (r: Ranked, needles: string[], docOf: Map<string, SearchDoc>): Promise<Hit> => {
    const { url, meta } = await index.record(r.id);
    const paragraphs = meta.t.split('\n');
    const out: Hit = {
      id: meta.id,
      url,
      doc: docOf.get(r.id)!,
      position: meta.p,
      paragraphs,
      tier: r.tier,
      matches: matchRanges(paragraphs, needles, t2s),
      headingMatch: r.heading > 0,
    };
    if (meta.h) out.heading = meta.h;
    if (meta.a) out.anchors = meta.a;
    return out;
  };

  return {
    docs,
    async search(query: string, filters: SearchFilters = {}): Promise<Outcome> {
      const { folded, words } = parseQuery(query, t2s, await vocabFor(fold(query, t2s)));
      if (folded === '') {
        return { query, folded, words, total: 0, counts: countFacets([]), hits: async () => [] };
      }
      // Load everything the searches need in one go (they then run from memory).
      const grams = bigrams(folded);
      await index.preload(grams.length ? grams : [folded]);
      const [layoutData, found, ...perWord] = await Promise.all([loadLayout(), find(folded), ...words.map(find)]);
      const ranked = rankResults(
        found.all,
        perWord.map((f) => f.all),
        { query: found.heading, words: perWord.map((f) => f.heading) },
        layoutData.order,
        words.map(isGenericWord),
      );
      const { docOf } = layoutData;
      const counts = countFacets(ranked.map((r) => docOf.get(r.id)));
      const shown = ranked.filter((r) => passes(docOf.get(r.id), filters));
      return {
        query,
        folded,
        words,
        total: shown.length,
        counts,
        hits: (from, to) =>
          Promise.all(shown.slice(from, to).map((r) => hit(r, r.tier === 1 ? [folded] : words, docOf))),
      };
    },
  };
}

/** The engine over Pagefind and the search files, all loaded from the site root. */
async function onlineEngine(siteRoot: string): Promise<Engine> {
  const file = (name: string) => new URL(`search/${name}`, siteRoot).href;
  const revalidated: RequestInit = { cache: 'no-cache' };
  const [pagefind, lexicon, layout] = await Promise.all([
    loadPagefind(siteRoot),
    fetchGzipJson<Versioned<OnlineLexicon>>(file(LEXICON_FILE), revalidated),
    fetchGzipJson<Versioned<SearchLayout>>(file(LAYOUT_FILE), revalidated),
  ]);
  if (lexicon.version !== layout.version) throw new Error(`the search lexicon (${lexicon.version}) and layout (${layout.version}) are of two builds`);
  const current = (name: string) => ofVersion(file(name), lexicon.version);
  const loadRecord = (ordinal: number) => fetchGzipJson<RecordData>(current(clauseFile(ordinal)));
  const vocab = shardedVocabulary(lexicon, (shard) => fetchGzipJson<string>(current(wordsFile(shard))));
  return makeEngine(pagefindIndex(pagefind, layout, loadRecord), lexicon, vocab);
}

/** The engine over the offline data (the same records in memory), loaded by a classic script. */
async function offlineEngine(siteRoot: string): Promise<Engine> {
  const { lexicon, records } = await loadOfflineData(siteRoot);
  return makeEngine(memoryIndex(records, charMap(lexicon.t2s)), lexicon, wholeVocabulary(lexicon));
}

/**
 * Make the engine for the site at `siteRoot` (the search page's parent): over Pagefind, or
 * offline where Pagefind cannot load (a copy opened from disk, or a server without it).
 */
export async function createEngine(siteRoot: string): Promise<Engine> {
  if (new URL(siteRoot).protocol === 'file:') return offlineEngine(siteRoot);
  try {
    return await onlineEngine(siteRoot);
  } catch (error) {
    console.warn('Pagefind did not load; searching with the offline index instead.', error);
    return offlineEngine(siteRoot);
  }
}
