/**
 * The offline index against the real Pagefind, in Node: the library's records indexed by
 * Pagefind (the build's own runPagefind) and loaded with Pagefind's browser module (its wasm
 * runs in Node given a fetch of files), and the same records as the offline data. The engine
 * over each must give the same outcome for every query of the search benchmark and more.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../../scripts/bench/fold';
import { generateQueries, makeCorpus } from '../../../scripts/bench/queries';
import { runPagefind } from '../../../src/integrations/pagefind';
import { buildLibrary } from '../../../src/library';
import type { Library } from '../../../src/model';
import { domainTerms, words } from '../../../src/pipeline/segment';
import { charMap, makeEngine } from '../../../src/search/engine';
import { bigrams, fold } from '../../../src/search/fold';
import { memoryIndex } from '../../../src/search/memory-index';
import { type PagefindApi, pagefindIndex } from '../../../src/search/pagefind-index';
import { type OfflineData, offlineScript } from '../../../src/search/offline';
import { type RecordIndex, recordTokens } from '../../../src/search/record-index';
import { type SearchRecord, buildLexicon, offlineData, searchRecords } from '../../../src/search/records';
import type { Engine, SearchFilters } from '../../../src/search/types';

const quiet = { info: () => {}, warn: () => {} };

/** Everything a search shows: counts, words, and every hit in rank order. */
async function outcome(engine: Engine, query: string, filters: SearchFilters = {}) {
  const out = await engine.search(query, filters);
  const hits = await out.hits(0, out.total);
  return { total: out.total, counts: out.counts, words: out.words, hits };
}

describe('the offline index', () => {
  let library: Library;
  let dir: string;
  let online: Engine;
  let offline: Engine;
  let pagefind: RecordIndex;
  let memory: RecordIndex;
  let given: SearchRecord[];
  let shipped: OfflineData;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    library = buildLibrary();
    const { t2s, data } = buildLexicon(library);
    const records = searchRecords(library, t2s);
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-parity-'));
    await runPagefind(dir, { records }, quiet);
    // Pagefind's browser module fetches its wasm and index files next to itself.
    globalThis.fetch = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      return url.protocol === 'file:' ? new Response(await readFile(fileURLToPath(url))) : realFetch(input);
    };
    const api = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
    await api.options({ noWorker: true });
    await api.init();
    pagefind = pagefindIndex(api);
    given = records;
    // The offline data as the page reads it: through its script's JSON.
    shipped = JSON.parse(offlineScript(offlineData(records, data)).replace(/^[^=]+=/, '').replace(/;\s*$/, '')) as OfflineData;
    memory = memoryIndex(shipped.records, charMap(shipped.lexicon.t2s));
    online = makeEngine(pagefind, data);
    offline = makeEngine(memory, shipped.lexicon);
  }, 120_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('indexes every record under exactly the tokens Pagefind was given', () => {
    const t2s = charMap(shipped.lexicon.t2s);
    expect(shipped.records.map((r) => recordTokens(r.meta, t2s).join(' '))).toEqual(given.map((r) => r.content));
  });

  it('gives the same outcome as Pagefind for every query of the search benchmark', async () => {
    const clauses = library.clauses.map((c) => ({ id: c.id, url: c.url, text: c.text, heading: c.heading ?? null }));
    const { queries } = generateQueries(makeCorpus(clauses), { seed: 20251122, words, terms: domainTerms(), toTraditional });
    expect(queries.length).toBeGreaterThan(300);
    const differ: string[] = [];
    for (const { q } of queries) {
      const [a, b] = [await outcome(online, q), await outcome(offline, q)];
      expect(a.total, q).toBeGreaterThan(0);
      try {
        expect(b).toEqual(a);
      } catch {
        differ.push(q);
      }
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it('gives the same outcome for single characters, filters and queries with no result', async () => {
    const docs = library.documents.map((d) => d.id);
    const cases: [string, SearchFilters][] = [
      ['家', {}],
      ['h', {}],
      ['1', {}],
      ['工会', { doc: [docs[0]!] }],
      ['职工之家', { kind: ['规划'], year: ['2021'] }],
      ['集體協商', { year: ['2014'] }],
      ['农民工欠薪', { doc: docs.slice(2) }],
      ['没有这样的句子啊', {}],
    ];
    for (const [q, filters] of cases) expect(await outcome(offline, q, filters), q).toEqual(await outcome(online, q, filters));
  }, 60_000);

  it('finds the same records as Pagefind for every heading and text bigram, and for phrases across the heading', async () => {
    const keysToIds = async (index: RecordIndex, keys: string[]) => Promise.all(keys.map(async (k) => (await index.record(k)).meta.id));
    const seen = new Set<string>();
    for (const c of library.clauses.filter((_, i) => i % 5 === 0)) {
      const heading = fold(c.heading ?? '');
      const text = fold(`${c.heading ?? ''}${c.text}`);
      const phrases = [
        ...bigrams(heading).map((b) => [`h${b}`]),
        ...bigrams(text).filter((_, i) => i % 7 === 0).map((b) => [b]),
        bigrams(text).slice(0, 6),
      ];
      for (const tokens of phrases) {
        const key = tokens.join(' ');
        if (tokens.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const [a, b] = [await keysToIds(pagefind, await pagefind.phrase(tokens)), await keysToIds(memory, await memory.phrase(tokens))];
        expect(b.sort(), key).toEqual(a.sort());
        expect(b.length, key).toBeGreaterThan(0);
      }
    }
    expect(seen.size).toBeGreaterThan(500);
  }, 60_000);
});
