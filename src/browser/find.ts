/**
 * Finding search terms in raw text, matched on folded text (fold.ts, without traditional →
 * simplified: NFKC, lower case, punctuation, symbols and spaces ignored — so 会站家 finds
 * 会、站、家) and returned as raw ranges. The one finder of both the results page's marks
 * (search/excerpt.ts, search/ui.ts) and the clause page's highlight on arrival
 * (site/highlight.ts).
 */
import { findFolded, fold } from './fold';

/** A range of raw text in UTF-16 offsets, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** Sort, clip to [0, length) and merge overlapping or touching ranges. */
export function mergeRanges(ranges: readonly TextRange[], length = Infinity): TextRange[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * Every occurrence of any of `terms` in `text`, matched on folded text (fold.ts, without
 * traditional → simplified) and returned as merged raw ranges. Empty terms are ignored.
 */
export function findTerms(text: string, terms: readonly string[]): TextRange[] {
  const found = [...new Set(terms.map((t) => fold(t)))].flatMap((t) => findFolded(text, t));
  return mergeRanges(
    found.map(([start, end]) => ({ start, end })),
    text.length,
  );
}
