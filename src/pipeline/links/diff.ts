/**
 * Character-level comparison of two transcriptions of a text, as runs the pages can show:
 * equal text, and differences (insert, delete, replace) told apart into wording and
 * punctuation-only ones.
 */
import { diffChars } from 'diff';
import type { DiffPart } from '../../model';

/** A punctuation mark or space; signs that carry meaning (%, ‰, #, &, @) count as wording. */
const MARK = '(?![%％‰‱#＃&＆@＠])[\\p{P}\\s]';
const PUNCTUATION_ONLY = new RegExp(`^(?:${MARK})*$`, 'u');
const PUNCTUATION = new RegExp(MARK, 'gu');

/** Whether a text is made of punctuation marks and spaces only (so no wording). */
export function isPunctuation(text: string): boolean {
  return PUNCTUATION_ONLY.test(text);
}

/** The wording of a text: the text without its punctuation marks and spaces. */
export function withoutPunctuation(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/**
 * The comparison of text `a` with text `b`, character by character: runs of equal text, and
 * every stretch of differences between two equal runs as one part (a deletion next to an
 * insertion is one `replace`), marked `punctuation` where both sides are punctuation only
 * (but not a decimal point or digit-group separator between digits: 1.6 vs 16 is wording).
 * Joining the `a` sides gives `a`, joining the `b` sides gives `b`.
 */
export function compareText(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffChars(a, b)) {
    const last = parts.at(-1);
    if (!change.added && !change.removed) parts.push({ op: 'equal', a: change.value, b: change.value });
    else if (last && last.op !== 'equal') {
      if (change.removed) last.a += change.value;
      else last.b += change.value;
    } else parts.push({ op: 'replace', a: change.removed ? change.value : '', b: change.added ? change.value : '' });
  }
  // Each stretch of differences is gathered whole; what kind of difference it is is settled here.
  return parts.map((part, i) => (part.op === 'equal' ? part : difference(part, parts[i - 1]?.a, parts[i + 1]?.a)));
}

const NUMBER_MARK = /^[.．,，]+$/;
const DIGIT = /[0-9０-９]/;

/** A stretch of differences told apart by its sides, `before` and `after` being the equal text around it. */
function difference({ a, b }: DiffPart, before = '', after = ''): DiffPart {
  const op = a && b ? 'replace' : a ? 'delete' : 'insert';
  const inNumber = DIGIT.test(before.at(-1) ?? '') && DIGIT.test(after[0] ?? '') && NUMBER_MARK.test(a + b);
  return isPunctuation(a + b) && !inNumber ? { op, a, b, punctuation: true } : { op, a, b };
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
