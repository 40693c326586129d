import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Text } from '../../../src/model';
import { decodeSource } from '../../../src/pipeline/decode';
import { type Block, toBlocks } from '../../../src/pipeline/layout';
import {
  RUN_IN_MIN_LENGTH,
  RUN_IN_MIN_MARKERS,
  cutText,
  findBreaks,
  findMarkers,
  headBreaks,
  isRunIn,
  markerAt,
  splitRunIn,
  tailBreaks,
} from '../../../src/pipeline/runin';
import { textFromSpans } from '../../../src/pipeline/text';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/runin');
const CORPUS = path.join(ROOT, 'tests/fixtures/corpus');

const read = (file: string) => decodeSource(readFileSync(file), path.relative(ROOT, file));
const values = (blocks: Block[]) => blocks.map((b) => b.text.value);
/** A text that is its own source (one span). */
const plain = (value: string): Text => textFromSpans(value, [{ start: 0, end: value.length }]);
/** The pieces a value is cut into by findBreaks (whether or not it is long enough to be run-in). */
const pieces = (value: string) => cutText(plain(value), findBreaks(value).breaks).map((t) => t.value);
/** Sentences that hold no marker, to pad a text beyond the run-in length. */
const FILLER = '各级工会要坚持以职工为中心的工作导向，把服务职工作为工作的出发点和落脚点，切实做到职工有所呼、工会有所应。';
const pad = (n: number) => FILLER.repeat(Math.ceil(n / FILLER.length));

/**
 * The fidelity property: every output block is a trimmed slice of the input block, in order —
 * its value is exactly its source spans, the outputs use the input's source characters in
 * order, and the characters they leave out are whitespace. All outputs keep the input's line.
 */
function expectFaithful(source: string, input: Block, outputs: Block[]) {
  const offsets = (t: Text) => t.spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k));
  const problems: string[] = [];
  for (const out of outputs) {
    if (out.text.spans.map((s) => source.slice(s.start, s.end)).join('') !== out.text.value) problems.push(`value is not its spans: ${out.text.value}`);
    if (out.text.value === '' || out.text.value !== out.text.value.trim()) problems.push(`not trimmed or empty: "${out.text.value}"`);
    if (out.line !== input.line) problems.push(`line ${out.line} instead of ${input.line}`);
  }
  // The outputs' source offsets, in order, are the input's minus some whitespace.
  const used = outputs.flatMap((o) => offsets(o.text));
  const all = offsets(input.text);
  let k = 0;
  for (const offset of used) {
    while (k < all.length && all[k] !== offset) {
      if (!/\s/.test(source[all[k]])) problems.push(`dropped "${source[all[k]]}" at ${all[k]}`);
      k += 1;
    }
    if (k === all.length) problems.push(`offset ${offset} out of order or not in the input`);
    k += 1;
  }
  for (; k < all.length; k++) if (!/\s/.test(source[all[k]])) problems.push(`dropped "${source[all[k]]}" at ${all[k]}`);
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  if (squeeze(outputs.map((o) => o.text.value).join('')) !== squeeze(input.text.value)) problems.push('the outputs do not add up to the input');
  expect(problems).toEqual([]);
}

/** Run toBlocks + splitRunIn over a source and check the fidelity property for every input block. */
function splitChecked(source: string): Block[] {
  const blocks = toBlocks(source);
  const out: Block[] = [];
  for (const b of blocks) {
    const split = splitRunIn([b]);
    expectFaithful(source, b, split);
    out.push(...split);
  }
  expect(splitRunIn(blocks)).toEqual(out);
  return out;
}

