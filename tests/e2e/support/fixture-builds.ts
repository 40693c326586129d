/**
 * The builds of small fixture libraries that some browser test files check besides the shared
 * site: two builds of one library under two time zones with a canonical site (determinism, and
 * citing, which reads the first), and a build of hostile sources (security). The global setup
 * (support/global-setup.ts) starts them once per run, two at a time, and the browser tests start
 * without waiting for them: each build, when it ends, writes what it gave (status and output)
 * into a file beside its folder, and a test file reads it with `await fixtureBuild(name)`, which
 * waits for that file. A test file must not write into a build's folder. A failed build is
 * reported too, so that the test file that needs it fails and says why.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { awaitJson, writeJsonWhole } from './json-files';
import { fixtureLibrary, ROOT, runBuild } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every fixture build of the run, by name: its folder, and the file its result will be in. */
    e2eFixtures: Record<FixtureName, StartedBuild>;
  }
}

/** The canonical site the canonical builds are made for (TIAOWEN_SITE). */
export const CANONICAL_SITE = 'https://tiaowen.test/lib/';

/**
 * The sources of seeds/ (and content/sources/) the small library of the canonical builds holds:
 * a pair of transcriptions (so comparisons), a notice with its annex and work-division table
 * (so units), and the Trade Union Law (the clause citing.test.ts copies).
 */
export const CANONICAL_SOURCES = ['000_5988d93a2f9083af', '001_42e14eb1134fccac', '004_c5ab4ba5001bdcd8', '005_8eb937f04e7b2a51'];

/** The folder of the hostile sources (seeds/ and meta/). */
export const HOSTILE = path.join(ROOT, 'tests/fixtures/security/hostile');

/** What each fixture build holds: copies of sources of the repository's library, or a fixture folder of seeds/ and meta/; and its extra environment. */
const FIXTURES = {
  'canonical-utc': { sources: CANONICAL_SOURCES, env: { TZ: 'UTC', TIAOWEN_SITE: CANONICAL_SITE } },
  'canonical-shanghai': { sources: CANONICAL_SOURCES, env: { TZ: 'Asia/Shanghai', TIAOWEN_SITE: CANONICAL_SITE } },
  hostile: { folder: HOSTILE, env: {} },
} satisfies Record<string, { sources?: string[]; folder?: string; env: NodeJS.ProcessEnv }>;

/** The name of a fixture build. */
export type FixtureName = keyof typeof FIXTURES;

/** A fixture build: its folder, how the build ended, and what it printed. */
export interface FixtureBuild {
  dir: string;
  status: number | null;
  output: string;
}

/** A fixture build as started: its folder, and the file its status and output are written into when it ends. */
export interface StartedBuild {
  dir: string;
  result: string;
}

/**
 * Start every fixture build under `prefix` (`<prefix>-<name>/`), `lanes` at a time. Returns
 * them as started; `done`, which resolves with the builds that succeeded once all have ended
 * (each one's result file written after `ended(dir)` has been called on it); and a function
 * that removes their folders.
 */
export function startFixtureBuilds(
  prefix: string,
  lanes: number,
  ended: (dir: string) => void,
): { builds: Record<FixtureName, StartedBuild>; done: Promise<string[]>; remove: () => void } {
  const names = Object.keys(FIXTURES) as FixtureName[];
  const builds = Object.fromEntries(names.map((name) => [name, { dir: `${prefix}-${name}`, result: `${prefix}-${name}.result.json` }])) as Record<
    FixtureName,
    StartedBuild
  >;
  const folders = names.flatMap((name) => [builds[name].dir, `${builds[name].dir}-library`, builds[name].result, `${builds[name].result}.tmp`]);
  const succeeded: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      const fixture: { sources?: string[]; folder?: string; env: NodeJS.ProcessEnv } = FIXTURES[name];
      const { dir, result } = builds[name];
      let status: number | null = 1;
      let output = '';
      try {
        const library = fixture.sources
          ? fixtureLibrary(`${dir}-library`, fixture.sources)
          : { seeds: path.join(fixture.folder!, 'seeds'), meta: path.join(fixture.folder!, 'meta') };
        ({ status, output } = await runBuild(dir, { TIAOWEN_SEEDS: library.seeds, TIAOWEN_META: library.meta, ...fixture.env }));
        if (status === 0) {
          ended(dir);
          succeeded.push(dir);
        }
      } catch (err) {
        output = String((err as Error).stack ?? err);
      }
      writeJsonWhole(result, { dir, status, output } satisfies FixtureBuild);
    }
  };
  const remove = () => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  };
  const done = Promise.all(Array.from({ length: lanes }, lane)).then(() => succeeded);
  return { builds, done, remove };
}

/** A fixture build of the run (started by the global setup), once it has ended; throws with the build's output unless it succeeded. Read it, never write into it. */
export async function fixtureBuild(name: FixtureName): Promise<FixtureBuild> {
  const started = inject('e2eFixtures')?.[name];
  if (!started) throw new Error(`No fixture build ${name}: the e2e project runs tests/e2e/support/global-setup.ts (see vitest.config.ts)`);
  const build = await awaitJson<FixtureBuild>(started.result);
  if (build.status !== 0)
    throw new Error(`The fixture build ${name} into ${path.relative(ROOT, build.dir)} failed (exit status ${build.status}):\n${build.output}`);
  return build;
}
