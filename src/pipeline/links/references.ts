/** References: titles in 《》 and document numbers (…〔2014〕22号) in clause texts, resolved to the library's documents. */
import type { ClauseRecord, DocumentRecord, Mention } from '../../model';

/** Clause id → the mentions in its text, in text order (clauses without any are left out). */
export function findMentions(_documents: DocumentRecord[], _clauses: ClauseRecord[]): Map<string, Mention[]> {
  return new Map(); // TODO(references)
}
