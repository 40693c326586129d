/**
 * The site the browser tests check, and the builds of their own that some of them make.
 *
 * The e2e project's global setup (support/global-setup.ts) builds the site once per run and
 * provides its folder; every test file reads it through `sharedSite()` and must not change
 * it. E2E_SITE=<dir> tests that folder instead, E2E_SKIP_BUILD=1 tests dist/, and
 * SKIP_E2E=1 skips every browser test file (`describe.skipIf(SKIP_E2E)`) and builds nothing.
 * Builds of small fixture libraries (hostile sources, determinism, a canonical site) are made
 * once per run too (support/fixture-builds.ts); the bad-input tests build theirs with `runBuild`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The absolute path of the built site every browser test file checks. */
    e2eSite: string;
    /** A folder of the run's own, removed at its end, for what one e2e worker shares with the other. */
    e2eScratch: string;
  }
}

/** The repository's root folder. */
export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** True when SKIP_E2E=1: every browser test file is skipped, and no site is built. */
export const SKIP_E2E = process.env.SKIP_E2E === '1';

/** Where the site under test comes from: a folder named by the environment, or a build of its own into `dir`. */
export type SiteSource = { kind: 'given'; dir: string; why: string } | { kind: 'build'; dir: string };

/** The site a test run checks, decided by the environment (E2E_SITE, E2E_SKIP_BUILD); `buildDir` when neither is set. */
export function siteSource(env: NodeJS.ProcessEnv, buildDir: string): SiteSource {
  if (env.E2E_SITE) return { kind: 'given', dir: path.resolve(ROOT, env.E2E_SITE), why: 'E2E_SITE' };
  if (env.E2E_SKIP_BUILD === '1') return { kind: 'given', dir: path.join(ROOT, 'dist'), why: 'E2E_SKIP_BUILD=1' };
  return { kind: 'build', dir: buildDir };
}

/** The shared built site (provided by the global setup), checked to hold a site; read it, never write into it. */
export function sharedSite(): string {
  const dir = inject('e2eSite');
  if (!dir) throw new Error('No site provided: the e2e project runs tests/e2e/support/global-setup.ts (see vitest.config.ts)');
  if (!existsSync(path.join(dir, 'search', 'index.html'))) throw new Error(`${dir}/search/index.html is missing: build the site`);
  return dir;
}

/** What a build printed, and how it ended. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/** Run `scripts/build.mjs --out <out>` with extra environment (e.g. TIAOWEN_SEEDS / TIAOWEN_META); resolves however it ends. */
export function runBuild(out: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--out', out], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output: `${stdout}\n${stderr}` }));
  });
}

/** Build the site into `out` with extra environment; throws with everything the build printed if it fails. */
export async function buildSite(out: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const r = await runBuild(out, env);
  if (r.status !== 0) throw new Error(`The build into ${path.relative(ROOT, out) || out} failed (exit status ${r.status}):\n${r.output}`);
}

/**
 * A small library in `dir` (seeds/ and meta/, for TIAOWEN_SEEDS / TIAOWEN_META): copies of the
 * named sources of the repository's library (names without extension, as in seeds/).
 */
export function fixtureLibrary(dir: string, sources: string[]): { seeds: string; meta: string } {
  const seeds = path.join(dir, 'seeds');
  const meta = path.join(dir, 'meta');
  mkdirSync(seeds, { recursive: true });
  mkdirSync(meta, { recursive: true });
  for (const name of sources) {
    copyFileSync(path.join(ROOT, 'seeds', `${name}.txt`), path.join(seeds, `${name}.txt`));
    copyFileSync(path.join(ROOT, 'content', 'sources', `${name}.json`), path.join(meta, `${name}.json`));
  }
  return { seeds, meta };
}

/** A fingerprint of a folder: the SHA-256 over every file's relative path and bytes, in sorted order. */
export function treeFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      return e.isDirectory() ? walk(rel) : [rel];
    });
  for (const rel of walk('').sort())
    hash
      .update(`${rel}\0`)
      .update(readFileSync(path.join(dir, rel)))
      .update('\0');
  return hash.digest('hex');
}
