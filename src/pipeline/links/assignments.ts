/**
 * Assignments: work-division items (and indicator-table rows) tied to the clause they carry
 * out, found from the text (an item restates its clause's words), and the units named in them.
 */
import type { Assignment, ClauseRecord, DocumentRecord, Unit } from '../../model';

/** Each work-division item and indicator row, with the clause it implements. */
export function findAssignments(_documents: DocumentRecord[], _clauses: ClauseRecord[]): Assignment[] {
  return []; // TODO(assignments)
}

/** The units named as 牵头单位 / 参加单位, each with the items it leads and joins. */
export function unitIndex(_assignments: Assignment[], _clauses: ClauseRecord[]): Unit[] {
  return []; // TODO(assignments)
}
