/**
 * Global setup of the e2e project: build the site once for every browser test file
 * (into `.build-e2e-shared-<pid>/`, removed at the end) and provide its folder as `e2eSite`;
 * meanwhile make the fixture builds (support/fixture-builds.ts, into
 * `.build-e2e-fixture-<pid>-<name>/`) and provide them as `e2eFixtures`.
 * E2E_SITE=<dir> or E2E_SKIP_BUILD=1 (dist/) provide that folder instead, unbuilt;
 * SKIP_E2E=1 does nothing at all. The end of the run checks that no test file changed the
 * shared build or a fixture build.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeFixtureBuilds } from './fixture-builds';
import { buildSite, ROOT, SKIP_E2E, siteSource, treeFingerprint } from './site';

/** Build or name the site under test and make the fixture builds, and provide them; returns the teardown that removes the builds of its own. */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (SKIP_E2E) return undefined;
  const source = siteSource(process.env, path.join(ROOT, `.build-e2e-shared-${process.pid}`));
  const started = performance.now();
  // Two fixture builds at a time: the site build keeps about one core busy, and the three builds are done about when it is.
  const fixtures = makeFixtureBuilds(path.join(ROOT, `.build-e2e-fixture-${process.pid}`), 2);
  let site: Promise<void> = Promise.resolve();
  if (source.kind === 'given') {
    const shown = path.relative(ROOT, source.dir);
    console.log(`[e2e] testing ${shown && !shown.startsWith('..') ? shown : source.dir}/ (${source.why}), not building it`);
  } else {
    console.log(`[e2e] building the site once for the browser tests into ${path.relative(ROOT, source.dir)}/ …`);
    site = buildSite(source.dir);
  }
  const [built, made] = await Promise.allSettled([site, fixtures]);
  const removeSite = () => {
    if (source.kind === 'build') rmSync(source.dir, { recursive: true, force: true });
  };
  if (built.status === 'rejected' || made.status === 'rejected') {
    removeSite();
    if (made.status === 'fulfilled') made.value.remove();
    throw built.status === 'rejected' ? built.reason : (made as PromiseRejectedResult).reason;
  }
  console.log(`[e2e] ${source.kind === 'build' ? 'site and ' : ''}fixture builds made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { builds, remove } = made.value;
  const watched = [...(source.kind === 'build' ? [source.dir] : []), ...Object.values(builds).flatMap((b) => (b.status === 0 ? [b.dir] : []))];
  const before = watched.map(treeFingerprint);
  project.provide('e2eSite', source.dir);
  project.provide('e2eFixtures', builds);
  return () => {
    const changed = watched.filter((dir, i) => treeFingerprint(dir) !== before[i]);
    removeSite();
    remove();
    if (changed.length === 0) return;
    process.exitCode = 1; // vitest reports an error thrown here, but would still exit with 0
    throw new Error(`A test file changed ${changed.map((d) => `${path.relative(ROOT, d)}/`).join(', ')}: test files must only read the builds`);
  };
}
