/**
 * The search engine's interface, shared by the engine (src/search/engine.ts), the results
 * page (src/search/ui.ts) and the build step that writes the search data.
 *
 * Queries and texts are folded the same way on both sides of the index (full-width →
 * half-width, letter case, traditional → simplified, punctuation and spaces dropped), and a
 * query typed without spaces is cut into words with the build's vocabulary.
 */

/** Filters the results page offers; each holds the selected values (empty: no filter). */
export interface SearchFilters {
  doc?: string[];
  kind?: string[];
  year?: string[];
}

/** A document as the results page needs it (from the search lexicon). */
export interface SearchDoc {
  id: string;
  /** Short title used in result labels. */
  title: string;
  kind: string;
  /** Four-digit year, or null where the document has no date. */
  year: string | null;
}

/** Where a result matches: a range of a paragraph's raw text, in UTF-16 offsets. */
export interface MatchRange {
  /** 0-based index into `Hit.paragraphs` (the paragraph #p{n+1} on the clause page, or `Hit.anchors[n]`). */
  paragraph: number;
  start: number;
  end: number;
}

/** One result, loaded for display. */
export interface Hit {
  /** Clause id, e.g. "luhui-2014-79/2/7". */
  id: string;
  /** Site-relative URL of the clause page, e.g. "/luhui-2014-79/2/7.html". */
  url: string;
  doc: SearchDoc;
  /** The clause's place, e.g. "第七条", "二、（三）一是". */
  position: string;
  heading?: string;
  /** The clause's paragraphs (its text split on newlines), raw as the page shows them. */
  paragraphs: string[];
  /** The anchors of the paragraphs on the clause page, where they are not p1…pN (an article's 款 and 项: p1, p1-1, p2…). */
  anchors?: string[];
  /**
   * 1: contains the query as typed (after folding); 2: contains all of its words;
   * 3: contains some of its words.
   */
  tier: 1 | 2 | 3;
  /** Every occurrence of the query (tier 1) or of its words (tiers 2–3), in reading order. */
  matches: MatchRange[];
  /** Whether the heading contains the query (or, for tiers 2–3, one of its words). */
  headingMatch: boolean;
}

/** Counts of the results (before filtering) per filter value. */
export interface FilterCounts {
  doc: Record<string, number>;
  kind: Record<string, number>;
  year: Record<string, number>;
}

/** The outcome of a search: counts at once, hits loaded on demand in rank order. */
export interface Outcome {
  query: string;
  /** The folded query. */
  folded: string;
  /** The words the query was cut into (one word if it is a single word). */
  words: string[];
  /** Results after filters. */
  total: number;
  /** Results per filter value, counted before any filter is applied. */
  counts: FilterCounts;
  /** Load hits [from, to) in rank order. */
  hits(from: number, to: number): Promise<Hit[]>;
}

export interface Engine {
  docs: SearchDoc[];
  search(query: string, filters?: SearchFilters): Promise<Outcome>;
}
