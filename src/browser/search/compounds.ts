/**
 * Long dictionary compounds found with their parts apart.
 *
 * A query word that is a long term of the domain dictionary (content/dictionary.txt), such as
 * 职工服务中心 or 和谐劳动关系, also finds the clauses where its parts stand apart: the words
 * the search's own segmenter cuts the term into when the term itself is not in its vocabulary
 * (职工 + 服务中心, 和谐 + 劳动关系). How such a match counts:
 *
 * - it is a match of that word: a clause holding every part counts as holding the word, so it
 *   can be a full match of the query (counted in `data-count`) or make a partial one;
 * - it ranks after the clauses holding the word whole: among results with every word, those
 *   that needed no word's parts come first, then by how few words needed them;
 * - the parts are matched once each (no part is cut further), anywhere in the clause, each
 *   as an exact run like any word;
 * - only terms of at least COMPOUND_MIN_CHARS characters qualify, and only where every part
 *   has two characters or more (集体协商, 4 characters, is never split; 劳动法律监督员 → 劳动法律监督
 *   + 员 is not split, since a lone character would match almost anything).
 *
 * The build works out the parts (`compoundTable`) and ships them with the lexicon; the
 * browser only reads them (`parseCompounds`). Pure; no dependencies.
 */
import { type Vocabulary, cut } from './segmenter';

/** The fewest characters a dictionary term needs to be matched by its parts too. */
export const COMPOUND_MIN_CHARS = 5;

/**
 * The parts of a term as the segmenter cuts it without the term itself (the vocabulary is
 * restored afterwards); undefined unless there are two parts or more, each of two characters
 * or more.
 */
export function compoundParts(term: string, vocab: Vocabulary): string[] | undefined {
  if ([...term].length < COMPOUND_MIN_CHARS) return undefined;
  const own = vocab.logp.get(term);
  vocab.logp.delete(term);
  try {
    const parts = cut(term, vocab);
    return parts.length >= 2 && parts.every((p) => [...p].length >= 2) ? parts : undefined;
  } finally {
    if (own !== undefined) vocab.logp.set(term, own);
  }
}

/** The parts of every term that has them (folded terms, in the order given), as one text: "term<TAB>part part…" lines. */
export function compoundTable(terms: Iterable<string>, vocab: Vocabulary): string {
  const lines: string[] = [];
  for (const term of new Set(terms)) {
    const parts = compoundParts(term, vocab);
    if (parts) lines.push(`${term}\t${parts.join(' ')}`);
  }
  return lines.join('\n');
}

/** Read the table `compoundTable` wrote: term → its parts. */
export function parseCompounds(text: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of (text ?? '').split('\n')) {
    const [term, parts] = line.split('\t');
    if (term && parts) out.set(term, parts.split(' '));
  }
  return out;
}

/** The records holding every part of a word but not the word itself (`whole`). */
export function apartMatches(parts: readonly Set<string>[], whole: Set<string>): Set<string> {
  const out = new Set<string>();
  if (parts.length === 0) return out;
  const [smallest, ...rest] = [...parts].sort((a, b) => a.size - b.size);
  for (const key of smallest!) if (!whole.has(key) && rest.every((s) => s.has(key))) out.add(key);
  return out;
}
