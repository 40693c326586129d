/**
 * The metadata schema, as the build meets it: each folder in tests/fixtures/metadata holds a
 * metadata file (meta.json) for the shared seed.txt (or its own seed.txt), and either
 * expected-error.txt (the build's exact message; {meta} stands for the metadata file's path)
 * or nothing, when the metadata is valid. Regenerate with UPDATE=1 and read the diff.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/pipeline/decode';
import { parseSeed } from '../../../src/pipeline/load';
import { KINDS, checkSourceMeta, keyPath, kindOfTitle } from '../../../src/pipeline/metadata';
import { KIND_GROUPS } from '../../../src/site/kinds';
import { META, ROOT } from './helpers';

const DIR = path.join(ROOT, 'tests/fixtures/metadata');
const work = mkdtempSync(path.join(tmpdir(), 'tiaowen-meta-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** Load the case's seed with its metadata from a folder of their own; the error message, or null. */
function load(name: string): { message: string | null; metaFile: string } {
  const seedsDir = path.join(work, name, 'seeds');
  const metaDir = path.join(work, name, 'content/sources');
  mkdirSync(seedsDir, { recursive: true });
  mkdirSync(metaDir, { recursive: true });
  const seed = existsSync(path.join(DIR, name, 'seed.txt')) ? path.join(DIR, name, 'seed.txt') : path.join(DIR, 'seed.txt');
  copyFileSync(seed, path.join(seedsDir, '000_test.txt'));
  copyFileSync(path.join(DIR, name, 'meta.json'), path.join(metaDir, '000_test.json'));
  const metaFile = path.relative(process.cwd(), path.join(metaDir, '000_test.json'));
  try {
    parseSeed(seedsDir, metaDir, '000_test.txt');
    return { message: null, metaFile };
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return { message: (e as Error).message, metaFile };
  }
}

describe.each(cases)('metadata fixture %s', (name) => {
  it('loads, or fails with the expected message naming the file and the key', () => {
    const { message, metaFile } = load(name);
    const expectedFile = path.join(DIR, name, 'expected-error.txt');
    const actual = message?.split(metaFile).join('{meta}') ?? null;
    if (process.env.UPDATE === '1') {
      if (actual === null) rmSync(expectedFile, { force: true });
      else writeFileSync(expectedFile, `${actual}\n`);
    }
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8').replace(/\n$/, '') : null;
    expect(actual).toBe(expected);
  });
});

describe('the metadata schema', () => {
  it('accepts every metadata file of the library', () => {
    for (const f of readdirSync(META).filter((n) => n.endsWith('.json'))) {
      const checked = checkSourceMeta(JSON.parse(readFileSync(path.join(META, f), 'utf8')));
      expect('problems' in checked ? checked.problems : [], f).toEqual([]);
    }
  });

  it('accepts every kind the home page groups documents by', () => {
    for (const kind of KIND_GROUPS.flatMap((g) => g.kinds)) expect(KINDS, kind).toContain(kind);
  });

  it('names key paths as they are written in JSON', () => {
    expect(keyPath(['documents', 1, 'kind'])).toBe('documents[1].kind');
    expect(keyPath(['source'])).toBe('source');
    expect(keyPath([])).toBe('');
  });

  it('refuses a list of documents that is not an object', () => {
    expect(checkSourceMeta([])).toEqual({ problems: ['expected an object {"source": …, "documents": [{…}, …]}'] });
  });

  it('takes the kind from the last word of a title, after a bracketed note', () => {
    expect(kindOfTitle('中华人民共和国工会法')).toBe('法律');
    expect(kindOfTitle('工会会员会籍管理办法（试行）')).toBe('办法');
    expect(kindOfTitle('关于新形势下加强基层工会建设的实施意见')).toBe('实施意见');
    expect(kindOfTitle('最高人民法院关于审理劳动争议案件适用法律问题的解释（一）')).toBe('司法解释');
    expect(kindOfTitle('关于转发《某某办法》的通知')).toBe('通知');
    expect(kindOfTitle('工会工作的两条原则')).toBeNull();
    for (const k of ['规划', '论文', '工作报告', '实施意见', '通知', '分工方案']) expect(KINDS).toContain(k);
  });
});
