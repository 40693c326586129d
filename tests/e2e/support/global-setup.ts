/**
 * Global setup of the e2e project: build the site once for every browser test file
 * (into `.build-e2e-shared-<pid>/`, removed at the end) and provide its folder as `e2eSite`;
 * meanwhile start the fixture builds (support/fixture-builds.ts, into
 * `.build-e2e-fixture-<pid>-<name>/`), which go on while the tests start, and provide them as
 * `e2eFixtures`; and a scratch folder for the run, where files share what one worker made with
 * the other (`e2eScratch`, support/page-loads.ts).
 * E2E_SITE=<dir> or E2E_SKIP_BUILD=1 (dist/) provide that folder instead, unbuilt;
 * SKIP_E2E=1 does nothing at all. The end of the run checks that no test file changed the
 * shared build or a fixture build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFixtureBuilds } from './fixture-builds';
import { buildSite, ROOT, SKIP_E2E, siteSource, treeFingerprint } from './site';

/** Build or name the site under test and make the fixture builds, and provide them; returns the teardown that removes the builds of its own. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (SKIP_E2E) return undefined;
  const source = siteSource(process.env, path.join(ROOT, `.build-e2e-shared-${process.pid}`));
  const started = performance.now();
  // The fixture builds' folders as they were when each ended, before any test could read them.
  const fingerprints = new Map<string, string>();
  // Two fixture builds at a time: the site build keeps about one core busy.
  const fixtures = startFixtureBuilds(path.join(ROOT, `.build-e2e-fixture-${process.pid}`), 2, (dir) => fingerprints.set(dir, treeFingerprint(dir)));
  if (source.kind === 'given') {
    const shown = path.relative(ROOT, source.dir);
    console.log(`[e2e] testing ${shown && !shown.startsWith('..') ? shown : source.dir}/ (${source.why}), not building it`);
  } else {
    console.log(`[e2e] building the site once for the browser tests into ${path.relative(ROOT, source.dir)}/ …`);
    try {
      await buildSite(source.dir);
    } catch (err) {
      rmSync(source.dir, { recursive: true, force: true });
      await fixtures.done.catch(() => undefined);
      fixtures.remove();
      throw err;
    }
    console.log(`[e2e] site built in ${((performance.now() - started) / 1000).toFixed(1)} s; the fixture builds go on beside the tests`);
  }
  const siteBefore = source.kind === 'build' ? treeFingerprint(source.dir) : undefined;
  project.provide('e2eSite', source.dir);
  project.provide('e2eFixtures', fixtures.builds);
  const scratch = mkdtempSync(path.join(tmpdir(), 'tiaowen-e2e-'));
  project.provide('e2eScratch', scratch);
  return async () => {
    rmSync(scratch, { recursive: true, force: true });
    const changed = (await fixtures.done).filter((dir) => treeFingerprint(dir) !== fingerprints.get(dir));
    if (siteBefore !== undefined && treeFingerprint(source.dir) !== siteBefore) changed.unshift(source.dir);
    if (source.kind === 'build') rmSync(source.dir, { recursive: true, force: true });
    fixtures.remove();
    if (changed.length === 0) return;
    process.exitCode = 1; // vitest reports an error thrown here, but would still exit with 0
    throw new Error(`A test file changed ${changed.map((d) => `${path.relative(ROOT, d)}/`).join(', ')}: test files must only read the builds`);
  };
}
