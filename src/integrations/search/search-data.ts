/**
 * What the build gives the search engine:
 *
 * - one Pagefind record per document: the index tokens of its clauses (folded bigrams,
 *   language "und" so Pagefind keeps them as they are), run together in reading order. A
 *   record per clause would cost Pagefind's metadata, which every first query loads whole,
 *   about 12 bytes per clause; a record per document costs that per document;
 * - the layout that divides each record back into clauses (token counts per clause), with
 *   the characters of the records' tokens (a one-character query's tokens start with it);
 * - every clause's display data, in packs of a run of clauses in reading order (`displayPacks`),
 *   each loaded when a result shown needs it;
 * - the lexicon the browser folds and cuts queries with;
 * - the offline data (every clause's display data and the lexicon, for the in-memory index
 *   of a copy opened from disk).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Library } from '../../model';
import { libraryView } from '../../site/view';
import { compoundTable } from '../../browser/search/compounds';
import { type CharMap, fold } from '../../browser/fold';
import { dictionaryEntries } from '../../pipeline/segment';
import { buildCharMap, buildVocabulary, type LexiconReport } from './lexicon';
import type { OfflineRecord } from '../../browser/search/memory-index';
import { type DisplayPack, type LayoutEntry, type SearchLayout, encodeGroups, layoutClause, tokenChars } from '../../browser/search/search-layout';
import { type RecordData, type RecordMeta, recordHeadingTokens, recordTokens } from '../../browser/search/record-index';
import { parseFreqs, serialiseFreqs, vocabulary, wordShard } from '../../browser/search/segmenter';
import type { LexiconData, OnlineLexicon } from '../../browser/search/files';
import type { SearchDoc } from '../../browser/search/types';

/** A Pagefind custom record (the fields this site uses): one document's tokens. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'und';
  /** The record's place among the records (zero-padded), so a sorted search lists them in order. */
  sort: { order: string };
}

/** Everything the build writes for the search, from the library. */
export interface SearchData {
  records: SearchRecord[];
  /** The layout, less its packs (`displayPacks` makes them). */
  layout: Omit<SearchLayout, 'packs'>;
  /** Every clause in reading order: its display data and document. */
  clauses: OfflineRecord[];
}

/** About how many words a vocabulary shard holds (the shard count is a power of two). */
export const WORDS_PER_SHARD = 1000;
/**
 * Up to how many words the vocabulary is one shard, held in the lexicon file: today's 5,700
 * words gzip to 35 KB, no request of their own for a first query (against one per character
 * of the query, 5 KB each) and none for later ones.
 */
export const WHOLE_VOCABULARY_WORDS = 8000;

/** The documents as search results label and filter them. */
export function searchDocs(library: Library): SearchDoc[] {
  const view = libraryView(library);
  return library.documents.map((d) => {
    const doc: SearchDoc = { id: d.id, title: view.name(d), kind: d.kind, year: /^\d{4}/.exec(d.date ?? '')?.[0] ?? null, cite: view.citedAs(d) };
    if (d.version) {
      doc.version = d.version;
      doc.work = d.title;
    }
    if (d.descriptiveTitle) doc.untitled = true;
    return doc;
  });
}

/** The clauses that are transcriptions of one text, and how each later one differs from the first. */
export interface VersionGroups {
  /** Each group's places in reading order, ascending (two or more each). */
  groups: number[][];
  /** Place in reading order → how that clause differs from its group's first (RecordMeta `v`). */
  differences: Map<number, NonNullable<RecordMeta['v']>>;
}

/**
 * Group the clauses the comparisons pair up (library.comparisons: a clause of one
 * transcription and its counterpart in another), joining pairs that share a clause; each later
 * clause of a group gets the differences of its row with the group's first clause.
 */
