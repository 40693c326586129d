/**
 * Astro integration: the library loaded before the pages are bundled, and the search files,
 * once the pages are written.
 *
 * The search files are written in `astro:build:done` (see search/search-data.ts for what each file holds):
 * - the search files next to the search page: the lexicon with the layout of the Pagefind
 *   records and the vocabulary (search/lexicon.bin; a larger vocabulary in shards,
 *   search/words/<k>.bin) and the packs of the clauses' display data (search/packs/<hash>.bin),
 *   all gzipped JSON; the lexicon carries the files' version (src/browser/search/files.ts);
 * - the offline data (search/offline-index.js), which the search page loads instead of
 *   Pagefind where Pagefind cannot load (from disk);
 * - the Pagefind records, one per document, for the index step that scripts/build.mjs runs
 *   next in a process of its own (scripts/lib/pagefind.mjs).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { RECORDS_FILE, formatMs } from '../../scripts/lib/pagefind.mjs';
import { loadLibrary } from '../library';
import { LEXICON_FILE, type OnlineLexicon, PACKS_DIR, WORDS_DIR, packFile, type Versioned, wordsFile } from '../browser/search/files';
import type { SearchLayout } from '../browser/search/search-layout';
import { OFFLINE_FILE, offlineScript } from '../browser/search/offline';
import { buildLexicon, displayPacks, filesVersion, gzipJson, lexiconFiles, searchData } from './search/search-data';

/** The Astro integration: the search files and the Pagefind records, from the library the pages were built from. */
export default function searchIntegration(): AstroIntegration {
  return {
    name: 'tiaowen:search',
    hooks: {
      // The library is loaded (read, checked, parsed) before Vite bundles the pages, so that bad
      // input fails the build in its first seconds; the pages then use it (loadLibrary caches it).
      'astro:build:start': async () => {
        await loadLibrary();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const library = await loadLibrary();
        const started = performance.now();
        const { t2s, data, report } = buildLexicon(library);
        const { lexicon, shards } = lexiconFiles(data);
        logger.info(
          `Search lexicon: ${report.words} words${shards.length ? ` in ${shards.length} shards` : ''}, ${Object.keys(t2s).length} traditional characters; ` +
            `the browser cuts ${report.agreeing} of ${report.sentences} corpus sentences and dictionary terms as nodejieba does ` +
            `(${formatMs(performance.now() - started)}).`,
        );
        const search = searchData(library, t2s);
        const shardFiles = shards.map((words) => gzipJson(words));
        const packs = displayPacks(search.clauses);
        const layout: SearchLayout = { ...search.layout, packs: packs.packs };
        const online: OnlineLexicon = { ...lexicon, layout };
        const version = filesVersion([gzipJson(online), ...shardFiles]);
        if (shardFiles.length) await mkdir(`${siteDir}/search/${WORDS_DIR}`, { recursive: true });
        await mkdir(`${siteDir}/search/${PACKS_DIR}`, { recursive: true });
        await writeFile(`${siteDir}/search/${LEXICON_FILE}`, gzipJson({ ...online, version } satisfies Versioned<OnlineLexicon>));
        for (const [k, file] of shardFiles.entries()) await writeFile(`${siteDir}/search/${wordsFile(k)}`, file);
        for (const [k, file] of packs.files.entries()) await writeFile(`${siteDir}/search/${packFile(packs.packs[k]!.hash)}`, file);
        const offline = offlineScript({ lexicon: data, records: search.clauses });
        await writeFile(`${siteDir}/search/${OFFLINE_FILE}`, offline);
        logger.info(
          `Search data: ${search.clauses.length} clauses in ${packs.files.length} packs, ${search.records.length} documents; offline data ${Buffer.byteLength(offline)} bytes.`,
        );
        await writeFile(`${siteDir}/${RECORDS_FILE}`, JSON.stringify(search.records));
      },
    },
  };
}