describe('fixture cases (one block per line of expected.txt, checked by hand)', () => {
  const cases = readdirSync(FIXTURES).filter((d) => existsSync(path.join(FIXTURES, d, 'input.txt')));

  it('has the five cases the splitter is specified by', () => {
    expect(cases.sort()).toEqual(['citations', 'notice', 'opinion', 'prose-inline-enumeration', 'statute-chapters']);
  });

  it.each(cases)('splits %s into the expected blocks, each a faithful slice of the input', (name) => {
    const source = read(path.join(FIXTURES, name, 'input.txt'));
    const expected = readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(toBlocks(source)).toHaveLength(1);
    expect(values(splitChecked(source))).toEqual(expected);
  });

  it('finds the units of the statute: title, note, 2 chapters and articles 1 to 12 in order', () => {
    const blocks = values(splitRunIn(toBlocks(read(path.join(FIXTURES, 'statute-chapters/input.txt')))));
    expect(blocks.filter((v) => /^第[一二]章 /.test(v))).toEqual(['第一章 总 则', '第二章 工会组织']);
    const articles = blocks.map((v) => /^第([一二三四五六七八九十]+)条 /.exec(v)?.[1]).filter(Boolean);
    expect(articles).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']);
  });

  it('marks the prose case as not run-in although it is long', () => {
    const [block] = toBlocks(read(path.join(FIXTURES, 'prose-inline-enumeration/input.txt')));
    expect(block.text.value.length).toBeGreaterThanOrEqual(RUN_IN_MIN_LENGTH);
    expect(isRunIn(block)).toBe(false);
  });
});

describe('sources with line breaks are left as they are', () => {
  const seeds = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));

  it('has seed sources to check', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
  });

  it.each(seeds)('gives exactly the blocks of toBlocks for seed %s', (file) => {
    const blocks = toBlocks(read(path.join(ROOT, 'seeds', file)));
    expect(splitRunIn(blocks)).toEqual(blocks);
  });

  const corpus = existsSync(CORPUS)
    ? readdirSync(CORPUS).filter((d) => {
        const meta = path.join(CORPUS, d, 'SOURCE.md');
        const runIn = existsSync(meta) && /no line breaks/i.test(readFileSync(meta, 'utf8'));
        return existsSync(path.join(CORPUS, d, 'source.txt')) && !runIn;
      })
    : [];
  it.each(corpus)('gives exactly the blocks of toBlocks for the multi-line corpus source %s', (slug) => {
    const blocks = toBlocks(read(path.join(CORPUS, slug, 'source.txt')));
    expect(splitRunIn(blocks)).toEqual(blocks);
  });
});

describe('structural markers', () => {
  it.each([
    ['第二编 总则', 'volume', 2],
    ['第三章 劳动合同', 'chapter', 3],
    ['第四节 工资', 'subsection', 4],
    ['第一百零二条 本法', 'article', 102],
    ['第二十一条 工会', 'article', 21],
    ['十一、加强领导', 'part', 11],
    ['（一）指导思想', 'section', 1],
    ['(三)基本原则', 'section', 3],
    ['1.坚持', 'arabic', 1],
    ['12．坚持', 'arabic', 12],
    ['3、坚持', 'arabicComma', 3],
    ['（1）申请表', 'parenArabic', 1],
    ['(2)证明', 'parenArabic', 2],
    ['①申请表', 'circled', 1],
    ['⑫证明', 'circled', 12],
  ])('reads %s as a %s marker numbered %i', (text, kind, value) => {
    expect(markerAt(text, 0)).toMatchObject({ kind, value, index: 0 });
  });

  it('does not read 一是, 二是 as markers: inline enumeration stays prose', () => {
    expect(markerAt('一是加强引领', 0)).toBeNull();
    expect(findMarkers('工作取得新进展。一是加强引领。二是深化改革。三是维护权益。')).toEqual([]);
  });

  it('does not read a decimal, a year or the tail of a longer numeral as a marker', () => {
    expect(markerAt('1.5倍', 0)).toBeNull();
    expect(findMarkers('参赛职工达到去年的1.5倍。')).toEqual([]);
    expect(findMarkers('2015、2016年')).toEqual([]);
    expect(markerAt('二十一、', 1)).toBeNull();
    expect(markerAt('12.坚持', 1)).toBeNull();
  });
});

