import { describe, expect, it } from 'vitest';
import { clausePageData } from '../../../src/site/clause-page';
import { clause, doc, library, term } from './library-fixture';

const lib = library({
  documents: [
    doc('plan', {
      title: '工会规划',
      kind: '规划',
      outline: [{ level: 'part', id: 'plan/1', marker: '一、', number: '一', title: '总体要求', children: [] }],
    }),
  ],
  clauses: [
    clause('plan/0', null, { text: '为了做好工作，制定本规划。' }),
    clause('plan/1/1', '1', { heading: '指导思想', path: ['一、总体要求'], keywords: ['职工', '创新'] }),
    clause('plan/1/2', '2', { path: ['一、总体要求'] }),
  ],
  terms: [
    term('t1', '职工', [
      ['plan/1/1', '服务职工。'],
      ['plan/1/2', '职工之家。'],
    ]),
  ],
});

describe('clausePageData', () => {
  it('names the page by the clause’s place, heading and document', () => {
    const page = clausePageData(lib, 'plan/1/1', undefined);
    expect(page.position).toBe('第一条');
    expect(page.title).toBe('第一条 指导思想 · 工会规划');
  });

  it('leads the trail from the library through the document and the part to the clause, the part linking to its anchor', () => {
    expect(clausePageData(lib, 'plan/1/1', undefined).crumbs).toEqual([
      { label: '文库', url: '/index.html' },
      { label: '工会规划', url: '/plan/index.html' },
      { label: '一、总体要求', url: '/plan/index.html#s1' },
      { label: '第一条' },
    ]);
  });

  it('links a keyword of the term index to its term page and any other keyword to the search', () => {
    expect(clausePageData(lib, 'plan/1/1', undefined).keywords).toEqual([
      { word: '职工', href: '../../terms/t1.html', title: '术语“职工”：2 条条文' },
      { word: '创新', href: '../../search/index.html?q=%E5%88%9B%E6%96%B0', title: '搜索“创新”' },
    ]);
  });

  it('pages to the clauses before and after it in the document, and has none before the first or after the last', () => {
    const middle = clausePageData(lib, 'plan/1/1', undefined);
    expect(middle.prev).toEqual({ href: '../0.html', label: '序言' });
    expect(middle.next).toEqual({ href: '2.html', label: '第二条' });
    expect(clausePageData(lib, 'plan/0', undefined).prev).toBeUndefined();
    expect(clausePageData(lib, 'plan/1/2', undefined).next).toBeUndefined();
  });

  it('leads back up to the clause’s anchor on its document’s page', () => {
    expect(clausePageData(lib, 'plan/1/1', undefined).upHref).toBe('../index.html#c1.1');
  });

  it('copies a permalink and a citation with it only when the build has a canonical site', () => {
    const offline = clausePageData(lib, 'plan/1/1', undefined);
    expect(offline.permalink).toBeUndefined();
    expect(offline.cite).toBeUndefined();
    const online = clausePageData(lib, 'plan/1/1', 'https://example.org/lib/');
    expect(online.permalink).toBe('https://example.org/lib/plan/1/1.html');
    expect(online.cite).toContain(online.permalink);
    expect(online.cite).toContain(online.citation);
  });

  it('renders the body for the clause page itself and starts the description with the citation', () => {
    const page = clausePageData(lib, 'plan/0', undefined);
    expect(page.body).toBe('<p>plan/0 /plan/0.html</p>');
    expect(page.description).toBe(`${page.citation}：为了做好工作，制定本规划。`);
  });

  it('fails on a clause the library does not hold', () => {
    expect(() => clausePageData(lib, 'plan/9', undefined)).toThrow(/unknown clause plan\/9/);
  });
});
