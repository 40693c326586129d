/**
 * Selection: the passages reported, best first, none overlapping in the draft; a candidate
 * that overlaps a chosen passage keeps only its part outside it. A passage that matches
 * (nearly) as well in other clauses lists them as alternatives.
 */
import { type Candidate, isExact, qualifies, splitChain } from './chain';
import type { Run } from './runs';

/** One passage: the clause it is best found in, and the other clauses that hold it too. */
export interface Selected {
  best: Candidate;
  alternatives: Candidate[];
}

/** How much more an alternative's draft span may differ from the passage's (share). */
const ALTERNATIVE_SPAN = 0.9;

/** Better first: more matching characters, exact before differing, fewer edits, earlier clause. */
export function rank(a: Candidate, b: Candidate): number {
  const edits = (c: Candidate) => Math.abs(c.d1 - c.d0 - c.matched) + Math.abs(c.c1 - c.c0 - c.matched);
  return b.matched - a.matched || Number(isExact(b)) - Number(isExact(a)) || edits(a) - edits(b) || a.clause - b.clause || a.d0 - b.d0;
}

/** A run without the draft ranges already taken: the pieces left (on its own diagonal). */
export function clipRun(run: Run, taken: [number, number][]): Run[] {
  let pieces: Run[] = [run];
  for (const [from, to] of taken) {
    pieces = pieces.flatMap((p) => {
      if (to <= p.d || from >= p.d + p.len) return [p];
      const out: Run[] = [];
      if (from > p.d) out.push({ d: p.d, c: p.c, len: from - p.d });
      if (to < p.d + p.len) out.push({ d: to, c: p.c + (to - p.d), len: p.d + p.len - to });
      return out;
    });
  }
  return pieces;
}

/** Insert a candidate into a list kept in rank order. */
function insertRanked(list: Candidate[], c: Candidate): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rank(list[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, c);
}

/** Whether `c` is the same passage as `p` found in another clause (nearly the same span and match). */
export function isAlternative(p: Candidate, c: Candidate): boolean {
  if (c.clause === p.clause) return false;
  const overlap = Math.min(p.d1, c.d1) - Math.max(p.d0, c.d0);
  const span = p.d1 - p.d0;
  return overlap >= ALTERNATIVE_SPAN * span && c.d1 - c.d0 <= span / ALTERNATIVE_SPAN && c.matched >= ALTERNATIVE_SPAN * p.matched;
}

/** Choose the passages among the candidates, in draft order, each with its alternatives. */
export function selectPassages(candidates: Candidate[]): Selected[] {
  const qualified = candidates.filter(qualifies).sort(rank);
  const queue = qualified.slice();
  const taken: [number, number][] = [];
  const chosen: Candidate[] = [];
  while (queue.length) {
    const c = queue.shift()!;
    const overlapping = taken.filter(([from, to]) => from < c.d1 && to > c.d0);
    if (!overlapping.length) {
      chosen.push(c);
      taken.push([c.d0, c.d1]);
      continue;
    }
    const pieces = c.runs.flatMap((r) => clipRun(r, overlapping));
    if (!pieces.length) continue;
    for (const piece of splitChain(c.clause, pieces)) if (qualifies(piece)) insertRanked(queue, piece);
  }
  return chosen
    .sort((a, b) => a.d0 - b.d0)
    .map((best) => {
      const seen = new Set([best.clause]);
      const alternatives = qualified.filter((c) => {
        if (seen.has(c.clause) || !isAlternative(best, c)) return false;
        seen.add(c.clause);
        return true;
      });
      return { best, alternatives };
    });
}
