/**
 * The quote check's data: every clause of the library with its paragraphs, citations and page
 * links, as the build writes it (src/integrations/quotes/quote-data.ts) into quotes/data.js, a
 * classic script that assigns it to a global, so the page also works from disk (file://),
 * where fetches and module imports are refused.
 */

/** One paragraph (block) of a clause page: its anchor and its text as printed. */
export interface QuoteParagraph {
  /** The anchor on the clause page ("p2", an article's "p1-3"); "" for the clause's heading. */
  a: string;
  /** The text as printed (a figure's caption and credit on two lines). */
  t: string;
  /** What the paragraph adds to the clause's citation (第二款, 第三段), or "". */
  c: string;
}

/** One clause, as the quote check needs it. */
export interface QuoteClause {
  id: string;
  /** The clause page, relative to the quote check page. */
  url: string;
  /** The clause page's canonical address where the build had a canonical site. */
  abs?: string;
  /** The index of its document in `QuoteData.docs`. */
  doc: number;
  /** How links name the clause: 《title》第七条（转录本甲）. */
  label: string;
  /** The clause's citation in official form: 《title》（文号）第七条. */
  cite: string;
  /** The article number where the clause's position is 第N条 (for checking citations in drafts). */
  n?: number;
  paras: QuoteParagraph[];
}

/** One document, as citations in drafts name it. */
export interface QuoteDocument {
  title: string;
  /** The 文号, if the document has one. */
  number?: string;
  /** The transcription label (转录本甲), if the library holds several. */
  version?: string;
}

/** Everything the quote check page loads. */
export interface QuoteData {
  /** Traditional → simplified character pairs, run together ("會会們们…"). */
  t2s: string;
  docs: QuoteDocument[];
  /** Every clause, in reading order. */
  clauses: QuoteClause[];
}

/** The file the build writes next to the quote check page. */
export const QUOTE_DATA_FILE = 'data.js';
/** The global that file assigns. */
export const QUOTE_DATA_GLOBAL = '__tiaowenQuoteData';

/** The data as a classic script (JSON; U+2028/U+2029 escaped for older parsers). */
export function quoteDataScript(data: QuoteData): string {
  const json = JSON.stringify(data).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `self.${QUOTE_DATA_GLOBAL}=${json};\n`;
}

/** The character map of the data, as fold() takes it. */
export function charMap(t2s: string): Record<string, string> {
  const map: Record<string, string> = {};
  const chars = [...t2s];
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}
