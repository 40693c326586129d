/**
 * Edges: a passage found inside quotation marks whose first or last words were changed starts
 * (or ends) a few characters inside the marks, where the shared text begins. Where the marks are
 * that close, the passage is widened to them — and the clause's span by as many characters —
 * so the changed words show in its differences instead of being left out.
 */
import type { FoldMap } from '../fold';
import { GAP } from './chain';

/** A passage's spans in folded characters: draft [d0, d1), library [c0, c1). */
export interface Spans {
  d0: number;
  d1: number;
  c0: number;
  c1: number;
}

const OPEN = /[“「『‘]/;
const CLOSE = /[”」』’]/;

/** The raw offset of the opening mark before `from` on its line (no closing mark between), or -1. */
function openingBefore(draft: string, from: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const ch = draft[i]!;
    if (OPEN.test(ch)) return i;
    if (CLOSE.test(ch) || ch === '\n') return -1;
  }
  return -1;
}

/** The raw offset of the closing mark at or after `to` on its line (no opening mark between), or -1. */
function closingAfter(draft: string, to: number): number {
  for (let i = to; i < draft.length; i++) {
    const ch = draft[i]!;
    if (CLOSE.test(ch)) return i;
    if (OPEN.test(ch) || ch === '\n') return -1;
  }
  return -1;
}

/**
 * Widen a passage to the quotation marks around it where at most GAP folded characters lie
 * between them and the passage, within its clause's folded span [lo, hi).
 */
export function widenToQuotes(s: Spans, draft: string, map: FoldMap, lo: number, hi: number): Spans {
  const out = { ...s };
  const open = openingBefore(draft, map.start[s.d0]!);
  if (open >= 0) {
    let j = s.d0;
    while (j > 0 && map.start[j - 1]! > open) j--;
    const k = s.d0 - j;
    if (k >= 1 && k <= GAP && s.c0 - k >= lo) {
      out.d0 -= k;
      out.c0 -= k;
    }
  }
  const close = closingAfter(draft, map.end[s.d1 - 1]!);
  if (close >= 0) {
    let j = s.d1;
    while (j < map.folded.length && map.end[j]! <= close) j++;
    const k = j - s.d1;
    if (k >= 1 && k <= GAP && s.c1 + k <= hi) {
      out.d1 += k;
      out.c1 += k;
    }
  }
  return out;
}
