/**
 * Folding: one normal form for texts and queries, on both sides of the index.
 * Full-width → half-width and compatibility forms (NFKC), letter case, traditional →
 * simplified (a character map the build derives with OpenCC), and punctuation, symbols and
 * spaces dropped — so 会站家 finds 会、站、家 and 鲁会[2014]79号 finds 鲁会〔2014〕79号.
 *
 * Runs in the build (Node) and in the browser; no dependencies.
 */

/** Traditional → simplified, character by character (only characters that differ). */
export type CharMap = Record<string, string>;

const DROP = /[\p{P}\p{S}\p{Z}\s\p{Cc}\p{Cf}]/u;
/** No traditional → simplified mapping (one object, so its folded forms are remembered). */
const NO_MAP: CharMap = Object.freeze({});

/** Folded forms already computed, per character map (texts repeat their characters a lot). */
const memo = new WeakMap<CharMap, Map<string, string>>();

/** Fold one code point to zero or more characters. */
function foldPoint(ch: string, t2s: CharMap): string {
  let known = memo.get(t2s);
  if (!known) memo.set(t2s, (known = new Map()));
  let out = known.get(ch);
  if (out !== undefined) return out;
  out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) {
    const s = t2s[c] ?? c;
    if (!DROP.test(s)) out += s;
  }
  known.set(ch, out);
  return out;
}

/** The folded form of a text. */
export function fold(text: string, t2s: CharMap = NO_MAP): string {
  let out = '';
  for (const ch of text) out += foldPoint(ch, t2s);
  return out;
}

/** A text's folded form with, for each folded character, the raw range it came from. */
export interface FoldMap {
  folded: string;
  /** Raw start offset (UTF-16) of folded character i. */
  start: number[];
  /** Raw end offset (UTF-16) of folded character i. */
  end: number[];
}

/** Fold a text and remember where each folded character came from, to map matches back. */
export function foldWithMap(text: string, t2s: CharMap = NO_MAP): FoldMap {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldPoint(ch, t2s);
    for (let i = 0; i < f.length; i++) {
      start.push(offset);
      end.push(offset + ch.length);
    }
    folded += f;
    offset += ch.length;
  }
  return { folded, start, end };
}

/** Every occurrence of `needle` (already folded) in a text, as raw [start, end) ranges. */
export function findFolded(text: string, needle: string, t2s: CharMap = NO_MAP): [number, number][] {
  if (!needle) return [];
  const m = foldWithMap(text, t2s);
  const out: [number, number][] = [];
  for (let i = m.folded.indexOf(needle); i !== -1; i = m.folded.indexOf(needle, i + needle.length)) {
    out.push([m.start[i], m.end[i + needle.length - 1]]);
  }
  return out;
}

/** The overlapping character bigrams of a folded text: the tokens of the index. */
export function bigrams(folded: string): string[] {
  const chars = [...folded];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * Index content for a clause: the bigrams of its heading and text, folded and run together.
 * The first `headingTokens` of them lie within the heading, so a match there is a heading match.
 */
export function indexTokens(heading: string, text: string, t2s: CharMap = NO_MAP): string[] {
  return bigrams(fold(heading, t2s) + fold(text, t2s));
}

/** How many of a clause's index tokens lie within its heading (its heading's own bigrams). */
export function headingTokens(heading: string, t2s: CharMap = NO_MAP): number {
  return Math.max(0, [...fold(heading, t2s)].length - 1);
}
