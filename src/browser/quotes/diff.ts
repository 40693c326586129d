/**
 * The differences between a passage of the draft and the clause text it quotes, as runs to
 * show: the clause's own text where they agree, and each stretch where they differ with the
 * clause's text (shown in <del>) and the draft's (in <ins>), as the version comparison shows
 * them. Compared on the folded texts, so punctuation, width, spaces and traditional forms are
 * no difference; shown in the texts as printed.
 */
import { diffChars } from 'diff';

/** A run of the comparison: equal text (as the clause prints it), or a difference. */
export type DiffRun = { op: 'equal'; text: string } | { op: 'change'; del: string; ins: string };

/** One side of the comparison: the text as printed, its folded form's map, and the folded span. */
export interface DiffSide {
  raw: string;
  /** The folded text the map belongs to. */
  folded: string;
  /** Raw start / end of each folded character. */
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** The span compared, in folded characters [from, to). */
  from: number;
  to: number;
}

/** The raw text of folded characters [a, b) of a side, with the punctuation that follows them inside the span. */
function rawOf(side: DiffSide, a: number, b: number): string {
  if (a >= b) return '';
  const from = side.start[a]!;
  const to = b >= side.to ? side.end[side.to - 1]! : side.start[b]!;
  return side.raw.slice(from, to);
}

/** Compare a clause's span (A, shown deleted) with the draft's (B, shown inserted). */
export function passageDiff(clause: DiffSide, draft: DiffSide): DiffRun[] {
  const a = clause.folded.slice(clause.from, clause.to);
  const b = draft.folded.slice(draft.from, draft.to);
  const runs: DiffRun[] = [];
  let i = clause.from;
  let j = draft.from;
  for (const change of diffChars(a, b)) {
    const n = change.value.length;
    const last = runs[runs.length - 1];
    if (!change.added && !change.removed) {
      runs.push({ op: 'equal', text: rawOf(clause, i, i + n) });
      i += n;
      j += n;
      continue;
    }
    const del = change.removed ? rawOf(clause, i, i + n) : '';
    const ins = change.added ? rawOf(draft, j, j + n) : '';
    if (change.removed) i += n;
    else j += n;
    if (last && last.op === 'change') {
      last.del += del;
      last.ins += ins;
    } else runs.push({ op: 'change', del, ins });
  }
  return runs;
}
