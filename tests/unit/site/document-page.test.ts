import { describe, expect, it } from 'vitest';
import { documentPageData, openContentsScript } from '../../../src/site/document-page';
import { clause, doc, library } from './library-fixture';

const lib = library({
  documents: [
    doc('a', {
      title: '意见',
      version: '转录本甲',
      issuer: '省总工会',
      outline: [{ level: 'part', id: 'a/1', marker: '一、', number: '一', title: '目标', children: [] }],
      furniture: [
        { role: 'docNumber', text: '甲〔2024〕1号', line: 2 },
        { role: 'markup', text: '<br>', line: 3 },
      ],
    }),
    doc('b', { title: '意见', version: '转录本乙' }),
  ],
  clauses: [clause('a/0', null), clause('a/1/1', '1', { path: ['一、目标'] }), clause('b/0', null)],
  comparisons: [{ id: 'a--b', url: '/compare/a--b.html', a: 'a', b: 'b', similarity: 0.9, rows: [] }],
});

describe('documentPageData', () => {
  it('counts the clauses in the description and names the document with its transcription label', () => {
    const page = documentPageData(lib, 'a');
    expect(page.name).toBe('意见（转录本甲）');
    expect(page.description).toBe('意见（转录本甲）（实施意见），共2条。');
  });

  it('nests the clauses under the parts of the outline and knows each clause’s position', () => {
    const page = documentPageData(lib, 'a');
    expect(page.toc.map((n) => n.type)).toEqual(['clause', 'entry']);
    const part = page.toc[1];
    expect(part.type === 'entry' && part.children.map((c) => c.type === 'clause' && c.clause.id)).toEqual(['a/1/1']);
    expect(page.positions).toEqual({ 'a/0': '序言', 'a/1/1': '第一条' });
  });

  it('links the other transcription and the comparison of the two, relative to the page', () => {
    expect(documentPageData(lib, 'a').versions).toEqual([{ name: '意见（转录本乙）', href: '../b/index.html', compareHref: '../compare/a--b.html' }]);
    expect(documentPageData(lib, 'b').versions).toEqual([{ name: '意见（转录本甲）', href: '../a/index.html', compareHref: '../compare/a--b.html' }]);
  });

  it('keeps every furniture text as printed and marks markup as no language', () => {
    const furniture = documentPageData(lib, 'a').furniture;
    expect(furniture.map((f) => f.text)).toEqual(['甲〔2024〕1号', '<br>']);
    expect(furniture.map((f) => f.lang)).toEqual([undefined, 'zxx']);
  });

  it('opens the contents from the sidebar’s width on', () => {
    expect(documentPageData(lib, 'a').openContents).toBe(openContentsScript('64rem'));
    expect(openContentsScript('50rem')).toContain("matchMedia('(min-width: 50rem)')");
  });

  it('fails on a document the library does not hold', () => {
    expect(() => documentPageData(lib, 'zzz')).toThrow(/unknown document zzz/);
  });
});
