/**
 * What the pages say about transcriptions compared (library.comparisons): where a clause
 * stands in a comparison, where the other transcription lacks it, and the counts in words.
 */
import { groupBy } from '../collections';
import type { AlignedClause, DocumentRecord, VersionComparison } from '../model';
import type { LibraryView } from './view';

/** What a transcription is called on the pages: its editorial label (转录本甲), else its name. */
export function versionName(view: LibraryView, doc: DocumentRecord): string {
  return doc.version ?? view.name(doc);
}

/** A clause's row in one comparison, seen from the clause's side. */
export interface VersionEntry {
  comparison: VersionComparison;
  /** The row's index in `comparison.rows`. */
  index: number;
  row: AlignedClause;
  /** Which transcription the clause belongs to. */
  side: 'a' | 'b';
  /** The counterpart in the other transcription; null where that one lacks the clause. */
  counterpart: string | null;
}

/** Every comparison the clause takes part in, with its row there. */
export function versionEntries(comparisons: VersionComparison[], clauseId: string): VersionEntry[] {
  let index = entryIndexes.get(comparisons);
  if (!index) {
    const entries = comparisons.flatMap((comparison) =>
      comparison.rows.flatMap((row, i): VersionEntry[] => [
        ...(row.a ? [{ comparison, index: i, row, side: 'a' as const, counterpart: row.b }] : []),
        ...(row.b ? [{ comparison, index: i, row, side: 'b' as const, counterpart: row.a }] : []),
      ]),
    );
    entryIndexes.set(comparisons, (index = groupBy(entries, (e) => (e.side === 'a' ? e.row.a : e.row.b)!)));
  }
  return index.get(clauseId) ?? [];
}

/** The entries of every clause, per list of comparisons (made once: every clause page asks). */
const entryIndexes = new WeakMap<VersionComparison[], Map<string, VersionEntry[]>>();

/** Where the other transcription stands around a clause it lacks. */
export interface Absence {
  /** The other transcription's clause just before (none: it starts after this clause). */
  before?: string;
  /** Its clause just after (none: it ends before this clause). */
  after?: string;
  /** Where it ends before this clause: whether its last clause stops short of the counterpart's end. */
  endsMidway: boolean;
}

/** For a row present on one side only: where the other side's text stands around it. */
export function absence(comparison: VersionComparison, index: number): Absence {
  const row = comparison.rows[index];
  const other: 'a' | 'b' = row.a ? 'b' : 'a';
  const before = comparison.rows.slice(0, index).findLast((r) => r[other]);
  const after = comparison.rows.slice(index + 1).find((r) => r[other]);
  // The other side stops midway where the comparison of its last clause ends with text only this side has.
  const last = before?.parts?.at(-1);
  const endsMidway = !after && !!last && last.op === (other === 'a' ? 'insert' : 'delete') && !last.punctuation;
  return { before: before?.[other] ?? undefined, after: after?.[other] ?? undefined, endsMidway };
}

/** The counts of a row (or of a whole comparison) in words. */
export function differenceSummary(counts: { wording: number; punctuation: number }): string {
  if (counts.wording === 0 && counts.punctuation === 0) return '两个转录本一致';
  return `措辞差异 ${counts.wording} 处，标点差异 ${counts.punctuation} 处`;
}

/** The totals of a comparison: clauses paired, clauses on one side only, differences. */
export function comparisonTotals(comparison: VersionComparison) {
  const rows = comparison.rows;
  return {
    paired: rows.filter((r) => r.a && r.b).length,
    onlyA: rows.filter((r) => !r.b).length,
    onlyB: rows.filter((r) => !r.a).length,
    identical: rows.filter((r) => r.a && r.b && r.wording === 0 && r.punctuation === 0).length,
    wording: rows.reduce((sum, r) => sum + r.wording, 0),
    punctuation: rows.reduce((sum, r) => sum + r.punctuation, 0),
  };
}
