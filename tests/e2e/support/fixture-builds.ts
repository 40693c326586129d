/**
 * The builds of small fixture libraries that some browser test files check besides the shared
 * site: two builds of one library under two time zones with a canonical site (determinism, and
 * citing, which reads the first), and a build of hostile sources (security). The global setup
 * (support/global-setup.ts) makes them once per run, two at a time while the shared site
 * builds, and provides what each build gave as `e2eFixtures`; a test file reads one with
 * `fixtureBuild(name)` and must not write into its folder. A failed build is provided too, with
 * its status and output, so that the test file that needs it fails and says why.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { fixtureLibrary, ROOT, runBuild } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every fixture build of the run, by name. */
    e2eFixtures: Record<FixtureName, FixtureBuild>;
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

/** Make every fixture build under `prefix` (`<prefix>-<name>/`), `lanes` at a time; returns them with a function that removes their folders. */
export async function makeFixtureBuilds(prefix: string, lanes: number): Promise<{ builds: Record<FixtureName, FixtureBuild>; remove: () => void }> {
  const names = Object.keys(FIXTURES) as FixtureName[];
  const folders: string[] = [];
  const builds = {} as Record<FixtureName, FixtureBuild>;
  let next = 0;
  const lane = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      const fixture: { sources?: string[]; folder?: string; env: NodeJS.ProcessEnv } = FIXTURES[name];
      const dir = `${prefix}-${name}`;
      const library = fixture.sources
        ? fixtureLibrary(`${dir}-library`, fixture.sources)
        : { seeds: path.join(fixture.folder!, 'seeds'), meta: path.join(fixture.folder!, 'meta') };
      if (fixture.sources) folders.push(`${dir}-library`);
      folders.push(dir);
      const r = await runBuild(dir, { TIAOWEN_SEEDS: library.seeds, TIAOWEN_META: library.meta, ...fixture.env });
      builds[name] = { dir, status: r.status, output: r.output };
    }
  };
  const remove = () => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } catch (err) {
    remove();
    throw err;
  }
  return { builds, remove };
}

/** A fixture build of the run (provided by the global setup); throws with the build's output unless it succeeded. Read it, never write into it. */
export function fixtureBuild(name: FixtureName): FixtureBuild {
  const build = inject('e2eFixtures')?.[name];
  if (!build) throw new Error(`No fixture build ${name}: the e2e project runs tests/e2e/support/global-setup.ts (see vitest.config.ts)`);
  if (build.status !== 0)
    throw new Error(`The fixture build ${name} into ${path.relative(ROOT, build.dir)} failed (exit status ${build.status}):\n${build.output}`);
  return build;
}
