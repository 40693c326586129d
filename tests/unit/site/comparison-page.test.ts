import { describe, expect, it } from 'vitest';
import { comparisonListData, comparisonPageData } from '../../../src/site/comparison-page';
import { clause, doc, library } from './library-fixture';

const part = (d: string, n: string, title: string) => ({ level: 'part' as const, id: `${d}/${n}`, marker: `${n}、`, number: n, title, children: [] });
const lib = library({
  documents: [
    doc('a', { title: '意见', version: '转录本甲', outline: [part('a', '一', '目标'), part('a', '二', '措施')] }),
    doc('b', { title: '意见', version: '转录本乙', outline: [part('b', '一', '目标'), part('b', '二', '措施')] }),
  ],
  clauses: [
    clause('a/一/1', '1', { path: ['一、目标'], heading: '总目标' }),
    clause('a/一/2', '2', { path: ['一、目标'] }),
    clause('a/二/3', '3', { path: ['二、措施'] }),
    clause('b/一/1', '1', { path: ['一、目标'] }),
    clause('b/二/2', '2', { path: ['二、措施'] }),
  ],
  comparisons: [
    {
      id: 'a--b',
      url: '/compare/a--b.html',
      a: 'a',
      b: 'b',
      similarity: 0.876,
      rows: [
        { a: 'a/一/1', b: 'b/一/1', wording: 0, punctuation: 0 },
        { a: 'a/一/2', b: null, wording: 0, punctuation: 0 },
        { a: 'a/二/3', b: 'b/二/2', wording: 2, punctuation: 1 },
      ],
    },
  ],
});

describe('comparisonPageData', () => {
  it('titles the page by the two transcriptions and rounds the similarity to a percentage', () => {
    const page = comparisonPageData(lib, 'a--b');
    expect(page.title).toBe('转录本甲与转录本乙逐条对照');
    expect(page.percent).toBe(88);
  });

  it('marks a row with the part it opens only where the part changes', () => {
    expect(comparisonPageData(lib, 'a--b').rows.map((r) => r.opens)).toEqual(['一、目标', undefined, '二、措施']);
  });

  it('tells rows found in one transcription only from rows whose texts agree', () => {
    const rows = comparisonPageData(lib, 'a--b').rows;
    expect(rows.map((r) => [r.only, r.same])).toEqual([
      [false, true],
      [true, false],
      [false, false],
    ]);
    expect(rows[1].cells[1]).toBeUndefined();
  });

  it('links each clause relative to the comparison page, with its position and heading', () => {
    expect(comparisonPageData(lib, 'a--b').rows[0].cells[0]).toEqual({ href: '../a/一/1.html', position: '第一条', heading: '总目标' });
  });

  it('fails on a comparison the library does not hold', () => {
    expect(() => comparisonPageData(lib, 'x--y')).toThrow(/unknown comparison x--y/);
  });
});

describe('comparisonListData', () => {
  it('lists every pair with its link, names, totals and the differences in words', () => {
    const [pair] = comparisonListData(lib).pairs;
    expect(pair.href).toBe('a--b.html');
    expect(pair.names).toEqual(['转录本甲', '转录本乙']);
    expect([pair.totals.paired, pair.totals.onlyA, pair.totals.onlyB]).toEqual([2, 1, 0]);
    expect(pair.summary).toBe('措辞差异 2 处，标点差异 1 处');
  });
});
