/**
 * The library as the quote check searches it: every clause's heading and paragraphs joined
 * (one line each) and folded (src/browser/fold.ts), the folded clauses run together with a
 * separator that folding never produces, and for each folded character where it came from.
 */
import { type CharMap, foldWithMap } from '../fold';
import { charMap, type QuoteData } from './data';

/** Between two clauses in the folded library (a control character: fold drops them). */
export const SEPARATOR = '\u0000';

/** One clause of the corpus: its text as printed and the map from its folded form back to it. */
export interface CorpusClause {
  /** The heading and paragraphs as printed, one line each. */
  raw: string;
  /** Where each paragraph starts in `raw`. */
  paraStarts: number[];
  /** Raw start / end (UTF-16) of each folded character of the clause. */
  start: number[];
  end: number[];
  /** Where the clause's folded text starts in `Corpus.text`. */
  at: number;
}

/** The folded library and its maps. */
export interface Corpus {
  /** Every clause's folded text, each followed by SEPARATOR. */
  text: string;
  /** For each position of `text`, the clause it lies in. */
  clauseOf: Int32Array;
  clauses: CorpusClause[];
  t2s: CharMap;
}

/** Fold the library's clauses into one searchable text. */
export function buildCorpus(data: QuoteData): Corpus {
  const t2s = charMap(data.t2s);
  const parts: string[] = [];
  const clauses: CorpusClause[] = [];
  let at = 0;
  for (const clause of data.clauses) {
    const paraStarts: number[] = [];
    let raw = '';
    for (const p of clause.paras) {
      if (paraStarts.length) raw += '\n';
      paraStarts.push(raw.length);
      raw += p.t;
    }
    const map = foldWithMap(raw, t2s);
    clauses.push({ raw, paraStarts, start: map.start, end: map.end, at });
    parts.push(map.folded, SEPARATOR);
    at += map.folded.length + 1;
  }
  const text = parts.join('');
  const clauseOf = new Int32Array(text.length);
  clauses.forEach((c, i) => clauseOf.fill(i, c.at, clauses[i + 1]?.at ?? text.length));
  return { text, clauseOf, clauses, t2s };
}

/** The paragraph of a clause a raw offset lies in (index into its `paras`). */
export function paragraphAt(clause: CorpusClause, rawOffset: number): number {
  let p = 0;
  while (p + 1 < clause.paraStarts.length && clause.paraStarts[p + 1]! <= rawOffset) p++;
  return p;
}
