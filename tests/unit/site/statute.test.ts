import { describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, Library, OutlineEntry } from '../../../src/model';
import { buildToc, clauseSteps, stepLabel, type TocNode } from '../../../src/site/structure';
import { libraryView } from '../../../src/site/view';

/** A statute: 第一章 总 则 (letter-spaced as printed), 第二章 工会组织 with 第一节 基层工会. Article ids name no chapter. */
const entry = (id: string, level: OutlineEntry['level'], number: string, title: string, children: OutlineEntry[] = []): OutlineEntry => ({
  id,
  level,
  marker: `${number} `,
  number,
  title,
  children,
});
const outline: OutlineEntry[] = [
  entry('law/1', 'chapter', '第一章', '总 则'),
  entry('law/2', 'chapter', '第二章', '工会组织', [entry('law/2/1', 'subsection', '第一节', '基层工会')]),
];
const law: DocumentRecord = {
  id: 'law',
  url: '/law/index.html',
  title: '中华人民共和国工会法',
  titleEditorial: false,
  kind: '法律',
  source: 'law.txt',
  furniture: [],
  outline,
  clauseCount: 3,
};
const article = (n: number, number: string, path: string[]): ClauseRecord => ({
  id: `law/${n}`,
  url: `/law/${n}.html`,
  source: 'law.txt',
  doc: 'law',
  number,
  marker: `${number} `,
  path,
  text: '……',
  keywords: [],
  links: [],
});
const clauses = [
  article(1, '第一条', ['第一章 总 则']),
  article(2, '第二条', ['第一章 总 则']),
  article(12, '第十二条', ['第二章 工会组织', '第一节 基层工会']),
];
const library: Library = {
  documents: [law],
  clauses,
  trees: new Map(),
  renderBody: () => '',
  diagnostics: [],
  comparisons: [],
  assignments: [],
  units: [],
  terms: [],
  mentions: new Map(),
  related: new Map(),
};
const view = libraryView(library);
const twelve = clauses[2]!;

describe('a statute’s articles', () => {
  it('are placed in their chapter and section by their path, since their ids do not name them', () => {
    expect(clauseSteps(twelve, outline).map((s) => [s.level, s.id])).toEqual([
      ['chapter', 'law/2'],
      ['subsection', 'law/2/1'],
    ]);
    expect(view.steps(clauses[0]!).map((s) => s.id)).toEqual(['law/1']);
  });

  it('show their 编, 章 and 节 as printed above them (the breadcrumb’s steps)', () => {
    expect(view.steps(twelve).map(stepLabel)).toEqual(['第二章 工会组织', '第一节 基层工会']);
    expect(view.steps(clauses[0]!).map(stepLabel)).toEqual(['第一章 总 则']);
  });

  it('are cited and labelled by the full title and the article number alone', () => {
    expect(view.position(twelve)).toBe('第十二条');
    expect(view.citation(twelve)).toBe('《中华人民共和国工会法》第十二条');
    expect(view.label(twelve)).toBe('《中华人民共和国工会法》第十二条');
  });

  it('go under their chapter and section in the table of contents', () => {
    const shape = (nodes: TocNode<ClauseRecord>[]): unknown[] =>
      nodes.map((n) => (n.type === 'clause' ? n.clause.id : { [stepLabel(n.entry)]: shape(n.children) }));
    expect(shape(buildToc(outline, clauses, (c) => view.steps(c).map((s) => s.id)))).toEqual([
      { '第一章 总 则': ['law/1', 'law/2'] },
      { '第二章 工会组织': [{ '第一节 基层工会': ['law/12'] }] },
    ]);
  });
});

describe('step labels of 编, 章 and 节', () => {
  it('keep the printed space between number and title, of whatever width', () => {
    expect(stepLabel({ level: 'chapter', marker: '第二章　', number: '第二章', title: '工会组织' })).toBe('第二章　工会组织');
    expect(stepLabel({ level: 'volume', marker: '第一编 ', number: '第一编', title: '总则' })).toBe('第一编 总则');
  });

  it('mark a chapter title the source does not print', () => {
    expect(stepLabel({ level: 'chapter', marker: '第三章', number: '第三章', title: null })).toBe('第三章〔标题未载〕');
  });
});
