/**
 * FOLD: the benchmark's own normalisation for ground truth (deliberately independent of the
 * search engine's folding, so the benchmark never grades the engine against itself).
 *
 *   FOLD(s) = strip(t2cn(lower(NFKC(s))))
 *
 * 1. NFKC: full-width letters, digits and brackets become half-width (１２３５１ → 12351,
 *    ＱＱ → QQ, 〔 stays 〔); compatibility ideographs become unified ones.
 * 2. Lower case (QQ → qq).
 * 3. Traditional → simplified with opencc-js (`from: 't', to: 'cn'`): 集體協商 → 集体协商.
 * 4. Every character of Unicode categories P (punctuation) and S (symbols) and every white
 *    space (`\s`) is removed: 会、站、家 → 会站家, 《工会法》 → 工会法, 鲁会〔2014〕79号 and
 *    鲁会[2014]79号 → 鲁会201479号, "职工 之家" → 职工之家, 50.86 → 5086.
 *
 * A clause is relevant to a query when FOLD(heading + "\n" + text) contains FOLD(query);
 * for a compound query, when it contains FOLD(word) for every word.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const STRIP = /[\p{P}\p{S}\s]/gu;

/** The benchmark's folding (see the module comment). */
export function fold(s: string): string {
  return toSimplified(s.normalize('NFKC').toLowerCase()).replace(STRIP, '');
}

/** Whether a text holds nothing but punctuation, symbols and white space. */
export function isOnlyPunctuation(s: string): boolean {
  return s.replace(STRIP, '') === '';
}

/** Simplified → traditional converters for the `traditional` query class. */
export const toTraditional = {
  tw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  hk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
};
