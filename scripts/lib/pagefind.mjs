// @ts-check
/**
 * The search index step: Pagefind over the records the site build wrote.
 *
 * The Astro build (its `tiaowen:search` integration, src/integrations/search.ts) writes the
 * Pagefind records, one per document, to `<site>/.pagefind-records.json`; `indexSite` then
 * indexes them into `<site>/pagefind/` and removes the file. scripts/build.mjs runs it after
 * the Astro build's own process has ended, so the memory of the two never adds up (at 100×
 * the library each holds about 2 GB).
 *
 * Following Starlight, every `errors[]` that Pagefind returns becomes a thrown error, and
 * the Pagefind service is always closed, whether indexing succeeded or not.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefindModule from 'pagefind';

/** Where the site build leaves the Pagefind records, relative to the site (removed once indexed). */
export const RECORDS_FILE = '.pagefind-records.json';

/**
 * Pagefind's ready-made search interfaces, which it writes beside the index: the site has its
 * own search page and loads none of them (only pagefind.js, its worker, wasm and index).
 */
export const PAGEFIND_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * A Pagefind custom record as the site gives it (src/integrations/search/search-data.ts `SearchRecord`).
 * @typedef {{ url: string, content: string, language: string, sort: Record<string, string> }} SearchRecord
 */
/** @typedef {Pick<typeof import('pagefind'), 'createIndex' | 'close'>} PagefindModule */
/** @typedef {(message: string) => void} Log */

/**
 * Throw one error naming every message of a Pagefind response that reports errors.
 * @template {{ errors: string[] }} T
 * @param {T} response
 * @param {string} step
 * @returns {Required<T>}
 */
export function assertPagefindResponse(response, step) {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n${response.errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return /** @type {Required<T>} */ (response);
}

/**
 * Index chunk size: places per chunk (Pagefind's default is 20000; Pagefind 1.6 reads it
 * from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). A query fetches the chunk of each of its tokens,
 * and Pagefind's metadata, which every first query loads whole, lists every chunk (about 14
 * bytes each). With T tokens in the index and chunks of c places, a first query fetches
 * about 14·T/c bytes of chunk list plus a few chunks of about 2·c bytes each: least near
 * c = √(2T). So the chunk grows with the square root of the library (clamped).
 * @param {number} tokens
 */
export function indexChunkSize(tokens) {
  return Math.min(20_000, Math.max(1_000, Math.round(Math.sqrt(2 * tokens))));
}

/**
 * A duration as the build's log gives it ("812 ms", "1.23 s").
 * @param {number} ms
 */
export const formatMs = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/**
 * The number of records Pagefind wrote, from its entry file (undefined if it is missing).
 * @param {string} outputPath
 */
async function indexedPages(outputPath) {
  try {
    /** @type {{ languages?: Record<string, { page_count?: number }> }} */
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8'));
    return Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
  } catch {
    return undefined;
  }
}

/**
 * Index the records and write Pagefind's files to `<siteDir>/pagefind`, less its search interfaces.
 * Throws if Pagefind reports any error or indexes another number of records; always closes the service.
 * @param {string} siteDir
 * @param {SearchRecord[]} records
 * @param {Log} log
 * @param {PagefindModule} [pf]
 */
export async function runPagefind(siteDir, records, log, pf = pagefindModule) {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  log(`Indexing ${records.length} documents with Pagefind…`);
  const previousChunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  const tokens = records.reduce((n, r) => n + (r.content ? r.content.split(' ').length : 0), 0);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize(tokens));
  try {
    const { index } = assertPagefindResponse(await pf.createIndex({}), 'create an index');
    for (const record of records) assertPagefindResponse(await index.addCustomRecord(record), `index ${record.url}`);
    assertPagefindResponse(await index.writeFiles({ outputPath }), 'write the index');
    const total = await indexedPages(outputPath);
    if (total !== undefined) {
      if (total !== records.length) throw new Error(`Pagefind indexed ${total} of ${records.length} documents.`);
      log(`Indexed ${total} documents.`);
    }
    await Promise.all(PAGEFIND_UI_FILES.map((name) => rm(join(outputPath, name), { force: true })));
    log(`Pagefind finished in ${formatMs(performance.now() - started)}.`);
  } finally {
    if (previousChunkSize === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previousChunkSize;
    await pf.close();
  }
}

/** The search page, whose head gets the preloads of Pagefind's files (site-relative). */
export const SEARCH_PAGE = 'search/index.html';
/** Where the preloads go in the search page, and the mark that lets the offline bundle drop them. */
const PRELOADS = /<!--pagefind-preloads-->[\s\S]*?<!--\/pagefind-preloads-->|<\/head>/;

/**
 * The search page's head with `<link>`s that start Pagefind's query-independent files as soon as
 * the HTML arrives, in parallel with the page's own script, instead of one round trip after the
 * other: the module (modulepreload, as the engine imports it), the wasm of the records' language
 * and the metadata, fetched as Pagefind fetches them (`as="fetch" crossorigin`). Marked, so that
 * `withoutPreloads` can drop them where there is no Pagefind (the offline bundle).
 * @param {string} html
 * @param {{ languages: Record<string, { hash: string, wasm?: string | null }> }} entry pagefind-entry.json
 * @returns {string}
 */
export function withPreloads(html, entry) {
  const links = ['<link rel="modulepreload" href="../pagefind/pagefind.js">'];
  // Pagefind loads the wasm of a language's `wasm` field, or wasm.unknown.pagefind where it is null.
  for (const { hash, wasm } of Object.values(entry.languages)) {
    links.push(`<link rel="preload" href="../pagefind/pagefind.${hash}.pf_meta" as="fetch" crossorigin>`);
    links.push(`<link rel="preload" href="../pagefind/wasm.${wasm || 'unknown'}.pagefind" as="fetch" crossorigin>`);
  }
  if (!PRELOADS.test(html)) throw new Error(`${SEARCH_PAGE} has no </head> for Pagefind's preloads`);
  return html.replace(PRELOADS, (found) => `<!--pagefind-preloads-->${links.join('')}<!--/pagefind-preloads-->${found === '</head>' ? found : ''}`);
}

/**
 * The search page without its preloads (Pagefind's, and any other marked block of search
 * preloads), for a copy without the online search files.
 * @param {string} html
 * @returns {string}
 */
export const withoutPreloads = (html) => html.replace(/<!--(pagefind|search)-preloads-->[\s\S]*?<!--\/\1-preloads-->/g, '');

/**
 * Index the records the site build left in `siteDir`, then remove their file.
 * @param {string} siteDir
 * @param {Log} log
 */
export async function indexSite(siteDir, log) {
  const file = join(siteDir, RECORDS_FILE);
  /** @type {SearchRecord[]} */
  const records = JSON.parse(await readFile(file, 'utf8'));
  await runPagefind(siteDir, records, log);
  await rm(file);
  const entry = JSON.parse(await readFile(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const page = join(siteDir, SEARCH_PAGE);
  await writeFile(page, withPreloads(await readFile(page, 'utf8'), entry));
}
