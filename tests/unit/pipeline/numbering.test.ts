import { describe, expect, it } from 'vitest';
import { formatMarker, parseMarker } from '../../../src/pipeline/numbering';

describe('numbering markers', () => {
  const printed = ['一、', '十、', '（一）', '(二)', '（十二）', '14. ', '1.', '23.', '1．', '一是', '三是', '第七条', '第二十三条'];

  it.each(printed)('read %j and write it back unchanged', (marker) => {
    const m = parseMarker(`${marker}正文`, ['part', 'section', 'arabic', 'item', 'article']);
    expect(m?.raw).toBe(marker);
    expect(formatMarker(m!)).toBe(marker);
  });

  it('give each system its value and printed label', () => {
    expect(parseMarker('五、高举维护职工合法权益旗帜')).toMatchObject({ system: 'part', value: 5, label: '五' });
    expect(parseMarker('（三）在服务职工方面')).toMatchObject({ system: 'section', value: 3, label: '（三）' });
    expect(parseMarker('14. 维护职工劳动经济权益')).toMatchObject({ system: 'arabic', value: 14, label: '14' });
    expect(parseMarker('二是坚决贯彻落实', ['item'])).toMatchObject({ system: 'item', value: 2, label: '二是' });
  });

  it('do not mistake decimals, years or ordinary words for numbers', () => {
    for (const line of ['1.6万家', '2015 年，济南市', '2024年是新中国成立75周年', '是企业改制', '十分重要']) {
      expect(parseMarker(line, ['part', 'section', 'arabic', 'item'])).toBeNull();
    }
  });
});
