/**
 * The library at build time, cached per process. The pipeline that builds it, stage by stage,
 * is src/pipeline/index.ts (`buildLibrary`, re-exported here for the tests and scripts that
 * build a library of their own).
 */
import type { Library } from './model';
import { buildLibrary } from './pipeline';

export { buildLibrary, type LibraryOptions } from './pipeline';

/**
 * The library is cached on the process, not the module: Astro loads this module twice (for
 * the pages, and for the integration that indexes them), and both must see one library.
 */
const CACHE = Symbol.for('tiaowen.library');
const processCache = globalThis as { [CACHE]?: Library };

/** Load (once per process) the whole library from seeds/ and content/. */
export async function loadLibrary(): Promise<Library> {
  processCache[CACHE] ??= buildLibrary({ log: (m) => console.log(`[tiaowen] ${m}`) });
  return processCache[CACHE];
}
