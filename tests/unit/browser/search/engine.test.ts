import { describe, expect, it } from 'vitest';
import {
  type Found,
  type Ranked,
  type WordFound,
  charMap,
  chooseBigrams,
  clauseNeedles,
  coverOffsets,
  countFacets,
  countResultFacets,
  findText,
  groupResults,
  makeEngine,
  matchRanges,
  passes,
  rankResults,
  shardedVocabulary,
  wholeVocabulary,
} from '../../../../src/browser/search/engine';
import { fold, headingTokens, indexTokens } from '../../../../src/browser/fold';
import { type SearchLayout, encodeGroups, layoutClause, tokenChars } from '../../../../src/browser/search/search-layout';
import { memoryIndex } from '../../../../src/browser/search/memory-index';
import { type PagefindApi, pagefindIndex } from '../../../../src/browser/search/pagefind-index';
import type { RecordData, RecordIndex } from '../../../../src/browser/search/record-index';
import type { LexiconData } from '../../../../src/browser/search/files';
import { lexiconFiles } from '../../../../src/integrations/search/search-data';
import { cut } from '../../../../src/browser/search/segmenter';
import { createRng } from '../../../../scripts/bench/rng';
import type { Hit, SearchDoc } from '../../../../src/browser/search/types';

const docA: SearchDoc = { id: 'a', title: '甲', kind: '通知', year: '2014' };
const docB: SearchDoc = { id: 'b', title: '乙', kind: '规划', year: null };

/** A text found in these records (and in these headings). */
const found = (all: string[], heading: string[] = []): Found => ({ all: new Set(all), heading: new Set(heading) });
/** A word found whole in `all` and only by its parts in `apart`. */
const word = (all: string[], apart: string[] = [], heading: string[] = []): WordFound => ({ ...found(all, heading), apart: new Set(apart) });
/** Ranked clauses as a test states them. */
const ranked = (...rs: [id: string, tier: 1 | 2 | 3, rank: number][]): Ranked[] =>
  rs.map(([id, tier, rank]) => ({ id, tier, rank, heading: 0, matched: tier === 3 ? 1 : 2, apart: [] }));