describe('marker context', () => {
  it('splits a chapter heading, which has no closing punctuation, where the first article begins', () => {
    expect(pieces('第一章 总则第一条 为了保护劳动者的合法权益，制定本法。第二条 本法适用于企业。')).toEqual([
      '第一章 总则',
      '第一条 为了保护劳动者的合法权益，制定本法。',
      '第二条 本法适用于企业。',
    ]);
  });

  it('keeps a letter-spaced heading as printed', () => {
    expect(pieces('第一章 总 则 第一条 为了保护劳动者的合法权益，制定本法。')).toEqual(['第一章 总 则', '第一条 为了保护劳动者的合法权益，制定本法。']);
    expect(pieces('第七章　附　　则第九十条　本法自公布之日起施行。')).toEqual(['第七章　附　　则', '第九十条　本法自公布之日起施行。']);
  });

  it('splits after a sentence end, also one closed by a quote or a bracket', () => {
    expect(pieces('建设“职工之家。”（二）规范管理。')).toEqual(['建设“职工之家。”', '（二）规范管理。']);
    expect(pieces('按规定执行（试行）。1.完善制度。')).toEqual(['按规定执行（试行）。', '1.完善制度。']);
    expect(pieces('不得拖欠工资；②不得克扣工资！③不得降低工资？④按时足额支付。')).toEqual([
      '不得拖欠工资；',
      '②不得克扣工资！',
      '③不得降低工资？',
      '④按时足额支付。',
    ]);
  });

  it('splits list items after the colon that opens the list', () => {
    expect(pieces('现就有关事项通知如下：一、总体要求（一）指导思想。坚持服务职工。')).toEqual([
      '现就有关事项通知如下：',
      '一、总体要求',
      '（一）指导思想。坚持服务职工。',
    ]);
  });

  it('splits a heading from the next unit one level down, or from the next unit of its own kind', () => {
    expect(pieces('二、主要任务（一）加强引领。')).toEqual(['二、主要任务', '（一）加强引领。']);
    expect(pieces('附件：1.工会法实施办法2.经费管理规定3.会员管理办法')).toEqual(['附件：1.工会法实施办法', '2.经费管理规定', '3.会员管理办法']);
    // A marker one level up, or a number out of sequence, does not end a heading.
    expect(pieces('（一）加强引领二、主要任务')).toEqual(['（一）加强引领二、主要任务']);
    expect(pieces('1.工会法实施办法3.经费管理规定')).toEqual(['1.工会法实施办法3.经费管理规定']);
  });

  it('does not split mid-sentence, where a marker has no text after it, or where the heading has punctuation', () => {
    expect(pieces('职工有权参加（一）项所列活动')).toEqual(['职工有权参加（一）项所列活动']);
    expect(pieces('本办法施行。第二条')).toEqual(['本办法施行。第二条']);
    expect(pieces('一、总体要求，坚持原则（一）指导思想。')).toEqual(['一、总体要求，坚持原则（一）指导思想。']);
  });

  it('splits articles printed without a space after their number', () => {
    expect(pieces('第一章 总则第一条为了保护劳动者的合法权益，制定本法。第二条本法适用于企业。第三条规定的情形除外。')).toEqual([
      '第一章 总则',
      '第一条为了保护劳动者的合法权益，制定本法。',
      '第二条本法适用于企业。第三条规定的情形除外。',
    ]);
  });

  it('splits after a colon closed by a quote, as at the end of a quoted amendment', () => {
    expect(pieces('1.将引言修改为：“为正确审理案件，现就有关问题解释如下：”2.将第六条修改为：“根据工会法第五十二条规定处理。”')).toEqual([
      '1.将引言修改为：“为正确审理案件，现就有关问题解释如下：”',
      '2.将第六条修改为：“根据工会法第五十二条规定处理。”',
    ]);
  });

  it('cuts a title from its adoption notes, bracketed or printed one after another', () => {
    expect(
      pieces(
        '中华人民共和国劳动法1994年7月5日 第八届全国人民代表大会常务委员会第八次会议通过2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议第一次修正第一章 总则第一条 为了保护劳动者的合法权益，制定本法。',
      ),
    ).toEqual([
      '中华人民共和国劳动法',
      '1994年7月5日 第八届全国人民代表大会常务委员会第八次会议通过',
      '2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议第一次修正',
      '第一章 总则',
      '第一条 为了保护劳动者的合法权益，制定本法。',
    ]);
    expect(
      pieces('上海市工会条例（2002年2月1日上海市第十一届人民代表大会常务委员会第三十七次会议通过）第一章 总则第一条 为了保障工会的地位，制定本条例。'),
    ).toEqual([
      '上海市工会条例',
      '（2002年2月1日上海市第十一届人民代表大会常务委员会第三十七次会议通过）',
      '第一章 总则',
      '第一条 为了保障工会的地位，制定本条例。',
    ]);
  });

  it('does not take a bracketed numeral that ends a title for the first unit', () => {
    expect(pieces('最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第一条 劳动者与用人单位之间发生的纠纷，属于劳动争议。')).toEqual([
      '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
      '第一条 劳动者与用人单位之间发生的纠纷，属于劳动争议。',
    ]);
  });

  it('sets a labelled field of a work-division item apart', () => {
    expect(pieces('1.深入开展理想信念教育。牵头单位：省总工会宣传教育部。2.大力弘扬劳模精神。')).toEqual([
      '1.深入开展理想信念教育。',
      '牵头单位：省总工会宣传教育部。',
      '2.大力弘扬劳模精神。',
    ]);
  });

  const CITED = [
    '根据本法第三条的规定处理。',
    '依照第十二条规定办理。',
    '本条第二款所称职工包括劳务派遣职工。',
    '第三条第二款的规定同样适用。',
    '依照本法第二十一条的规定执行。',
    '前款规定的期限为三十日。',
    '本办法中“第五条”所称的互助金另行规定。',
    '“第五条”所称的互助金另行规定。',
    '第一章第二条规定的范围以外的支出不得列支。',
    '第五条规定的情形除外。',
    '第五条的规定不适用于本办法。',
    '第三条、第四条的规定不适用于本办法。',
    '第三条至第五条不适用于本办法。',
    '第七条中规定的情形应当报告。',
    '依照第（一）项的规定办理。',
    '（一）项所列情形除外。',
    '本通知第二部分规定的活动应当公开。',
  ];

  it.each(CITED)('does not split at a cited marker: %s', (cited) => {
    const value = `第一条 职工依法参加工会。${cited}第二条 工会依法维护职工权益。`;
    expect(pieces(value)).toEqual([`第一条 职工依法参加工会。${cited}`, '第二条 工会依法维护职工权益。']);
  });

  it.each(CITED.filter((c) => !c.startsWith('“') && !c.startsWith('（')))(
    'does not take the words before a cited marker at a block start for a title: %s',
    (cited) => {
      const value = `${cited}第二条 工会依法维护职工权益。`;
      expect(pieces(value)).toEqual([cited, '第二条 工会依法维护职工权益。']);
    },
  );
});

