/**
 * The seam between the search engine (engine.ts) and an index of the clause records.
 *
 * The engine decides what to ask and how to rank; an index only says where a token occurs.
 * Online the index is Pagefind (pagefind-index.ts, one Pagefind record per document, divided
 * back into clauses); offline, where Pagefind cannot load (file://), it is an in-memory index
 * of the clause records (memory-index.ts). Both index each clause under the tokens
 * `recordTokens` gives, so they answer alike.
 *
 * Runs in the build (Node) and in the browser; no dependencies.
 */
import { type CharMap, headingTokens, indexTokens } from '../fold';

/** What a record carries for display (a type, so it is plain JSON). */
export type RecordMeta = {
  /** Clause id. */
  id: string;
  /** The clause's place ("第七条"). */
  p: string;
  /** The clause's text, paragraphs separated by "\n". */
  t: string;
  /** The clause's heading, where it has one. */
  h?: string;
  /** The anchors of the text's lines where they are not p1…pN (an article's 款 and 项; ClauseRecord.anchors). */
  a?: string[];
  /**
   * Where the clause is a later transcription of a text (not the first in reading order): how
   * it differs from the first one's clause — wording and punctuation differences and the URL
   * of the page comparing the two (library.comparisons).
   */
  v?: { w: number; q: number; c: string };
};

/** A record as a search result needs it. */
export interface RecordData {
  /** Site-relative URL of the clause page. */
  url: string;
  meta: RecordMeta;
}

/** Where a token occurs: record key → the token's positions among the record's tokens, ascending. */
export type Postings = Map<string, number[]>;

/** The records in reading order (by key), the document of each, and the heading tokens of those with a heading. */
export interface RecordLayout {
  order: string[];
  docOf: Map<string, string>;
  /** Record key → how many of its first tokens lie within its heading (records without a heading are left out). */
  headingTokens: Map<string, number>;
  /** The transcriptions of one text: each group's record keys in reading order (clauses of a single transcription are in none). */
  versions: string[][];
}

/**
 * An index of the clause records. Keys are the index's own names for its records; they mean
 * nothing outside it. Tokens are compared as Pagefind compares them (see memory-index.ts).
 */
export interface RecordIndex {
  /** Get ready to answer for these tokens (Pagefind loads the index chunks they need). */
  preload(tokens: string[]): Promise<void>;
  /** Where this token occurs; with `prefix`, where any token that starts with it occurs. */
  postings(token: string, prefix?: boolean): Promise<Postings>;
  /** Every record in reading order, its document and its heading tokens. */
  layout(): Promise<RecordLayout>;
  /** The display data of a record. */
  record(key: string): Promise<RecordData>;
}

/** The tokens a record is indexed under. */
export function recordTokens(meta: Pick<RecordMeta, 't' | 'h'>, t2s: CharMap): string[] {
  return indexTokens(meta.h ?? '', meta.t, t2s);
}

/** How many of a record's tokens lie within its heading. */
export function recordHeadingTokens(meta: Pick<RecordMeta, 'h'>, t2s: CharMap): number {
  return headingTokens(meta.h ?? '', t2s);
}
