/**
 * Versions: find, from their content, documents that are transcriptions of one text, and
 * align their clauses side by side with a character-level comparison.
 */
import type { ClauseRecord, DocumentRecord, VersionComparison } from '../../model';

/** The pairs of documents that are transcriptions of one text, each aligned clause by clause. */
export function compareVersions(_documents: DocumentRecord[], _clauses: ClauseRecord[]): VersionComparison[] {
  return []; // TODO(versions)
}
