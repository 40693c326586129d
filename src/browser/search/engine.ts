/**
 * The search engine in the browser: an index of the clause records answers which records hold
 * some tokens (Pagefind online, an in-memory index offline: record-index.ts), this module
 * decides what to ask it and how to rank the answers.
 *
 * - The query is split at its spaces and quotation marks (query.ts); each part is folded like
 *   the index (fold.ts) and cut into words with the build's vocabulary (segmenter.ts), a
 *   quoted phrase stays whole.
 * - Every match is an exact phrase of character bigrams, so a query finds every clause that
 *   contains it, whatever the word boundaries.
 * - Tiers: 1 contains the query as typed (its parts together, in order); 2 contains all of
 *   its words, anywhere and in any order; 3 some of them.
 *   A long dictionary compound among the words also counts where only its parts stand
 *   apart, ranked after the clauses holding it whole (compounds.ts). Within a tier, matches
 *   in the heading come first, then document order.
 * - The transcriptions of one text (plan14-a and plan14-b) are one result (`groupResults`):
 *   what the page counts are results, so `total` (tiers 1–2) and `partial` (tier 3) count them.
 */
import { apartMatches, parseCompounds } from './compounds';
import { type CharMap, bigrams, findFolded, fold } from '../fold';
import { LEXICON_FILE, type LexiconData, type OnlineLexicon, type Versioned, fetchGzipJson, ofVersion, packFile, wordsFile } from './files';
import { packedRecords } from './packs';
import { memoryIndex } from './memory-index';
import { loadOfflineData } from './offline';
import { loadPagefind, pagefindIndex } from './pagefind-index';
import type { RecordData, RecordIndex } from './record-index';
import { parseQuery } from './query';
import { type Vocabulary, addWords, parseFreqs, vocabulary, wordShard } from './segmenter';
import type { Engine, FilterCounts, Hit, MatchRange, Outcome, SearchDoc, SearchFilters, Transcription } from './types';

/** The character map from the lexicon's string of pairs. */
export function charMap(pairs: string): CharMap {
  const chars = [...pairs];
  const map: CharMap = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}

/** Where the engine gets the vocabulary to cut a folded query with. */
export type VocabularySource = ((folded: string) => Promise<Vocabulary>) & {
  /** Set where the vocabulary is held whole: a query is then cut without waiting for anything. */
  whole?: true;
};

/** The whole vocabulary, held at once (the offline data has it whole, and so has a small lexicon online). */
export function wholeVocabulary(lexicon: Pick<LexiconData, 'words' | 'total' | 'minFreq'>): VocabularySource {
  const vocab = vocabulary(parseFreqs(lexicon.words), lexicon.total, lexicon.minFreq);
  return Object.assign(async () => vocab, { whole: true as const });
}

/**
 * The vocabulary in shards by first character: a query loads the shards of its own
 * characters, which hold every word that can start inside it, so it is cut as with the whole.
 * Loaded shards join one vocabulary (words of other shards never start inside the query).
 */
