// @ts-check
/**
 * Run the Astro build of the site at <root> into <outDir>: scripts/build.mjs runs this as a
 * child process, so the build's memory is given back before the search index is made.
 * On failure it prints the error (pipeline errors name the source file and line) and exits 1.
 *
 * Usage: node scripts/lib/astro-build.mjs <root> <outDir>
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { argsOrExit } from './cli.mjs';

const [root, outDir] = argsOrExit(
  () => {
    const { positionals } = parseArgs({ options: {}, allowPositionals: true });
    if (positionals.length !== 2) throw new Error(`expected <root> and <outDir>, got ${positionals.length} arguments`);
    return positionals;
  },
  'astro-build',
  'node scripts/lib/astro-build.mjs <root> <outDir>',
);
try {
  const { build } = await import('astro');
  await build({ root, outDir });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  /** @type {{ file?: string, line?: number } | undefined} */
  const loc = err && typeof err === 'object' && 'loc' in err ? /** @type {any} */ (err).loc : undefined;
  const where = loc?.file ? ` (${relative(root, loc.file)}${loc.line ? `:${loc.line}` : ''})` : '';
  console.error(`\n[build] ${message}${where}`);
  if (process.env.DEBUG && err instanceof Error && err.stack) console.error(err.stack);
  process.exit(1);
}
