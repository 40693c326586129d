import { describe, expect, it } from 'vitest';
import { charMap, makeEngine, wholeVocabulary } from '../../../../src/browser/search/engine';
import { memoryIndex } from '../../../../src/browser/search/memory-index';
import { parseQuery, splitQuery } from '../../../../src/browser/search/query';
import type { LexiconData } from '../../../../src/browser/search/files';
import { parseFreqs, vocabulary } from '../../../../src/browser/search/segmenter';
import { statusText } from '../../../../src/browser/search/ui';

/** A vocabulary in which the joined forms 工会组织 and 基层工会 are words of their own. */
const lexicon: LexiconData = {
  total: 1e6,
  minFreq: 1,
  t2s: '會会組组織织',
  words: ['工会\t900', '组织\t800', '工会组织\t300', '基层\t500', '基层工会\t200', '建设\t500', '职工\t900', '服务中心\t300', '职工服务中心\t100'].join('\n'),
  docs: [{ id: 'a', title: '甲', kind: '通知', year: '2020' }],
  compounds: '职工服务中心\t职工 服务中心',
};
const vocab = vocabulary(parseFreqs(lexicon.words), lexicon.total, lexicon.minFreq);
const t2s = charMap(lexicon.t2s);
const parse = (q: string) => parseQuery(q, t2s, vocab);

describe('splitting a query', () => {
  it('separates words at spaces, full-width spaces, tabs and runs of them', () => {
    const two = [
      { text: '工会', quoted: false },
      { text: '组织', quoted: false },
    ];
    expect(splitQuery('工会 组织')).toEqual(two);
    expect(splitQuery('工会\u3000组织')).toEqual(two);
    expect(splitQuery('  工会 \u3000  组织 ')).toEqual(two);
    expect(splitQuery('工会\t组织')).toEqual(two);
    expect(splitQuery('工会组织')).toEqual([{ text: '工会组织', quoted: false }]);
  });

  it('keeps quoted text as one phrase, its spaces included, in each kind of quotation mark', () => {
    expect(splitQuery('“工会 组织”')).toEqual([{ text: '工会 组织', quoted: true }]);
    expect(splitQuery('"工会 组织" 建设')).toEqual([
      { text: '工会 组织', quoted: true },
      { text: '建设', quoted: false },
    ]);
    expect(splitQuery('＂工会组织＂')).toEqual([{ text: '工会组织', quoted: true }]);
    expect(splitQuery('建设 “工会　组织')).toEqual([
      { text: '建设', quoted: false },
      { text: '工会　组织', quoted: true },
    ]);
  });
});

describe('parsing a query', () => {
  it('cuts each part on its own, so a joined form that is a word still asks for both words', () => {
    expect(parse('工会 组织')).toEqual({ folded: '工会组织', parts: ['工会', '组织'], words: ['工会', '组织'], phrases: [] });
    expect(parse('基层\u3000\u3000工会').words).toEqual(['基层', '工会']);
    // Typed together, the joined form stays one word: the query is that word.
    expect(parse('工会组织').words).toEqual([]);
  });

  it('cuts a part of several words into its words, and asks for a word repeated in two parts once', () => {
    expect(parse('基层工会建设 工会').words).toEqual(['基层工会', '建设', '工会']);
    expect(parse('工会 组织 工会').words).toEqual(['工会', '组织']);
  });

  it('keeps a lone character typed apart as a word of its own', () => {
    expect(parse('工会 法').words).toEqual(['工会', '法']);
  });

  it('matches quoted text as one phrase, spaces ignored, never cut into words', () => {
    expect(parse('“工会 组织”')).toEqual({ folded: '工会组织', parts: ['工会组织'], words: [], phrases: ['工会组织'] });
    expect(parse('"基层工会建设" 组织')).toEqual({
      folded: '基层工会建设组织',
      parts: ['基层工会建设', '组织'],
      words: ['基层工会建设', '组织'],
      phrases: ['基层工会建设'],
    });
  });

  it('folds each part (width, case, traditional characters) and leaves out parts that fold to nothing', () => {
    expect(parse('工會　組織').words).toEqual(['工会', '组织']);
    expect(parse('工会 、 组织').parts).toEqual(['工会', '组织']);
    expect(parse(' 、 ').folded).toBe('');
  });
});

describe('searching separated words', () => {
  const texts = [
    '加强工会组织建设。', // 0: the parts together, as typed
    '组织职工加入工会。', // 1: both parts, apart and in the other order
    '工会工作。', // 2: only 工会
    '建设职工服务中心。', // 3: the compound whole
    '职工在服务中心参与组织工作。', // 4: the compound's parts apart, and 组织
    '工会依法维护职工权益。', // 5: 工会 and the lone character 法
  ];
  const index = memoryIndex(
    texts.map((t, i) => ({ url: `/a/${i}.html`, meta: { id: `a/${i}`, p: `第${i + 1}条`, t }, doc: 'a' })),
    t2s,
  );
  const engine = makeEngine(index, lexicon, wholeVocabulary(lexicon));
  const search = async (q: string) => {
    const out = await engine.search(q);
    const hits = await out.hits(0, 100);
    return { total: out.total, partial: out.partial, missing: out.missing, hits: hits.map((h) => [h.id, h.tier]) };
  };

  it('finds every clause holding all the parts, in any order, those with the parts together first', async () => {
    expect(await search('工会 组织')).toEqual({
      total: 2,
      partial: 3,
      missing: [],
      hits: [
        ['a/0', 1],
        ['a/1', 2],
        ['a/2', 3],
        ['a/4', 3],
        ['a/5', 3],
      ],
    });
    expect((await search('组织　工会')).hits.slice(0, 2)).toEqual([
      ['a/0', 2],
      ['a/1', 2],
    ]);
  });

  it('finds only the joined form where the words are typed together or quoted', async () => {
    expect((await search('工会组织')).hits).toEqual([['a/0', 1]]);
    expect(await search('“工会 组织”')).toEqual({ total: 1, partial: 0, missing: [], hits: [['a/0', 1]] });
  });

  it('matches a quoted compound as typed only, not by its parts apart', async () => {
    expect((await search('职工服务中心')).hits).toEqual([
      ['a/3', 1],
      ['a/4', 2],
    ]);
    expect((await search('"职工服务中心"')).hits).toEqual([['a/3', 1]]);
  });

  it('requires a lone character typed apart, but lets it make no partial match alone', async () => {
    expect(await search('工会 法')).toEqual({
      total: 1,
      partial: 3,
      missing: [],
      hits: [
        ['a/5', 2],
        ['a/0', 3],
        ['a/1', 3],
        ['a/2', 3],
      ],
    });
  });

  it('does not drop a part that matches nothing: no full match, and the word is named', async () => {
    const out = await search('工会 龘靐');
    expect(out).toMatchObject({ total: 0, partial: 4, missing: ['龘靐'] });
    expect(statusText({ query: '工会 龘靐', ...out }, false)).toBe('没有条文含有“龘靐”；只含部分词语的有 4 条。');
    // Where no word found anything, the query is quoted as typed, not the words it was cut into.
    expect(statusText({ query: '龘 靐靐', total: 0, partial: 0, missing: ['龘', '靐靐'] }, true)).toBe('在所选范围内没有找到“龘 靐靐”。');
    expect(statusText({ query: '<img src=x onerror=alert(1)>', total: 0, partial: 0, missing: ['img', 'src', 'on', 'rroral', 'rt'] }, false)).toBe(
      '没有找到“<img src=x onerror=alert(1)>”。',
    );
  });
});
