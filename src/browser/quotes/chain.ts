/**
 * Chaining: runs shared with one clause that follow each other in the draft and in the clause,
 * separated by short gaps (a changed, added or dropped word), make one candidate passage.
 */
import type { Run } from './runs';

/** The longest gap (folded characters, on either side) between two runs of one passage. */
export const GAP = 8;
/** The shortest passage reported (folded characters that match). */
export const MIN_MATCH = 10;
/** A passage with gaps must match at least this share of its longer side. */
export const MIN_SHARE = 0.7;

/** A candidate passage: runs shared with one clause, in order on both sides. */
export interface Candidate {
  clause: number;
  runs: Run[];
  /** Draft span [d0, d1) and library span [c0, c1), in folded characters. */
  d0: number;
  d1: number;
  c0: number;
  c1: number;
  /** Folded characters that match (the runs' lengths). */
  matched: number;
}

/** A candidate made of runs (in order, not overlapping). */
export function candidate(clause: number, runs: Run[]): Candidate {
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  return { clause, runs, d0: first.d, d1: last.d + last.len, c0: first.c, c1: last.c + last.len, matched: runs.reduce((n, r) => n + r.len, 0) };
}

/** Whether a candidate is reported: long enough, and where it has gaps, mostly matching. */
export function qualifies(c: Candidate): boolean {
  if (c.matched < MIN_MATCH) return false;
  return c.runs.length === 1 || c.matched >= MIN_SHARE * Math.max(c.d1 - c.d0, c.c1 - c.c0);
}

/** Whether a candidate matches its clause exactly (one run, no gap). */
export const isExact = (c: Candidate): boolean => c.runs.length === 1;

/**
 * `next` trimmed to start after `last` ends on both sides, with the gaps between them; null
 * where nothing is left of it or a gap is longer than GAP.
 */
export function follow(last: Run, next: Run): { run: Run; gap: number } | null {
  const shift = Math.max(0, last.d + last.len - next.d, last.c + last.len - next.c);
  if (shift >= next.len) return null;
  const run = { d: next.d + shift, c: next.c + shift, len: next.len - shift };
  const gd = run.d - (last.d + last.len);
  const gc = run.c - (last.c + last.len);
  if (Math.max(gd, gc) > GAP) return null;
  return { run, gap: gd + gc };
}

/**
 * Chain the runs of each clause into candidates: runs in draft order, each appended to the open
 * chain it follows with the smallest gaps, or opening a chain of its own (also where it had to
 * be cut short to follow).
 */
export function chainRuns(runs: Run[], clauseOf: ArrayLike<number>): Candidate[] {
  const byClause = new Map<number, Run[]>();
  for (const r of runs) {
    const k = clauseOf[r.c]!;
    const list = byClause.get(k);
    if (list) list.push(r);
    else byClause.set(k, [r]);
  }
  const out: Candidate[] = [];
  for (const [clause, list] of byClause) {
    list.sort((a, b) => a.d - b.d || a.c - b.c);
    let open: Run[][] = [];
    for (const r of list) {
      open = open.filter((chain) => {
        const last = chain[chain.length - 1]!;
        if (last.d + last.len + GAP >= r.d) return true;
        out.push(candidate(clause, chain));
        return false;
      });
      let best: { chain: Run[]; run: Run; gap: number } | null = null;
      for (const chain of open) {
        const f = follow(chain[chain.length - 1]!, r);
        if (f && (!best || f.gap < best.gap)) best = { chain, ...f };
      }
      if (best) best.chain.push(best.run);
      // A run cut short to follow a chain may be a better passage whole: it opens one too.
      if (!best || best.run.len < r.len) open.push([r]);
    }
    for (const chain of open) out.push(candidate(clause, chain));
  }
  return out;
}

/** Cut a candidate's runs where they are chained across a gap too long, e.g. after trimming. */
export function splitChain(clause: number, runs: Run[]): Candidate[] {
  const out: Candidate[] = [];
  let chain: Run[] = [];
  for (const r of runs) {
    const last = chain[chain.length - 1];
    const f = last ? follow(last, r) : null;
    if (last && f) chain.push(f.run);
    else {
      if (chain.length) out.push(candidate(clause, chain));
      chain = [r];
    }
  }
  if (chain.length) out.push(candidate(clause, chain));
  return out;
}
