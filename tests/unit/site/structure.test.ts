import { describe, expect, it } from 'vitest';
import type { OutlineEntry } from '../../../src/model';
import { buildToc, clauseSteps, outlineAncestors, stepLabel, type TocNode } from '../../../src/site/structure';

const entry = (id: string, level: OutlineEntry['level'], number: string | null, title: string | null, children: OutlineEntry[] = []): OutlineEntry => ({
  id,
  level,
  number,
  marker: number && level === 'part' ? `${number}、` : number,
  title,
  children,
});

const outline: OutlineEntry[] = [
  entry('d/1', 'part', '一', '总体要求', [entry('d/1/1', 'section', '（一）', '指导思想')]),
  entry('d/2', 'part', '二', '组织建设'),
  entry('d/3', 'part', '三', '空的部分'),
  entry('d/4', 'part', '四', '保障', [entry('d/4/zb', 'table', null, '主要指标')]),
];

/** A compact picture of a TOC: entry ids with their children, clause ids as strings. */
function shape(nodes: TocNode<{ id: string }>[]): unknown[] {
  return nodes.map((n) => (n.type === 'clause' ? n.clause.id : { [n.entry.id]: shape(n.children) }));
}

describe('outlineAncestors', () => {
  it('finds the enclosing entries of a clause by id, outermost first', () => {
    expect(outlineAncestors('d/1/1/2', outline).map((e) => e.id)).toEqual(['d/1', 'd/1/1']);
    expect(outlineAncestors('d/2/4', outline).map((e) => e.id)).toEqual(['d/2']);
  });

  it('does not mistake an id prefix without a slash for nesting', () => {
    expect(outlineAncestors('d/10/1', outline)).toEqual([]);
  });

  it('finds nothing for a preamble', () => {
    expect(outlineAncestors('d/0', outline)).toEqual([]);
  });
});

describe('clauseSteps', () => {
  it('lists the outline entries that enclose the clause, outermost first', () => {
    const steps = clauseSteps({ id: 'd/1/1/2' }, outline);
    expect(steps.map((s) => [s.level, s.id, s.number])).toEqual([
      ['part', 'd/1', '一'],
      ['section', 'd/1/1', '（一）'],
    ]);
  });

  it('is empty for a clause outside all parts', () => {
    expect(clauseSteps({ id: 'd/0' }, outline)).toEqual([]);
  });
});

describe('stepLabel', () => {
  it('joins marker and title as printed', () => {
    expect(stepLabel({ level: 'part', marker: '一、', number: '一', title: '总体要求' })).toBe('一、总体要求');
    expect(stepLabel({ level: 'section', marker: '（二）', number: '（二）', title: '要求' })).toBe('（二）要求');
  });

  it('shows a title without marker as it is', () => {
    expect(stepLabel({ level: 'table', marker: null, number: null, title: '主要指标' })).toBe('主要指标');
  });

  it('makes a marker from the number where the source prints none', () => {
    expect(stepLabel({ level: 'part', marker: null, number: '四', title: '保障' })).toBe('四、保障');
    expect(stepLabel({ level: 'section', marker: null, number: '（一）', title: '要求' })).toBe('（一）要求');
  });

  it('marks a title the source does not print', () => {
    expect(stepLabel({ level: 'part', marker: '三、', number: '三', title: null })).toBe('三、〔标题未载〕');
    expect(stepLabel({ level: 'part', marker: null, number: '四', title: null })).toBe('四、〔标题未载〕');
  });

  it('is empty for a step with neither number nor title', () => {
    expect(stepLabel({ level: 'part', marker: null, number: null, title: null })).toBe('');
  });
});

describe('buildToc', () => {
  it('nests clauses under their innermost entry in reading order', () => {
    const clauses = ['d/0', 'd/1/1/1', 'd/1/1/2', 'd/2/3', 'd/4/zb/1', 'd/4/5'].map((id) => ({ id }));
    expect(shape(buildToc(outline, clauses))).toEqual([
      'd/0',
      { 'd/1': [{ 'd/1/1': ['d/1/1/1', 'd/1/1/2'] }] },
      { 'd/2': ['d/2/3'] },
      { 'd/3': [] },
      { 'd/4': [{ 'd/4/zb': ['d/4/zb/1'] }, 'd/4/5'] },
    ]);
  });

  it('keeps entries without clauses in outline order', () => {
    expect(shape(buildToc(outline, [{ id: 'd/0' }]))).toEqual([
      'd/0',
      { 'd/1': [{ 'd/1/1': [] }] },
      { 'd/2': [] },
      { 'd/3': [] },
      { 'd/4': [{ 'd/4/zb': [] }] },
    ]);
  });

  it('lists clauses of a document without outline flat', () => {
    expect(shape(buildToc([], [{ id: 'p/0' }, { id: 'p/1' }]))).toEqual(['p/0', 'p/1']);
  });
});
