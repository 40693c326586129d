/**
 * Citations written in a draft — 《title》第N条, 《title》（文号）第N条, 文号 + 第N条 — found,
 * resolved to the library's clauses, and checked against the passage quoted next to them.
 */
import { type CharMap, fold } from '../fold';
import type { QuoteData } from './data';

/** A citation found in the draft. */
export interface DraftCitation {
  /** UTF-16 span in the draft. */
  from: number;
  to: number;
  text: string;
  /** The title between 《》, if it names one. */
  title?: string;
  /** The 文号, if it names one. */
  number?: string;
  /** The article number (第N条). */
  article: number;
}

const NUM = '[零〇一二两三四五六七八九十百千0-9０-９]+';
const TAIL = `(?:附件[一二三四五六七八九十0-9]*)?的?第(${NUM})条(?:第${NUM}款)?(?:第[（(]?${NUM}[）)]?项)?`;
const TITLE_RE = new RegExp(`《([^《》\\n]{1,80})》(?:[（(]([^（）()\\n]{1,40})[）)])?${TAIL}`, 'gu');
const NUMBER_RE = new RegExp(`([\\p{Script=Han}]{1,8}[〔［\\[(（][0-9]{4}[〕］\\])）]第?[0-9]+号)(?:文件?)?${TAIL}`, 'gu');
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number written in Arabic (half or full width) or Chinese numerals (三十七, 一百零二), or null. */
export function parseNumber(s: string): number | null {
  const arabic = s.normalize('NFKC');
  if (/^[0-9]+$/.test(arabic)) return Number(arabic);
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** Every citation of an article in the draft, in draft order. */
export function findCitations(draft: string): DraftCitation[] {
  const out: DraftCitation[] = [];
  for (const m of draft.matchAll(TITLE_RE)) {
    const article = parseNumber(m[3]!);
    if (article === null) continue;
    out.push({ from: m.index!, to: m.index! + m[0].length, text: m[0], title: m[1]!, ...(m[2] && /号/.test(m[2]) ? { number: m[2] } : {}), article });
  }
  for (const m of draft.matchAll(NUMBER_RE)) {
    const from = m.index!;
    if (out.some((c) => c.from < from + m[0].length && c.to > from)) continue;
    const article = parseNumber(m[2]!);
    if (article === null) continue;
    out.push({ from, to: from + m[0].length, text: m[0], number: m[1]!, article });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The documents of the library a citation names (several where the library holds several transcriptions). */
export function citedDocuments(c: DraftCitation, data: QuoteData, t2s: CharMap): number[] {
  const docs = data.docs.map((d, i) => ({ i, title: fold(d.title, t2s), number: d.number ? fold(d.number, t2s) : '' }));
  if (c.title !== undefined) {
    const title = fold(c.title, t2s);
    const exact = docs.filter((d) => d.title === title || d.title === fold('中华人民共和国', t2s) + title);
    if (exact.length) return exact.map((d) => d.i);
  }
  if (c.number !== undefined) {
    const number = fold(c.number, t2s);
    return docs.filter((d) => d.number && number.endsWith(d.number)).map((d) => d.i);
  }
  return [];
}

/** The clauses a citation names: article N of the documents it names. */
export function citedClauses(c: DraftCitation, data: QuoteData, t2s: CharMap): { docs: number[]; clauses: number[] } {
  const docs = citedDocuments(c, data, t2s);
  const clauses: number[] = [];
  data.clauses.forEach((clause, i) => {
    if (clause.n === c.article && docs.includes(clause.doc)) clauses.push(i);
  });
  return { docs, clauses };
}

/** How far (UTF-16) a quotation may start after its citation, or end before it. */
export const AFTER = 12;
export const BEFORE = 6;

/** The passage quoted next to a citation: the one starting just after it, else the one ending just before; -1 if none. */
export function passageNextTo(c: { from: number; to: number }, passages: { from: number; to: number }[]): number {
  const after = passages.findIndex((p) => p.from >= c.to && p.from - c.to <= AFTER);
  if (after >= 0) return after;
  for (let i = passages.length - 1; i >= 0; i--) {
    const p = passages[i]!;
    if (p.to <= c.from && c.from - p.to <= BEFORE) return i;
  }
  return -1;
}
