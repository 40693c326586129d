import { describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, Library } from '../../../src/model';
import { libraryView } from '../../../src/site/view';

function doc(id: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    url: `/${id}/index.html`,
    title: `${id}的标题`,
    titleEditorial: false,
    kind: '实施意见',
    source: 's.txt',
    furniture: [],
    outline: [],
    clauseCount: 0,
    ...extra,
  };
}
function clause(id: string, number: string | null, path: string[] = []): ClauseRecord {
  const d = id.slice(0, id.indexOf('/'));
  return { id, url: `/${id}.html`, source: 's.txt', doc: d, number, path, text: '', keywords: [], links: [] };
}

const library: Library = {
  trees: new Map(),
  documents: [
    doc('a', {
      docNumber: '甲〔2024〕1号',
      version: '转录本甲',
      outline: [
        { level: 'part', id: 'a/1', marker: '一、', number: '一', title: '要求', children: [] },
        {
          level: 'part',
          id: 'a/2',
          marker: '二、',
          number: '二',
          title: '指标',
          children: [{ level: 'table', id: 'a/2/zb', marker: null, number: null, title: '主要指标', children: [] }],
        },
      ],
    }),
    doc('b'),
    doc('c', { kind: '论文' }),
  ],
  clauses: [
    clause('a/0', null),
    clause('a/1/1', '1', ['一、要求']),
    {
      ...clause('a/1/2', '2', ['一、要求']),
      heading: '第二条的标题。',
      links: [
        { rel: 'related', id: 'c/0' },
        { rel: 'version', id: 'b/0' },
        { rel: 'cites', id: 'c' },
        { rel: 'cites', id: 'gone/1' },
      ],
    },
    clause('a/2/zb/1', '1', ['二、指标', '主要指标']),
    clause('a/2/3', '三是', ['二、指标']),
    clause('a/2/3-2', '三是', ['二、指标']),
    clause('b/0', null),
    clause('c/0', null),
  ],
  renderBody: () => '',
  diagnostics: [],
  comparisons: [{ id: 'a--b', url: '/compare/a--b.html', a: 'a', b: 'b', similarity: 0.9, rows: [] }],
  assignments: [],
  units: [],
  terms: [],
  mentions: new Map(),
  related: new Map(),
};

describe('libraryView', () => {
  const view = libraryView(library);

  it('looks documents and clauses up by id', () => {
    expect(view.doc('b')?.title).toBe('b的标题');
    expect(view.clause('a/1/2')?.number).toBe('2');
    expect(view.doc('zzz')).toBeUndefined();
  });

  it('lists the clauses of each document in reading order', () => {
    expect(view.clausesOf('a').map((c) => c.id)).toEqual(['a/0', 'a/1/1', 'a/1/2', 'a/2/zb/1', 'a/2/3', 'a/2/3-2']);
    expect(view.clausesOf('nope')).toEqual([]);
  });

  it('cites articles as 第N条 even when a table row has the same number', () => {
    expect(view.position(view.clause('a/1/1')!)).toBe('第一条');
    expect(view.position(view.clause('a/2/zb/1')!)).toBe('主要指标表第1项');
  });

  it('tells apart two items printed with the same number', () => {
    expect(view.position(view.clause('a/2/3')!)).toBe('二、三是（第一处）');
    expect(view.position(view.clause('a/2/3-2')!)).toBe('二、三是（第二处）');
  });

  it('calls the opening of a paper 引言 and of other kinds 序言', () => {
    expect(view.position(view.clause('c/0')!)).toBe('引言');
    expect(view.position(view.clause('a/0')!)).toBe('序言');
  });

  it('labels clauses with the title and transcription, and cites them with the title and 文号', () => {
    expect(view.label(view.clause('a/1/2')!)).toBe('《a的标题》第二条（转录本甲）');
    expect(view.citation(view.clause('a/1/2')!)).toBe('《a的标题》（甲〔2024〕1号）第二条');
    expect(view.name(view.doc('a')!)).toBe('a的标题（转录本甲）');
    expect(view.label(view.clause('b/0')!)).toBe('《b的标题》序言');
  });

  it('finds the other transcriptions of a document among the comparisons', () => {
    expect(view.versionsOf(view.doc('a')!).map((d) => d.id)).toEqual(['b']);
    expect(view.versionsOf(view.doc('b')!).map((d) => d.id)).toEqual(['a']);
    expect(view.versionsOf(view.doc('c')!)).toEqual([]);
  });

  it('returns the same view for the same library', () => {
    expect(libraryView(library)).toBe(view);
  });
});
