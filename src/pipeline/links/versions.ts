/**
 * Versions: find, from their content, documents that are transcriptions of one text, and
 * align their clauses side by side with a character-level comparison.
 *
 * Two documents are compared by aligning their clause sequences (a weighted longest common
 * subsequence: clauses pair up in reading order where their wording is alike, and any clause
 * may stay unpaired). Their similarity is the share of both documents' wording that the
 * alignment pairs up, each pair weighted by how alike it is. Transcriptions of one text pair
 * up almost everything; a document and a text that restates parts of it (a work-division
 * annex and its opinion) pair up little, since one clause there matches a fragment of another.
 */
import type { AlignedClause, ClauseRecord, DocumentRecord, VersionComparison } from '../../model';
import { comparisonUrl } from '../../urls';
import { compareText, countDifferences, withoutPunctuation } from './diff';

/** Documents at least this similar are taken as transcriptions of one text. */
export const VERSION_SIMILARITY = 0.5;
/** Two clauses pair up only if their wording is at least this alike (Dice coefficient of character bigrams). */
const CLAUSE_SIMILARITY = 0.5;
/** Added to a pair of clauses with the same numbering: decides between otherwise equal alignments. */
const SAME_NUMBER_BONUS = 1e-3;

/** What the alignment reads of a clause. */
export type AlignableClause = Pick<ClauseRecord, 'id' | 'doc' | 'heading' | 'text'>;

/** Two clause sequences put side by side, and how much of their wording the pairs account for. */
export interface Alignment {
  /** In reading order of both sides; a row with one side null is a clause the other side lacks. */
  rows: { a: string | null; b: string | null }[];
  /** Σ over pairs of similarity × (wording of both clauses) ÷ wording of all clauses (0–1). */
  similarity: number;
}

/** The distinct pairs of adjacent characters of a text, each as one number. */
function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  const codes = [...text].map((ch) => ch.codePointAt(0)!);
  for (let i = 0; i + 1 < codes.length; i++) out.add(codes[i] * 0x110000 + codes[i + 1]);
  return out;
}

/**
 * How alike two clauses' bigram sets are: their Dice coefficient 2|A∩B| / (|A|+|B|) where it
 * reaches CLAUSE_SIMILARITY, else 0 (sets too unequal in size to reach it are not compared).
 */
function alike(a: Set<number>, b: Set<number>): number {
  if (2 * Math.min(a.size, b.size) < CLAUSE_SIMILARITY * (a.size + b.size)) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  const dice = (2 * shared) / (a.size + b.size);
  return dice >= CLAUSE_SIMILARITY ? dice : 0;
}

/** What the alignment compares of a clause, worked out once per clause. */
interface Features {
  clause: AlignableClause;
  /** Its place in its document as its id says (`/5/14`, `/6/zb/1`): the numbering, for ties. */
  localId: string;
  /** Its weight: how many characters of wording (heading and text without punctuation) it has. */
  length: number;
  grams: Set<number>;
}

function features(clause: AlignableClause): Features {
  const w = withoutPunctuation(`${clause.heading ?? ''}${clause.text}`);
  return { clause, localId: clause.id.slice(clause.doc.length), length: [...w].length, grams: bigrams(w) };
}

/**
 * Align two clause sequences: pair up clauses in reading order so that the pairs' summed
 * similarity (weighted by their length) is greatest; clauses left unpaired become rows of
 * their own. Numbering only breaks ties.
 */
export function alignClauses(a: AlignableClause[], b: AlignableClause[]): Alignment {
  return align(a.map(features), b.map(features));
}

function align(a: Features[], b: Features[]): Alignment {
  const n = a.length;
  const m = b.length;
  const sim = a.map((x) => b.map((y) => alike(x.grams, y.grams)));
  const weight = (i: number, j: number) => sim[i][j] * (a[i].length + b[j].length);
  // best[i][j]: best score of a[i..] against b[j..]; move[i][j]: 0 pair, 1 skip a[i], 2 skip b[j].
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const move = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1).fill(2));
  for (let i = n; i >= 0; i--)
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let score = -1;
      if (i < n && j < m && sim[i][j] > 0) {
        score = best[i + 1][j + 1] + weight(i, j) + (a[i].localId === b[j].localId ? SAME_NUMBER_BONUS : 0);
        move[i][j] = 0;
      }
      if (i < n && best[i + 1][j] > score) {
        score = best[i + 1][j];
        move[i][j] = 1;
      }
      if (j < m && best[i][j + 1] > score) {
        score = best[i][j + 1];
        move[i][j] = 2;
      }
      best[i][j] = score;
    }
  const rows: Alignment['rows'] = [];
  let paired = 0;
  for (let i = 0, j = 0; i < n || j < m;) {
    const step = move[i][j];
    if (step === 0) {
      rows.push({ a: a[i].clause.id, b: b[j].clause.id });
      paired += weight(i, j);
      i++;
      j++;
    } else if (step === 1) rows.push({ a: a[i++].clause.id, b: null });
    else rows.push({ a: null, b: b[j++].clause.id });
  }
  const total = [...a, ...b].reduce((sum, x) => sum + x.length, 0);
  return { rows, similarity: total ? paired / total : 0 };
}

