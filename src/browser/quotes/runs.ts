/**
 * Seeds: the maximal runs of folded text that a draft shares with the library, found through
 * an index of the library's shingles (every K-character substring of the folded text).
 */
import { SEPARATOR } from './corpus';

/** The length of an indexed shingle: the shortest shared run that is found. */
export const K = 4;

/** A run of equal folded text: draft position `d`, library position `c`, length `len`. */
export interface Run {
  d: number;
  c: number;
  len: number;
}

/** Shingle → library positions where it starts (shingles that cross a clause boundary left out). */
export type ShingleIndex = Map<string, number[]>;

/** Index every K-character shingle of the folded library. */
export function buildShingles(text: string): ShingleIndex {
  const index: ShingleIndex = new Map();
  let clean = 0; // characters since the last separator
  for (let i = 0; i < text.length; i++) {
    if (text[i] === SEPARATOR) {
      clean = 0;
      continue;
    }
    if (++clean < K) continue;
    const start = i - K + 1;
    const key = text.slice(start, i + 1);
    const list = index.get(key);
    if (list) list.push(start);
    else index.set(key, [start]);
  }
  return index;
}

/**
 * Every maximal run (at least K long) the folded draft shares with the folded library: for
 * each shingle of the draft and each place the library has it, unless the run already started
 * one character earlier, extend it as far as both texts agree.
 */
export function findRuns(draft: string, text: string, index: ShingleIndex): Run[] {
  const runs: Run[] = [];
  for (let d = 0; d + K <= draft.length; d++) {
    const places = index.get(draft.slice(d, d + K));
    if (!places) continue;
    for (const c of places) {
      if (d > 0 && c > 0 && draft[d - 1] === text[c - 1]) continue;
      let len = K;
      while (d + len < draft.length && draft[d + len] === text[c + len]) len++;
      runs.push({ d, c, len });
    }
  }
  return runs;
}
