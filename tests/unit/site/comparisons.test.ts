import { describe, expect, it } from 'vitest';
import type { AlignedClause, VersionComparison } from '../../../src/model';
import { compareText, countDifferences } from '../../../src/pipeline/links/diff';
import { absence, comparisonTotals, differenceSummary, versionEntries } from '../../../src/site/comparisons';

const pair = (a: string, b: string, textA = '相同的文字', textB = textA): AlignedClause => {
  const parts = compareText(textA, textB);
  return { a, b, parts, ...countDifferences(parts) };
};
const onlyA = (a: string): AlignedClause => ({ a, b: null, wording: 0, punctuation: 0 });
const onlyB = (b: string): AlignedClause => ({ a: null, b, wording: 0, punctuation: 0 });
const comparison = (rows: AlignedClause[]): VersionComparison => ({
  id: 'a--b',
  url: '/compare/a--b.html',
  a: 'a',
  b: 'b',
  similarity: 0.9,
  rows,
});

describe('versionEntries', () => {
  const c = comparison([pair('a/1', 'b/1'), onlyB('b/2'), pair('a/2', 'b/3')]);

  it('finds a clause on either side of a comparison, with its counterpart', () => {
    expect(versionEntries([c], 'a/2')).toMatchObject([{ index: 2, side: 'a', counterpart: 'b/3' }]);
    expect(versionEntries([c], 'b/1')).toMatchObject([{ index: 0, side: 'b', counterpart: 'a/1' }]);
    expect(versionEntries([c], 'b/2')).toMatchObject([{ index: 1, side: 'b', counterpart: null }]);
  });

  it('finds nothing for a clause outside every comparison', () => {
    expect(versionEntries([c], 'x/1')).toEqual([]);
  });
});

describe('absence', () => {
  it('names the clauses of the other transcription around a clause it lacks', () => {
    const c = comparison([pair('a/1', 'b/1'), onlyB('b/2'), pair('a/2', 'b/3')]);
    expect(absence(c, 1)).toEqual({ before: 'a/1', after: 'a/2', endsMidway: false });
  });

  it('tells where the other transcription starts after the clause', () => {
    const c = comparison([onlyA('a/1'), pair('a/2', 'b/1')]);
    expect(absence(c, 0)).toEqual({ before: undefined, after: 'b/1', endsMidway: false });
  });

  it('tells that the other transcription breaks off midway through its last clause', () => {
    const c = comparison([pair('a/1', 'b/1', '把力量下沉', '把力量下沉到基层一线，加强指导服务。'), onlyB('b/2')]);
    expect(absence(c, 1)).toEqual({ before: 'a/1', after: undefined, endsMidway: true });
  });

  it('does not call an ending midway where the last clause is complete or differs only in punctuation', () => {
    expect(absence(comparison([pair('a/1', 'b/1', '完整的一条。'), onlyB('b/2')]), 1).endsMidway).toBe(false);
    expect(absence(comparison([pair('a/1', 'b/1', '完整的一条', '完整的一条。'), onlyB('b/2')]), 1).endsMidway).toBe(false);
  });

  it('looks at the right side for a clause only in the first transcription', () => {
    const c = comparison([pair('a/1', 'b/1', '文字较长的一条末尾', '文字较长的'), onlyA('a/2')]);
    expect(absence(c, 1)).toEqual({ before: 'b/1', after: undefined, endsMidway: true });
  });
});

describe('differenceSummary', () => {
  it('says the transcriptions agree where there is no difference', () => {
    expect(differenceSummary({ wording: 0, punctuation: 0 })).toBe('两个转录本一致');
  });

  it('gives both counts in words otherwise', () => {
    expect(differenceSummary({ wording: 3, punctuation: 0 })).toBe('措辞差异 3 处，标点差异 0 处');
    expect(differenceSummary({ wording: 0, punctuation: 2 })).toBe('措辞差异 0 处，标点差异 2 处');
  });
});

describe('comparisonTotals', () => {
  it('adds up the rows of a comparison', () => {
    const c = comparison([pair('a/1', 'b/1'), pair('a/2', 'b/2', '维权,维稳', '维权、维护'), onlyB('b/3'), onlyA('a/3')]);
    expect(comparisonTotals(c)).toEqual({ paired: 2, onlyA: 1, onlyB: 1, identical: 1, wording: 1, punctuation: 1 });
  });
});
