/**
 * The search engine's interface, shared by the engine (engine.ts), the results
 * page (ui.ts) and the build step that writes the search data.
 *
 * Queries and texts are folded the same way on both sides of the index (full-width →
 * half-width, letter case, traditional → simplified, punctuation and spaces dropped). A space
 * in a query separates words, a quoted phrase is matched as typed, and each part is cut into
 * words with the build's vocabulary (query.ts).
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
  /** The document's name, as every page gives it (with its transcription label, where it has one). */
  title: string;
  kind: string;
  /** Four-digit year, or null where the document has no date. */
  year: string | null;
  /** Which transcription the document is, where a text has several (转录本甲). */
  version?: string;
  /** With `version`: the name of the text the transcriptions share (the name without the label). */
  work?: string;
  /** The name describes a document that has no official title (descriptiveTitle): never put in 《》. */
  untitled?: true;
  /** How citations name the document: 《title》（文号）, or the description alone (src/site/citation.ts). */
  cite?: string;
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
  /**
   * The words of the query this clause holds only as their parts, apart (a long dictionary
   * compound: 职工服务中心 as 职工 … 服务中心); absent where every word it holds stands whole.
   */
  split?: string[];
  /**
   * Every transcription of the clause's text in reading order, this one included, where the
   * text has several (plan14-a and plan14-b): one result links them all.
   */
  versions?: Transcription[];
}

/** One transcription of a result's text (Hit.versions). */
export interface Transcription {
  id: string;
  url: string;
  doc: SearchDoc;
  position: string;
  /** The clause's paragraphs and their anchors, as in Hit. */
  paragraphs: string[];
  anchors?: string[];
  /** Occurrences of what was looked for (none where this transcription does not match). */
  matches: MatchRange[];
  /** Whether this transcription is among the results (another one matched where not). */
  matched: boolean;
  /** How it differs from the first transcription (absent on the first). */
  difference?: VersionDifference;
}

/** How a transcription of a clause differs from the first one (the comparison of the two documents). */
export interface VersionDifference {
  /** Differences in wording. */
  wording: number;
  /** Differences in punctuation only. */
  punctuation: number;
  /** Site-relative URL of the page that compares the two transcriptions clause by clause. */
  compare: string;
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
  /** The words the query was cut into, part by part (none if it is a single word). */
  words: string[];
  /**
   * Results after filters that contain every word of the query (the count the page reports
   * and `data-count` gives); the transcriptions of one text are one result.
   */
  total: number;
  /** Results after filters that contain only some of the words; they come after the others. */
  partial: number;
  /**
   * The words of a query of several words that no clause holds at all (filters aside), so that
   * the page can say which word found nothing; none where every word is found somewhere.
   */
  missing?: string[];
  /** Results per filter value, counted before any filter is applied. */
  counts: FilterCounts;
  /** Load hits [from, to) in rank order: the `total` full matches, then the `partial` ones. */
  hits(from: number, to: number): Promise<Hit[]>;
}

export interface Engine {
  docs: SearchDoc[];
  search(query: string, filters?: SearchFilters): Promise<Outcome>;
}