/** One row of a comparison: the two clauses' heading and text compared, and the differences counted. */
export function compareClauses(a: AlignableClause, b: AlignableClause): AlignedClause {
  const heading = a.heading || b.heading ? compareText(a.heading ?? '', b.heading ?? '') : undefined;
  const parts = compareText(a.text, b.text);
  const counts = countDifferences([...(heading ?? []), ...parts]);
  return { a: a.id, b: b.id, ...(heading ? { heading } : {}), parts, ...counts };
}

/** Multiplier of the shingles' rolling hash. */
const HASH_BASE = 0x01000193;

/**
 * The distinct SHINGLE-character runs of a text, each as a 32-bit rolling hash of its code
 * points, in ascending order (a rare collision only adds one shared run to a pair's count).
 */
export function shingleHashes(text: string): Uint32Array {
  const points = Array.from(text, (c) => c.codePointAt(0)!);
  const hashes = new Uint32Array(Math.max(0, points.length - SHINGLE + 1));
  let top = 1; // HASH_BASE^(SHINGLE − 1), the weight of the run's first code point
  for (let i = 1; i < SHINGLE; i++) top = Math.imul(top, HASH_BASE);
  let hash = 0;
  for (let i = 0; i < points.length; i++) {
    if (i >= SHINGLE) hash = (hash - Math.imul(points[i - SHINGLE]!, top)) | 0;
    hash = (Math.imul(hash, HASH_BASE) + points[i]!) | 0;
    if (i >= SHINGLE - 1) hashes[i - SHINGLE + 1] = hash >>> 0;
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.slice(0, distinct);
}

/** Length of the shingles that pick the pairs of documents worth aligning. */
const SHINGLE = 8;
/** Share of the smaller document's shingles a pair must have in common to be aligned at all. */
const SHINGLE_SHARE = 0.05;
/** Shingles in more documents than this are boilerplate: they pick no pairs. */
const SHINGLE_MAX_DOCUMENTS = 50;
/** A shingle and a document index packed into one number: shingle × DOCUMENT_SLOTS + document (< 2^53). */
const DOCUMENT_SLOTS = 2 ** 21;

/**
 * The pairs of documents worth aligning (as index pairs, i < k): those that have at least
 * SHINGLE_SHARE of the smaller one's distinct 8-character runs of wording in common.
 * Transcriptions of one text share most of theirs; documents that merely treat the same
 * subjects share almost none, so a large library is aligned pair by pair only where it
 * matters. The runs of all documents are sorted together, so the documents holding one run
 * sit side by side: one flat array instead of a map with an entry per run, which keeps the
 * work in step with the library's size.
 */
export function documentPairs(texts: readonly string[]): [number, number][] {
  if (texts.length > DOCUMENT_SLOTS) throw new Error(`documentPairs: more than ${DOCUMENT_SLOTS} documents`);
  const shingles = texts.map((t) => shingleHashes(withoutPunctuation(t)));
  const entries = new Float64Array(shingles.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  shingles.forEach((list, d) => {
    for (const sh of list) entries[at++] = sh * DOCUMENT_SLOTS + d;
  });
  entries.sort();
  const shingleOf = (entry: number) => Math.floor(entry / DOCUMENT_SLOTS);
  const shared = new Map<number, number>();
  for (let start = 0, end = 0; start < entries.length; start = end) {
    const sh = shingleOf(entries[start]!);
    while (end < entries.length && shingleOf(entries[end]!) === sh) end++;
    if (end - start < 2 || end - start > SHINGLE_MAX_DOCUMENTS) continue;
    for (let x = start; x < end; x++)
      for (let y = x + 1; y < end; y++) {
        const key = (entries[x]! % DOCUMENT_SLOTS) * texts.length + (entries[y]! % DOCUMENT_SLOTS);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  }
  return [...shared]
    .map(([key, n]): [number, number, number] => [Math.floor(key / texts.length), key % texts.length, n])
    .filter(([i, k, n]) => n >= SHINGLE_SHARE * Math.min(shingles[i].length, shingles[k].length))
    .map(([i, k]): [number, number] => [i, k])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** The pairs of documents that are transcriptions of one text, each aligned clause by clause. */
export function compareVersions(documents: DocumentRecord[], clauses: ClauseRecord[]): VersionComparison[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const ofDocument = new Map(documents.map((d) => [d.id, [] as ClauseRecord[]]));
  for (const c of clauses) ofDocument.get(c.doc)?.push(c);
  const members = documents.map((d) => ofDocument.get(d.id)!);
  const sides = members.map((list) => list.map(features));
  const out: VersionComparison[] = [];
  for (const [i, k] of documentPairs(members.map((list) => list.map((c) => `${c.heading ?? ''}${c.text}`).join('\n')))) {
    const { rows, similarity } = align(sides[i], sides[k]);
    if (similarity < VERSION_SIMILARITY) continue;
    const [a, b] = [documents[i].id, documents[k].id];
    const id = `${a}--${b}`;
    out.push({
      id,
      url: comparisonUrl(id),
      a,
      b,
      similarity,
      rows: rows.map((r) => (r.a && r.b ? compareClauses(byId.get(r.a)!, byId.get(r.b)!) : { a: r.a, b: r.b, wording: 0, punctuation: 0 })),
    });
  }
  return out;
}