describe('the run-in thresholds', () => {
  const units = (n: number) => Array.from({ length: n }, (_, k) => `第${['一', '二', '三', '四', '五'][k]}条 ${FILLER}`);

  it(`leaves a block shorter than ${RUN_IN_MIN_LENGTH} characters alone, however many markers it holds`, () => {
    const value = units(5).join('');
    expect(value.length).toBeLessThan(RUN_IN_MIN_LENGTH);
    expect(findBreaks(value).markers).toBe(5);
    expect(values(splitRunIn(toBlocks(value)))).toEqual([value]);
  });

  it(`leaves a long block with fewer than ${RUN_IN_MIN_MARKERS} markers in marker context alone`, () => {
    const value = units(RUN_IN_MIN_MARKERS - 1).join('') + pad(RUN_IN_MIN_LENGTH);
    expect(findBreaks(value).markers).toBe(RUN_IN_MIN_MARKERS - 1);
    expect(values(splitRunIn(toBlocks(value)))).toEqual([value]);
  });

  it(`splits a long block with ${RUN_IN_MIN_MARKERS} markers in marker context`, () => {
    const parts = units(RUN_IN_MIN_MARKERS);
    parts[parts.length - 1] += pad(RUN_IN_MIN_LENGTH);
    expect(values(splitChecked(parts.join('')))).toEqual(parts);
  });

  it('leaves table rows alone', () => {
    const value = `${units(4).join('')}${pad(RUN_IN_MIN_LENGTH)}\t说明`;
    const blocks = toBlocks(value);
    expect(blocks[0].cells).toBeDefined();
    expect(splitRunIn(blocks)).toEqual(blocks);
  });

  it('keeps the first piece’s blank lines before it, the line of the source block, and spans across soft-wrapped lines', () => {
    const parts = units(4);
    parts[3] += pad(RUN_IN_MIN_LENGTH);
    // The block is printed over three lines, each soft-wrapped with trailing spaces.
    const wrapped = [parts[0] + parts[1].slice(0, 5), parts[1].slice(5) + parts[2], parts[3]];
    const source = `标题\n\n\n${wrapped.join('  \n')}`;
    const out = splitChecked(source);
    expect(values(out)).toEqual(['标题', ...parts]);
    expect(out.map((b) => [b.line, b.blankBefore])).toEqual([
      [1, 0],
      [4, 2],
      [4, 0],
      [4, 0],
      [4, 0],
    ]);
    expect(out[2].text.spans).toHaveLength(2);
  });
});

