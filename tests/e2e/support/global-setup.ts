/**
 * Global setup of the e2e project: build the site once for every browser test file
 * (into `.build-e2e-shared-<pid>/`, removed at the end) and provide its folder as `e2eSite`.
 * E2E_SITE=<dir> or E2E_SKIP_BUILD=1 (dist/) provide that folder instead, unbuilt;
 * SKIP_E2E=1 does nothing at all. The end of the run checks that no test file changed the
 * shared build.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT, SKIP_E2E, siteSource, treeFingerprint } from './site';

/** Build or name the site under test and provide it; returns the teardown that removes a build of its own. */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (SKIP_E2E) return undefined;
  const source = siteSource(process.env, path.join(ROOT, `.build-e2e-shared-${process.pid}`));
  if (source.kind === 'given') {
    const shown = path.relative(ROOT, source.dir);
    console.log(`[e2e] testing ${shown && !shown.startsWith('..') ? shown : source.dir}/ (${source.why}), not building`);
    project.provide('e2eSite', source.dir);
    return undefined;
  }
  const started = performance.now();
  console.log(`[e2e] building the site once for the browser tests into ${path.relative(ROOT, source.dir)}/ …`);
  try {
    await buildSite(source.dir);
  } catch (err) {
    rmSync(source.dir, { recursive: true, force: true });
    throw err;
  }
  console.log(`[e2e] built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const before = treeFingerprint(source.dir);
  project.provide('e2eSite', source.dir);
  return () => {
    const after = treeFingerprint(source.dir);
    rmSync(source.dir, { recursive: true, force: true });
    if (after === before) return;
    process.exitCode = 1; // vitest reports an error thrown here, but would still exit with 0
    throw new Error(`A test file changed the shared build ${path.relative(ROOT, source.dir)}/: test files must only read it`);
  };
}
