/**
 * The clause page's highlight on arrival (src/browser/site/highlight.ts): the terms of `?h=`.
 * Finding them in the text is the results page's own finder (src/browser/find.ts, tested in
 * tests/unit/browser/find.test.ts); marking them in the page is tested in the browser
 * (tests/e2e/site.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { highlightTerms } from '../../../../src/browser/site/highlight';

describe('highlight terms from ?h=', () => {
  it('splits on spaces, folds each term, and drops empty and repeated ones', () => {
    expect(highlightTerms('集体协商 指导员  培训')).toEqual(['集体协商', '指导员', '培训']);
    expect(highlightTerms('会、站、家')).toEqual(['会站家']);
    expect(highlightTerms(' 、 ， ')).toEqual([]);
    expect(highlightTerms('ＡＢＣ abc')).toEqual(['abc']);
  });
});
