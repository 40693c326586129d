/**
 * The library at build time: the pipeline's data (src/pipeline/index.ts, which lists its stages
 * in order) joined with the site's body renderer (src/site/bodies.ts), cached per process.
 */
import type { Library } from './model';
import { type LibraryOptions, runPipeline } from './pipeline';
import { withBodies } from './site/bodies';

export type { LibraryOptions } from './pipeline';

/** Build the whole library from seeds and metadata (for the tests and scripts that build one of their own). */
export function buildLibrary(options: LibraryOptions = {}): Library {
  return withBodies(runPipeline(options));
}

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
