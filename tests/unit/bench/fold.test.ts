import { describe, expect, it } from 'vitest';
import { fold, isOnlyPunctuation, toTraditional } from '../../../scripts/bench/fold';

describe('fold (the benchmark’s ground-truth normalisation)', () => {
  it('turns full-width digits and letters into half-width ones', () => {
    expect(fold('１２３５１')).toBe('12351');
    expect(fold('ＶＲ展馆')).toBe('vr展馆');
  });

  it('lower-cases Latin letters', () => {
    expect(fold('QQ群')).toBe(fold('qq群'));
    expect(fold('Qq群')).toBe('qq群');
  });

  it('removes punctuation, symbols and white space, wherever they are', () => {
    expect(fold('会、站、家')).toBe('会站家');
    expect(fold('《工会法》')).toBe('工会法');
    expect(fold('"职工 之家"')).toBe('职工之家');
    expect(fold('“职工\u3000之家”')).toBe('职工之家');
    expect(fold('50.86%')).toBe('5086');
    expect(fold(' 工会\n法 ')).toBe('工会法');
  });

  it('makes every bracket form of a document number the same', () => {
    const forms = ['鲁会〔2014〕79号', '鲁会[2014]79号', '鲁会(2014)79号', '鲁会（2014）79号', '鲁会【2014】79号', '鲁会201479号'];
    expect(new Set(forms.map(fold))).toEqual(new Set(['鲁会201479号']));
  });

  it('converts traditional characters to simplified ones', () => {
    expect(fold('集體協商')).toBe('集体协商');
    expect(fold('職工之家')).toBe('职工之家');
    expect(fold(toTraditional.tw('集体协商指导员培训'))).toBe('集体协商指导员培训');
  });

  it('leaves simplified Chinese without punctuation unchanged', () => {
    expect(fold('集体协商指导员培训')).toBe('集体协商指导员培训');
  });

  it('is idempotent', () => {
    for (const s of ['鲁会〔2014〕79号', 'ＱＱ群、微信', '集體協商']) expect(fold(fold(s))).toBe(fold(s));
  });

  it('tells a text of punctuation and spaces only from one with a word character', () => {
    expect(isOnlyPunctuation('，。 、')).toBe(true);
    expect(isOnlyPunctuation('》（')).toBe(true);
    expect(isOnlyPunctuation('，工')).toBe(false);
    expect(isOnlyPunctuation('1.')).toBe(false);
  });
});
