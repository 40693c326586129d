/**
 * Astro integration: build the search index once the pages are written.
 *
 * Runs in `astro:build:done` (see src/search/records.ts for what each file holds):
 * - the search files next to the search page: the lexicon (search/lexicon.bin) and its
 *   vocabulary's shards (search/words/<k>.bin), the layout
 *   of the Pagefind records (search/layout.bin) and each clause's display data
 *   (search/clauses/<n>.bin), all gzipped JSON;
 * - one Pagefind record per document (its clauses' folded character bigrams) into
 *   `<out>/pagefind/`;
 * - the offline data (search/offline-index.js), which the search page loads instead of
 *   Pagefind where Pagefind cannot load (from disk).
 *
 * Following Starlight, every `errors[]` that Pagefind returns becomes a thrown error, and
 * the Pagefind service is always closed, whether indexing succeeded or not.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefindModule from 'pagefind';
import type { PagefindServiceConfig } from 'pagefind';
import { loadLibrary } from '../library';
import { CLAUSES_DIR, LAYOUT_FILE, LEXICON_FILE, WORDS_DIR, clauseFile, wordsFile } from '../search/files';
import { OFFLINE_FILE, offlineScript } from '../search/offline';
import { type SearchRecord, buildLexicon, displayData, gzipJson, lexiconFiles, searchData } from '../search/records';

export interface PagefindOptions {
  /** Options for the Pagefind service (default: none). */
  config?: PagefindServiceConfig;
}

interface PagefindResponse {
  errors: string[];
}

/** The subset of the `pagefind` module that indexing uses (a seam for tests). */
export type PagefindModule = Pick<typeof import('pagefind'), 'createIndex' | 'close'>;

/** Throw one error naming every message of a Pagefind response that reports errors. */
export function assertPagefindResponse<T extends PagefindResponse>(response: T, step: string): Required<T> {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n${response.errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return response as Required<T>;
}

/** Format a duration for the log. */
function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Read the per-language page counts from the bundle's entry file, if it is there. */
async function indexedPages(outputPath: string): Promise<Record<string, number> | undefined> {
  try {
    const entry = JSON.parse(await readFile(`${outputPath}/pagefind-entry.json`, 'utf8')) as {
      languages?: Record<string, { page_count?: number }>;
    };
    return Object.fromEntries(Object.entries(entry.languages ?? {}).map(([lang, l]) => [lang, l.page_count ?? 0]));
  } catch {
    return undefined;
  }
}

/**
 * Index chunk size (postings per chunk; Pagefind's default is 20000). The index holds
 * character bigrams, and a query's bigrams fall in different chunks, so small chunks keep
 * the bytes a query fetches near what it needs. Pagefind 1.6 reads it from this variable.
 */
export const INDEX_CHUNK_SIZE = '2000';

/** What the integration indexes: one record per document (see src/search/records.ts). */
export interface IndexInput {
  records: SearchRecord[];
}

/**
 * Index the records and write the bundle to `<siteDir>/pagefind`.
 * Throws if Pagefind reports any error; always closes the Pagefind service.
 */
export async function runPagefind(
  siteDir: string,
  input: IndexInput,
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
  options: PagefindOptions = {},
  // Imported statically: the config (and so this file) is loaded through Vite's module
  // runner, which is closed by the time `astro:build:done` runs.
  pf: PagefindModule = pagefindModule,
): Promise<void> {
  const started = performance.now();
  const outputPath = `${siteDir.replace(/\/+$/, '')}/pagefind`;
  logger.info(`Indexing ${input.records.length} documents with Pagefind…`);
  const previousChunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = INDEX_CHUNK_SIZE;
  try {
    const { index } = assertPagefindResponse(await pf.createIndex({ ...options.config }), 'create an index');
    for (const record of input.records) assertPagefindResponse(await index.addCustomRecord(record), `index ${record.url}`);
    assertPagefindResponse(await index.writeFiles({ outputPath }), 'write the index');
    const counts = await indexedPages(outputPath);
    if (counts) {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total !== input.records.length) throw new Error(`Pagefind indexed ${total} of ${input.records.length} documents.`);
      logger.info(`Indexed ${total} documents.`);
    }
    logger.info(`Pagefind finished in ${formatMs(performance.now() - started)}.`);
  } finally {
    if (previousChunkSize === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previousChunkSize;
    await pf.close();
  }
}

/** The Astro integration: the search lexicon and the Pagefind index, from the library the pages were built from. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'tiaowen:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const library = await loadLibrary();
        const started = performance.now();
        const { t2s, data, report } = buildLexicon(library);
        const { lexicon, shards } = lexiconFiles(data);
        await mkdir(`${siteDir}/search/${WORDS_DIR}`, { recursive: true });
        const file = gzipJson(lexicon);
        await writeFile(`${siteDir}/search/${LEXICON_FILE}`, file);
        for (const [k, words] of shards.entries()) await writeFile(`${siteDir}/search/${wordsFile(k)}`, gzipJson(words));
        logger.info(
          `Search lexicon: ${report.words} words in ${shards.length} shard(s), ${Object.keys(t2s).length} traditional characters, ${file.length} bytes; ` +
            `the browser cuts ${report.agreeing} of ${report.sentences} corpus sentences and dictionary terms as nodejieba does ` +
            `(${formatMs(performance.now() - started)}).`,
        );
        const search = searchData(library, t2s);
        await writeFile(`${siteDir}/search/${LAYOUT_FILE}`, gzipJson(search.layout));
        await mkdir(`${siteDir}/search/${CLAUSES_DIR}`, { recursive: true });
        for (const [i, clause] of search.clauses.entries()) {
          await writeFile(`${siteDir}/search/${clauseFile(i)}`, gzipJson(displayData(clause)));
        }
        const offline = offlineScript({ lexicon: data, records: search.clauses });
        await writeFile(`${siteDir}/search/${OFFLINE_FILE}`, offline);
        logger.info(`Search data: ${search.clauses.length} clauses, ${search.records.length} documents; offline data ${Buffer.byteLength(offline)} bytes.`);
        await runPagefind(siteDir, { records: search.records }, logger, options);
      },
    },
  };
}
