/**
 * The files the build writes for the online search, next to the search page (search/…), and
 * how the browser reads them. Each is gzipped JSON, so it is small on any server.
 *
 * Every query needs the lexicon, the layout and the vocabulary, so they are one file (the
 * lexicon file; the vocabulary is in it while it is one shard, else in shards of its own).
 * That file carries the version of the build's search files (a hash of their content) and is
 * fetched revalidated. The packs of display data are named by the hash of their own content
 * (the layout lists them) and the word shards are fetched under the version, so a browser
 * that cached the files of an earlier build never pairs them with the current ones, and every
 * file but the lexicon can be cached for good.
 *
 * Runs in the build (Node) and in the browser; no dependencies.
 */
import type { SearchLayout } from './search-layout';
import type { SearchDoc } from './types';

/** The lexicon: folding map, documents, the layout and the vocabulary or its number of shards (`OnlineLexicon`). */
export const LEXICON_FILE = 'lexicon.bin';
/** The folder of the vocabulary's shards ("word<TAB>freq" lines as a JSON string), one file per shard, where it is more than one. */
export const WORDS_DIR = 'words';
/**
 * The folder of the packs of display data: each holds the display data (`RecordData`) of a
 * run of clauses in reading order, and is named by its content's hash (search-layout.ts `DisplayPack`).
 */
export const PACKS_DIR = 'packs';

/** The file of a vocabulary shard, relative to the search page. */
export const wordsFile = (shard: number): string => `${WORDS_DIR}/${shard}.bin`;

/** The file of a pack of display data by its content's hash, relative to the search page. */
export const packFile = (hash: string): string => `${PACKS_DIR}/${hash}.bin`;

/** A search file's value with the version of the build's search files. */
export type Versioned<T> = T & { version: string };

/** The URL of a search file of the build with this version. */
export const ofVersion = (url: string, version: string): string => `${url}?v=${version}`;

/** Fetch and parse a gzipped JSON file the build wrote. */
export async function fetchGzipJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok || !response.body) throw new Error(`cannot load ${url} (${response.status})`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as T;
}

/** The lexicon: what the browser needs to fold, cut and label (the offline data holds it whole). */
export interface LexiconData {
  /** jieba's frequency total and smallest frequency (see segmenter.ts `vocabulary`). */
  total: number;
  minFreq: number;
  /** "word<TAB>freq" lines. */
  words: string;
  /** Traditional → simplified, as a string of character pairs. */
  t2s: string;
  docs: SearchDoc[];
  /** The long dictionary terms a search also finds by their parts apart (compounds.ts): "term<TAB>part part…" lines. */
  compounds: string;
}

/**
 * The lexicon as the online search loads it, with how Pagefind's records (one per document)
 * divide into clauses (search-layout.ts `SearchLayout`). The vocabulary is in it (`words`)
 * while it is one shard; else it ships in `shards` shards by first character (segmenter.ts
 * `wordShard`, files.ts `wordsFile`), so a query loads only its characters' shards.
 */
export type OnlineLexicon = Omit<LexiconData, 'words'> & { shards: number; words?: string; layout: SearchLayout };
