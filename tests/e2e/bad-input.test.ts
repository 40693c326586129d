/**
 * Bad input fails the build with a message that names the file (and the byte or line),
 * and never leaves a half-written site behind: the output folder keeps its previous content.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild, SKIP_E2E } from './support/site';

const toString = (el: Element): string => el.children.map((c) => ('value' in c ? c.value : '')).join('');

const WORK = path.join(ROOT, `.build-bad-input-${process.pid}`);
/** The output folder of one case's build. */
const outOf = (name: string) => path.join(ROOT, `.build-bad-input-out-${process.pid}-${name}`);

/** A seeds folder holding one file with these bytes, with metadata describing one document. */
function seedsWith(name: string, bytes: Uint8Array | string): { seeds: string; meta: string } {
  const seeds = path.join(WORK, name, 'seeds');
  const meta = path.join(WORK, name, 'meta');
  mkdirSync(seeds, { recursive: true });
  mkdirSync(meta, { recursive: true });
  writeFileSync(path.join(seeds, '000_test.txt'), bytes);
  writeFileSync(path.join(meta, '000_test.json'), JSON.stringify({ source: '000_test.txt', documents: [{ id: 'test', kind: '通知', title: '测试' }] }));
  return { seeds, meta };
}

/** Build the site from that seeds folder into `out`: the build's exit status and what it printed. */
const build = (dirs: { seeds: string; meta: string }, out: string) => runBuild(out, { TIAOWEN_SEEDS: dirs.seeds, TIAOWEN_META: dirs.meta });

/**
 * Each case's build, into a folder of its own: the cases are prepared and their builds started
 * together, so that they share the machine's cores; each test awaits its own.
 */
const CASES = {
  binary: () => {
    mkdirSync(outOf('binary'), { recursive: true });
    writeFileSync(path.join(outOf('binary'), 'index.html'), 'previous site');
    const bytes = Uint8Array.from([...Buffer.from('一、总体要求\n\n1.条文。', 'utf8'), 0xff, 0xfe, 0x00, 0x01]);
    return build(seedsWith('binary', bytes), outOf('binary'));
  },
  empty: () => {
    rmSync(outOf('empty'), { recursive: true, force: true });
    return build(seedsWith('empty', ''), outOf('empty'));
  },
  gb18030: () => {
    const dirs = seedsWith('gb18030', '');
    copyFileSync(path.join(ROOT, 'tests/fixtures/build/gb18030-repeated-number.txt'), path.join(dirs.seeds, '000_test.txt'));
    return build(dirs, outOf('gb18030'));
  },
};
let builds: Record<keyof typeof CASES, ReturnType<typeof runBuild>>;

afterAll(async () => {
  if (builds) await Promise.allSettled(Object.values(builds));
  rmSync(WORK, { recursive: true, force: true });
  for (const name of Object.keys(CASES)) rmSync(outOf(name), { recursive: true, force: true });
});

describe.skipIf(SKIP_E2E)('a build from bad input', () => {
  beforeAll(() => {
    builds = { binary: CASES.binary(), empty: CASES.empty(), gb18030: CASES.gb18030() };
  });

  it('fails on bytes that are neither UTF-8 nor GB18030, naming the file and the byte offset, and keeps the previous output', async () => {
    const { status, output } = await builds.binary;
    expect(status).toBe(1);
    expect(output).toMatch(/000_test\.txt: not valid UTF-8 at byte \d+/);
    expect(readFileSync(path.join(outOf('binary'), 'index.html'), 'utf8')).toBe('previous site');
  });

  it('fails on an empty source, naming it', async () => {
    const { status, output } = await builds.empty;
    expect(status).toBe(1);
    expect(output).toMatch(/000_test\.txt: source is empty/);
    expect(existsSync(outOf('empty'))).toBe(false);
  });

  it('builds a GB18030 source and warns about a repeated number, naming file and line', async () => {
    const { status, output } = await builds.gb18030;
    expect(status, output).toBe(0);
    expect(output).toMatch(/000_test\.txt:5: clause number 1 appears 2 times/);
    const clauses = JSON.parse(readFileSync(path.join(outOf('gb18030'), 'data/clauses.json'), 'utf8'));
    expect(clauses.map((c: { id: string }) => c.id)).toEqual(['test/1/1', 'test/1/1-2']);
    expect(clauses[0].text).toContain('<script>');
    const page = readFileSync(path.join(outOf('gb18030'), 'test/1/1.html'), 'utf8');
    const scripts: string[] = [];
    visit(fromHtml(page), 'element', (el) => {
      if (el.tagName === 'script') scripts.push(toString(el));
    });
    expect(scripts.filter((s) => s.includes('alert'))).toEqual([]);
    expect(page).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});