export function versionGroups(comparisons: Library['comparisons'], place: ReadonlyMap<string, number>): VersionGroups {
  const parent = new Map<number, number>();
  const root = (n: number): number => {
    let r = n;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(n, r);
    return r;
  };
  const rows = new Map<string, NonNullable<RecordMeta['v']>>();
  for (const comparison of comparisons) {
    for (const row of comparison.rows) {
      const a = row.a === null ? undefined : place.get(row.a);
      const b = row.b === null ? undefined : place.get(row.b);
      if (a === undefined || b === undefined) continue;
      const [ra, rb] = [root(a), root(b)];
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
      rows.set(`${Math.min(a, b)} ${Math.max(a, b)}`, { w: row.wording, q: row.punctuation, c: comparison.url });
    }
  }
  const byRoot = new Map<number, number[]>();
  for (const n of parent.keys()) {
    const r = root(n);
    const group = byRoot.get(r);
    if (group) group.push(n);
    else byRoot.set(r, [n]);
  }
  const groups = [...byRoot.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
  const differences = new Map<number, NonNullable<RecordMeta['v']>>();
  for (const [first, ...later] of groups) {
    for (const n of later) {
      const row = rows.get(`${first} ${n}`);
      if (row) differences.set(n, row);
    }
  }
  return { groups, differences };
}

/** The search data: one Pagefind record per document with index tokens, its layout, and every clause's display data. */
export function searchData(library: Library, t2s: CharMap): SearchData {
  const view = libraryView(library);
  const versions = versionGroups(library.comparisons, new Map(library.clauses.map((c, i) => [c.id, i])));
  const groupOf = new Map(versions.groups.flatMap((g) => g.map((n) => [n, g[0]!] as const)));
  const clauses: OfflineRecord[] = library.clauses.map((c, i) => {
    const meta: RecordMeta = { id: c.id, p: view.position(c), t: c.text };
    if (c.heading) meta.h = c.heading;
    if (c.anchors) meta.a = c.anchors;
    const difference = versions.differences.get(i);
    if (difference) meta.v = difference;
    const record: OfflineRecord = { url: c.url, doc: c.doc, meta };
    const group = groupOf.get(i);
    if (group !== undefined) record.g = group;
    return record;
  });
  // The documents' runs of clauses (a document's clauses are together in reading order).
  const runs: { doc: string; first: number; tokens: string[][]; heading: number[] }[] = [];
  const seen = new Set<string>();
  for (let first = 0; first < clauses.length;) {
    const doc = clauses[first]!.doc;
    if (seen.has(doc)) throw new Error(`the clauses of document ${doc} are not together in reading order`);
    seen.add(doc);
    let end = first;
    while (end < clauses.length && clauses[end]!.doc === doc) end++;
    const own = clauses.slice(first, end);
    runs.push({ doc, first, tokens: own.map((c) => recordTokens(c.meta, t2s)), heading: own.map((c) => recordHeadingTokens(c.meta, t2s)) });
    first = end;
  }
  // A document without a single token can never be found: it gets no record.
  const indexed = runs.filter((r) => r.tokens.some((t) => t.length > 0));
  const docUrl = new Map(library.documents.map((d) => [d.id, d.url]));
  const width = String(indexed.length).length;
  const records: SearchRecord[] = indexed.map((r, i) => ({
    url: docUrl.get(r.doc)!,
    content: r.tokens.flat().join(' '),
    language: 'und',
    sort: { order: String(i).padStart(width, '0') },
  }));
  const entries: LayoutEntry[] = indexed.map((r) => ({
    doc: r.doc,
    first: r.first,
    clauses: r.tokens.map((t, i) => layoutClause(t.length, r.heading[i]!)).join(','),
  }));
  const chars = tokenChars(indexed.flatMap((r) => r.tokens.flat()));
  return { records, layout: { records: entries, chars, versions: encodeGroups(versions.groups) }, clauses };
}

/** A clause's display data as its pack holds it. */
const displayData = ({ url, meta }: OfflineRecord): RecordData => ({ url, meta });

/**
 * Up to how many bytes of JSON of display data (gzipped, about a quarter; today's library
 * holds 0.55 MB) the packs are large (`LARGE_PACK_BYTES`), else small (`PACK_BYTES`).
 */
export const WHOLE_DISPLAY_BYTES = 800_000;

/**
 * About how many bytes of JSON a pack holds in a library of at most `WHOLE_DISPLAY_BYTES` of
 * display data (today's: six packs of 12 to 29 KB gzipped), none preloaded. On a phone's link
 * (150 ms round trip, 1.6 Mbit/s) bytes cost as much as round trips: on the mobile-link
 * benchmark a first query fetched 287 KB in 16 requests (stock Pagefind: 236 KB in 15), where
 * the whole in one preloaded pack cost it 372 KB; packs of 50,000 bytes cost two requests
 * more and no fewer bytes (`npm run bench:search -- --net mobile`, README).
 */
export const LARGE_PACK_BYTES = 100_000;

/**
 * At most how many bytes of JSON a pack holds in a library of more than `WHOLE_DISPLAY_BYTES`
 * of display data (a few clauses, about 1 KB gzipped): a first query's results then cost about as many
 * requests as results, and fewer where they lie together in reading order. On the 10× library
 * of `npm run bench:scale` (2,370 clauses, 1,140 packs) a first query fetched 278 KB and a
 * later one 44 KB, against 257 and 42 as one file per clause, and 305 and 72 with packs of 8,000 bytes.
 */
export const PACK_BYTES = 2_000;

/**
 * The packs of display data (files.ts `packFile`): runs of clauses in reading order of at
 * most `largeBytes` of JSON each while they hold at most `wholeBytes` in all, else of at most
 * `packBytes` each (a longer clause alone); with their files.
 */
export function displayPacks(
  clauses: readonly OfflineRecord[],
  wholeBytes = WHOLE_DISPLAY_BYTES,
  packBytes = PACK_BYTES,
  largeBytes = LARGE_PACK_BYTES,
): { packs: DisplayPack[]; files: Buffer[] } {
  const data = clauses.map(displayData);
  const sizes = data.map((d) => Buffer.byteLength(JSON.stringify(d)) + 1);
  const limit = sizes.reduce((a, b) => a + b, 0) <= wholeBytes ? largeBytes : packBytes;
  const runs: { first: number; data: RecordData[] }[] = [];
  let bytes = 0;
  data.forEach((d, i) => {
    const last = runs.at(-1);
    if (!last || bytes + sizes[i]! > limit) {
      runs.push({ first: i, data: [d] });
      bytes = sizes[i]!;
    } else {
      last.data.push(d);
      bytes += sizes[i]!;
    }
  });
  const files = runs.map((r) => gzipJson(r.data));
  return { packs: runs.map((r, k) => ({ first: r.first, hash: filesVersion([files[k]!]) })), files };
}

/** The version of a build's search files (files.ts `Versioned`): the start of the SHA-256 of their bytes. */
export function filesVersion(files: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file);
  return hash.digest('hex').slice(0, 16);
}

