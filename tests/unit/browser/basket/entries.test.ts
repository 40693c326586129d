import { describe, expect, it } from 'vitest';
import {
  addEntry,
  type BasketEntry,
  citedAs,
  entryKey,
  entryLink,
  moveEntry,
  readEntries,
  removeEntry,
  siteRootOf,
} from '../../../../src/browser/basket/entries';

const clause: BasketEntry = { clause: 'gonghuifa-2021/11', url: '/gonghuifa-2021/11.html', cite: '《中华人民共和国工会法》第十一条', text: '甲。\n乙。' };
const para: BasketEntry = { ...clause, anchor: 'p2', cite: '《中华人民共和国工会法》第十一条第二款', text: '乙。' };
const other: BasketEntry = {
  clause: 'luhui-2014-79/2/4',
  url: '/luhui-2014-79/2/4.html',
  cite: '《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条',
  text: '丙。',
};

describe('basket entries', () => {
  it('knows a clause by its id and a paragraph by its id and anchor', () => {
    expect(entryKey(clause)).toBe('gonghuifa-2021/11');
    expect(entryKey(para)).toBe('gonghuifa-2021/11#p2');
  });

  it('adds an entry at the end, and a passage already there only once', () => {
    const one = addEntry([], clause);
    const two = addEntry(one, para);
    expect(two).toEqual([clause, para]);
    expect(addEntry(two, { ...clause, text: 'changed' })).toBe(two);
  });

  it('removes the entry of a key and keeps the others in order', () => {
    expect(removeEntry([clause, para, other], 'gonghuifa-2021/11#p2')).toEqual([clause, other]);
  });

  it('moves an entry up or down by one place, and not past either end', () => {
    const list = [clause, para, other];
    expect(moveEntry(list, 2, -1)).toEqual([clause, other, para]);
    expect(moveEntry(list, 0, 1)).toEqual([para, clause, other]);
    expect(moveEntry(list, 0, -1)).toEqual(list);
    expect(moveEntry(list, 2, 1)).toEqual(list);
    expect(moveEntry(list, 5, -1)).toEqual(list);
  });

  it('reads back the well-formed entries stored as JSON, each once, and nothing from broken storage', () => {
    const stored = JSON.stringify([clause, { clause: 'x' }, para, clause, 7, { ...other, anchor: 3 }]);
    expect(readEntries(stored)).toEqual([clause, para]);
    expect(readEntries(null)).toEqual([]);
    expect(readEntries('{not json')).toEqual([]);
    expect(readEntries('{"clause":"a"}')).toEqual([]);
  });

  it('links an entry to its clause page under the site root, a paragraph with its anchor, and not at all without a root', () => {
    expect(entryLink(clause, 'https://example.org/lib/')).toBe('https://example.org/lib/gonghuifa-2021/11.html');
    expect(entryLink(para, 'https://example.org/lib')).toBe('https://example.org/lib/gonghuifa-2021/11.html#p2');
    expect(entryLink(para, null)).toBeNull();
  });

  it('finds the site root of a page some folders below it, and none from disk', () => {
    expect(siteRootOf('http://127.0.0.1:4321/lib/basket/index.html?x=1#y', 1)).toBe('http://127.0.0.1:4321/lib/');
    expect(siteRootOf('http://127.0.0.1:4321/index.html', 0)).toBe('http://127.0.0.1:4321/');
    expect(siteRootOf('file:///tmp/tiaowen/basket/index.html', 1)).toBeNull();
  });

  it('cites an entry as the copy buttons do: the citation, then a space and the link where there is one', () => {
    expect(citedAs(para, 'https://example.org/')).toBe('《中华人民共和国工会法》第十一条第二款 https://example.org/gonghuifa-2021/11.html#p2');
    expect(citedAs(other, null)).toBe('《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条');
  });
});
