/**
 * The search engine in the browser: Pagefind is the index and the engine, this module decides
 * what to ask it and how to rank the answers.
 *
 * - The query is folded like the index (fold.ts) and cut into words with the build's
 *   vocabulary (segmenter.ts).
 * - Every match is an exact phrase of character bigrams, so a query finds every clause that
 *   contains it, whatever the word boundaries.
 * - Tiers: 1 contains the query as typed; 2 contains all of its words; 3 some of them.
 *   Within a tier, matches in the heading come first, then document order.
 */
import { type CharMap, HEADING_MARK, bigrams, findFolded, fold, phraseQuery } from './fold';
import { LEXICON_FILE } from './lexicon-file';
import type { LexiconData } from './records';
import { type Vocabulary, parseFreqs, queryWords, vocabulary } from './segmenter';
import type { Engine, FilterCounts, Hit, MatchRange, Outcome, SearchDoc, SearchFilters } from './types';

/** The part of Pagefind's browser API this engine uses. */
export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { sort?: Record<string, 'asc' | 'desc'>; filters?: Record<string, string | string[]> }): Promise<{
    results: PagefindResult[];
  }>;
  preload(term: string): Promise<void>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; raw_url?: string; meta: Record<string, string> }>;
}

/** Read the lexicon written by the build (gzipped JSON). */
export async function loadLexicon(url: string): Promise<LexiconData> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`cannot load the search lexicon (${response.status})`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as LexiconData;
}

/** The character map from the lexicon's string of pairs. */
export function charMap(pairs: string): CharMap {
  const chars = [...pairs];
  const map: CharMap = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
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

/** Make an engine over a loaded Pagefind and lexicon (the seam the tests use). */
export function makeEngine(pagefind: PagefindApi, lexicon: LexiconData): Engine {
  const t2s = charMap(lexicon.t2s);
  const vocab = vocabulary(parseFreqs(lexicon.words), lexicon.total, lexicon.minFreq);
  const docs = lexicon.docs;
  const results = new Map<string, PagefindResult>();
  const sorted = { sort: { order: 'asc' as const } };

  /** The ids of the clauses containing a folded string (in its heading: mark = HEADING_MARK). */
  const phrase = async (folded: string, mark = ''): Promise<Set<string>> => {
    const term = [...folded].length >= 2 ? phraseQuery(folded, mark) : mark + folded;
    const { results: found } = await pagefind.search(term, sorted);
    for (const r of found) results.set(r.id, r);
    return new Set(found.map((r) => r.id));
  };

  // Document order and each clause's document, asked of Pagefind once (filter-only searches).
  let layout: Promise<{ order: Map<string, number>; docOf: Map<string, SearchDoc> }> | undefined;
  const loadLayout = () =>
    (layout ??= (async () => {
      const all = await pagefind.search(null, sorted);
      const order = new Map(all.results.map((r, i) => [r.id, i]));
      const docOf = new Map<string, SearchDoc>();
      await Promise.all(
        docs.map(async (d) => {
          const { results: inDoc } = await pagefind.search(null, { filters: { doc: d.id } });
          for (const r of inDoc) docOf.set(r.id, d);
        }),
      );
      return { order, docOf };
    })());

  const hit = async (r: Ranked, needles: string[], docOf: Map<string, SearchDoc>): Promise<Hit> => {
    const data = await results.get(r.id)!.data();
    const paragraphs = data.meta.t.split('\n');
    const heading = data.meta.h;
    const out: Hit = {
      id: data.meta.id,
      url: data.raw_url ?? data.url,
      doc: docOf.get(r.id)!,
      position: data.meta.p,
      paragraphs,
      tier: r.tier,
      matches: matchRanges(paragraphs, needles, t2s),
      headingMatch: r.heading > 0,
    };
    if (heading) out.heading = heading;
    return out;
  };

  return {
    docs,
    async search(query: string, filters: SearchFilters = {}): Promise<Outcome> {
      const { folded, words } = parseQuery(query, t2s, vocab);
      if (folded === '') {
        return { query, folded, words, total: 0, counts: countFacets([]), hits: async () => [] };
      }
      // Load every index chunk the phrases need in one go (the searches then run from memory).
      await pagefind.preload([...bigrams(folded), ...bigrams(folded).map((b) => HEADING_MARK + b)].join(' ') || folded);
      const [layoutData, t1, h1, ...perWord] = await Promise.all([
        loadLayout(),
        phrase(folded),
        phrase(folded, HEADING_MARK),
        ...words.flatMap((w) => [phrase(w), phrase(w, HEADING_MARK)]),
      ]);
      const wordSets = perWord.filter((_, i) => i % 2 === 0);
      const headingWords = perWord.filter((_, i) => i % 2 === 1);
      const ranked = rankResults(t1, wordSets, { query: h1, words: headingWords }, layoutData.order, words.map(isGenericWord));
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

/** Load Pagefind and the lexicon from the site root (the search page's parent) and make the engine. */
export async function createEngine(siteRoot: string): Promise<Engine> {
  const pagefindUrl = new URL('pagefind/pagefind.js', siteRoot).href;
  const [pagefind, lexicon] = await Promise.all([
    import(/* @vite-ignore */ pagefindUrl) as Promise<PagefindApi>,
    loadLexicon(new URL(`search/${LEXICON_FILE}`, siteRoot).href),
  ]);
  // Run Pagefind in this thread: the engine asks it several questions per query, and each
  // answer from a worker is copied across threads.
  await pagefind.options({ baseUrl: new URL(siteRoot).pathname, noWorker: true });
  // Pagefind takes the query's language from <html lang> when it starts, and re-segments a
  // zh query with the browser's word segmenter, which breaks the bigram phrases. The index
  // is language "und": start Pagefind under that language, then give the page its own back.
  const html = document.documentElement;
  const lang = html.getAttribute('lang');
  html.setAttribute('lang', 'und');
  try {
    await pagefind.init();
  } finally {
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
  }
  return makeEngine(pagefind, lexicon);
}
