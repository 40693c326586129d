import { describe, expect, it } from 'vitest';
import { findTerms, mergeRanges } from '../../../src/browser/find';

describe('merging ranges', () => {
  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        { start: 5, end: 8 },
        { start: 0, end: 2 },
        { start: 7, end: 10 },
        { start: 10, end: 11 },
      ]),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 5, end: 11 },
    ]);
    expect(
      mergeRanges(
        [
          { start: -3, end: 4 },
          { start: 8, end: 20 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 8, end: 10 },
    ]);
  });
});

describe('finding terms on folded text', () => {
  it('finds a term across the punctuation folding ignores', () => {
    const text = '推进会、站、家一体化建设';
    expect(findTerms(text, ['会站家'])).toEqual([{ start: 2, end: 7 }]);
  });

  it('finds full-width digits and brackets as the half-width query', () => {
    const text = '根据鲁会〔２０１４〕７９号文件';
    const [r] = findTerms(text, ['鲁会[2014]79号']);
    expect(text.slice(r.start, r.end)).toBe('鲁会〔２０１４〕７９号');
  });

  it('finds every term, merging overlaps, ignoring empty terms', () => {
    const text = '集体协商指导员培训，协商';
    expect(findTerms(text, ['集体协商', '协商指导', '', '、', '培训'])).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 9 },
    ]);
  });

  it('maps a folded match back to the raw text, punctuation inside included', () => {
    const text = '推进会、站、家一体化建设';
    const [r] = findTerms(text, ['会站家']);
    expect(text.slice(r.start, r.end)).toBe('会、站、家');
  });

  it('merges overlapping finds of several terms into one range', () => {
    expect(findTerms('集体协商指导员培训', ['集体协商', '协商指导员'])).toEqual([{ start: 0, end: 7 }]);
  });

  it('finds every occurrence, joining those that touch', () => {
    expect(findTerms('工会，工会，工会', ['工会'])).toHaveLength(3);
    expect(findTerms('工会工会', ['工会'])).toEqual([{ start: 0, end: 4 }]);
    expect(findTerms('aaaa', ['aa'])).toEqual([{ start: 0, end: 4 }]);
  });

  it('finds terms outside the basic plane and full-width Latin, with raw offsets', () => {
    const text = '𠮷野家①②③ ＡＢＣ工会';
    expect(findTerms(text, ['野家', 'abc'])).toEqual([
      { start: 2, end: 4 },
      { start: 8, end: 11 },
    ]);
  });
});
