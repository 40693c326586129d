/**
 * Generic words (src/pipeline/links/generic.ts): the general-language IDF test, the listed
 * formula words of statutes, ordinal references, and the domain terms that are never generic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERIC_WORDS_FILE, generalIdf, genericTest, genericWords, listedGenericWords, ORDINAL, parseIdfTable } from '../../../src/pipeline/links/generic';
import { domainTerms, parseStopwords } from '../../../src/pipeline/segment';
import { ROOT } from '../pipeline/helpers';

describe('genericTest', () => {
  const idf = parseIdfTable('参加 5.07\n仲裁 8.56\n坏行\n职工 7.15\n');
  const test = genericTest(idf, new Set(['本法']), new Set(['参加工会']));
  it('calls a word generic when its general IDF is below the bound, or it is listed, or an ordinal', () => {
    expect(test('参加')).toBe(true);
    expect(test('本法')).toBe(true);
    expect(test('第十条')).toBe(true);
    expect(test('仲裁')).toBe(false);
    expect(test('职工')).toBe(false);
    expect(test('劳动争议')).toBe(false); // not in the table: not common in general Chinese
  });
  it('never calls a domain term generic', () => {
    expect(genericTest(idf, new Set(['参加']), new Set(['参加']))('参加')).toBe(false);
  });
  it('reads an IDF table, skipping malformed lines', () => {
    expect([...idf]).toEqual([['参加', 5.07], ['仲裁', 8.56], ['职工', 7.15]]);
  });
  it('matches ordinal references only', () => {
    for (const w of ['第十条', '第二款', '第三', '第一百二十条']) expect(ORDINAL.test(w), w).toBe(true);
    for (const w of ['第三方', '第一议题', '次第']) expect(ORDINAL.test(w), w).toBe(false);
  });
});

describe("the library's generic words", () => {
  const domain = new Set(domainTerms());
  const generic = genericWords(ROOT, domain);
  it('hold the generic words the index listed, and not the terms a union official looks up', () => {
    for (const w of ['参加', '标准', '全国', '年度', '领导', '特别', '时间', '系统', '本法', '依法', '责令']) expect(generic(w), w).toBe(true);
    for (const w of ['仲裁', '调解', '劳动合同', '社会保险', '会员', '维权', '劳模', '当事人']) expect(generic(w), w).toBe(false);
  });
  it('hold no domain term of the dictionary', () => {
    expect([...domain].filter(generic)).toEqual([]);
  });
  it('list only words the general test lets through, each once', () => {
    const listed = parseStopwords(readFileSync(path.join(ROOT, GENERIC_WORDS_FILE), 'utf8'));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listedGenericWords(ROOT)).toEqual(new Set(listed));
    const byIdfAlone = genericTest(generalIdf(ROOT), new Set(), domain);
    expect(listed.filter(byIdfAlone), 'listed words the IDF test already finds').toEqual([]);
  });
});
