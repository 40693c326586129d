/**
 * The offline record index: the clause records, indexed in memory under the
 * same tokens (record-index.ts `recordTokens`) and answered the way Pagefind 1.6 answers:
 *
 * - a token is found where it occurs exactly, or (a prefix) where any token starting with it occurs;
 * - query words lose their diacritics (Pagefind's `normalizeDiacritics`, without
 *   `exactDiacritics`), and so do the indexed tokens here. The rest of Pagefind's query
 *   normalisation (punctuation dropped, lower case) changes nothing in folded tokens.
 *
 * Pagefind falls back to a shorter word when no word starts with a plain search's word;
 * the Pagefind index never lets that through (see pagefind-index.ts), so it is left out here.
 *
 * Runs in the browser; no dependencies.
 */
import type { CharMap } from '../fold';
import { type Postings, type RecordData, type RecordIndex, recordHeadingTokens, recordTokens } from './record-index';

/** One record of the offline data: a clause's display data and document (its tokens are rebuilt with `recordTokens`). */
export interface OfflineRecord extends RecordData {
  /** Document id. */
  doc: string;
  /** Where the clause is one of several transcriptions of a text: the place in reading order of the first one's clause. */
  g?: number;
}

/** A word as Pagefind compares it: without combining marks, except the kana voicing marks. */
function withoutDiacritics(word: string): string {
  const stripped = word.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/** A record index over records held in memory; a record's key is its place in `records`. */
export function memoryIndex(records: readonly OfflineRecord[], t2s: CharMap): RecordIndex {
  // token → record key → positions of the token in the record.
  const index = new Map<string, Postings>();
  records.forEach((r, i) => {
    const key = String(i);
    recordTokens(r.meta, t2s).forEach((raw, position) => {
      const token = withoutDiacritics(raw);
      let postings = index.get(token);
      if (!postings) index.set(token, (postings = new Map()));
      const positions = postings.get(key);
      if (positions) positions.push(position);
      else postings.set(key, [position]);
    });
  });

  return {
    preload: async () => {},
    async postings(token, prefix = false) {
      const word = withoutDiacritics(token);
      if (!prefix) return index.get(word) ?? new Map();
      const merged: Postings = new Map();
      for (const [t, postings] of index) {
        if (!t.startsWith(word)) continue;
        for (const [key, positions] of postings) {
          const all = merged.get(key);
          if (all) all.push(...positions);
          else merged.set(key, [...positions]);
        }
      }
      for (const positions of merged.values()) positions.sort((a, b) => a - b);
      return merged;
    },
    async layout() {
      const headingTokens = new Map<string, number>();
      records.forEach((r, i) => {
        if (r.meta.h) headingTokens.set(String(i), recordHeadingTokens(r.meta, t2s));
      });
      const groups = new Map<number, string[]>();
      records.forEach((r, i) => {
        if (r.g === undefined) return;
        const group = groups.get(r.g);
        if (group) group.push(String(i));
        else groups.set(r.g, [String(i)]);
      });
      return {
        order: records.map((_, i) => String(i)),
        docOf: new Map(records.map((r, i) => [String(i), r.doc])),
        headingTokens,
        versions: [...groups.values()],
      };
    },
    async record(key) {
      const r = records[Number(key)];
      if (!r) throw new Error(`no search record ${key}`);
      return { url: r.url, meta: r.meta };
    },
  };
}
