/**
 * `npm run add-source` end to end, on a small library in a temporary folder: the file is
 * copied byte for byte whatever its encoding, the metadata it writes loads, duplicates are
 * refused, and every failure exits non-zero with a message naming the file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLibrary } from '../../../src/library';
import { parseSeed } from '../../../src/pipeline/load';
import { ROOT } from '../pipeline/helpers';

const work = mkdtempSync(path.join(tmpdir(), 'tiaowen-add-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The text used throughout: a notice with a 文号 and an annex (a derivation fixture). */
const NOTICE = readFileSync(path.join(ROOT, 'tests/fixtures/add-source/derive/official-notice-with-annex/input.txt'), 'utf8');

let count = 0;
/** A fresh library folder holding one seed and its metadata (the metadata fixture's valid case). */
function library() {
  const dir = path.join(work, `lib${count++}`);
  const seeds = path.join(dir, 'seeds');
  const meta = path.join(dir, 'meta');
  mkdirSync(seeds, { recursive: true });
  mkdirSync(meta, { recursive: true });
  copyFileSync(path.join(ROOT, 'tests/fixtures/metadata/seed.txt'), path.join(seeds, '000_test.txt'));
  copyFileSync(path.join(ROOT, 'tests/fixtures/metadata/valid/meta.json'), path.join(meta, '000_test.json'));
  return { dir, seeds, meta };
}

/** Write an input file into the work folder. */
function input(name: string, bytes: Uint8Array): string {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  return file;
}

/** Run the command as a user would (npm run add-source runs tsx on the script). */
function run(args: string[], lib: { seeds: string; meta: string }) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/add-source.ts'), ...args, '--seeds', lib.seeds, '--meta', lib.meta], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const newSeeds = (lib: { seeds: string }) => readdirSync(lib.seeds).filter((f) => f !== '000_test.txt');