describe('ranking', () => {
  const order = new Map(['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map((id, i) => [id, i]));
  it('puts the query as typed first, then all words, then some words; headings first, then document order', () => {
    const r = rankResults(found(['x3', 'x4'], ['x4']), [word(['x1', 'x3', 'x4', 'x5']), word(['x2', 'x3', 'x4', 'x5'])], order);
    expect(r.map((x) => [x.id, x.tier])).toEqual([
      ['x4', 1],
      ['x3', 1],
      ['x5', 2],
      ['x1', 3],
      ['x2', 3],
    ]);
  });

  it('puts clauses with more of the words first among those with only some of them', () => {
    const r = rankResults(found([]), [word(['x1', 'x3', 'x4']), word(['x2', 'x4']), word(['x3'])], order);
    expect(r.map((x) => [x.id, x.tier, x.matched])).toEqual([
      ['x3', 3, 2],
      ['x4', 3, 2],
      ['x1', 3, 1],
      ['x2', 3, 1],
    ]);
  });

  it('counts a compound held only by its parts as held, after the clauses holding it whole', () => {
    // Word 0 (a compound) whole in x2 and x5, by its parts in x1 and x4; word 1 in x1, x2, x3, x4.
    const r = rankResults(found([]), [word(['x2', 'x5'], ['x1', 'x4']), word(['x1', 'x2', 'x3', 'x4'])], order);
    expect(r.map((x) => [x.id, x.tier, x.apart])).toEqual([
      ['x2', 2, []],
      ['x1', 2, [0]],
      ['x4', 2, [0]],
      ['x3', 3, []],
      ['x5', 3, []],
    ]);
  });

  it('lets a one-word query that is a compound find its parts apart, as full matches after the word itself', () => {
    const r = rankResults(found(['x3']), [word(['x3'], ['x1'])], order);
    expect(r.map((x) => [x.id, x.tier, x.apart])).toEqual([
      ['x3', 1, []],
      ['x1', 2, [0]],
    ]);
  });
});

describe('partial matches', () => {
  it('need a word that is not only digits', () => {
    const order = new Map(['y1', 'y2', 'y3'].map((id, i) => [id, i]));
    const r = rankResults(found([]), [word(['y1', 'y3']), word(['y2', 'y3'])], order, [false, true]);
    expect(r.map((x) => [x.id, x.tier])).toEqual([
      ['y3', 2],
      ['y1', 3],
    ]);
  });
});

describe('transcriptions of one text', () => {
  it('make one result, in the place of the best ranked of them, which leads it', () => {
    const { full, partial } = groupResults(ranked(['b7', 1, 7], ['a1', 2, 1], ['a7', 2, 3], ['c1', 3, 5]), [
      ['a7', 'b7'],
      ['a1', 'b1'],
    ]);
    expect(full.map((g) => [g.lead.id, g.found.map((f) => f.id), g.versions])).toEqual([
      ['b7', ['b7', 'a7'], ['a7', 'b7']],
      ['a1', ['a1'], ['a1', 'b1']],
    ]);
    expect(partial.map((g) => [g.lead.id, g.versions])).toEqual([['c1', undefined]]);
  });

  it('are led by the first in reading order where they rank alike', () => {
    const order = new Map(['a7', 'b7'].map((id, i) => [id, i]));
    const { full } = groupResults(rankResults(found(['a7', 'b7']), [], order), [['a7', 'b7']]);
    expect(full.map((g) => [g.lead.id, g.found.length])).toEqual([['a7', 2]]);
  });

  it('count as one result per document, kind and year they come from', () => {
    expect(countResultFacets([[docA, { ...docA, id: 'a2' }], [docB]])).toEqual({ doc: { a: 1, a2: 1, b: 1 }, kind: { 通知: 1, 规划: 1 }, year: { 2014: 1 } });
  });
});

describe('what a result marks', () => {
  const compounds = new Map([['职工服务中心', ['职工', '服务中心']]]);
  it('is the query as typed, or its words, a word held apart by its parts', () => {
    expect(clauseNeedles({ tier: 1, apart: [] }, '职工服务中心建设', ['职工服务中心', '建设'], compounds)).toEqual(['职工服务中心建设']);
    expect(clauseNeedles({ tier: 2, apart: [] }, '职工服务中心建设', ['职工服务中心', '建设'], compounds)).toEqual(['职工服务中心', '建设']);
    expect(clauseNeedles({ tier: 2, apart: [0] }, '职工服务中心建设', ['职工服务中心', '建设'], compounds)).toEqual(['职工', '服务中心', '建设']);
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
  /** Where it is a transcription of a text with several: the place of the first one's clause. */
  g?: number;
  /** How it differs from that one (RecordMeta `v`). */
  v?: { w: number; q: number; c: string };
}

/** The groups of transcriptions of a test's clauses, as the layout encodes them. */
const groupsOf = (clauses: Clause[]): string => {
  const groups = new Map<number, number[]>();
  clauses.forEach((c, i) => c.g !== undefined && groups.set(c.g, [...(groups.get(c.g) ?? []), i]));
  return encodeGroups([...groups.values()]);
};

/**
 * A stand-in for Pagefind over a few clauses, as the build indexes them: one record per
 * document with its clauses' tokens run together. A quoted search of one token finds it
 * exactly (the first place only, as Pagefind reports it); a plain search finds every place of
 * every token that starts with it, or, where none does, of a shorter token (Pagefind's fallback).
 */
function fakePagefind(clauses: Clause[]): { api: PagefindApi; layout: Omit<SearchLayout, 'packs'> } {
  const docs = [...new Set(clauses.map((c) => c.doc))];
  const records = docs.map((doc) => {
    const own = clauses.filter((c) => c.doc === doc);
    const tokens = own.map((c) => indexTokens(c.heading ?? '', c.text));
    return {
      id: `pf-${doc}`,
      tokens: tokens.flat(),
      entry: { doc, first: clauses.indexOf(own[0]!), clauses: tokens.map((t, i) => layoutClause(t.length, headingTokens(own[i]!.heading ?? ''))).join(',') },
    };
  });
  const places = (tokens: string[], match: (t: string) => boolean) => tokens.flatMap((t, i) => (match(t) ? [i] : []));
  const api: PagefindApi = {
    options: async () => {},
    init: async () => {},
    preload: async () => {},
    search: async (term) => {
      if (term === null) return { results: records.map((r) => ({ id: r.id, words: [] })) };
      if (term.startsWith('"')) {
        const token = term.slice(1, -1);
        return { results: records.flatMap((r) => (r.tokens.includes(token) ? [{ id: r.id, words: [r.tokens.indexOf(token)] }] : [])) };
      }
      const all = records.flatMap((r) => r.tokens);
      const word = all.some((t) => t.startsWith(term)) ? term : [...term].slice(0, -1).join('');
      return {
        results: records.map((r) => ({ id: r.id, words: places(r.tokens, (t) => word !== '' && t.startsWith(word)) })).filter((r) => r.words.length > 0),
      };
    },
  };
  return { api, layout: { records: records.map((r) => r.entry), chars: tokenChars(records.flatMap((r) => r.tokens)), versions: groupsOf(clauses) } };
}

const display = (c: Clause, i: number): RecordData => ({
  url: `/${c.id}.html`,
  meta: { id: c.id, p: `第${i + 1}条`, t: c.text, ...(c.heading ? { h: c.heading } : {}), ...(c.v ? { v: c.v } : {}) },
});

describe('the Pagefind index', () => {
  const few: Clause[] = [
    { id: 'd/1', doc: 'd', heading: '总则', text: '职工' },
    { id: 'd/2', doc: 'd', text: '职工之家' },
    { id: 'e/1', doc: 'e', text: '家' },
    { id: 'e/2', doc: 'e', text: '工会' },
  ];
  const { api, layout } = fakePagefind(few);
  const index = pagefindIndex(api, layout, async (i) => display(few[i]!, i));

  it("divides each document's record back into its clauses, with places counted from each clause's start", async () => {
    expect(await index.postings('职工')).toEqual(
      new Map([
        ['0', [2]],
        ['1', [0]],
      ]),
    );
    expect(await index.postings('工', true)).toEqual(
      new Map([
        ['1', [1]],
        ['3', [0]],
      ]),
    );
    expect(await index.layout()).toEqual({
      order: ['0', '1', '2', '3'],
      docOf: new Map([
        ['0', 'd'],
        ['1', 'd'],
        ['2', 'e'],
        ['3', 'e'],
      ]),
      headingTokens: new Map([['0', 1]]),
      versions: [],
    });
    expect((await index.record('1')).meta.id).toBe('d/2');
  });

  it('finds nothing for a token that is not there, where Pagefind would fall back to a shorter one', async () => {
    expect((await api.search('职x')).results.length).toBeGreaterThan(0);
    expect(await index.postings('职x')).toEqual(new Map());
  });

  it('refuses a Pagefind index whose records do not match the layout', async () => {
    const short = pagefindIndex(api, { ...layout, records: layout.records.slice(1) }, async (i) => display(few[i]!, i));
    await expect(short.postings('职工')).rejects.toThrow(/2 records where its layout has 1/);
  });
});

const lexicon: LexiconData = {
  total: 1e6,
  minFreq: 1,
  t2s: '會会體体',
  words: ['农民工\t500', '欠薪\t300', '职工\t900', '之家\t300', '职工之家\t100'].join('\n'),
  docs: [docA, docB],
  compounds: '',
};
const clauses: Clause[] = [
  { id: 'a/1', doc: 'a', heading: '职工之家建设。', text: '建好职工之家。' },
  { id: 'a/2', doc: 'a', text: '解决农民工欠薪问题。' },
  { id: 'b/1', doc: 'b', text: '农民工工资，治理欠薪。' },
  { id: 'b/2', doc: 'b', text: '农民工服务。' },
  { id: 'b/3', doc: 'b', text: '职工之家与会、站、家。' },
];
const indexes: [string, () => RecordIndex][] = [
  [
    'Pagefind',
    () => {
      const { api, layout } = fakePagefind(clauses);
      return pagefindIndex(api, layout, async (i) => display(clauses[i]!, i));
    },
  ],
  [
    'the in-memory index',
    () =>
      memoryIndex(
        clauses.map((c, i) => ({ ...display(c, i), doc: c.doc })),
        charMap(lexicon.t2s),
      ),
  ],
];

/** Two transcriptions of a plan (p-a, p-b) and another document (c), with a compound among the words. */
const planLexicon: LexiconData = {
  total: 1e6,
  minFreq: 1,
  t2s: '',
  words: ['职工\t900', '服务中心\t300', '建设\t500', '职工服务中心\t100', '之家\t300', '职工之家\t100'].join('\n'),
  docs: [
    { id: 'p-a', title: '规划（转录本甲）', kind: '规划', year: '2021', version: '转录本甲', work: '规划' },
    { id: 'p-b', title: '规划（转录本乙）', kind: '规划', year: '2021', version: '转录本乙', work: '规划' },
    { id: 'c', title: '通知', kind: '通知', year: '2022' },
  ],
  compounds: '职工服务中心\t职工 服务中心',
};
const compare = '/compare/p-a--p-b.html';
const planClauses: Clause[] = [
  { id: 'p-a/1', doc: 'p-a', text: '建设职工服务中心。', g: 0 },
  { id: 'p-a/2', doc: 'p-a', text: '职工之家建设。', g: 1 },
  { id: 'p-b/1', doc: 'p-b', text: '建设职工服务中心。', g: 0, v: { w: 0, q: 0, c: compare } },
  { id: 'p-b/2', doc: 'p-b', text: '职工之家。', g: 1, v: { w: 1, q: 1, c: compare } },
  { id: 'c/1', doc: 'c', text: '为职工建好服务中心。' },
  { id: 'c/2', doc: 'c', text: '职工在服务中心参与建设。' },
];
const planIndexes: [string, () => RecordIndex][] = [
  [
    'Pagefind',
    () => {
      const { api, layout } = fakePagefind(planClauses);
      return pagefindIndex(api, layout, async (i) => display(planClauses[i]!, i));
    },
  ],
  [
    'the in-memory index',
    () =>
      memoryIndex(
        planClauses.map((c, i) => ({ ...display(c, i), doc: c.doc, ...(c.g !== undefined ? { g: c.g } : {}) })),
        {},
      ),
  ],
];

describe.each(planIndexes)('the engine over %s, with transcriptions and a compound', (_, index) => {
  const engine = makeEngine(index(), planLexicon, wholeVocabulary(planLexicon));

  it('counts the results with every word, the transcriptions of one text as one, and those with some apart', async () => {
    const out = await engine.search('职工服务中心 建设');
    expect(out.words).toEqual(['职工服务中心', '建设']);
    expect([out.total, out.partial]).toEqual([2, 2]);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.tier, h.split ?? [], h.versions?.map((v) => [v.id, v.matched]) ?? []])).toEqual([
      [
        'p-a/1',
        2,
        [],
        [
          ['p-a/1', true],
          ['p-b/1', true],
        ],
      ],
      ['c/2', 2, ['职工服务中心'], []],
      [
        'p-a/2',
        3,
        [],
        [
          ['p-a/2', true],
          ['p-b/2', false],
        ],
      ],
      ['c/1', 3, ['职工服务中心'], []],
    ]);
    expect(out.counts.doc).toEqual({ 'p-a': 2, 'p-b': 1, c: 2 });
  });

  it('marks the parts of a compound where they stand apart, and says how the transcriptions differ', async () => {
    const hits = await (await engine.search('职工服务中心 建设')).hits(0, 10);
    const at = (h: Hit, p = 0) => h.matches.map((m) => h.paragraphs[p]!.slice(m.start, m.end));
    expect(at(hits[1]!)).toEqual(['职工', '服务中心', '建设']);
    expect(hits[2]!.versions!.map((v) => v.difference)).toEqual([undefined, { wording: 1, punctuation: 1, compare }]);
    expect(hits[2]!.versions![1]!.matches).toEqual([]);
  });

  it('finds a one-word compound by its parts too, after the word itself', async () => {
    const out = await engine.search('职工服务中心');
    expect(out.words).toEqual([]);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.tier])).toEqual([
      ['p-a/1', 1],
      ['c/1', 2],
      ['c/2', 2],
    ]);
    expect(out.total).toBe(3);
  });

  it('lets a filter choose which transcription leads, and still links the other with its matches', async () => {
    const out = await engine.search('建设职工服务中心', { doc: ['p-b'] });
    expect(out.total).toBe(1);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.versions?.map((v) => [v.id, v.matched, v.matches.length])])).toEqual([
      [
        'p-b/1',
        [
          ['p-a/1', true, 1],
          ['p-b/1', true, 1],
        ],
      ],
    ]);
  });
});

