/**
 * A one-character query against the real Pagefind when the tokens it starts fill several of
 * Pagefind's index chunks: long synthetic records, indexed by the build's own runPagefind
 * and loaded with Pagefind's browser module in Node (as offline-parity.test.ts does), each
 * time into a Pagefind that has loaded no chunk yet.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexChunkSize, runPagefind } from '../../../../scripts/lib/pagefind.mjs';
import { findText } from '../../../../src/browser/search/engine';
import { indexTokens } from '../../../../src/browser/fold';
import { type SearchLayout, layoutClause, tokenChars } from '../../../../src/browser/search/search-layout';
import { memoryIndex } from '../../../../src/browser/search/memory-index';
import { type PagefindApi, pagefindIndex } from '../../../../src/browser/search/pagefind-index';
import type { RecordData, RecordIndex } from '../../../../src/browser/search/record-index';
import type { SearchRecord } from '../../../../src/integrations/search/search-data';

/** 400 characters on both sides of 家 in code point order (家 itself left out). */
const others = Array.from({ length: 400 }, (_, k) => String.fromCodePoint(0x4e00 + 37 * k)).filter((c) => c !== '家');
/** Clause k: 家 followed by the k-th character, ten times; four documents of a hundred clauses. */
const clauses = others.map((c, k) => ({ id: `d${k % 4}/${k}`, doc: `d${k % 4}`, text: `家${c}，`.repeat(10) }));
clauses.sort((a, b) => a.doc.localeCompare(b.doc));
const display = (i: number): RecordData => ({ url: `/${clauses[i]!.id}.html`, meta: { id: clauses[i]!.id, p: `第${i + 1}条`, t: clauses[i]!.text } });

describe('a single character whose tokens fill several Pagefind index chunks', () => {
  const realFetch = globalThis.fetch;
  const dirs: string[] = [];
  const tokens = clauses.map((c) => indexTokens('', c.text));
  const docs = [...new Set(clauses.map((c) => c.doc))];
  const records: SearchRecord[] = docs.map((doc, i) => ({
    url: `/${doc}/`,
    content: tokens
      .filter((_, k) => clauses[k]!.doc === doc)
      .flat()
      .join(' '),
    language: 'und',
    sort: { order: String(i) },
  }));
  const layout: Omit<SearchLayout, 'packs'> = {
    records: docs.map((doc) => {
      const first = clauses.findIndex((c) => c.doc === doc);
      const own = tokens.filter((_, k) => clauses[k]!.doc === doc);
      return { doc, first, clauses: own.map((t) => layoutClause(t.length, 0)).join(',') };
    }),
    chars: tokenChars(tokens.flat()),
    versions: '',
  };
  let pagefindDir: string;

  /** A Pagefind index over the records, loaded fresh (no chunk loaded yet). */
  async function freshIndex(): Promise<RecordIndex> {
    const copy = await mkdtemp(join(tmpdir(), 'tiaowen-prefix-copy-'));
    dirs.push(copy);
    await cp(pagefindDir, join(copy, 'pagefind'), { recursive: true });
    const api = (await import(/* @vite-ignore */ pathToFileURL(join(copy, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
    await api.options({ noWorker: true });
    await api.init();
    return pagefindIndex(api, JSON.parse(JSON.stringify(layout)) as Omit<SearchLayout, 'packs'>, async (i) => display(i));
  }

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tiaowen-prefix-'));
    dirs.push(dir);
    await runPagefind(dir, records, () => {});
    pagefindDir = join(dir, 'pagefind');
    globalThis.fetch = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      return url.protocol === 'file:' ? new Response(await readFile(fileURLToPath(url))) : realFetch(input);
    };
  }, 120_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('spreads the tokens of 家 over several chunks (so the case below is a real one)', async () => {
    // A chunk holds about indexChunkSize places; a token takes one per place and one per record.
    const placesOf家 = tokens.flat().filter((t) => t.startsWith('家')).length + others.length;
    expect(placesOf家 / indexChunkSize(tokens.flat().length)).toBeGreaterThan(3);
    expect((await readdir(join(pagefindDir, 'index'))).length).toBeGreaterThan(6);
  });

  it('finds every place of every token the character starts, as the in-memory index does', async () => {
    const pagefind = await freshIndex();
    const memory = memoryIndex(
      clauses.map((c, i) => ({ ...display(i), doc: c.doc })),
      {},
    );
    const online = await pagefind.postings('家', true);
    expect(online.size).toBe(others.length);
    expect([...online.values()].every((places) => places.length === 10)).toBe(true);
    expect(online).toEqual(await memory.postings('家', true));
  }, 60_000);

  it('finds every clause holding the character on a first search', async () => {
    const pagefind = await freshIndex();
    const found = await findText(pagefind, '家', new Map());
    expect(found.all.size).toBe(others.length);
  }, 60_000);

  it('still finds a single token exactly, and nothing for a token that is not there', async () => {
    const pagefind = await freshIndex();
    const last = others[others.length - 1]!;
    expect(await pagefind.postings(`家${last}`)).toEqual(
      new Map([[String(clauses.findIndex((c) => c.text.startsWith(`家${last}`))), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]]]),
    );
    expect(await pagefind.postings('家家')).toEqual(new Map());
  }, 60_000);
});