describe('official-document parts', () => {
  const body = '为进一步做好职工服务工作，现就有关事项通知如下。';

  it.each([
    ['〔', '〕'],
    ['[', ']'],
    ['［', '］'],
    ['(', ')'],
    ['（', '）'],
    ['【', '】'],
  ])('cuts title, 文号 in %s…%s, addressees and body apart', (open, close) => {
    const value = `国务院办公厅关于进一步做好稳就业工作的意见国办发${open}2020${close}27号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：${body}`;
    expect(cutText(plain(value), headBreaks(value)).map((t) => t.value)).toEqual([
      '国务院办公厅关于进一步做好稳就业工作的意见',
      `国办发${open}2020${close}27号`,
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      body,
    ]);
  });

  it('cuts a 文号 printed before the title, and a red header before the 文号', () => {
    const value = `人社部发〔2021〕5号关于做好2021年职工培训工作的通知各省总工会：${body}`;
    expect(cutText(plain(value), headBreaks(value)).map((t) => t.value)).toEqual([
      '人社部发〔2021〕5号',
      '关于做好2021年职工培训工作的通知',
      '各省总工会：',
      body,
    ]);
    const red = `中华全国总工会文件总工发〔2020〕5号关于做好职工疗休养工作的通知各省总工会：${body}`;
    expect(cutText(plain(red), headBreaks(red)).map((t) => t.value)).toEqual([
      '中华全国总工会文件',
      '总工发〔2020〕5号',
      '关于做好职工疗休养工作的通知',
      '各省总工会：',
      body,
    ]);
  });

  it('cuts a title without 文号 only when it reads 关于…的通知 in front of addressees', () => {
    const value = `中华全国总工会关于做好职工疗休养工作的通知各省总工会，各全国产业工会：${body}`;
    expect(cutText(plain(value), headBreaks(value)).map((t) => t.value)).toEqual([
      '中华全国总工会关于做好职工疗休养工作的通知',
      '各省总工会，各全国产业工会：',
      body,
    ]);
    expect(headBreaks('为了规范工会工作，根据有关规定，现通知如下：一、总体要求')).toEqual([]);
    expect(headBreaks('第一条 为了规范工会工作，制定本办法。第二条 本办法所称职工是指：')).toEqual([]);
  });

  it('does not take a 文号 cited in the body for the document’s own', () => {
    expect(headBreaks('各单位要认真落实。依照国办发〔2020〕27号文件规定：')).toEqual([]);
  });

  it('cuts signature, date and a note after them at the end of a document', () => {
    const value = '请认真贯彻执行。中华全国总工会办公厅2020年7月28日（此件公开发布）';
    expect(cutText(plain(value), tailBreaks(value)).map((t) => t.value)).toEqual([
      '请认真贯彻执行。',
      '中华全国总工会办公厅',
      '2020年7月28日',
      '（此件公开发布）',
    ]);
    const cn = '请认真贯彻执行。 山东省总工会 二〇二〇年七月二十八日';
    expect(cutText(plain(cn), tailBreaks(cn)).map((t) => t.value)).toEqual(['请认真贯彻执行。', '山东省总工会', '二〇二〇年七月二十八日']);
  });

  it('finds the signature after an attachment line by the issuer named in the title', () => {
    const value = '中华全国总工会办公厅关于做好疗休养工作的通知……请认真执行。附件：职工疗休养统计表中华全国总工会办公厅2020年7月28日';
    expect(
      cutText(plain(value), tailBreaks(value))
        .map((t) => t.value)
        .slice(1),
    ).toEqual(['中华全国总工会办公厅', '2020年7月28日']);
  });

  it('does not take a date in the body, or one after a long sentence, for a closing date', () => {
    expect(tailBreaks('请于2020年12月31日前报送。')).toEqual([]);
    expect(tailBreaks('本办法经市总工会常委会审议通过并自印发之日起施行实施期限至2025年12月31日')).toEqual([]);
  });

  it('sets an annex marker after a date apart, and keeps an attachment list on one block', () => {
    const tail = '请认真执行。山东省总工会2021年3月15日附件1重点任务分工方案1.深入开展理想信念教育。';
    expect(pieces(tail)).toEqual(['请认真执行。', '山东省总工会', '2021年3月15日', '附件1', '重点任务分工方案', '1.深入开展理想信念教育。']);
    expect(pieces('请认真执行。附件：职工疗休养统计表')).toEqual(['请认真执行。', '附件：职工疗休养统计表']);
    expect(pieces('详见附件的说明。')).toEqual(['详见附件的说明。']);
  });
});

