/**
 * The online record index: Pagefind, loaded from the site (pagefind/pagefind.js) and asked
 * for exact phrases of tokens (quoted searches) and single-token prefixes.
 *
 * Pagefind 1.6 also makes every `meta` field of a record searchable (its words, split
 * Pagefind's way), so a search would find a clause by its id ("…/4/50" for 50) or by a run
 * of its raw text. Those hits have no word locations in the content: only hits with some
 * are kept, so a record is found by its tokens alone, as the in-memory index finds it.
 */
import type { RecordData, RecordIndex, RecordLayout } from './record-index';

/** The part of Pagefind's browser API the index uses. */
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
  /** Positions of the matched words in the record's content (none for a match in `meta` only). */
  words: number[];
  data(): Promise<{ url: string; raw_url?: string; meta: Record<string, string> }>;
}

/** A record index over a loaded Pagefind (records in reading order by their `order` sort key). */
export function pagefindIndex(pagefind: PagefindApi): RecordIndex {
  const results = new Map<string, PagefindResult>();
  const sorted = { sort: { order: 'asc' as const } };
  const ask = async (term: string | null, o: Parameters<PagefindApi['search']>[1]): Promise<string[]> => {
    const { results: all } = await pagefind.search(term, o);
    const found = term === null ? all : all.filter((r) => r.words.length > 0);
    for (const r of found) results.set(r.id, r);
    return found.map((r) => r.id);
  };
  return {
    preload: (tokens) => pagefind.preload(tokens.join(' ')),
    phrase: (tokens) => ask(`"${tokens.join(' ')}"`, sorted),
    prefix: (token) => ask(token, sorted),
    async layout(docs): Promise<RecordLayout> {
      // Filter-only searches: all records in order, then the records of each document.
      const order = await ask(null, sorted);
      const docOf = new Map<string, string>();
      await Promise.all(
        docs.map(async (doc) => {
          for (const key of await ask(null, { filters: { doc } })) docOf.set(key, doc);
        }),
      );
      return { order, docOf };
    },
    async record(key): Promise<RecordData> {
      const result = results.get(key);
      if (!result) throw new Error(`no search result ${key}`);
      const data = await result.data();
      const { id, p, t, h } = data.meta;
      return { url: data.raw_url ?? data.url, meta: h ? { id, p, t, h } : { id, p, t } };
    },
  };
}

/** Load Pagefind from the site root (the search page's parent) and start it on the index's language. */
export async function loadPagefind(siteRoot: string): Promise<PagefindApi> {
  const pagefind = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', siteRoot).href)) as PagefindApi;
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
  return pagefind;
}
