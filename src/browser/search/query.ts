/**
 * A query as the user typed it, broken into what it asks for.
 *
 * - A space separates words: the user's way to say "these are separate words". Any white
 *   space counts, the full-width space (U+3000) and runs of spaces included. Each part is
 *   folded (fold.ts) and cut into words on its own (segmenter.ts), so 工会 组织 asks for 工会
 *   and 组织 even though 工会组织 is itself a word.
 * - Text in quotation marks (“…”, "…" or ＂…＂) is one exact phrase: folded, its spaces dropped,
 *   never cut into words. An unclosed quotation mark runs to the end of the query.
 * - The query as typed is every part folded and joined in order (`folded`): the clauses holding
 *   it, where the parts stand together, rank first (engine.ts).
 *
 * Pure; no dependencies beyond the folding and the segmenter.
 */
import { type CharMap, fold } from '../fold';
import { type Vocabulary, queryWords } from './segmenter';

/** The quotation marks that open and close an exact phrase (any of them closes any other). */
const QUOTES = new Set(['"', '“', '”', '＂']);
/** What separates parts outside quotation marks: white space, U+3000 included (JavaScript's \s). */
const SPACE = /\s/u;

/** One part of a raw query: text between spaces, or a quoted phrase (its spaces kept). */
export interface RawPart {
  text: string;
  quoted: boolean;
}

/** Split a raw query into its parts: runs of text between spaces, and quoted phrases. */
export function splitQuery(query: string): RawPart[] {
  const parts: RawPart[] = [];
  let text = '';
  let quoted = false;
  const flush = () => {
    if (text) parts.push({ text, quoted });
    text = '';
  };
  for (const ch of query) {
    if (QUOTES.has(ch)) {
      flush();
      quoted = !quoted;
    } else if (!quoted && SPACE.test(ch)) flush();
    else text += ch;
  }
  flush();
  return parts;
}

/** A query broken down: its folded form and the words it must contain. */
export interface ParsedQuery {
  /** The whole query folded: its parts joined as typed (spaces and quotation marks dropped). */
  folded: string;
  /** The folded parts, in the order typed (parts that fold to nothing left out). */
  parts: string[];
  /** The words a full match must contain; empty where that is the query itself, one word. */
  words: string[];
  /** The words that are quoted phrases: matched as typed only (never by a compound's parts). */
  phrases: string[];
}

/**
 * The words one folded part asks for: a quoted phrase as it is; otherwise its cut (segmenter
 * `queryWords`), or the part itself where the cut leaves nothing (a lone character).
 */
export function partWords(part: string, quoted: boolean, vocab: Vocabulary): string[] {
  if (quoted) return [part];
  const words = [...part].length >= 2 ? queryWords(part, vocab) : [];
  return words.length ? words : [part];
}

/** Fold a query, split it at its spaces and quotation marks, and cut each part into words. */
export function parseQuery(query: string, t2s: CharMap, vocab: Vocabulary): ParsedQuery {
  const raw = splitQuery(query)
    .map((p) => ({ text: fold(p.text, t2s), quoted: p.quoted }))
    .filter((p) => p.text !== '');
  const folded = raw.map((p) => p.text).join('');
  const words = [...new Set(raw.flatMap((p) => partWords(p.text, p.quoted, vocab)))];
  const phrases = [...new Set(raw.filter((p) => p.quoted).map((p) => p.text))];
  return { folded, parts: raw.map((p) => p.text), words: words.length === 1 && words[0] === folded ? [] : words, phrases };
}
