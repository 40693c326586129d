/**
 * Character-level comparison of two transcriptions of a text, as runs the pages can show:
 * equal text, and differences (insert, delete, replace) told apart into wording and
 * punctuation-only ones.
 */
import { diffChars } from 'diff';
import type { DiffPart } from '../../model';

const PUNCTUATION_ONLY = /^[\p{P}\s]*$/u;
const PUNCTUATION = /[\p{P}\s]/gu;

/** Whether a text is made of punctuation marks and spaces only (so no wording). */
export function isPunctuation(text: string): boolean {
  return PUNCTUATION_ONLY.test(text);
}

/** The wording of a text: the text without its punctuation marks and spaces. */
export function withoutPunctuation(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/**
 * The comparison of text `a` with text `b`, character by character: a run of equal text,
 * then every stretch of differences between two equal runs as one part (a deletion next to
 * an insertion is one `replace`), marked `punctuation` where both sides are punctuation only.
 * Joining the `a` sides gives `a`, joining the `b` sides gives `b`.
 */
export function compareText(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed || added) parts.push(difference(removed, added));
    removed = added = '';
  };
  for (const change of diffChars(a, b)) {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else {
      flush();
      parts.push({ op: 'equal', a: change.value, b: change.value });
    }
  }
  flush();
  return parts;
}

function difference(a: string, b: string): DiffPart {
  const op = a && b ? 'replace' : a ? 'delete' : 'insert';
  return isPunctuation(a + b) ? { op, a, b, punctuation: true } : { op, a, b };
}

/** How many differences of wording and of punctuation only a comparison holds. */
export function countDifferences(parts: DiffPart[]): { wording: number; punctuation: number } {
  let wording = 0;
  let punctuation = 0;
  for (const p of parts) {
    if (p.op === 'equal') continue;
    if (p.punctuation) punctuation++;
    else wording++;
  }
  return { wording, punctuation };
}
