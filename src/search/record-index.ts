/**
 * The seam between the search engine (engine.ts) and an index of the clause records.
 *
 * The engine decides what to ask and how to rank; an index only answers which records hold
 * some tokens. Online the index is Pagefind (pagefind-index.ts); offline, where Pagefind
 * cannot load (file://), it is an in-memory index of the same records (memory-index.ts).
 * Both index each record under the tokens `recordTokens` gives, so they answer alike.
 *
 * Runs in the build (Node) and in the browser; no dependencies.
 */
import { type CharMap, indexTokens } from './fold';

/** What a record carries for display, as Pagefind's `meta` holds it (a type, so it is a Pagefind meta). */
export type RecordMeta = {
  /** Clause id. */
  id: string;
  /** The clause's place ("第七条"). */
  p: string;
  /** The clause's text, paragraphs separated by "\n". */
  t: string;
  /** The clause's heading, where it has one. */
  h?: string;
};

/** A record as a search result needs it. */
export interface RecordData {
  /** Site-relative URL of the clause page. */
  url: string;
  meta: RecordMeta;
}

/** The records in reading order (by key) and the document of each. */
export interface RecordLayout {
  order: string[];
  docOf: Map<string, string>;
}

/**
 * An index of the clause records. Keys are the index's own names for its records; they mean
 * nothing outside it. Tokens are compared as Pagefind compares them (see memory-index.ts).
 */
export interface RecordIndex {
  /** Get ready to answer for these tokens (Pagefind loads the index chunks they need). */
  preload(tokens: string[]): Promise<void>;
  /** The records holding these tokens at consecutive positions (Pagefind's quoted search). */
  phrase(tokens: string[]): Promise<string[]>;
  /** The records holding a token that starts with this one (Pagefind's plain one-word search). */
  prefix(token: string): Promise<string[]>;
  /** Every record in reading order, and which of the documents `docs` each belongs to. */
  layout(docs: string[]): Promise<RecordLayout>;
  /** The display data of a record one of the searches returned. */
  record(key: string): Promise<RecordData>;
}

/** The tokens a record is indexed under: Pagefind's `content` (space-separated) and the in-memory index's. */
export function recordTokens(meta: Pick<RecordMeta, 't' | 'h'>, t2s: CharMap): string[] {
  return indexTokens(meta.h ?? '', meta.t, t2s);
}
