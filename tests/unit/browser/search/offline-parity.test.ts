/**
 * The offline index against the real Pagefind, in Node: the library's records (one per
 * document) indexed by Pagefind (the build's own runPagefind) and loaded with Pagefind's
 * browser module (its wasm runs in Node given a fetch of files), and the clauses as the
 * offline data. The engine over each must give the same outcome for every query of the
 * search benchmark and more.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../../../scripts/bench/fold';
import { generateQueries, makeCorpus } from '../../../../scripts/bench/queries';
import { runPagefind } from '../../../../scripts/lib/pagefind.mjs';
import { repositoryLibrary } from '../../pipeline/helpers';
import type { Library } from '../../../../src/model';
import { domainTerms, words } from '../../../../src/pipeline/segment';
import { charMap, findText, makeEngine, onlineVocabulary, wholeVocabulary } from '../../../../src/browser/search/engine';
import { bigrams, fold } from '../../../../src/browser/fold';
import { memoryIndex } from '../../../../src/browser/search/memory-index';
import { type PagefindApi, pagefindIndex } from '../../../../src/browser/search/pagefind-index';
import { type OfflineData, offlineScript } from '../../../../src/browser/search/offline';
import { type RecordData, type RecordIndex, recordTokens } from '../../../../src/browser/search/record-index';
import { type SearchData, buildLexicon, displayPacks, lexiconFiles, searchData } from '../../../../src/integrations/search/search-data';
import { packedRecords } from '../../../../src/browser/search/packs';
import type { Engine, SearchFilters } from '../../../../src/browser/search/types';

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
  let given: SearchData;
  let shipped: OfflineData;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    library = repositoryLibrary();
    const { t2s, data } = buildLexicon(library);
    given = searchData(library, t2s);
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-parity-'));
    await runPagefind(dir, given.records, () => {});
    // Pagefind's browser module fetches its wasm and index files next to itself.
    globalThis.fetch = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      return url.protocol === 'file:' ? new Response(await readFile(fileURLToPath(url))) : realFetch(input);
    };
    const api = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
    await api.options({ noWorker: true });
    await api.init();
    // The layout and the packs of display data as the page reads them: through JSON, the packs gzipped.
    const layout = JSON.parse(JSON.stringify(given.layout)) as SearchData['layout'];
    const { packs, files } = displayPacks(given.clauses);
    const display = packedRecords(packs, async (k) => JSON.parse(gunzipSync(files[k]!).toString()) as RecordData[]);
    pagefind = pagefindIndex(api, layout, display);
    // The offline data as the page reads it: through its script's JSON.
    shipped = JSON.parse(
      offlineScript({ lexicon: data, records: given.clauses })
        .replace(/^[^=]+=/, '')
        .replace(/;\s*$/, ''),
    ) as OfflineData;
    memory = memoryIndex(shipped.records, charMap(shipped.lexicon.t2s));
    // Online, the vocabulary comes with the lexicon or in shards, as the page loads it.
    const { lexicon, shards } = lexiconFiles(data);
    online = makeEngine(
      pagefind,
      lexicon,
      onlineVocabulary({ ...lexicon, layout: { ...layout, packs } }, async (k) => shards[k]!),
    );
    offline = makeEngine(memory, shipped.lexicon, wholeVocabulary(shipped.lexicon));
  }, 120_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('indexes every clause under exactly the tokens Pagefind was given for its document', () => {
    const t2s = charMap(shipped.lexicon.t2s);
    const byDoc = new Map<string, string[]>();
    for (const r of shipped.records) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), ...recordTokens(r.meta, t2s)]);
    expect(given.layout.records.map((e) => byDoc.get(e.doc)!.join(' '))).toEqual(given.records.map((r) => r.content));
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

  it('finds the same clauses as Pagefind for headings, bigrams, single characters and runs of text', async () => {
    const keysToIds = async (index: RecordIndex, keys: Set<string>) => (await Promise.all([...keys].map(async (k) => (await index.record(k)).meta.id))).sort();
    const [pagefindLayout, memoryLayout] = [await pagefind.layout(), await memory.layout()];
    const seen = new Set<string>();
    for (const c of library.clauses.filter((_, i) => i % 5 === 0)) {
      const heading = fold(c.heading ?? '');
      const text = fold(`${c.heading ?? ''}${c.text}`);
      const texts = [heading, heading.slice(0, 3), ...bigrams(text).filter((_, i) => i % 7 === 0), text.slice(0, 7), [...text][0] ?? ''];
      for (const folded of texts) {
        if (folded === '' || seen.has(folded)) continue;
        seen.add(folded);
        const a = await findText(pagefind, folded, pagefindLayout.headingTokens);
        const b = await findText(memory, folded, memoryLayout.headingTokens);
        expect(await keysToIds(memory, b.all), folded).toEqual(await keysToIds(pagefind, a.all));
        expect(await keysToIds(memory, b.heading), folded).toEqual(await keysToIds(pagefind, a.heading));
        expect(b.all.size, folded).toBeGreaterThan(0);
      }
    }
    expect(seen.size).toBeGreaterThan(500);
  }, 60_000);
});
