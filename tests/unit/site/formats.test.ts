/**
 * The other citation formats (src/site/formats.ts): GB/T 7714-2015 for an online resource,
 * CSL-JSON and BibTeX. The expected texts were written out by hand from the standard's pattern
 * 主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 */
import { describe, expect, it } from 'vitest';
import {
  bibtexEntry,
  bibtexEscape,
  buildDate,
  chinaDate,
  citationFacts,
  cslItem,
  cslType,
  gbtParts,
  gbtText,
  type CitableDocument,
} from '../../../src/site/formats';

const law: CitableDocument = { id: 'gonghuifa-2021', title: '中华人民共和国工会法', kind: '法律', issuer: '全国人民代表大会常务委员会', date: '2021-12-24' };
const opinion: CitableDocument = {
  id: 'luhui-2014-79',
  title: '山东省总工会关于新形势下加强基层工会建设的实施意见',
  kind: '实施意见',
  issuer: '山东省总工会',
  docNumber: '鲁会〔2014〕79号',
  date: '2014-12-08',
};
const annex: CitableDocument = {
  id: 'luhui-2014-79-annex',
  title: '贯彻《山东省总工会关于新形势下加强基层工会建设的实施意见》的工作分工方案',
  kind: '分工方案',
  issuer: '山东省总工会',
};
const report: CitableDocument = {
  id: 'report-2024',
  title: '中华全国总工会2024年工作报告',
  kind: '工作报告',
  issuer: '中华全国总工会',
  date: '2024',
  descriptiveTitle: true,
  excerpt: '报纸版节选：2023年工作回顾与2024年主要任务',
};
const plan: CitableDocument = {
  id: 'plan14-a',
  title: '“十四五”时期工会发展规划',
  kind: '规划',
  issuer: '中华全国总工会',
  excerpt: '节选：第五至十部分',
  version: '转录本甲',
};
const paper: CitableDocument = { id: 'li-2017', title: '破除体制性机制性顽疾 是工会“强三性”“去四化”的关键', kind: '论文', author: '李兴家', date: '2017' };
const untitledIssuer: CitableDocument = { id: 'shanghaishigonghuitiaoli', title: '上海市工会条例', kind: '条例' };
const URL_ = 'http://127.0.0.1:4410/gonghuifa-2021/12.html';

describe('GB/T 7714-2015 references ([EB/OL])', () => {
  it('name the issuing body, the title, the date issued, the date cited and the URL', () => {
    expect(gbtText(gbtParts(citationFacts(law), '2025-03-01', URL_))).toBe(
      '全国人民代表大会常务委员会. 中华人民共和国工会法[EB/OL]. (2021-12-24)[2025-03-01]. http://127.0.0.1:4410/gonghuifa-2021/12.html.',
    );
  });

  it('give the 文号 as the title’s other title information, and an annex its parent’s with 附件 and date', () => {
    expect(gbtText(gbtParts(citationFacts(opinion), '2025-03-01'))).toBe(
      '山东省总工会. 山东省总工会关于新形势下加强基层工会建设的实施意见: 鲁会〔2014〕79号[EB/OL]. (2014-12-08)[2025-03-01].',
    );
    expect(gbtText(gbtParts(citationFacts(annex, opinion), '2025-03-01', 'https://x.cn/luhui-2014-79-annex/1.html'))).toBe(
      '山东省总工会. 贯彻《山东省总工会关于新形势下加强基层工会建设的实施意见》的工作分工方案: 鲁会〔2014〕79号附件[EB/OL]. (2014-12-08)[2025-03-01]. https://x.cn/luhui-2014-79-annex/1.html.',
    );
  });

  it('leave out what is not known, with its punctuation: a year only, no date, no author', () => {
    expect(gbtText(gbtParts(citationFacts(report), '2025-03-01', 'https://x.cn/report-2024/2/5/3.html'))).toBe(
      '中华全国总工会. 中华全国总工会2024年工作报告[EB/OL]. (2024)[2025-03-01]. https://x.cn/report-2024/2/5/3.html.',
    );
    expect(gbtText(gbtParts(citationFacts(plan), '2025-03-01'))).toBe('中华全国总工会. “十四五”时期工会发展规划[EB/OL]. [2025-03-01].');
    expect(gbtText(gbtParts(citationFacts(untitledIssuer), '2025-03-01'))).toBe('上海市工会条例[EB/OL]. [2025-03-01].');
    expect(gbtText(gbtParts(citationFacts(paper), '2025-03-01'))).toBe('李兴家. 破除体制性机制性顽疾 是工会“强三性”“去四化”的关键[EB/OL]. (2017)[2025-03-01].');
  });
});