describe('add-source', () => {
  const encodings: [string, Uint8Array][] = [
    ['UTF-8', Buffer.from(NOTICE, 'utf8')],
    ['UTF-8 with BOM and CRLF', Buffer.from(`\ufeff${NOTICE.replace(/\n/g, '\r\n')}`, 'utf8')],
    ['GB18030 with CRLF', iconv.encode(NOTICE.replace(/\n/g, '\r\n'), 'gb18030')],
    ['UTF-16LE with BOM and CRLF', Buffer.from(`\ufeff${NOTICE.replace(/\n/g, '\r\n')}`, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.from(`\ufeff${NOTICE}`, 'utf16le').swap16()],
  ];
  for (const [name, bytes] of encodings) {
    it(`copies a ${name} text byte for byte and writes metadata that loads`, () => {
      const lib = library();
      const file = input(`notice-${name.replace(/\W+/g, '-')}.txt`, bytes);
      const r = run([file], lib);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const seed = `001_${sha(bytes).slice(0, 16)}.txt`;
      expect(newSeeds(lib)).toEqual([seed]);
      expect(sha(readFileSync(path.join(lib.seeds, seed)))).toBe(sha(bytes));
      const meta = JSON.parse(readFileSync(path.join(lib.meta, seed.replace('.txt', '.json')), 'utf8'));
      expect(meta).toEqual({
        source: seed,
        documents: [
          {
            id: 'zonggongbanfa-2023-12',
            kind: '通知',
            issuer: '中华全国总工会办公厅',
            date: '2023-12-20',
            docNumber: '总工办发〔2023〕12号',
            leadHeadings: true,
          },
          { id: 'zonggongbanfa-2023-12-annex1', kind: '方案', annexOf: 'zonggongbanfa-2023-12', issuer: '中华全国总工会办公厅', leadHeadings: false },
        ],
      });
      expect(parseSeed(lib.seeds, lib.meta, seed).tree.children).toHaveLength(2);
      expect(r.stdout).toContain(`wrote ${path.relative(ROOT, path.join(lib.seeds, seed))}`);
      expect(r.stdout).toContain('id           zonggongbanfa-2023-12');
    });
  }

  it('writes a library the whole pipeline builds', () => {
    const lib = library();
    expect(run([input('notice-build.txt', Buffer.from(NOTICE))], lib).status).toBe(0);
    const built = buildLibrary({ seedsDir: lib.seeds, metaDir: lib.meta });
    expect(built.documents.map((d) => d.id)).toEqual(['luhui-2014-79', 'luhui-2014-79-annex', 'zonggongbanfa-2023-12', 'zonggongbanfa-2023-12-annex1']);
    expect(built.documents[2].title).toBe('关于做好2024年元旦春节期间送温暖工作的通知');
  }, 60_000);

  it('refuses the same bytes twice, naming the file and the seed already there', () => {
    const lib = library();
    const file = input('notice-twice.txt', Buffer.from(NOTICE));
    expect(run([file], lib).status).toBe(0);
    const [seed] = newSeeds(lib);
    const r = run([file], lib);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: refused: the same bytes are already in the library as ${path.relative(ROOT, path.join(lib.seeds, seed))}`);
    expect(newSeeds(lib)).toEqual([seed]);
  });

  it('warns that the same wording in another encoding will be a version of the text already there', () => {
    const lib = library();
    expect(run([input('notice-v1.txt', Buffer.from(NOTICE))], lib).status).toBe(0);
    const file = input('notice-v2.txt', iconv.encode(NOTICE, 'gb18030'));
    const r = run([file], lib);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('document 1 (zonggongbanfa-2023-12-2) has the same wording as zonggongbanfa-2023-12');
    expect(r.stderr).toContain('the build will treat the two as versions (transcriptions) of one text, and label this one "转录本乙"');
    expect(r.stdout).toContain('zonggongbanfa-2023-12 is taken; added -2');
    const seed = newSeeds(lib).find((f) => f.startsWith('002_'))!;
    const meta = JSON.parse(readFileSync(path.join(lib.meta, seed.replace('.txt', '.json')), 'utf8'));
    expect(meta.documents.map((d: { id: string; version?: string }) => [d.id, d.version])).toEqual([
      ['zonggongbanfa-2023-12-2', '转录本乙'],
      ['zonggongbanfa-2023-12-2-annex1', '转录本乙'],
    ]);
  });

  it('refuses a text with no title unless --title gives one, and then records it as supplied', () => {
    const lib = library();
    const file = input('untitled.txt', Buffer.from(readFileSync(path.join(ROOT, 'tests/fixtures/add-source/derive/no-title/input.txt'))));
    const refused = run([file], lib);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${file}: cannot derive everything the build needs, nothing written:`);
    expect(refused.stderr).toContain('document 1 (line 1: 一、总体要求): the text prints no title; give one with --title');
    expect(newSeeds(lib)).toEqual([]);
    const r = run([file, '--title', '工会工作总体要求', '--kind', '意见', '--id', 'zongtiyaoqiu'], lib);
    expect(r.status).toBe(0);
    const [seed] = newSeeds(lib);
    const meta = JSON.parse(readFileSync(path.join(lib.meta, seed.replace('.txt', '.json')), 'utf8'));
    expect(meta.documents).toEqual([{ id: 'zongtiyaoqiu', kind: '意见', title: '工会工作总体要求', leadHeadings: false }]);
    expect(parseSeed(lib.seeds, lib.meta, seed).meta.documents[0].title).toBe('工会工作总体要求');
  });

  it('writes nothing on a dry run', () => {
    const lib = library();
    const r = run([input('notice-dry.txt', Buffer.from(NOTICE)), '--dry-run'], lib);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dry run: would copy');
    expect(r.stdout).toContain('"id": "zonggongbanfa-2023-12"');
    expect(newSeeds(lib)).toEqual([]);
    expect(readdirSync(lib.meta)).toEqual(['000_test.json']);
  });

  it('refuses bytes it cannot decode, a missing file and an unknown kind, naming the file', () => {
    const lib = library();
    const bad = input('latin1.txt', Buffer.from('Cafés et crèches\n', 'latin1'));
    const r1 = run([bad], lib);
    expect([r1.status, r1.stderr.trim()]).toEqual([1, `${bad}: not valid UTF-8 at byte 3 (and not GB18030 either)`]);
    const missing = path.join(work, 'no-such-file.txt');
    const r2 = run([missing], lib);
    expect([r2.status, r2.stderr.trim()]).toEqual([1, `${missing}: cannot read the file (ENOENT)`]);
    const r3 = run([input('notice-kind.txt', Buffer.from(NOTICE)), '--kind', '公文'], lib);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toContain('notice-kind.txt: --kind "公文" (document 1): expected one of 法律');
    expect(newSeeds(lib)).toEqual([]);
  });

  it('exits with status 2 and the usage on wrong arguments', () => {
    const lib = library();
    const r = run(['--bogus'], lib);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run add-source -- FILE');
    expect(run([], lib).status).toBe(2);
  });
});
