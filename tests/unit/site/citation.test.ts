import { describe, expect, it } from 'vitest';
import { inTitleMarks } from '../../../src/browser/title-marks';
import { citationText, clausePosition, documentCitation, isUniqueNumber, paragraphPosition } from '../../../src/site/citation';
import type { ParagraphPlace } from '../../../src/pipeline/anchors';
import type { PathStep } from '../../../src/site/structure';

const part = (number: string, title = '标题'): PathStep => ({ level: 'part', marker: `${number}、`, number, title });
const section = (number: string, title = '标题'): PathStep => ({ level: 'section', marker: number, number, title });
const table = (title: string | null): PathStep => ({ level: 'table', marker: null, number: null, title });

describe('clausePosition', () => {
  it('cites Arabic-numbered clauses as articles in Chinese numerals', () => {
    expect(clausePosition({ number: '7', steps: [part('二')] })).toBe('第七条');
    expect(clausePosition({ number: '14', steps: [part('五')] })).toBe('第十四条');
    expect(clausePosition({ number: '23', steps: [] })).toBe('第二十三条');
    expect(clausePosition({ number: '58', steps: [part('九')] })).toBe('第五十八条');
  });

  it('tolerates a trailing full stop on the number', () => {
    expect(clausePosition({ number: '3.', steps: [] })).toBe('第三条');
  });

  it('names the enclosing part and section of 一是 items', () => {
    expect(clausePosition({ number: '一是', steps: [part('二'), section('（三）')] })).toBe('二、（三）一是');
    expect(clausePosition({ number: '三是', steps: [part('一')] })).toBe('一、三是');
  });

  it('writes sections with full-width brackets after their part', () => {
    expect(clausePosition({ number: '（三）', steps: [] })).toBe('（三）');
    expect(clausePosition({ number: '(二)', steps: [part('一')] })).toBe('一、（二）');
    expect(clausePosition({ number: '一是', steps: [part('一'), section('(二)')] })).toBe('一、（二）一是');
  });

  it('cites indicator-table rows by table and row', () => {
    expect(clausePosition({ number: '2', steps: [part('四'), table(null)] })).toBe('指标表第2项');
    expect(clausePosition({ number: '1', steps: [table('“十四五”时期工会“素质提升”指标')] })).toBe('“十四五”时期工会“素质提升”指标表第1项');
    expect(clausePosition({ number: '3', steps: [table('主要指标表')] })).toBe('主要指标表第3项');
  });

  it('calls the unnumbered opening a preamble, or an introduction in a paper', () => {
    expect(clausePosition({ number: null, steps: [] })).toBe('序言');
    expect(clausePosition({ number: null, steps: [], kind: '实施意见' })).toBe('序言');
    expect(clausePosition({ number: null, steps: [], kind: '论文' })).toBe('引言');
  });

  it('cites unnumbered opening text of a part or section as the opening of that container', () => {
    expect(clausePosition({ number: null, steps: [part('三')] })).toBe('第三部分开头');
    expect(clausePosition({ number: null, steps: [part('一'), section('（二）')] })).toBe('一、（二）开头');
  });

  it('cites an unnumbered passage after a numbered unit by that unit', () => {
    expect(clausePosition({ number: null, steps: [part('一'), section('（八）')], after: '一、（八）四是' })).toBe('一、（八）四是之后');
  });

  it('nests book-title marks the Chinese way when a title quotes another title', () => {
    expect(inTitleMarks('关于转发《实施意见》的通知')).toBe('《关于转发〈实施意见〉的通知》');
  });

  it('cites the body of an unnumbered notice as its 正文', () => {
    expect(clausePosition({ number: null, steps: [], kind: '通知' })).toBe('正文');
  });

  it('cites a part that is itself a clause as 第N部分', () => {
    expect(clausePosition({ number: '三', steps: [] })).toBe('第三部分');
  });

  it('names the parts when Arabic numbers restart within the document', () => {
    expect(clausePosition({ number: '2', steps: [part('一'), section('（二）')], uniqueNumber: false })).toBe('一、（二）第二项');
  });

  it('marks a number printed twice in the same place with its occurrence', () => {
    expect(clausePosition({ number: '三是', steps: [part('二')], occurrence: 2 })).toBe('二、三是（第二处）');
    expect(clausePosition({ number: '三是', steps: [part('二')], occurrence: 1 })).toBe('二、三是（第一处）');
    expect(clausePosition({ number: '三是', steps: [part('二')] })).toBe('二、三是');
  });

  it('keeps numbers already written as 第…条', () => {
    expect(clausePosition({ number: '第七条', steps: [part('二')] })).toBe('第七条');
  });

  it('uses the title of an unnumbered part when nothing else names the place', () => {
    const implied: PathStep = { level: 'part', marker: null, number: null, title: '附件' };
    expect(clausePosition({ number: null, steps: [implied] })).toBe('“附件”部分');
  });
});

