import { describe, expect, it } from 'vitest';
import { bigrams, findFolded, fold, foldWithMap, headingTokens, indexTokens } from '../../../src/browser/fold';

const t2s = { 會: '会', 體: '体', 協: '协' };

describe('folding', () => {
  it('drops punctuation, symbols and spaces, so 会、站、家 and 会站家 are one', () => {
    expect(fold('推进“会、站、家”一体化')).toBe(fold('推进会站家一体化'));
    expect(fold('职工 之家')).toBe('职工之家');
  });

  it('makes full-width digits and letters half-width and lower-case', () => {
    expect(fold('１２３５１')).toBe('12351');
    expect(fold('ＱＱ群')).toBe('qq群');
    expect(fold('QQ群')).toBe('qq群');
  });

  it('treats different brackets of a document number alike', () => {
    expect(fold('鲁会〔2014〕79号')).toBe(fold('鲁会[2014]79号'));
    expect(fold('鲁会（2014）79号')).toBe('鲁会201479号');
  });

  it('turns traditional characters into simplified ones with the map', () => {
    expect(fold('集體協商', t2s)).toBe('集体协商');
  });

  it('maps every folded character back to the raw text it came from', () => {
    const raw = '“会、站、家”';
    const m = foldWithMap(raw);
    expect(m.folded).toBe('会站家');
    expect(m.folded.split('').map((_, i) => raw.slice(m.start[i], m.end[i]))).toEqual(['会', '站', '家']);
  });

  it('finds a folded needle in raw text and gives raw ranges', () => {
    const raw = '推进“会、站、家”一体化，会、站、家';
    expect(findFolded(raw, '会站家').map(([s, e]) => raw.slice(s, e))).toEqual(['会、站、家', '会、站、家']);
  });
});

describe('index tokens', () => {
  it('are the overlapping bigrams of the folded text', () => {
    expect(bigrams('职工之家')).toEqual(['职工', '工之', '之家']);
  });

  it("run the heading and the text together, the heading's own bigrams first", () => {
    expect(indexTokens('总则。', '职工')).toEqual(['总则', '则职', '职工']);
    expect(headingTokens('总则。')).toBe(1);
    expect(headingTokens('')).toBe(0);
  });
});
