/**
 * Determinism: two builds of the same sources, into two folders and under two time zones,
 * give byte-identical trees, the offline bundle's zip included. The builds are of a small
 * library of three of the repository's sources (FIXTURE: a pair of transcriptions, so
 * comparisons; a notice with its annex and work-division table, so units), so that the
 * check stays cheap. SKIP_E2E=1 skips the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, listFiles } from '../../scripts/lib/bundle.mjs';
import { buildSite, fixtureLibrary, ROOT, SKIP_E2E } from './support/site';

/** The sources of seeds/ (and content/sources/) the small library holds. */
const FIXTURE = ['000_5988d93a2f9083af', '001_42e14eb1134fccac', '004_c5ab4ba5001bdcd8'];
const LIBRARY = join(ROOT, `.build-det-library-${process.pid}`);
const OUT = [join(ROOT, `.build-det-a-${process.pid}`), join(ROOT, `.build-det-b-${process.pid}`)];

/** Every file of a built site with the SHA-256 of its bytes. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await listFiles(dir))
    out[path] = createHash('sha256')
      .update(readFileSync(join(dir, path)))
      .digest('hex');
  return out;
}

describe.skipIf(SKIP_E2E)('building twice', () => {
  afterAll(async () => {
    for (const dir of [...OUT, LIBRARY]) await rm(dir, { recursive: true, force: true });
  });

  it('gives byte-identical output, the zip included', async () => {
    const { seeds, meta } = fixtureLibrary(LIBRARY, FIXTURE);
    const env = { TIAOWEN_SEEDS: seeds, TIAOWEN_META: meta };
    await buildSite(OUT[0]!, { ...env, TZ: 'UTC' });
    await buildSite(OUT[1]!, { ...env, TZ: 'Asia/Shanghai' });
    const [a, b] = [await hashes(OUT[0]!), await hashes(OUT[1]!)];
    // The whole site of the small library was built: every document and clause page, the comparison and the units.
    const documents = JSON.parse(readFileSync(join(OUT[0]!, 'data/documents.json'), 'utf8')) as { id: string }[];
    const clauses = JSON.parse(readFileSync(join(OUT[0]!, 'data/clauses.json'), 'utf8')) as { url: string }[];
    expect(documents.map((d) => d.id).sort()).toEqual(['linhuiban-2014-99', 'luhui-2014-79', 'luhui-2014-79-annex', 'plan14-a', 'plan14-b']);
    expect(clauses.length).toBeGreaterThan(100);
    for (const c of clauses) expect(a[c.url.replace(/^\//, '')], c.url).toBeDefined();
    expect(Object.keys(a).some((p) => /^compare\/(?!index\.html$).+\.html$/.test(p))).toBe(true);
    expect(Object.keys(a).some((p) => /^units\/(?!index\.html$).+\.html$/.test(p))).toBe(true);
    expect(a[BUNDLE_PATH]).toBeDefined();
    const differ = Object.keys({ ...a, ...b }).filter((path) => a[path] !== b[path]);
    expect(differ).toEqual([]);
  }, 600_000);
});