describe('the date cited where no script runs', () => {
  it('is the build’s epoch, as a day in China', () => {
    expect(buildDate({ TIAOWEN_BUILD_EPOCH: String(Date.UTC(2025, 2, 1, 17, 0) / 1000) })).toBe('2025-03-02');
    expect(buildDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2025, 2, 1, 15, 0) / 1000) })).toBe('2025-03-01');
    expect(buildDate({}, new Date(Date.UTC(2024, 11, 31, 16, 0)))).toBe('2025-01-01');
    expect(chinaDate(new Date(Date.UTC(2024, 11, 31, 15, 59)))).toBe('2024-12-31');
  });
});

describe('CSL-JSON', () => {
  it('types laws and regulations as legislation, reports and plans as report, papers as article-journal, other documents as document', () => {
    expect(['法律', '条例', '规定', '司法解释', '规划', '工作报告', '论文', '实施意见', '通知', '分工方案'].map(cslType)).toEqual([
      'legislation',
      'legislation',
      'legislation',
      'legislation',
      'report',
      'report',
      'article-journal',
      'document',
      'document',
      'document',
    ]);
  });

  it('gives names as literals, the 文号 as number, the date as date-parts, what the library holds as a note', () => {
    expect(cslItem(citationFacts(law), 'https://x.cn/gonghuifa-2021/index.html')).toEqual({
      id: 'gonghuifa-2021',
      type: 'legislation',
      title: '中华人民共和国工会法',
      language: 'zh-CN',
      genre: '法律',
      author: [{ literal: '全国人民代表大会常务委员会' }],
      authority: '全国人民代表大会常务委员会',
      issued: { 'date-parts': [[2021, 12, 24]] },
      URL: 'https://x.cn/gonghuifa-2021/index.html',
    });
    expect(cslItem(citationFacts(annex, opinion))).toEqual({
      id: 'luhui-2014-79-annex',
      type: 'document',
      title: annex.title,
      language: 'zh-CN',
      genre: '分工方案',
      author: [{ literal: '山东省总工会' }],
      publisher: '山东省总工会',
      number: '鲁会〔2014〕79号附件',
      issued: { 'date-parts': [[2014, 12, 8]] },
    });
    expect(cslItem(citationFacts(plan))).toMatchObject({ type: 'report', note: '节选：第五至十部分；转录本甲' });
    expect(cslItem(citationFacts(report))).toMatchObject({
      type: 'report',
      issued: { 'date-parts': [[2024]] },
      note: '报纸版节选：2023年工作回顾与2024年主要任务；无正式标题，题名为本库所拟',
    });
    expect(cslItem(citationFacts(paper))).toMatchObject({ type: 'article-journal', author: [{ literal: '李兴家' }] });
  });
});

describe('BibTeX', () => {
  it('writes one UTF-8 entry keyed by the document id, titles and bodies in double braces', () => {
    expect(bibtexEntry(citationFacts(opinion), 'https://x.cn/luhui-2014-79/index.html')).toBe(
      [
        '@misc{luhui-2014-79,',
        '  author = {{山东省总工会}},',
        '  title = {{山东省总工会关于新形势下加强基层工会建设的实施意见}},',
        '  type = {实施意见},',
        '  number = {鲁会〔2014〕79号},',
        '  year = {2014},',
        '  month = {12},',
        '  date = {2014-12-08},',
        '  url = {https://x.cn/luhui-2014-79/index.html},',
        '  langid = {chinese}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('uses techreport with the issuer as institution for reports, article for papers, a person’s name unbraced', () => {
    expect(bibtexEntry(citationFacts(report))).toMatch(
      /^@techreport\{report-2024,\n {2}author = \{\{中华全国总工会\}\},\n {2}title = \{\{中华全国总工会2024年工作报告\}\},\n {2}institution = \{\{中华全国总工会\}\},\n {2}type = \{工作报告\},\n {2}year = \{2024\},\n {2}date = \{2024\},/,
    );
    expect(bibtexEntry(citationFacts(paper))).toMatch(/^@article\{li-2017,\n {2}author = \{李兴家\},/);
    expect(bibtexEntry(citationFacts(paper))).not.toContain('type =');
  });

  it('escapes BibTeX’s special characters', () => {
    expect(bibtexEscape('50% & #1 {a}_b ~ ^ \\')).toBe('50\\% \\& \\#1 \\{a\\}\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });
});
