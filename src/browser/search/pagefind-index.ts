/**
 * The online record index: Pagefind, loaded from the site (pagefind/pagefind.js).
 *
 * Pagefind holds one record per document, its clauses' tokens run together in reading order
 * (src/integrations/search/search-data.ts); the search layout (search-layout.ts) divides each record back into clauses. A token's
 * postings come from a plain Pagefind search for it, which reports every place the token
 * occurs in each record; the layout turns each place into a clause and a place within it.
 * Before a search for the tokens a single character starts, the index has Pagefind load every
 * index chunk that holds one of them (see `loadPrefix`).
 * A clause's display data comes from `loadRecord` (packs.ts online).
 */
import { type LayoutEntry, type SearchLayout, decodeGroups, layoutClauses } from './search-layout';
import type { Postings, RecordData, RecordIndex, RecordLayout } from './record-index';

/** The part of Pagefind's browser API the index uses. */
export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] }>;
  preload(term: string): Promise<void>;
}
export interface PagefindResult {
  id: string;
  /** Positions of the matched words in the record's content (none for a match in `meta` only). */
  words: number[];
}

/** How many recent answers of each kind (postings, display data) the index keeps at hand. */
const RECENT = 1000;

/** A loader that keeps its last `limit` answers (a failed one is tried again next time). */
function recentlyUsed<K, V>(limit: number, load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let value = kept.get(key);
    if (value) {
      kept.delete(key);
      kept.set(key, value);
      return value;
    }
    value = load(key);
    value.catch(() => kept.delete(key));
    kept.set(key, value);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return value;
  };
}

/** A layout entry made ready for lookups: where each of its clauses starts among the record's tokens. */
interface Divided {
  entry: LayoutEntry;
  starts: number[];
  sizes: number[];
  heading: number[];
}

function divide(entry: LayoutEntry): Divided {
  const clauses = layoutClauses(entry);
  const starts: number[] = [];
  let at = 0;
  for (const c of clauses) {
    starts.push(at);
    at += c.tokens;
  }
  return { entry, starts, sizes: clauses.map((c) => c.tokens), heading: clauses.map((c) => c.heading) };
}

/** The index of the last start at or before `position` (starts ascending, the first 0). */
function clauseAt(starts: number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A record index over a loaded Pagefind, the search layout of its records, and a loader of
 * a clause's display data by its place in reading order.
 */
export function pagefindIndex(pagefind: PagefindApi, layout: Omit<SearchLayout, 'packs'>, loadRecord: (ordinal: number) => Promise<RecordData>): RecordIndex {
  const divided = layout.records.map(divide);
  // Pagefind's id of each record: a search sorted by the records' order lists them all.
  let byId: Promise<Map<string, Divided>> | undefined;
  const records = () =>
    (byId ??= pagefind.search(null, { sort: { order: 'asc' } }).then(({ results }) => {
      if (results.length !== divided.length) {
        throw new Error(`the search index has ${results.length} records where its layout has ${divided.length}`);
      }
      return new Map(results.map((r, i) => [r.id, divided[i]!]));
    }));

  /** Every place a plain search for `term` matched, as clause keys and places within the clause. */
  const places = async (term: string): Promise<Postings> => {
    const [{ results }, byRecord] = await Promise.all([pagefind.search(term), records()]);
    const out: Postings = new Map();
    for (const r of results) {
      const d = byRecord.get(r.id);
      if (!d) continue;
      for (const w of r.words) {
        const c = clauseAt(d.starts, w);
        const at = w - d.starts[c]!;
        if (at >= d.sizes[c]!) continue; // past the last clause: Pagefind counted a token the layout did not
        const key = String(d.entry.first + c);
        const list = out.get(key);
        if (list) list.push(at);
        else out.set(key, [at]);
      }
    }
    for (const list of out.values()) list.sort((a, b) => a - b);
    return out;
  };

  // Pagefind loads the index chunks a search needs by its words: for each word the chunk
  // whose range of words holds it, and only where none does, every chunk holding a word that
  // starts with it. So a plain search for one character loads the chunk its tokens begin in,
  // not those they run on into, and finds only the tokens that chunk holds. Every token is
  // two characters (fold.ts `bigrams`): a search for the character followed by each character
  // of the index first loads every chunk holding one of the tokens the character starts.
  // (A longer prefix of a two-character token is the token itself: its chunk loads as it is.)
  const chars = [...layout.chars];
  const loadPrefix = async (prefix: string): Promise<void> => {
    if ([...prefix].length === 1) await pagefind.preload(chars.map((c) => prefix + c).join(' '));
  };

  const postings = async (token: string, prefix: boolean): Promise<Postings> => {
    if (prefix) await loadPrefix(token);
    else {
      // Where no word starts with a plain search's word, Pagefind falls back to a shorter
      // word; a quoted search never does. So the token must first be found as it is.
      const exact = await pagefind.search(`"${token}"`);
      if (!exact.results.some((r) => r.words.length > 0)) return new Map();
    }
    return places(token);
  };
  // Recent answers at hand: a query's words share its tokens, typing repeats them, and
  // results recur from query to query.
  const exact = recentlyUsed(RECENT, (token: string) => postings(token, false));
  const prefixed = recentlyUsed(RECENT, (token: string) => postings(token, true));
  const record = recentlyUsed(RECENT, loadRecord);

  return {
    preload: (tokens) => pagefind.preload(tokens.join(' ')),
    postings: (token, prefix = false) => (prefix ? prefixed : exact)(token),
    async layout(): Promise<RecordLayout> {
      const order: string[] = [];
      const docOf = new Map<string, string>();
      const headingTokens = new Map<string, number>();
      for (const d of divided) {
        d.sizes.forEach((_, i) => {
          const key = String(d.entry.first + i);
          order.push(key);
          docOf.set(key, d.entry.doc);
          if (d.heading[i]! > 0) headingTokens.set(key, d.heading[i]!);
        });
      }
      const versions = decodeGroups(layout.versions ?? '').map((g) => g.map(String));
      return { order, docOf, headingTokens, versions };
    },
    record: (key) => record(Number(key)),
  };
}

/** Load Pagefind from the site root (the search page's parent) and start it on the index's language. */
export async function loadPagefind(siteRoot: string): Promise<PagefindApi> {
  const pagefind = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', siteRoot).href)) as PagefindApi;
  // Run Pagefind in this thread: the engine asks it several questions per query, and each
  // answer from a worker is copied across threads.
  await pagefind.options({ baseUrl: new URL(siteRoot).pathname, noWorker: true });
  // Pagefind takes the query's language from <html lang> when it starts, and re-segments a
  // zh query with the browser's word segmenter, which breaks the bigram tokens. The index
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
  return pagefind;
}
