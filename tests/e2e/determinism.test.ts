/**
 * Determinism: two builds of the same sources, into two folders and under two time zones,
 * give byte-identical trees, the offline bundle's zip included. SKIP_E2E=1 skips the file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, listFiles } from '../../scripts/lib/bundle.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = [join(ROOT, `.build-det-a-${process.pid}`), join(ROOT, `.build-det-b-${process.pid}`)];

/** Build the site into `out` with extra environment variables. */
function build(out: string, env: Record<string, string>): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`The build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Every file of a built site with the SHA-256 of its bytes. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await listFiles(dir)) out[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
  return out;
}

describe.skipIf(process.env.SKIP_E2E === '1')('building twice', () => {
  afterAll(async () => {
    for (const dir of OUT) await rm(dir, { recursive: true, force: true });
  });

  it('gives byte-identical output, the zip included', async () => {
    build(OUT[0]!, { TZ: 'UTC' });
    build(OUT[1]!, { TZ: 'Asia/Shanghai' });
    const [a, b] = [await hashes(OUT[0]!), await hashes(OUT[1]!)];
    expect(Object.keys(a).length).toBeGreaterThan(400);
    expect(a[BUNDLE_PATH]).toBeDefined();
    const differ = Object.keys({ ...a, ...b }).filter((path) => a[path] !== b[path]);
    expect(differ).toEqual([]);
  }, 600_000);
});