/** A small seeded generator (mulberry32), so generated cases are the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)];
    },
    chance: (p: number) => next() < p,
  };
}

const CN = (n: number): string => {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${d[n % 10]}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
  return `${d[Math.floor(n / 100)]}百${n % 100 === 0 ? '' : n % 100 < 10 ? `零${d[n % 10]}` : n % 100 < 20 ? `一${CN(n % 100)}` : CN(n % 100)}`;
};

const SENTENCES = [
  '工会依法维护职工的合法权益。',
  '用人单位应当支持工会依法开展工作。',
  '职工有权依法参加和组织工会，任何组织和个人不得阻挠和限制。',
  '工会经费主要用于为职工服务和工会活动。',
  '县级以上地方总工会可以设立法律服务机构，为职工提供法律援助。',
];
const CITATIONS = [
  (n: number) => `根据本法第${CN(n)}条的规定，工会可以提出意见。`,
  (n: number) => `依照第${CN(n)}条规定办理。`,
  (n: number) => `第${CN(n)}条第二款的规定同样适用。`,
  (n: number) => `第${CN(n)}条规定的情形除外。`,
  (_n: number) => `本条第二款所称职工，包括劳务派遣职工。`,
  (n: number) => `前款规定的期限为${CN(n)}十日。`,
  (n: number) => `本法中“第${CN(n)}条”所称的经费另行规定。`,
  (n: number) => `第一章第${CN(n)}条规定的范围以外的支出不得列支。`,
  (n: number) => `第${CN(n)}条、第${CN(n + 1)}条的规定不适用于本法。`,
];
const CHAPTER_TITLES = ['总 则', '总则', '工会组织', '工会的权利和义务', '工会的经费和财产', '法律责任', '附　则'];
const GAPS = ['', '', ' ', '　', '  '];

/** A statute printed on one line; the units it should be split into, in order. */
function generateStatute(seed: number): { text: string; units: string[] } {
  const r = random(seed);
  const units: string[] = ['中华人民共和国职工权益保障法'];
  let article = 0;
  const chapters = 1 + r.int(4);
  for (let c = 1; c <= chapters; c++) {
    units.push(`第${CN(c)}章 ${r.pick(CHAPTER_TITLES)}`);
    const articles = 2 + r.int(4);
    for (let k = 0; k < articles; k++) {
      article += 1;
      let unit = `第${CN(article)}条 `;
      const sentences = 1 + r.int(3);
      for (let s = 0; s < sentences; s++) unit += r.chance(0.5) ? r.pick(CITATIONS)(1 + r.int(120)) : r.pick(SENTENCES);
      if (r.chance(0.3)) {
        unit = unit.replace(/。$/, '，有下列情形之一的，应当予以纠正：');
        units.push(unit);
        const items = 2 + r.int(3);
        for (let i = 1; i <= items; i++) units.push(`（${CN(i)}）${r.pick(SENTENCES).replace(/。$/, i === items ? '。' : '；')}`);
      } else units.push(unit);
    }
  }
  // Pad the last unit so that the text is long enough to be run-in.
  while (units.join('').length < RUN_IN_MIN_LENGTH) units[units.length - 1] += r.pick(SENTENCES);
  const text = units.map((u, k) => (k === 0 ? u : r.pick(GAPS) + u)).join('');
  return { text, units };
}