describe.each(indexes)('the engine over %s', (_, index) => {
  const engine = makeEngine(index(), lexicon, wholeVocabulary(lexicon));

  it('finds every clause containing the query, the heading match first', async () => {
    const out = await engine.search('职工之家');
    expect(out.total).toBe(2);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.tier, h.headingMatch])).toEqual([
      ['a/1', 1, true],
      ['b/3', 1, false],
    ]);
    expect(hits[0].matches[0]).toEqual({ paragraph: 0, start: 2, end: 6 });
  });

  it('finds a compound typed without spaces: as typed first, then all words, then some', async () => {
    const out = await engine.search('农民工欠薪');
    expect(out.words).toEqual(['农民工', '欠薪']);
    const hits = await out.hits(0, 10);
    expect(hits.map((h) => [h.id, h.tier])).toEqual([
      ['a/2', 1],
      ['b/1', 2],
      ['b/2', 3],
    ]);
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

describe('the vocabulary in shards', () => {
  const big: LexiconData = { ...lexicon, words: [...lexicon.words.split('\n'), ...Array.from({ length: 2500 }, (_, i) => `词${i}\t${i + 1}`)].join('\n') };
  const { lexicon: online, shards } = lexiconFiles(big, 1000);

  it('splits the words over a power of two of shards, losing none', () => {
    expect(online.shards).toBe(4);
    // Up to the given number of words, the vocabulary is in the lexicon itself, with no shard files.
    const count = big.words.split('\n').length;
    expect(lexiconFiles(big, count - 1).lexicon.shards).toBe(4);
    expect(lexiconFiles(big, count - 1).lexicon.words).toBeUndefined();
    const whole = lexiconFiles(big, count);
    expect(whole.lexicon.shards).toBe(1);
    expect(whole.shards).toEqual([]);
    expect(whole.lexicon.words!.split('\n').filter(Boolean).sort()).toEqual(big.words.split('\n').sort());
    expect(
      shards
        .flatMap((s) => s.split('\n'))
        .filter(Boolean)
        .sort(),
    ).toEqual(big.words.split('\n').sort());
  });

  it("loads only the shards of a query's characters, and cuts it as the whole vocabulary does", async () => {
    const asked: number[] = [];
    const sharded = shardedVocabulary(online, async (k) => (asked.push(k), shards[k]!));
    const whole = wholeVocabulary(big);
    for (const q of ['农民工欠薪', '职工之家', '词12词7', '欠']) {
      expect(cut(q, await sharded(q)), q).toEqual(cut(q, await whole(q)));
    }
    expect(new Set(asked).size).toBeLessThanOrEqual(online.shards);
    expect(asked.length).toBe(new Set(asked).size);
  });
});

describe('covering bigrams', () => {
  it('pin a run down with every other bigram, the first and the last always among them', () => {
    expect(coverOffsets(['职工'])).toEqual([0]);
    expect(coverOffsets(['农民', '民工'])).toEqual([0, 1]);
    expect(coverOffsets(['职工', '工之', '之家'])).toEqual([0, 2]);
    expect(coverOffsets(['农民', '民工', '工欠', '欠薪'])).toEqual([0, 2, 3]);
  });

  it('reuse the bigrams chosen before, adding one only where a character is left uncovered', () => {
    expect(coverOffsets(['农民', '民工', '工欠', '欠薪'], new Set(['农民', '民工', '欠薪']))).toEqual([0, 1, 3]);
    expect(chooseBigrams(['农民工', '欠薪', '农民工欠薪'])).toEqual(new Set(['农民', '民工', '欠薪']));
    expect(chooseBigrams(['职工', '之家', '职工之家'])).toEqual(new Set(['职工', '之家']));
  });

  it('cover every character of any run, whatever was chosen before', () => {
    const rng = createRng(7);
    for (let n = 0; n < 300; n++) {
      const grams = Array.from({ length: rng.int(1, 9) }, () => rng.pick(['aa', 'ab', 'ba', 'bb']));
      const chosen = new Set(['aa', 'ab', 'ba', 'bb'].filter(() => rng.next() < 0.5));
      const offsets = coverOffsets(grams, chosen);
      expect(offsets[0]).toBe(0);
      expect(offsets.at(-1)).toBe(grams.length - 1);
      for (let c = 0; c <= grams.length; c++) expect(offsets.includes(c) || offsets.includes(c - 1), `${grams} ${c}`).toBe(true);
    }
  });

  it('find exactly the records that hold the text, as all its bigrams would: random texts over three characters', async () => {
    const rng = createRng(11);
    const text = (n: number) => Array.from({ length: n }, () => rng.pick([...'工会家'])).join('');
    const records = Array.from({ length: 40 }, (_, i) => ({ ...display({ id: `r/${i}`, doc: 'r', heading: text(3), text: text(20) }, i), doc: 'r' }));
    const index = memoryIndex(records, charMap(''));
    const heading = new Map<string, number>();
    const holding = (q: string) => records.flatMap((r, i) => (`${r.meta.h}${r.meta.t}`.includes(q) ? [String(i)] : [])).sort();
    let some = 0;
    for (let n = 0; n < 200; n++) {
      const q = text(rng.int(2, 6));
      const chosen = chooseBigrams([q.slice(0, 2), q.slice(1), q]);
      const found = [...(await findText(index, q, heading, chosen)).all].sort();
      expect(found, q).toEqual(holding(q));
      if (found.length) some++;
    }
    expect(some).toBeGreaterThan(50);
  });
});

describe('the engine and its index on a slow link', () => {
  it('asks the index for the query’s bigrams while the vocabulary it is cut with still loads', async () => {
    const events: string[] = [];
    const inner = memoryIndex(
      clauses.map((c, i) => ({ ...display(c, i), doc: c.doc })),
      charMap(lexicon.t2s),
    );
    const index: RecordIndex = { ...inner, preload: async (tokens) => void events.push(`preload ${tokens.join(' ')}`) };
    const whole = wholeVocabulary(lexicon);
    const engine = makeEngine(index, lexicon, async (folded) => {
      events.push('vocabulary asked');
      await new Promise((r) => setTimeout(r, 10));
      events.push('vocabulary loaded');
      return whole(folded);
    });
    expect((await engine.search('职工之家')).total).toBe(2);
    expect(events.slice(0, 3)).toEqual(['vocabulary asked', 'preload 职工 工之 之家', 'vocabulary loaded']);
  });

  it('asks, where the vocabulary is held whole, only for the bigrams that pin the query and its words down', async () => {
    const asked: string[] = [];
    const inner = memoryIndex(
      clauses.map((c, i) => ({ ...display(c, i), doc: c.doc })),
      charMap(lexicon.t2s),
    );
    const engine = makeEngine({ ...inner, preload: async (tokens) => void asked.push(tokens.join(' ')) }, lexicon, wholeVocabulary(lexicon));
    expect((await engine.search('农民工欠薪')).total).toBe(2);
    expect((await engine.search('职工之家 建设')).total).toBe(1);
    expect(asked).toEqual(['农民 民工 欠薪', '职工 之家 建设']);
  });
});
