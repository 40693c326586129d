/**
 * The offline record index: the records the build gave Pagefind, indexed in memory under the
 * same tokens (record-index.ts `recordTokens`) and answered the way Pagefind 1.6 answers:
 *
 * - a quoted search finds the records holding every token exactly, at consecutive positions;
 * - a plain one-word search finds the records holding a token that starts with the word;
 * - query words lose their diacritics (Pagefind's `normalizeDiacritics`, without
 *   `exactDiacritics`), and so do the indexed tokens here. The rest of Pagefind's query
 *   normalisation (punctuation dropped, lower case) changes nothing in folded tokens.
 *
 * Pagefind falls back to a word shorter than a plain search's word when nothing starts with
 * it; with bigram tokens there is none (a plain search is one character, or a heading mark and
 * one character), so that case is left out. Runs in the browser; no dependencies.
 */
import type { CharMap } from './fold';
import { type RecordData, type RecordIndex, recordTokens } from './record-index';

/** One record of the offline data: Pagefind's record without its content (which `recordTokens` rebuilds). */
export interface OfflineRecord extends RecordData {
  /** Document id (Pagefind's `doc` filter). */
  doc: string;
}

/** A word as Pagefind compares it: without combining marks, except the kana voicing marks. */
function withoutDiacritics(word: string): string {
  const stripped = word.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/** A record index over records held in memory; a record's key is its place in `records`. */
export function memoryIndex(records: readonly OfflineRecord[], t2s: CharMap): RecordIndex {
  // token → record → positions of the token in the record.
  const postings = new Map<string, Map<number, number[]>>();
  records.forEach((r, i) => {
    recordTokens(r.meta, t2s).forEach((raw, position) => {
      const token = withoutDiacritics(raw);
      let byRecord = postings.get(token);
      if (!byRecord) postings.set(token, (byRecord = new Map()));
      const positions = byRecord.get(i);
      if (positions) positions.push(position);
      else byRecord.set(i, [position]);
    });
  });
  const keys = (found: Iterable<number>): string[] => [...found].sort((a, b) => a - b).map(String);

  return {
    preload: async () => {},
    async phrase(tokens) {
      const lists = tokens.map((t) => postings.get(withoutDiacritics(t)));
      const [first, ...rest] = lists;
      if (!first || rest.some((l) => !l)) return [];
      const found: number[] = [];
      for (const [record, positions] of first) {
        const follows = (p: number) => rest.every((l, j) => l!.get(record)?.includes(p + j + 1));
        if (positions.some(follows)) found.push(record);
      }
      return keys(found);
    },
    async prefix(token) {
      const word = withoutDiacritics(token);
      const found = new Set<number>();
      for (const [t, byRecord] of postings) if (t.startsWith(word)) for (const record of byRecord.keys()) found.add(record);
      return keys(found);
    },
    async layout(docs) {
      const wanted = new Set(docs);
      const docOf = new Map<string, string>();
      records.forEach((r, i) => {
        if (wanted.has(r.doc)) docOf.set(String(i), r.doc);
      });
      return { order: records.map((_, i) => String(i)), docOf };
    },
    async record(key) {
      const r = records[Number(key)];
      if (!r) throw new Error(`no search record ${key}`);
      return { url: r.url, meta: r.meta };
    },
  };
}