/** A value as a search file holds it: gzipped JSON (files.ts `fetchGzipJson` reads it). */
export const gzipJson = (value: unknown): Buffer => gzipSync(JSON.stringify(value), { level: 9 });

/** The texts the lexicon is made from: every clause's heading and text. */
const corpus = (library: Library) => library.clauses.map((c) => [c.heading ?? '', c.text].join('\n'));

/**
 * The lexicon's files: the online lexicon (less its layout) and the vocabulary's shards (each
 * "word<TAB>freq" lines). Up to `wholeWords` words the vocabulary is in the lexicon itself
 * and there are no shard files: every query needs it, and one file is one request.
 */
export function lexiconFiles(data: LexiconData, wholeWords = WHOLE_VOCABULARY_WORDS): { lexicon: Omit<OnlineLexicon, 'layout'>; shards: string[] } {
  const freqs = parseFreqs(data.words);
  if (freqs.size <= wholeWords) return { lexicon: { ...data, shards: 1 }, shards: [] };
  const count = 2 ** Math.ceil(Math.log2(freqs.size / WORDS_PER_SHARD));
  const shards = Array.from({ length: count }, () => new Map<string, number>());
  for (const [word, freq] of freqs) shards[wordShard(word, count)]!.set(word, freq);
  const { words: _, ...rest } = data;
  return { lexicon: { ...rest, shards: count }, shards: shards.map(serialiseFreqs) };
}

/** The character map and the lexicon, with a report of the vocabulary's agreement with nodejieba. */
export function buildLexicon(library: Library): { t2s: CharMap; data: LexiconData; report: LexiconReport } {
  const texts = corpus(library);
  const t2s = buildCharMap(texts);
  const { freqs, total, minFreq, report } = buildVocabulary(texts);
  const terms = dictionaryEntries().map((e) => fold(e.word, t2s));
  const data: LexiconData = {
    total,
    minFreq,
    words: serialiseFreqs(new Map([...freqs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
    t2s: Object.entries(t2s)
      .map(([t, s]) => t + s)
      .join(''),
    docs: searchDocs(library),
    compounds: compoundTable(terms, vocabulary(freqs, total, minFreq)),
  };
  return { t2s, data, report };
}
