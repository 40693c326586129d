/**
 * Determinism: two builds of the same sources, into two folders and under two time zones,
 * give byte-identical trees, the offline bundle's zip included. The builds are the canonical
 * fixture builds of the run (support/fixture-builds.ts: a small library of four of the
 * repository's sources, with a canonical site), made once by the global setup, so that the
 * check stays cheap. SKIP_E2E=1 skips the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH, listFiles } from '../../scripts/lib/bundle.mjs';
import { CANONICAL_SITE, fixtureBuild } from './support/fixture-builds';
import { SKIP_E2E } from './support/site';

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
  it('gives byte-identical output, the zip included', async () => {
    const [utc, shanghai] = await Promise.all([fixtureBuild('canonical-utc'), fixtureBuild('canonical-shanghai')]);
    const [a, b] = [await hashes(utc.dir), await hashes(shanghai.dir)];
    // The whole site of the small library was built: every document and clause page, the comparison and the units.
    const documents = JSON.parse(readFileSync(join(utc.dir, 'data/documents.json'), 'utf8')) as { id: string }[];
    const clauses = JSON.parse(readFileSync(join(utc.dir, 'data/clauses.json'), 'utf8')) as { url: string }[];
    expect(documents.map((d) => d.id).sort()).toEqual(['gonghuifa-2021', 'linhuiban-2014-99', 'luhui-2014-79', 'luhui-2014-79-annex', 'plan14-a', 'plan14-b']);
    expect(clauses.length).toBeGreaterThan(100);
    for (const c of clauses) expect(a[c.url.replace(/^\//, '')], c.url).toBeDefined();
    expect(Object.keys(a).some((p) => /^compare\/(?!index\.html$).+\.html$/.test(p))).toBe(true);
    expect(Object.keys(a).some((p) => /^units\/(?!index\.html$).+\.html$/.test(p))).toBe(true);
    expect(a[BUNDLE_PATH]).toBeDefined();
    // The canonical site reaches the pages, so the builds agree on it too.
    expect(readFileSync(join(utc.dir, 'gonghuifa-2021/12.html'), 'utf8')).toContain(CANONICAL_SITE);
    const differ = Object.keys({ ...a, ...b }).filter((path) => a[path] !== b[path]);
    expect(differ).toEqual([]);
  });
});
