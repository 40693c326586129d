import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../../src/pipeline/numerals';

describe('toChineseNumeral', () => {
  it('writes single digits', () => {
    expect([1, 2, 3, 7, 9].map(toChineseNumeral)).toEqual(['一', '二', '三', '七', '九']);
  });

  it('writes ten to nineteen without a leading 一', () => {
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(14)).toBe('十四');
    expect(toChineseNumeral(19)).toBe('十九');
  });

  it('writes the tens as article numbers are written', () => {
    expect(toChineseNumeral(20)).toBe('二十');
    expect(toChineseNumeral(23)).toBe('二十三');
    expect(toChineseNumeral(58)).toBe('五十八');
    expect(toChineseNumeral(99)).toBe('九十九');
  });

  it('writes hundreds and thousands with 零 for gaps', () => {
    expect(toChineseNumeral(100)).toBe('一百');
    expect(toChineseNumeral(105)).toBe('一百零五');
    expect(toChineseNumeral(110)).toBe('一百一十');
    expect(toChineseNumeral(1005)).toBe('一千零五');
    expect(toChineseNumeral(2014)).toBe('二千零一十四');
  });

  it('writes ten-thousands', () => {
    expect(toChineseNumeral(10_000)).toBe('一万');
    expect(toChineseNumeral(10_010)).toBe('一万零一十');
    expect(toChineseNumeral(123_456)).toBe('十二万三千四百五十六');
  });

  it('rejects negative and fractional numbers', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });

  it('round-trips with parseChineseNumeral for 0 to 9999', () => {
    for (let n = 0; n < 10_000; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
});

describe('parseChineseNumeral', () => {
  it('reads numerals as printed in headings', () => {
    expect(parseChineseNumeral('三')).toBe(3);
    expect(parseChineseNumeral('十四')).toBe(14);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('一百零五')).toBe(105);
  });

  it('reads article numbers up to 千 as references print them', () => {
    expect(parseChineseNumeral('一百二十三')).toBe(123);
    expect(parseChineseNumeral('一百零八')).toBe(108);
    expect(parseChineseNumeral('一百一十')).toBe(110);
    expect(parseChineseNumeral('二百三十七')).toBe(237);
    expect(parseChineseNumeral('一千二百六十')).toBe(1260);
    expect(parseChineseNumeral('一千零一')).toBe(1001);
  });

  it('returns null for anything else', () => {
    expect(parseChineseNumeral('一是')).toBeNull();
    expect(parseChineseNumeral('14')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
  });
});
