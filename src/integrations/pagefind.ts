/**
 * Astro integration: build the Pagefind search index once the pages are written.
 *
 * Runs in `astro:build:done` over the build output directory and writes the bundle to
 * `<out>/pagefind/`. Which pages are indexed is decided by the pages themselves: only
 * clause pages carry `data-pagefind-body` (with `data-pagefind-filter` for `document` and
 * `kind`, and `data-pagefind-meta="title"`), so every other page is left out.
 *
 * Following Starlight, every `errors[]` that Pagefind returns becomes a thrown error, and
 * the Pagefind service is always closed, whether indexing succeeded or not.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefindModule from 'pagefind';
import type { PagefindServiceConfig } from 'pagefind';

export interface PagefindOptions {
  /**
   * Options for the Pagefind service.
   * Default: `{ keepIndexUrl: true }`, so that result URLs name the file (`…/index.html`),
   * as every link of this site does.
   */
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
 * Index the HTML files of `siteDir` and write the bundle to `<siteDir>/pagefind`.
 * Throws if Pagefind reports any error; always closes the Pagefind service.
 */
export async function runPagefind(
  siteDir: string,
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
  options: PagefindOptions = {},
  // Imported statically: the config (and so this file) is loaded through Vite's module
  // runner, which is closed by the time `astro:build:done` runs.
  pf: PagefindModule = pagefindModule,
): Promise<void> {
  const started = performance.now();
  const outputPath = `${siteDir.replace(/\/+$/, '')}/pagefind`;
  logger.info('Indexing the built pages with Pagefind…');
  try {
    const { index } = assertPagefindResponse(
      await pf.createIndex({ keepIndexUrl: true, ...options.config }),
      'create an index',
    );
    const { page_count } = assertPagefindResponse(await index.addDirectory({ path: siteDir }), 'index the site');
    logger.info(`Read ${page_count} HTML files.`);
    assertPagefindResponse(await index.writeFiles({ outputPath }), 'write the index');
    const counts = await indexedPages(outputPath);
    if (counts) {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const detail = Object.entries(counts).map(([lang, n]) => `${lang}: ${n}`).join(', ');
      if (total === 0) logger.warn('Pagefind indexed no page: no page has content to index.');
      logger.info(`Indexed ${total} pages (${detail}).`);
    }
    logger.info(`Pagefind finished in ${formatMs(performance.now() - started)}.`);
  } finally {
    await pf.close();
  }
}

/** The Astro integration. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'tiaowen:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await runPagefind(fileURLToPath(dir), logger, options);
      },
    },
  };
}
