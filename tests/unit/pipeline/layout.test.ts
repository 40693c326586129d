import { describe, expect, it } from 'vitest';
import { endsSentence, toBlocks } from '../../../src/pipeline/layout';

describe('layout', () => {
  it('rejoins lines hard-wrapped with trailing spaces and keeps their provenance', () => {
    const src = '(二)筹备召开中国工会十八次,极大  \n鼓舞和激励了广大工  \n会工作者。\n\n下一段。';
    const [first, second] = toBlocks(src);
    expect(first.text.value).toBe('(二)筹备召开中国工会十八次,极大鼓舞和激励了广大工会工作者。');
    expect(first.text.spans.map((s) => src.slice(s.start, s.end)).join('')).toBe(first.text.value);
    expect(second).toMatchObject({ line: 5, blankBefore: 1 });
  });

  it('keeps lines without trailing spaces apart, even without a blank line between them', () => {
    const blocks = toBlocks('2014年12月26日\n山东省总工会文件');
    expect(blocks.map((b) => b.text.value)).toEqual(['2014年12月26日', '山东省总工会文件']);
  });

  it('keeps spaces inside a line, which belong to the text', () => {
    expect(toBlocks('推动贯彻落实《中共中央 国务院关于构建和谐劳动关系的意见》')[0].text.value).toContain('中共中央 国务院');
  });

  it('splits tab-separated lines into cells, and ignores a trailing tab', () => {
    const [caption, row] = toBlocks('“十四五”时期工会“精准服务”指标\t\n1.解困脱困长效机制\t“十四五”期间,每年保障5万户。');
    expect(caption.cells).toBeUndefined();
    expect(row.cells?.map((c) => c.value)).toEqual(['1.解困脱困长效机制', '“十四五”期间,每年保障5万户。']);
  });

  it('treats a line of spaces as blank', () => {
    expect(toBlocks('甲。\n \n乙。')).toHaveLength(2);
  });

  it('tells sentence ends from page-break cuts', () => {
    expect(endsSentence('职工旅行社等公益服务业务。')).toBe(true);
    expect(endsSentence('如图所示：')).toBe(true);
    expect(endsSentence('形成“职工之家。”')).toBe(true);
    expect(endsSentence('加强职工院校和职业培训机')).toBe(false);
    expect(endsSentence('完善“技能强国”')).toBe(false);
  });
});
