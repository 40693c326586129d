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

/** A pack of display data: the clauses from `first` (a place in reading order) up to the next pack's first, in a file named by `hash` (files.ts `packFile`). */
export interface DisplayPack {
  first: number;
  hash: string;
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
  /** The packs of every clause's display data, in reading order (the first starts at 0). */
  packs: DisplayPack[];
}

/** The index of the pack that holds the clause at this place in reading order (packs ascending by `first`, the first at 0). */
export function packOf(packs: readonly Pick<DisplayPack, 'first'>[], place: number): number {
  let lo = 0;
  let hi = packs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (packs[mid]!.first <= place) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
