import { describe, expect, it } from 'vitest';
import { charMap, countFacets, makeEngine, matchRanges, passes, rankResults } from '../../../src/search/engine';
import { fold, indexTokens } from '../../../src/search/fold';
import { memoryIndex } from '../../../src/search/memory-index';
import { type PagefindApi, pagefindIndex } from '../../../src/search/pagefind-index';
import type { RecordIndex } from '../../../src/search/record-index';
import type { LexiconData } from '../../../src/search/records';
import type { SearchDoc } from '../../../src/search/types';

const docA: SearchDoc = { id: 'a', title: '甲', kind: '通知', year: '2014' };
const docB: SearchDoc = { id: 'b', title: '乙', kind: '规划', year: null };

describe('ranking', () => {
  const order = new Map(['x1', 'x2', 'x3', 'x4', 'x5'].map((id, i) => [id, i]));
  it('puts the query as typed first, then all words, then some words; headings first, then document order', () => {
    const ranked = rankResults(
      new Set(['x3', 'x4']),
      [new Set(['x1', 'x3', 'x4', 'x5']), new Set(['x2', 'x3', 'x4', 'x5'])],
      { query: new Set(['x4']), words: [new Set(), new Set()] },
      order,
    );
    expect(ranked.map((r) => [r.id, r.tier])).toEqual([['x4', 1], ['x3', 1], ['x5', 2], ['x1', 3], ['x2', 3]]);
  });
});

describe('partial matches', () => {
  it('need a word that is not only digits', () => {
    const order = new Map(['y1', 'y2', 'y3'].map((id, i) => [id, i]));
    const ranked = rankResults(new Set(), [new Set(['y1', 'y3']), new Set(['y2', 'y3'])], { query: new Set(), words: [new Set(), new Set()] }, order, [false, true]);
    expect(ranked.map((r) => [r.id, r.tier])).toEqual([['y3', 2], ['y1', 3]]);
  });
});

describe('filters and counts', () => {
  it('count results per document, kind and year', () => {
    expect(countFacets([docA, docA, docB])).toEqual({ doc: { a: 2, b: 1 }, kind: { 通知: 2, 规划: 1 }, year: { 2014: 2 } });
  });
  it('let through what every selected filter allows', () => {
    expect(passes(docA, { kind: ['通知'], year: ['2014'] })).toBe(true);
    expect(passes(docB, { year: ['2014'] })).toBe(false);
    expect(passes(docB, {})).toBe(true);
  });
});

describe('match ranges', () => {
  it('give every occurrence in raw offsets, merged where they overlap', () => {
    expect(matchRanges(['职工之家，职工'], ['职工', '工之家'], {})).toEqual([
      { paragraph: 0, start: 0, end: 4 },
      { paragraph: 0, start: 5, end: 7 },
    ]);
  });
});

interface Clause {
  id: string;
  doc: string;
  heading?: string;
  text: string;
}

/** A stand-in for Pagefind over a few clauses: exact phrases of tokens, and prefixes of one token. */
function fakePagefind(clauses: Clause[]): PagefindApi {
  const pages = clauses.map((c, i) => ({ ...c, i, tokens: indexTokens(c.heading ?? '', c.text) }));
  const result = (p: (typeof pages)[number]) => ({
    id: `pf${p.i}`,
    words: [0],
    data: async () => ({ url: `/${p.id}.html`, meta: { id: p.id, p: `第${p.i + 1}条`, t: p.text, ...(p.heading ? { h: p.heading } : {}) } }),
  });
  return {
    options: async () => {},
    init: async () => {},
    preload: async () => {},
    search: async (term, o) => {
      if (term === null) {
        const doc = o?.filters?.doc;
        return { results: pages.filter((p) => !doc || p.doc === doc).map(result) };
      }
      const phrase = term.replace(/"/g, '').split(' ');
      const has = (p: (typeof pages)[number]) =>
        p.tokens.some((_, k) => phrase.every((t, j) => (term.startsWith('"') ? p.tokens[k + j] === t : p.tokens[k + j]?.startsWith(t))));
      return { results: pages.filter(has).map(result) };
    },
  };
}

describe('the Pagefind index', () => {
  it('ignores hits that match only in a record\'s meta fields (no word of its content)', async () => {
    const hit = (id: string, words: number[]) => ({ id, words, data: async () => ({ url: `/${id}.html`, meta: { id, p: '', t: '' } }) });
    const api: PagefindApi = {
      options: async () => {},
      init: async () => {},
      preload: async () => {},
      search: async (term) => ({ results: term === null ? [hit('m', []), hit('c', [])] : [hit('m', []), hit('c', [4, 5])] }),
    };
    const index = pagefindIndex(api);
    expect(await index.phrase(['50'])).toEqual(['c']);
    expect(await index.prefix('5')).toEqual(['c']);
    expect((await index.layout([])).order).toEqual(['m', 'c']);
  });
});

const lexicon: LexiconData = {
  total: 1e6, minFreq: 1, t2s: '會会體体',
  words: ['农民工\t500', '欠薪\t300', '职工\t900', '之家\t300', '职工之家\t100'].join('\n'),
  docs: [docA, docB],
};
const clauses: Clause[] = [
  { id: 'a/1', doc: 'a', heading: '职工之家建设。', text: '建好职工之家。' },
  { id: 'a/2', doc: 'a', text: '解决农民工欠薪问题。' },
  { id: 'b/1', doc: 'b', text: '农民工工资，治理欠薪。' },
  { id: 'b/2', doc: 'b', text: '农民工服务。' },
  { id: 'b/3', doc: 'b', text: '职工之家与会、站、家。' },
];
const indexes: [string, () => RecordIndex][] = [
  ['Pagefind', () => pagefindIndex(fakePagefind(clauses))],
  [
    'the in-memory index',
    () =>
      memoryIndex(
        clauses.map((c, i) => ({ url: `/${c.id}.html`, doc: c.doc, meta: { id: c.id, p: `第${i + 1}条`, t: c.text, ...(c.heading ? { h: c.heading } : {}) } })),
        charMap(lexicon.t2s),
      ),
  ],
];

describe.each(indexes)('the engine over %s', (_, index) => {
  const engine = makeEngine(index(), lexicon);

  it('finds every clause containing the query, the heading match first', async () => {
    const out = await engine.search('职工之家');
    expect(out.total).toBe(2);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.tier, h.headingMatch])).toEqual([['a/1', 1, true], ['b/3', 1, false]]);
    expect(hits[0].matches[0]).toEqual({ paragraph: 0, start: 2, end: 6 });
  });

  it('finds a compound typed without spaces: as typed first, then all words, then some', async () => {
    const out = await engine.search('农民工欠薪');
    expect(out.words).toEqual(['农民工', '欠薪']);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.tier])).toEqual([['a/2', 1], ['b/1', 2], ['b/2', 3]]);
  });

  it('folds the query: punctuation, width and traditional characters', async () => {
    expect((await engine.search('會、站、家')).total).toBe(1);
    expect((await engine.search('职工 之家')).total).toBe(2);
  });

  it('counts by facet before filtering and filters by document', async () => {
    const out = await engine.search('农民工', { doc: ['b'] });
    expect(out.counts.doc).toEqual({ a: 1, b: 2 });
    expect(out.total).toBe(2);
  });

  it('gives nothing for an empty or punctuation-only query', async () => {
    expect((await engine.search('，。')).total).toBe(0);
  });

  it('reads the character map as pairs', () => {
    expect(charMap('會会體体')).toEqual({ 會: '会', 體: '体' });
    expect(fold('會', charMap('會会'))).toBe('会');
  });
});
