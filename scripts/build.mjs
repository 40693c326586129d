#!/usr/bin/env node
/**
 * Build the site into dist/ without ever leaving a half-built dist/ behind.
 *
 * Three steps, into a temporary directory inside the repo (`.build-tmp-<pid>`):
 * 1. the Astro build (scripts/lib/astro-build.mjs), in a child process of its own: pages,
 *    open data, search files and the Pagefind records;
 * 2. the search index: Pagefind over those records (scripts/lib/pagefind.mjs), once the
 *    Astro build's process has ended, so their memory never adds up;
 * 3. the offline bundle (download/tiaowen-offline.zip, see scripts/lib/bundle.mjs);
 * then it swaps the directory in for dist/: the old dist/ is renamed away, the
 * new one renamed in, and the old one deleted. If the build fails, the temporary
 * directory is removed, an existing dist/ is left as it was, the error is printed
 * (pipeline errors name file:line) and the process exits with status 1.
 *
 * Usage: node scripts/build.mjs [--out DIR]     (npm run build; DIR defaults to dist)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLE_PATH, formatSize, sourceEpoch, writeBundle } from './lib/bundle.mjs';
import { argsOrExit } from './lib/cli.mjs';
import { indexSite } from './lib/pagefind.mjs';
import { canonicalSite, linkRule } from './lib/site-url.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = argsOrExit(() => parseArgs({ options: { out: { type: 'string', default: 'dist' } } }), 'build', 'node scripts/build.mjs [--out DIR]');
const dist = resolve(root, args.out);
const distName = relative(root, dist) || '.';
const tmp = join(root, `.build-tmp-${process.pid}`);
const old = join(root, `.build-old-${process.pid}`);

const started = performance.now();
const log = (msg) => console.log(`[build] ${msg}`);
const elapsed = () => {
  const ms = performance.now() - started;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
};

/**
 * Run the Astro build in a child process (its output passed through); reject if it fails. The
 * pages get the sources' date (TIAOWEN_BUILD_EPOCH) as the date cited where no script runs, so
 * two builds of the same sources stay byte-identical.
 * @param {number} epoch
 */
function astroBuild(epoch) {
  return new Promise((resolveBuild, reject) => {
    const env = { ...process.env, TIAOWEN_BUILD_EPOCH: String(epoch) };
    const child = spawn(process.execPath, [join(root, 'scripts', 'lib', 'astro-build.mjs'), root, tmp], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolveBuild(undefined) : reject(new Error(`the site build failed (${signal ?? `exit status ${code}`}; its error is above)`)),
    );
  });
}

async function main() {
  log(linkRule(canonicalSite()));
  log(`Building into ${relative(root, tmp)}/ …`);
  const epoch = sourceEpoch(root);
  await astroBuild(epoch);
  if (!existsSync(join(tmp, 'index.html')) && !existsSync(join(tmp, 'search', 'index.html'))) {
    throw new Error(`the build wrote no pages into ${relative(root, tmp)}/`);
  }
  await indexSite(tmp, (m) => console.log(`[search] ${m}`));
  const bundle = await writeBundle(tmp, epoch);
  log(
    `Offline bundle: ${BUNDLE_PATH}, ${bundle.files} files, ${formatSize(bundle.bytes)} (${bundle.bytes} bytes), dated ${new Date(epoch * 1000).toISOString()}.`,
  );
  log(`Replacing ${distName}/ …`);
  const hadDist = existsSync(dist);
  if (hadDist) await rename(dist, old);
  try {
    await rename(tmp, dist);
  } catch (err) {
    if (hadDist) await rename(old, dist); // put the previous site back
    throw err;
  }
  if (hadDist) await rm(old, { recursive: true, force: true });
  log(`Done in ${elapsed()}: the site is in ${distName}/.`);
}

try {
  await main();
} catch (err) {
  await rm(tmp, { recursive: true, force: true }).catch(() => {});
  const message = err instanceof Error ? err.message : String(err);
  console.error(`\n[build] FAILED after ${elapsed()}: ${message}`);
  if (process.env.DEBUG && err instanceof Error && err.stack) console.error(err.stack);
  console.error(existsSync(dist) ? `[build] The previous ${distName}/ is unchanged.` : `[build] No ${distName}/ was written.`);
  process.exit(1);
}
