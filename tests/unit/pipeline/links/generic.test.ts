/**
 * Generic words (src/pipeline/links/generic.ts): the general-language IDF test, the listed
 * formula words of statutes, ordinal references, and the domain terms that are never generic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GENERIC_WORDS_FILE,
  generalIdf,
  genericTest,
  genericWords,
  headingSubjects,
  listedGenericWords,
  ORDINAL,
  parseIdfTable,
  parseTagTable,
} from '../../../../src/pipeline/links/generic';
import { libraryHeadings } from '../../../../src/pipeline/links/index';
import { keywordCandidates } from '../../../../src/pipeline/segment';
import { domainTerms, parseStopwords } from '../../../../src/pipeline/segment';
import { ROOT, repositoryLibrary } from '../helpers';

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
  it('does not call a heading subject generic, unless it is listed, an ordinal, or among the very commonest words', () => {
    const table = parseIdfTable('工资 6.39\n规定 4.89\n本法 9.74\n参加 5.07\n');
    const t = genericTest(table, new Set(['本法']), new Set(), new Set(['工资', '规定', '本法', '第十条']));
    expect(t('工资')).toBe(false);
    expect(t('参加')).toBe(true);
    expect(t('规定')).toBe(true); // IDF below 5.5: frames headings (一般规定)
    expect(t('本法')).toBe(true);
    expect(t('第十条')).toBe(true);
  });
  it('takes as heading subjects the words of headings of at most two content words, place names left out', () => {
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    const place = (w: string) => w === '中华人民共和国';
    expect([...headingSubjects(['工资', '促进 就业', '中华人民共和国 安全 生产', '女职工 劳动保护 特别 规定'], words, place)]).toEqual([
      '工资',
      '促进',
      '就业',
      '安全',
      '生产',
    ]);
  });
  it('reads the tags of a jieba dictionary', () => {
    expect([...parseTagTable('上海市 1910 ns\n工资 4976 vn\n坏行\n')]).toEqual([
      ['上海市', 'ns'],
      ['工资', 'vn'],
    ]);
  });
  it('never calls a domain term generic', () => {
    expect(genericTest(idf, new Set(['参加']), new Set(['参加']))('参加')).toBe(false);
  });
  it('reads an IDF table, skipping malformed lines', () => {
    expect([...idf]).toEqual([
      ['参加', 5.07],
      ['仲裁', 8.56],
      ['职工', 7.15],
    ]);
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
  it('do not hold the core subjects the headings name (工资, 促进就业, 安全生产法), and still hold 参加, 标准, 全国, 年度, 领导, 特别', () => {
    const library = repositoryLibrary();
    const withHeadings = genericWords(ROOT, domain, libraryHeadings(library.documents), (t) => keywordCandidates(t));
    for (const w of ['工资', '就业', '安全']) {
      expect(generic(w), `${w} alone`).toBe(true);
      expect(withHeadings(w), w).toBe(false);
    }
    for (const w of ['参加', '标准', '全国', '年度', '领导', '特别', '时间', '规定', '组织', '中华人民共和国', '本法', '依法'])
      expect(withHeadings(w), w).toBe(true);
  }, 60_000);
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
