import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packedRecords } from '../../../../src/browser/search/packs';
import { packOf } from '../../../../src/browser/search/search-layout';
import type { RecordData } from '../../../../src/browser/search/record-index';
import type { OfflineRecord } from '../../../../src/browser/search/memory-index';
import { displayPacks } from '../../../../src/integrations/search/search-data';

/** A clause of `chars` characters of text. */
const clause = (id: string, chars: number): OfflineRecord => ({ url: `/${id}.html`, doc: id.split('/')[0]!, meta: { id, p: '第一条', t: '职'.repeat(chars) } });
const bytesOf = (c: OfflineRecord) => Buffer.byteLength(JSON.stringify({ url: c.url, meta: c.meta })) + 1;

describe('the packs of display data', () => {
  const clauses = [clause('a/1', 10), clause('a/2', 10), clause('a/3', 10), clause('b/1', 80), clause('b/2', 10)];

  it('are runs of the large size while every clause’s display data holds at most the given bytes of JSON', () => {
    const total = clauses.reduce((n, c) => n + bytesOf(c), 0);
    const { packs, files } = displayPacks(clauses, total, 10, total);
    expect(packs.map((p) => p.first)).toEqual([0]);
    expect(JSON.parse(gunzipSync(files[0]!).toString())).toEqual(clauses.map(({ url, meta }) => ({ url, meta })));
    expect(displayPacks(clauses, total, 10, bytesOf(clauses[0]!) * 3).packs.map((p) => p.first)).toEqual([0, 3, 4]);
    expect(displayPacks(clauses).packs).toHaveLength(1);
    expect(displayPacks(clauses, total - 1, 10, total).packs).toHaveLength(clauses.length);
  });

  it('are, beyond that, runs of clauses in reading order of at most the given bytes of JSON each, a longer clause alone', () => {
    const limit = bytesOf(clauses[0]!) * 2;
    expect(bytesOf(clauses[3]!)).toBeGreaterThan(limit);
    const { packs, files } = displayPacks(clauses, 0, limit);
    expect(packs.map((p) => p.first)).toEqual([0, 2, 3, 4]);
    const held = files.map((f) => (JSON.parse(gunzipSync(f).toString()) as RecordData[]).map((d) => d.meta.id));
    expect(held).toEqual([['a/1', 'a/2'], ['a/3'], ['b/1'], ['b/2']]);
    expect(files.flatMap((f) => JSON.parse(gunzipSync(f).toString()) as RecordData[])).toEqual(clauses.map(({ url, meta }) => ({ url, meta })));
  });

  it('are named by the hash of their file', () => {
    const { packs, files } = displayPacks(clauses, 0, 100);
    packs.forEach((p, k) => expect(p.hash).toBe(createHash('sha256').update(files[k]!).digest('hex').slice(0, 16)));
    expect(new Set(packs.map((p) => p.hash)).size).toBe(packs.length);
  });

  it('find the pack of a place in reading order', () => {
    const packs = [{ first: 0 }, { first: 2 }, { first: 3 }];
    expect([0, 1, 2, 3, 9].map((place) => packOf(packs, place))).toEqual([0, 0, 1, 2, 2]);
    expect(packOf([{ first: 0 }], 5)).toBe(0);
  });
});

describe('display data from packs', () => {
  const data = (id: string): RecordData => ({ url: `/${id}.html`, meta: { id, p: '', t: id } });
  const packs = [
    { first: 0, hash: 'p0' },
    { first: 2, hash: 'p1' },
    { first: 3, hash: 'p2' },
  ];
  const contents = [[data('a/1'), data('a/2')], [data('b/1')], [data('c/1'), data('c/2')]];

  it('loads a pack once for all its clauses, and only the packs asked for', async () => {
    const asked: number[] = [];
    const record = packedRecords(packs, async (k) => (asked.push(k), contents[k]!));
    const got = await Promise.all([0, 1, 4, 0].map((place) => record(place)));
    expect(got.map((d) => d.meta.id)).toEqual(['a/1', 'a/2', 'c/2', 'a/1']);
    expect(asked).toEqual([0, 2]);
    expect((await record(2)).meta.id).toBe('b/1');
    expect(asked).toEqual([0, 2, 1]);
  });

  it('tries a pack that failed to load again when next asked for', async () => {
    const asked: number[] = [];
    let fail = true;
    const record = packedRecords(packs, async (k) => {
      asked.push(k);
      if (fail) throw new Error('offline');
      return contents[k]!;
    });
    await expect(record(3)).rejects.toThrow('offline');
    fail = false;
    expect((await record(3)).meta.id).toBe('c/1');
    expect(asked).toEqual([2, 2]);
  });

  it('says so when a pack holds fewer clauses than the layout gives it', async () => {
    const record = packedRecords([{ first: 0, hash: 'p0' }], async () => [data('a/1')]);
    await expect(record(1)).rejects.toThrow(/clause 1 is not in its pack/);
  });
});
