/** Related clauses: for each clause, the clauses of other documents on the same subject. */
import type { ClauseRecord, RelatedClause } from '../../model';

export interface RelatedInput {
  clauses: ClauseRecord[];
  /** The words of a text (segmented, punctuation dropped). */
  words: (text: string) => string[];
  /** Pairs of clause ids already linked otherwise (versions, assignments): not shown as related. */
  linked: (a: string, b: string) => boolean;
}

/** Clause id → up to five related clauses in other documents, best first. */
export function relatedClauses(_input: RelatedInput): Map<string, RelatedClause[]> {
  return new Map(); // TODO(related)
}
