/** The term index (术语索引): domain terms and the corpus's strongest keywords, with every clause that uses each. */
import type { ClauseRecord, TermEntry } from '../../model';

export interface TermInput {
  clauses: ClauseRecord[];
  /** The domain dictionary's terms (canonical spellings). */
  domainTerms: string[];
}

/** The term index, in pinyin order. */
export function termIndex(_input: TermInput): TermEntry[] {
  return []; // TODO(terms)
}