/** A notice printed on one line; the units it should be split into, in order. */
function generateNotice(seed: number): { text: string; units: string[] } {
  const r = random(seed);
  const [open, close] = r.pick([
    ['〔', '〕'],
    ['[', ']'],
    ['（', '）'],
    ['(', ')'],
    ['【', '】'],
  ]);
  const issuer = r.pick(['中华全国总工会办公厅', '山东省总工会', '人力资源社会保障部']);
  const units = [
    `${issuer}关于做好${2018 + r.int(6)}年职工服务工作的${r.pick(['通知', '意见', '实施意见'])}`,
    `${r.pick(['总工办发', '鲁工发', '人社部发'])}${open}${2018 + r.int(6)}${close}${1 + r.int(99)}号`,
    r.pick(['各省、自治区、直辖市总工会，各全国产业工会：', '各市总工会，省总工会各部门：']),
    '为进一步做好职工服务工作，现就有关事项通知如下。',
  ];
  const parts = 2 + r.int(3);
  for (let p = 1; p <= parts; p++) {
    units.push(`${CN(p)}、${r.pick(['总体要求', '主要任务', '工作要求', '保障措施'])}`);
    const sections = 1 + r.int(3);
    for (let s = 1; s <= sections; s++) {
      units.push(`（${CN(s)}）${r.pick(['加强组织领导。', '强化督促落实。', '做好总结报送。'])}${r.pick(SENTENCES)}${r.pick(CITATIONS)(1 + r.int(30))}`);
      if (r.chance(0.4)) for (let a = 1; a <= 2 + r.int(2); a++) units.push(`${a}.${r.pick(SENTENCES)}`);
    }
  }
  while (units.join('').length < RUN_IN_MIN_LENGTH) units[units.length - 1] += r.pick(SENTENCES);
  units.push(issuer, `${2018 + r.int(6)}年${1 + r.int(12)}月${1 + r.int(28)}日`);
  if (r.chance(0.5)) units.push('（此件公开发布）');
  const text = units.map((u, k) => (k === 0 ? u : r.pick(GAPS) + u)).join('');
  return { text, units };
}

