/**
 * The clause page's highlight on arrival lives in src/client/site.js, a plain classic script.
 * Run in a sandbox with a `module` object, the script hands over its pure functions instead
 * of starting; these tests check them against the search engine's folding (fold.ts) and the
 * results page's term finder (excerpt.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadSiteScript } from '../support/site-script';
import { findTerms } from '../../../src/search/excerpt';
import { fold, foldWithMap as engineFoldWithMap } from '../../../src/search/fold';

interface SiteApi {
  foldWithMap(text: string): { folded: string; start: number[]; end: number[] };
  highlightTerms(h: string): string[];
  findRanges(text: string, terms: string[]): { start: number; end: number }[];
}


const site = loadSiteScript<SiteApi>();

// Raw texts of the kinds the library holds: punctuation, full-width forms, Latin, brackets.
const SAMPLES = [
  '推进会、站、家一体化建设',
  '根据鲁会〔２０１４〕７９号文件精神',
  '鲁会[2014]79号',
  '拨打１２３５１职工维权热线',
  'ＡＢＣ工会　App 平台 “强三性”“去四化”',
  '（三）一是……二是——',
  '𠮷野家①②③ ﬁ',
];

describe('the clause page folds as the search engine does', () => {
  it('gives the same folded text and offsets as fold.ts (without traditional to simplified)', () => {
    for (const text of SAMPLES) {
      const mine = site.foldWithMap(text);
      const engine = engineFoldWithMap(text);
      expect(mine.folded, text).toBe(engine.folded);
      expect(mine.start, text).toEqual(engine.start);
      expect(mine.end, text).toEqual(engine.end);
    }
  });

  it('finds the same ranges as the results page for the same terms', () => {
    const terms = ['会站家', '鲁会〔2014〕79号', '12351', 'abc', '强三性去四化', '一是二是', '野家'];
    for (const text of SAMPLES) {
      expect(site.findRanges(text, terms.map((t) => fold(t))), text).toEqual(findTerms(text, terms));
    }
  });
});

describe('highlight terms from ?h=', () => {
  it('splits on spaces, folds each term, and drops empty and repeated ones', () => {
    expect(site.highlightTerms('集体协商 指导员  培训')).toEqual(['集体协商', '指导员', '培训']);
    expect(site.highlightTerms('会、站、家')).toEqual(['会站家']);
    expect(site.highlightTerms(' 、 ， ')).toEqual([]);
    expect(site.highlightTerms('ＡＢＣ abc')).toEqual(['abc']);
  });

  it('maps a folded match back to the raw text, punctuation inside included', () => {
    const text = '推进会、站、家一体化建设';
    const [r] = site.findRanges(text, ['会站家']);
    expect(text.slice(r.start, r.end)).toBe('会、站、家');
  });

  it('merges overlapping finds of several terms into one range', () => {
    const text = '集体协商指导员培训';
    expect(site.findRanges(text, ['集体协商', '协商指导员'])).toEqual([{ start: 0, end: 7 }]);
  });

  it('finds every occurrence, joining those that touch', () => {
    expect(site.findRanges('工会，工会，工会', ['工会'])).toHaveLength(3);
    expect(site.findRanges('工会工会', ['工会'])).toEqual([{ start: 0, end: 4 }]);
    expect(site.findRanges('aaaa', ['aa'])).toEqual([{ start: 0, end: 4 }]);
  });
});
