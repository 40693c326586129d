/**
 * The search layout: how the Pagefind records, one per document, divide back into clauses.
 * Pagefind reports where a token occurs in a record; the layout turns that place into a
 * clause and a place within the clause.
 *
 * Runs in the build (Node) and in the browser; no dependencies.
 */

/** One Pagefind record's clauses: which document, its first clause's place in reading order, and the clauses' token counts. */
export interface LayoutEntry {
  doc: string;
  /** Place in reading order (0-based, over all clauses) of the document's first clause. */
  first: number;
  /** Per clause, comma-separated: its token count in base 36, then ".", and its heading tokens where it has a heading. */
  clauses: string;
}

/** How Pagefind's records divide into clauses: one entry per record, in record order. */
export interface SearchLayout {
  records: LayoutEntry[];
  /**
   * Every character of the records' tokens, once each (`tokenChars`): the tokens a single
   * character starts are that character followed by one of these (pagefind-index.ts).
   */
  chars: string;
  /** The clauses that are transcriptions of one text (`encodeGroups`), by their places in reading order. */
  versions: string;
}

/**
 * Encode groups of places in reading order: each group's places in base 36 joined by ".",
 * groups joined by ","; "" for none.
 */
export const encodeGroups = (groups: readonly (readonly number[])[]): string => groups.map((g) => g.map((n) => n.toString(36)).join('.')).join(',');

/** Decode groups written by `encodeGroups`. */
export const decodeGroups = (text: string): number[][] => (text === '' ? [] : text.split(',').map((g) => g.split('.').map((n) => parseInt(n, 36))));

/** Every character of the tokens, once each, in code unit order, as one string. */
export function tokenChars(tokens: Iterable<string>): string {
  const chars = new Set<string>();
  for (const token of tokens) for (const c of token) chars.add(c);
  return [...chars].sort().join('');
}

/** Encode a clause's token counts for the layout. */
export const layoutClause = (tokens: number, heading: number): string => (heading > 0 ? `${tokens.toString(36)}.${heading.toString(36)}` : tokens.toString(36));

/** Decode a layout entry's clauses: token and heading-token counts. */
export function layoutClauses(entry: Pick<LayoutEntry, 'clauses'>): { tokens: number; heading: number }[] {
  return entry.clauses.split(',').map((c) => {
    const [tokens, heading = '0'] = c.split('.');
    return { tokens: parseInt(tokens!, 36), heading: parseInt(heading, 36) };
  });
}
