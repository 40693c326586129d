/**
 * What the build gives the search engine: one Pagefind record per clause (its folded bigrams,
 * language "und" so Pagefind keeps the tokens as they are), the lexicon file the browser
 * folds and cuts queries with, and the offline data (the same records and lexicon, for the
 * in-memory index of a copy opened from disk).
 */
import { gzipSync } from 'node:zlib';
import type { Library } from '../model';
import { libraryView } from '../site/view';
import type { CharMap } from './fold';
import { buildCharMap, buildVocabulary, type LexiconReport } from './lexicon';
import type { OfflineData } from './offline';
import { type RecordMeta, recordTokens } from './record-index';
import { serialiseFreqs } from './segmenter';
import type { SearchDoc } from './types';

/** A Pagefind custom record (the fields this site uses). */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'und';
  meta: RecordMeta;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The lexicon as shipped: what the browser needs to fold, cut and label. */
export interface LexiconData {
  /** jieba's frequency total and smallest frequency (see segmenter.vocabulary). */
  total: number;
  minFreq: number;
  /** "word<TAB>freq" lines. */
  words: string;
  /** Traditional → simplified, as a string of character pairs. */
  t2s: string;
  docs: SearchDoc[];
}

/** The documents as search results label and filter them. */
export function searchDocs(library: Library): SearchDoc[] {
  const view = libraryView(library);
  return library.documents.map((d) => ({
    id: d.id,
    title: view.shortTitle(d),
    kind: d.kind,
    year: /^\d{4}/.exec(d.date ?? '')?.[0] ?? null,
  }));
}

/** One record per clause, in reading order (the `order` sort key keeps that order). */
export function searchRecords(library: Library, t2s: CharMap): SearchRecord[] {
  const view = libraryView(library);
  const docs = new Map(searchDocs(library).map((d) => [d.id, d]));
  const width = String(library.clauses.length).length;
  return library.clauses.map((c, i) => {
    const doc = docs.get(c.doc)!;
    const meta: RecordMeta = { id: c.id, p: view.position(c), t: c.text };
    if (c.heading) meta.h = c.heading;
    return {
      url: c.url,
      content: recordTokens(meta, t2s).join(' '),
      language: 'und',
      meta,
      filters: { doc: [doc.id], kind: [doc.kind], ...(doc.year ? { year: [doc.year] } : {}) },
      sort: { order: String(i).padStart(width, '0') },
    };
  });
}

/** The texts the lexicon is made from: every clause's heading and text. */
const corpus = (library: Library) => library.clauses.map((c) => [c.heading ?? '', c.text].join('\n'));

/** The character map, the lexicon and its gzipped file, with a report of the vocabulary's agreement with nodejieba. */
export function buildLexicon(library: Library): { t2s: CharMap; data: LexiconData; file: Buffer; report: LexiconReport } {
  const texts = corpus(library);
  const t2s = buildCharMap(texts);
  const { freqs, total, minFreq, report } = buildVocabulary(texts);
  const data: LexiconData = {
    total,
    minFreq,
    words: serialiseFreqs(new Map([...freqs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
    t2s: Object.entries(t2s).map(([t, s]) => t + s).join(''),
    docs: searchDocs(library),
  };
  return { t2s, data, file: gzipSync(JSON.stringify(data), { level: 9 }), report };
}

/** The offline data: the lexicon, and each record Pagefind indexes without its content (rebuilt from its meta). */
export function offlineData(records: SearchRecord[], lexicon: LexiconData): OfflineData {
  return { lexicon, records: records.map((r) => ({ url: r.url, doc: r.filters.doc[0], meta: r.meta })) };
}
