import { describe, expect, it } from 'vitest';
import { apartMatches, compoundParts, compoundTable, parseCompounds } from '../../../../src/browser/search/compounds';
import { versionGroups } from '../../../../src/integrations/search/search-data';
import { vocabulary } from '../../../../src/browser/search/segmenter';
import type { VersionComparison } from '../../../../src/model';

const vocab = () =>
  vocabulary(
    [
      ['职工', 900],
      ['服务', 500],
      ['中心', 500],
      ['服务中心', 300],
      ['职工服务中心', 100],
      ['劳动法律监督', 50],
      ['员', 100],
      ['劳动法律监督员', 50],
      ['集体', 100],
      ['协商', 100],
      ['集体协商', 100],
    ],
    1e6,
    1,
  );

describe('long dictionary compounds', () => {
  it('are cut into their parts as the segmenter cuts them without the compound itself', () => {
    expect(compoundParts('职工服务中心', vocab())).toEqual(['职工', '服务中心']);
  });

  it('leave the vocabulary as it was', () => {
    const v = vocab();
    const before = v.logp.get('职工服务中心');
    compoundParts('职工服务中心', v);
    expect(v.logp.get('职工服务中心')).toBe(before);
  });

  it('are not split where a part would be a lone character, nor below five characters', () => {
    expect(compoundParts('劳动法律监督员', vocab())).toBeUndefined();
    expect(compoundParts('集体协商', vocab())).toBeUndefined();
  });

  it('travel as a table of terms and parts that reads back as it was written', () => {
    const table = compoundTable(['职工服务中心', '集体协商', '劳动法律监督员', '职工服务中心'], vocab());
    expect(table).toBe('职工服务中心\t职工 服务中心');
    expect(parseCompounds(table)).toEqual(new Map([['职工服务中心', ['职工', '服务中心']]]));
    expect(parseCompounds(undefined)).toEqual(new Map());
  });

  it('match where every part stands and the whole does not', () => {
    const parts = [new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd'])];
    expect([...apartMatches(parts, new Set(['c']))]).toEqual(['b']);
    expect([...apartMatches([], new Set())]).toEqual([]);
  });
});

describe('transcriptions of one text', () => {
  const row = (a: string | null, b: string | null, wording = 0, punctuation = 0) => ({ a, b, wording, punctuation });
  const comparison = (id: string, rows: ReturnType<typeof row>[]): VersionComparison => ({ id, url: `/compare/${id}.html`, a: '', b: '', similarity: 1, rows });
  const place = new Map(['a1', 'a2', 'b1', 'b2', 'c1', 'b3'].map((id, i) => [id, i]));

  it('group the clauses the comparisons pair, joining pairs that share a clause, in reading order', () => {
    const { groups } = versionGroups(
      [comparison('a--b', [row('a1', 'b1'), row('a2', null), row(null, 'b3')]), comparison('b--c', [row('b1', 'c1'), row('b2', null)])],
      place,
    );
    expect(groups).toEqual([[0, 2, 4]]);
  });

  it('give each later clause the differences of its row with the first, and its comparison page', () => {
    const { differences } = versionGroups([comparison('a--b', [row('a1', 'b1', 2, 1), row('a2', 'b2')])], place);
    expect(differences).toEqual(
      new Map([
        [2, { w: 2, q: 1, c: '/compare/a--b.html' }],
        [3, { w: 0, q: 0, c: '/compare/a--b.html' }],
      ]),
    );
  });
});