describe('generated run-in texts (a seeded loop; fast-check is not a dependency)', () => {
  it('splits 300 generated statutes into their title, chapters, articles and items, never at a citation', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { text, units } = generateStatute(seed);
      const out = splitChecked(text);
      expect(values(out), `seed ${seed}`).toEqual(units);
    }
  });

  it('splits 300 generated notices into title, 文号, addressees, parts, sections, items, signature, date and note', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { text, units } = generateNotice(seed);
      const out = splitChecked(text);
      expect(values(out), `seed ${seed}`).toEqual(units);
    }
  });

  it('keeps every piece a faithful slice when whitespace and markers are scattered at random', () => {
    const alphabet = [
      '。',
      '；',
      '：',
      '第三条',
      '第一章',
      '（一）',
      '1.',
      '（2）',
      '①',
      '一、',
      '一是',
      ' ',
      '　',
      '工会',
      '职工',
      '依照本法',
      '2020年7月28日',
      '附件',
      '〔2020〕3号',
      '关于',
      '的通知',
    ];
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      let text = '';
      while (text.length < RUN_IN_MIN_LENGTH + r.int(500)) text += r.pick(alphabet);
      splitChecked(text);
    }
  });
});

describe('multi-line corpus sources printed on one line', () => {
  // Statutes and interpretations of the corpus, read as a web copy without line breaks would
  // print them: every block joined to the next with nothing between (markdown markup and HTML
  // comments, which a web copy does not hold, left out). Every block of the original that opens
  // with a marker must open a block of the split again, in order; the paragraphs (款) after it
  // have no cue of their own and stay with it.
  const SLUGS = [
    'anquan-shengchan-2021',
    'gonghuifa-2021',
    'gonghuifa-jieshi-2020',
    'laodong-zhengyi-2007',
    'laodong-zhengyi-jieshi1-2020',
    'laodongfa-2018',
    'minshi-jieshi-xiugai-2020',
    'shanghai-gonghui-tiaoli',
    'shanghai-zhidaihui-2017',
  ].filter((slug) => existsSync(path.join(CORPUS, slug, 'source.txt')));

  it('has corpus sources to join', () => {
    expect(SLUGS.length).toBeGreaterThan(0);
  });

  it.each(SLUGS)('finds every marked unit of %s again', (slug) => {
    const original = toBlocks(read(path.join(CORPUS, slug, 'source.txt')))
      .map((b) => b.text.value.replace(/^#{1,6} +/, ''))
      .filter((v) => !v.startsWith('<!--'));
    const joined = original.join('');
    expect(joined.length).toBeGreaterThanOrEqual(RUN_IN_MIN_LENGTH);
    const units = original.filter((v) => markerAt(v, 0));
    const found = values(splitChecked(joined)).filter((v) => markerAt(v, 0));
    expect(found.length).toBe(units.length);
    expect(found.map((v, k) => v.startsWith(units[k])).filter((ok) => !ok)).toEqual([]);
  });
});

describe('real run-in sources in the corpus', () => {
  const runIn = existsSync(CORPUS)
    ? readdirSync(CORPUS).filter(
        (d) => existsSync(path.join(CORPUS, d, 'SOURCE.md')) && /no line breaks/i.test(readFileSync(path.join(CORPUS, d, 'SOURCE.md'), 'utf8')),
      )
    : [];

  it.skipIf(runIn.length > 0)('has none yet (a source whose SOURCE.md says "no line breaks" gets a hand-checked test here)', () => {
    expect(runIn).toEqual([]);
  });

  it.each(runIn)('splits %s faithfully', (slug) => {
    splitChecked(read(path.join(CORPUS, slug, 'source.txt')));
  });
});
