/**
 * Excerpts and highlights for the results page: pure functions over raw text.
 *
 * - `makeExcerpt` cuts a window of about 60–90 characters around the first match of a
 *   paragraph, preferring to start and end at a sentence boundary, never splitting a
 *   character, with "……" where the paragraph was cut. The text is Chinese: nothing is
 *   inserted between characters.
 * - `markSegments` splits a heading into plain and marked text.
 *
 * The ranges to mark come from ../find.ts (`findTerms`), which the clause page's highlight on
 * arrival uses too.
 */
import { type TextRange, mergeRanges } from '../find';

/** A piece of an excerpt: plain text, highlighted text, or an ellipsis where text was cut. */
export interface Segment {
  text: string;
  mark?: boolean;
  ellipsis?: boolean;
}

export interface Excerpt {
  segments: Segment[];
  /** Where the window starts and ends in the raw text. */
  start: number;
  end: number;
}

export interface ExcerptOptions {
  /** Usual window length, in UTF-16 units (default 72). */
  target?: number;
  /** Longest window; a paragraph up to this length is shown whole (default 90). */
  max?: number;
  /** Context kept before the first match (default 18). */
  before?: number;
  /** Shortest window cut from a longer paragraph (default 60). */
  min?: number;
}

/** The ellipsis shown where an excerpt cuts the text. */
export const ELLIPSIS = '……';

const STRONG_END = /[。！？；!?;\n]/;
const WEAK_END = /[，、：,:]/;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Move an offset off the middle of a surrogate pair (backwards). */
function snapBack(text: string, i: number): number {
  return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) ? i - 1 : i;
}
/** Move an offset off the middle of a surrogate pair (forwards). */
function snapForward(text: string, i: number): number {
  return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) ? i + 1 : i;
}

/**
 * The start of a sentence (or, failing that, a clause) shortly before `at`: an offset just
 * after a boundary mark in [from, at], or -1.
 */
function sentenceStart(text: string, from: number, at: number): number {
  for (const re of [STRONG_END, WEAK_END]) {
    for (let i = at - 1; i >= Math.max(0, from - 1); i--) if (re.test(text[i])) return i + 1;
  }
  return -1;
}

/** The end of a sentence near `at`: an offset just after a boundary mark in [lo, hi], or -1. */
function sentenceEnd(text: string, lo: number, hi: number, at: number): number {
  for (const re of [STRONG_END, WEAK_END]) {
    let best = -1;
    for (let i = Math.max(0, lo - 1); i < Math.min(text.length, hi); i++) {
      if (re.test(text[i]) && (best < 0 || Math.abs(i + 1 - at) < Math.abs(best - at))) best = i + 1;
    }
    if (best >= 0) return best;
  }
  return -1;
}

/**
 * An excerpt of `text` around its first match, with every match inside the window marked.
 * A paragraph no longer than `max` is shown whole. Without matches, the opening is shown.
 */
export function makeExcerpt(text: string, ranges: readonly TextRange[], options: ExcerptOptions = {}): Excerpt {
  const max = options.max ?? 90;
  const target = Math.min(options.target ?? 72, max);
  const before = options.before ?? 18;
  const min = Math.min(options.min ?? 60, target);
  const marks = mergeRanges(ranges, text.length);
  const L = text.length;

  let start = 0;
  let end = L;
  if (L > max) {
    const first = marks[0];
    if (!first) {
      end = target;
      const e = sentenceEnd(text, target - 14, max, target);
      if (e > 0) end = e;
    } else {
      start = Math.max(0, first.start - before);
      if (start > 0) {
        const s = sentenceStart(text, first.start - before - 12, first.start);
        if (s > 0) start = s;
      }
      // A long match: less context before it, so that it fits whole.
      if (first.end - start > max) start = Math.max(0, Math.min(first.start, first.end - max));
      end = start + target;
      if (end < first.end) end = Math.min(first.end, start + max);
      if (end >= L) {
        end = L;
        start = Math.max(0, Math.min(start, L - target));
        // Begin with a whole sentence: one starting a little earlier (within the longest
        // window), or else a little later (keeping the shortest window).
        if (start > 0 && !STRONG_END.test(text[start - 1])) {
          let best = -1;
          for (let i = start - 1; i >= Math.max(1, L - max); i--) {
            if (STRONG_END.test(text[i - 1])) {
              best = i;
              break;
            }
          }
          for (let i = start; best < 0 && i < Math.min(first.start, start + 16); i++) {
            if (STRONG_END.test(text[i]) && L - (i + 1) >= min) best = i + 1;
          }
          if (best > 0) start = best;
        }
      } else {
        // End at a sentence boundary near the target length, keeping the first match whole.
        const e = sentenceEnd(text, Math.max(first.end, end - 14), Math.min(L, start + max), end);
        if (e > 0 && e >= first.end) end = e;
      }
    }
    start = snapBack(text, start);
    end = snapForward(text, Math.min(end, L));
  }

  const segments: Segment[] = [];
  if (start > 0) segments.push({ text: ELLIPSIS, ellipsis: true });
  let at = start;
  for (const m of marks) {
    const s = Math.max(m.start, start);
    const e = Math.min(m.end, end);
    if (e <= s) continue;
    if (s > at) segments.push({ text: text.slice(at, s) });
    segments.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) segments.push({ text: text.slice(at, end) });
  if (end < L) segments.push({ text: ELLIPSIS, ellipsis: true });
  return { segments, start, end };
}

/** Split `text` into plain and marked segments at `ranges` (no cutting). */
export function markSegments(text: string, ranges: readonly TextRange[]): Segment[] {
  return makeExcerpt(text, ranges, { max: Infinity }).segments;
}