describe('documentCitation and citationText', () => {
  const title = '山东省总工会关于新形势下加强基层工会建设的实施意见';
  const opinion = { title, docNumber: '鲁会〔2014〕79号' };

  it('names a document by its full title in 书名号 followed by its 文号', () => {
    expect(documentCitation(opinion)).toBe('《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）');
  });

  it('leaves the 文号 out when asked to, and when there is none', () => {
    expect(documentCitation(opinion, { withNumber: false })).toBe(`《${title}》`);
    expect(documentCitation({ title: '中华人民共和国工会法' })).toBe('《中华人民共和国工会法》');
  });

  it('names an annex without a 文号 of its own by its parent’s 文号', () => {
    const annex = { title: '贯彻《山东省总工会关于新形势下加强基层工会建设的实施意见》的工作分工方案' };
    expect(documentCitation(annex, { annexOf: opinion })).toBe(
      '《贯彻〈山东省总工会关于新形势下加强基层工会建设的实施意见〉的工作分工方案》（鲁会〔2014〕79号附件）',
    );
    expect(documentCitation({ title: '女职工禁忌从事的劳动范围' }, { annexOf: { title: '女职工劳动保护特别规定' }, annexWord: '附录' })).toBe(
      '《女职工禁忌从事的劳动范围》（《女职工劳动保护特别规定》附录）',
    );
  });

  it('names a document without an official title by its description, without 书名号', () => {
    expect(documentCitation({ title: '中华全国总工会2024年工作报告', descriptiveTitle: true, docNumber: 'x' })).toBe('中华全国总工会2024年工作报告');
  });

  it('follows the citation with a space and the link, or gives the citation alone without one', () => {
    expect(citationText('《实施意见》第七条', 'https://x.org/luhui-2014-79/2/7.html')).toBe('《实施意见》第七条 https://x.org/luhui-2014-79/2/7.html');
    expect(citationText('《实施意见》第七条')).toBe('《实施意见》第七条');
  });
});

describe('isUniqueNumber', () => {
  it('is true when the number occurs once in the document', () => {
    expect(isUniqueNumber('7', ['1', '7', null, '一是'])).toBe(true);
  });

  it('is false when the number recurs', () => {
    expect(isUniqueNumber('1', ['1', '2', '1'])).toBe(false);
  });

  it('is true for unnumbered clauses', () => {
    expect(isUniqueNumber(null, [null, null])).toBe(true);
  });
});

describe('citations of an article’s 款 and 项', () => {
  const law = '中华人民共和国工会法';
  const kuan = (paragraph: number, block: number): ParagraphPlace => ({ anchor: `p${paragraph}`, block, paragraph });
  const xiang = (paragraph: number, block: number, item: string, itemOrdinal: number): ParagraphPlace => ({
    anchor: `p${paragraph}-${itemOrdinal}`,
    block,
    paragraph,
    item,
    itemOrdinal,
  });
  /** 第十二条 with two 款, the first with items （一）–（三）. */
  const twoKuan = [kuan(1, 1), xiang(1, 2, '（一）', 1), xiang(1, 3, '（二）', 2), xiang(1, 4, '（三）', 3), kuan(2, 5)];
  const cite = (place: ParagraphPlace, places: ParagraphPlace[]) =>
    inTitleMarks(law) + clausePosition({ number: '第十二条', steps: [chapter] }) + paragraphPosition(place, places);
  const chapter: PathStep = { level: 'chapter', marker: '第二章 ', number: '第二章', title: '工会组织' };

  it('cite an article by its number alone, without its chapter', () => {
    expect(inTitleMarks(law) + clausePosition({ number: '第十二条', steps: [chapter] })).toBe('《中华人民共和国工会法》第十二条');
  });

  it('cite a 款 as 第十二条第二款', () => {
    expect(cite(twoKuan[4]!, twoKuan)).toBe('《中华人民共和国工会法》第十二条第二款');
    expect(cite(twoKuan[0]!, twoKuan)).toBe('《中华人民共和国工会法》第十二条第一款');
  });

  it('cite an item as 第十二条第一款第（三）项', () => {
    expect(cite(twoKuan[3]!, twoKuan)).toBe('《中华人民共和国工会法》第十二条第一款第（三）项');
  });

  it('cite an item of an article with a single 款 as 第十二条第（三）项, and that 款 as the article', () => {
    const oneKuan = [kuan(1, 1), xiang(1, 2, '（一）', 1), xiang(1, 3, '（三）', 2)];
    expect(cite(oneKuan[2]!, oneKuan)).toBe('《中华人民共和国工会法》第十二条第（三）项');
    expect(cite(oneKuan[0]!, oneKuan)).toBe('《中华人民共和国工会法》第十二条');
  });

  it('cite the paragraphs of other clauses as 第N段, and the only one as the clause', () => {
    const blocks: ParagraphPlace[] = [
      { anchor: 'p1', block: 1 },
      { anchor: 'p2', block: 2 },
    ];
    expect(paragraphPosition(blocks[1]!, blocks)).toBe('第二段');
    expect(paragraphPosition(blocks[0]!, blocks.slice(0, 1))).toBe('');
  });
});