export function shardedVocabulary(
  lexicon: Pick<OnlineLexicon, 'shards' | 'total' | 'minFreq'>,
  loadShard: (shard: number) => Promise<string>,
): VocabularySource {
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

/** The vocabulary of the online lexicon: held in it, or loaded by `loadShard` in shards. */
export function onlineVocabulary(lexicon: OnlineLexicon, loadShard: (shard: number) => Promise<string>): VocabularySource {
  const { words } = lexicon;
  return words === undefined ? shardedVocabulary(lexicon, loadShard) : wholeVocabulary({ ...lexicon, words });
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
 * The offsets of the bigrams that pin a run of characters down (`grams`, its bigrams in
 * order): every bigram already `chosen`, and for each character none of them covers, the
 * bigram starting there (the last character: the one ending there). Tokens found at these
 * offsets from one start within one record fix every character of the run, so they match
 * exactly where all its bigrams would, with about half of them looked up. Offset 0 and the
 * last are always among them.
 */
export function coverOffsets(grams: readonly string[], chosen: ReadonlySet<string> = new Set()): number[] {
  const last = grams.length - 1;
  const picked = new Set(grams.flatMap((g, i) => (chosen.has(g) ? [i] : [])));
  for (let c = 0; c <= grams.length; c++) if (!picked.has(c) && !picked.has(c - 1)) picked.add(Math.min(c, last));
  return [...picked].sort((a, b) => a - b);
}

/**
 * The bigrams a query's lookups need (its words and their parts first, then the whole query):
 * each text pinned down by the bigrams chosen for those before it wherever they fall, so that
 * the whole query mostly reuses its words' bigrams and costs no index chunk of its own.
 */
export function chooseBigrams(texts: readonly string[]): Set<string> {
  const chosen = new Set<string>();
  for (const text of texts) {
    const grams = bigrams(text);
    if (grams.length) for (const o of coverOffsets(grams, chosen)) chosen.add(grams[o]!);
  }
  return chosen;
}

/**
 * Find a folded text: two characters or more as a run of bigram tokens, consecutive where its
 * covering bigrams (`coverOffsets`, with `chosen`) say; one character as the first of a
 * token. A match counts for the heading when all its tokens lie within the record's heading tokens.
 */
export async function findText(index: RecordIndex, folded: string, headingTokens: Map<string, number>, chosen?: ReadonlySet<string>): Promise<Found> {
  const found: Found = { all: new Set(), heading: new Set() };
  const grams = [...folded].length >= 2 ? bigrams(folded) : [];
  const offsets = grams.length ? coverOffsets(grams, chosen) : [0];
  // The postings of each covering token of the run (a lone character: of every token it starts).
  const [first, ...rest] = await Promise.all(grams.length ? offsets.map((o) => index.postings(grams[o]!)) : [index.postings(folded, true)]);
  const span = Math.max(1, grams.length);
  for (const [key, starts] of first!) {
    const others = rest.map((p) => p.get(key));
    if (others.some((o) => !o)) continue;
    const inHeading = headingTokens.get(key) ?? 0;
    for (const start of starts) {
      if (!others.every((o, j) => holds(o!, start + offsets[j + 1]!))) continue;
      found.all.add(key);
      if (start + span <= inHeading) {
        found.heading.add(key);
        break;
      }
    }
  }
  return found;
}

/** A clause among the results, with what ranks it. */
export interface Ranked {
  id: string;
  tier: 1 | 2 | 3;
  /** How strongly the heading matches: the query as typed counts more than all the words. */
  heading: number;
  /** How many of the words the clause holds (whole or by their parts). */
  matched: number;
  /** The indexes of the words it holds only by their parts, apart (compounds.ts). */
  apart: number[];
  rank: number;
}

/** A word of the query found: where it stands whole, where only its parts stand apart, and heading matches. */
export interface WordFound extends Found {
  apart: Set<string>;
}

/** A word too generic to make a partial match on its own: digits only (2014, 79), or one character (a part typed alone). */
export const isGenericWord = (word: string): boolean => /^\d+$/.test(word) || [...word].length === 1;

/** The words (of several) that no clause holds at all, whole or by their parts. */
export function missingWords(words: readonly string[], found: readonly WordFound[]): string[] {
  if (words.length < 2) return [];
  return words.filter((_, i) => found[i]!.all.size === 0 && found[i]!.apart.size === 0);
}

/**
 * Rank results: tier (1 the query as typed, 2 every word, 3 some words), then, among those
 * with every word, how few words stood only apart; among those with some, how many words;
 * then matches in the heading, then document order. A word held by its parts apart counts as
 * held. A partial match (tier 3) needs one of the words that are not generic.
 */
export function rankResults(query: Found, words: readonly WordFound[], order: Map<string, number>, generic: readonly boolean[] = []): Ranked[] {
  const holds = (w: WordFound, id: string) => w.all.has(id) || w.apart.has(id);
  const all = new Set<string>(query.all);
  for (const w of words) {
    for (const id of [...w.all, ...w.apart]) {
      if (words.every((x) => holds(x, id)) || words.some((x, i) => !generic[i] && holds(x, id))) all.add(id);
    }
  }
  const ranked: Ranked[] = [];
  for (const id of all) {
    const matched = words.filter((w) => holds(w, id)).length;
    const tier: 1 | 2 | 3 = query.all.has(id) ? 1 : matched === words.length ? 2 : 3;
    const apart = tier === 1 ? [] : words.flatMap((w, i) => (!w.all.has(id) && w.apart.has(id) ? [i] : []));
    const heading = (query.heading.has(id) ? words.length + 1 : 0) + words.filter((w) => w.heading.has(id)).length;
    ranked.push({ id, tier, heading, matched, apart, rank: order.get(id) ?? Number.MAX_SAFE_INTEGER });
  }
  return ranked.sort((a, b) => a.tier - b.tier || a.apart.length - b.apart.length || b.matched - a.matched || b.heading - a.heading || a.rank - b.rank);
}

/** One result: a clause, or the transcriptions of one text together, led by the best ranked of them. */
export interface Grouped {
  lead: Ranked;
  /** The members among the results, in rank order (the lead first). */
  found: Ranked[];
  /** Every transcription of the text in reading order, where the clause has several. */
  versions?: string[];
}

/**
 * Make results of ranked clauses: the transcriptions of one text (groups of keys in reading
 * order) become one result, in the place of the best ranked of them, which leads it (with
 * equal rank, the first in reading order). Full results (tiers 1–2) come before partial ones.
 */
export function groupResults(ranked: readonly Ranked[], versions: readonly (readonly string[])[]): { full: Grouped[]; partial: Grouped[] } {
  const groupOf = new Map<string, readonly string[]>();
  for (const g of versions) for (const key of g) groupOf.set(key, g);
  const byGroup = new Map<readonly string[], Grouped>();
  const results: Grouped[] = [];
  for (const r of ranked) {
    const group = groupOf.get(r.id);
    const known = group && byGroup.get(group);
    if (known) {
      known.found.push(r);
      continue;
    }
    const result: Grouped = { lead: r, found: [r] };
    if (group) {
      result.versions = [...group];
      byGroup.set(group, result);
    }
    results.push(result);
  }
  // Grouping keeps the order of the leads, and a lead is its group's best: full ones stay first.
  return { full: results.filter((g) => g.lead.tier < 3), partial: results.filter((g) => g.lead.tier === 3) };
}

/** Does a document pass the filters? */
export function passes(doc: SearchDoc | undefined, filters: SearchFilters): boolean {
  if (!doc) return false;
  const ok = (selected: string[] | undefined, value: string | null) => !selected?.length || (value !== null && selected.includes(value));
  return ok(filters.doc, doc.id) && ok(filters.kind, doc.kind) && ok(filters.year, doc.year);
}

/** Count results per document, kind and year: one result per document. */
export function countFacets(docs: (SearchDoc | undefined)[]): FilterCounts {
  return countResultFacets(docs.map((d) => [d]));
}

/** Count results per document, kind and year, each result (its documents) once per value. */
export function countResultFacets(results: (SearchDoc | undefined)[][]): FilterCounts {
  const counts: FilterCounts = { doc: {}, kind: {}, year: {} };
  const add = (m: Record<string, number>, values: (string | null)[]) => {
    for (const k of new Set(values)) if (k !== null) m[k] = (m[k] ?? 0) + 1;
  };
  for (const result of results) {
    const docs = result.filter((d): d is SearchDoc => !!d);
    add(
      counts.doc,
      docs.map((d) => d.id),
    );
    add(
      counts.kind,
      docs.map((d) => d.kind),
    );
    add(
      counts.year,
      docs.map((d) => d.year),
    );
  }
  return counts;
}

/** What to mark in a clause: the query as typed (tier 1), else its words, a word held apart by its parts. */
export function clauseNeedles(r: Pick<Ranked, 'tier' | 'apart'>, folded: string, words: readonly string[], compounds: ReadonlyMap<string, string[]>): string[] {
  if (r.tier === 1 || words.length === 0) return [folded];
  return words.flatMap((w, i) => (r.apart.includes(i) ? (compounds.get(w) ?? [w]) : [w]));
}

/** Make an engine over a record index, the lexicon and its vocabulary (the seam the tests use). */
export function makeEngine(index: RecordIndex, lexicon: Pick<LexiconData, 't2s' | 'docs'> & { compounds?: string }, vocabFor: VocabularySource): Engine {
  const t2s = charMap(lexicon.t2s);
  const docs = lexicon.docs;
  const docById = new Map(docs.map((d) => [d.id, d]));
  const compounds = parseCompounds(lexicon.compounds);

  // Document order, each record's document, heading tokens and transcriptions, asked of the index once.
  let layout: Promise<{ order: Map<string, number>; docOf: Map<string, SearchDoc>; headingTokens: Map<string, number>; versions: string[][] }> | undefined;
  const loadLayout = () =>
    (layout ??= index.layout().then(({ order, docOf, headingTokens, versions }) => ({
      order: new Map(order.map((key, i) => [key, i])),
      docOf: new Map([...docOf].map(([key, doc]) => [key, docById.get(doc)!])),
      headingTokens,
      versions,
    })));
  const find = async (folded: string, chosen: ReadonlySet<string>) => findText(index, folded, (await loadLayout()).headingTokens, chosen);
  /** A word: where it stands whole, and, for a long dictionary compound (its `parts`), where only its parts stand. */
  const findWord = async (word: string, parts: readonly string[], chosen: ReadonlySet<string>): Promise<WordFound> => {
    const [whole, ...apart] = await Promise.all([find(word, chosen), ...parts.map((p) => find(p, chosen))]);
    return {
      ...whole!,
      apart: apartMatches(
        apart.map((f) => f.all),
        whole!.all,
      ),
    };
  };

  /** A clause's display data with the ranges of its needles. */
  const load = async (key: string, needles: string[], docOf: Map<string, SearchDoc>) => {
    const { url, meta } = await index.record(key);
    const paragraphs = meta.t.split('\n');
    return { url, meta, doc: docOf.get(key)!, paragraphs, matches: needles.length ? matchRanges(paragraphs, needles, t2s) : [] };
  };

  return {
    docs,
    async search(query: string, filters: SearchFilters = {}): Promise<Outcome> {
      // Where the vocabulary must load first (in shards), the index chunks of every bigram of
      // the query load meanwhile; held whole, the query is cut at once and only the bigrams its
      // lookups need load (chooseBigrams).
      const whole = fold(query, t2s);
      const early = vocabFor.whole ? [] : bigrams(whole);
      const [vocab] = await Promise.all([vocabFor(whole), early.length ? index.preload(early) : undefined]);
      const { folded, words, phrases } = parseQuery(query, t2s, vocab);
      if (folded === '') {
        return { query, folded, words, total: 0, partial: 0, missing: [], counts: countFacets([]), hits: async () => [] };
      }
      // A query that is one long dictionary compound is also looked for by its parts (unless quoted).
      const terms = words.length ? words : compounds.has(folded) && !phrases.includes(folded) ? [folded] : [];
      // A quoted phrase is matched as typed only, never by a compound's parts.
      const partsOf = (w: string) => (phrases.includes(w) ? [] : (compounds.get(w) ?? []));
      // Load everything the searches need in one go (they then run from memory).
      const chosen = chooseBigrams([...terms.flatMap((w) => [w, ...partsOf(w)]), folded]);
      await index.preload(chosen.size ? [...chosen] : [folded]);
      const [layoutData, found, ...perWord] = await Promise.all([loadLayout(), find(folded, chosen), ...terms.map((w) => findWord(w, partsOf(w), chosen))]);
      const { docOf, order, versions } = layoutData;
      const ranked = rankResults(found, perWord, order, terms.map(isGenericWord));
      const rankedOf = new Map(ranked.map((r) => [r.id, r]));
      const all = groupResults(ranked, versions);
      const counts = countResultFacets([...all.full, ...all.partial].map((g) => g.found.map((r) => docOf.get(r.id))));
      const { full, partial } = groupResults(
        ranked.filter((r) => passes(docOf.get(r.id), filters)),
        versions,
      );
      const shown = [...full, ...partial];
      const needlesOf = (r: Ranked) => clauseNeedles(r, folded, terms, compounds);

      const hit = async (g: Grouped): Promise<Hit> => {
        const r = g.lead;
        const { url, meta, doc, paragraphs, matches } = await load(r.id, needlesOf(r), docOf);
        const out: Hit = { id: meta.id, url, doc, position: meta.p, paragraphs, tier: r.tier, matches, headingMatch: r.heading > 0 };
        if (meta.h) out.heading = meta.h;
        if (meta.a) out.anchors = meta.a;
        if (r.apart.length) out.split = r.apart.map((i) => terms[i]!);
        if (g.versions) {
          // Whether each holds what was looked for, filters or not (a filter only decides which one leads).
          out.versions = await Promise.all(
            g.versions.map(async (key): Promise<Transcription> => {
              const own = rankedOf.get(key);
              const v = await load(key, own ? needlesOf(own) : [], docOf);
              const t: Transcription = {
                id: v.meta.id,
                url: v.url,
                doc: v.doc,
                position: v.meta.p,
                paragraphs: v.paragraphs,
                matches: v.matches,
                matched: !!own,
              };
              if (v.meta.a) t.anchors = v.meta.a;
              if (v.meta.v) t.difference = { wording: v.meta.v.w, punctuation: v.meta.v.q, compare: v.meta.v.c };
              return t;
            }),
          );
        }
        return out;
      };

      return {
        query,
        folded,
        words,
        total: full.length,
        partial: partial.length,
        missing: missingWords(terms, perWord),
        counts,
        hits: (from, to) => Promise.all(shown.slice(from, to).map(hit)),
      };
    },
  };
}

/** The engine over Pagefind and the search files, all loaded from the site root. */
async function onlineEngine(siteRoot: string): Promise<Engine> {
  const file = (name: string) => new URL(`search/${name}`, siteRoot).href;
  const revalidated: RequestInit = { cache: 'no-cache' };
  const [pagefind, lexicon] = await Promise.all([loadPagefind(siteRoot), fetchGzipJson<Versioned<OnlineLexicon>>(file(LEXICON_FILE), revalidated)]);
  const { layout } = lexicon;
  const current = (name: string) => ofVersion(file(name), lexicon.version);
  // A pack is named by its content's hash: no version needed.
  const display = packedRecords(layout.packs, (k) => fetchGzipJson<RecordData[]>(file(packFile(layout.packs[k]!.hash))));
  const vocab = onlineVocabulary(lexicon, (shard) => fetchGzipJson<string>(current(wordsFile(shard))));
  return makeEngine(pagefindIndex(pagefind, layout, display), lexicon, vocab);
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
