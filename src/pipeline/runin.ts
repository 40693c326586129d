/**
 * Run-in text: a source copied from a web page or a PDF without its line breaks holds a whole
 * document (or several) in one block. This step cuts such a block into the blocks a multi-line
 * text would have — headings, articles, numbered units, and an official document's title, 文号,
 * addressees, signature, date and 附件 markers — so the parser can find its structure.
 *
 * Only run-in blocks are touched (see `isRunIn`); every other block is returned as it is.
 * Every output block is a trimmed slice of its input block (`sliceText`), so provenance spans
 * are kept and no character is dropped or changed; only the whitespace at a cut is left out.
 */
import type { Text } from '../model';
import type { Block } from './layout';
import { SYSTEM_TABLE, SYSTEMS, type SystemName, readMarker } from './numbering';
import { sliceText, trimText } from './text';

/**
 * A run-in block is at least this long. Copied documents worth splitting (a statute, a notice
 * with its parts) run to thousands of characters, while the longest paragraphs of multi-line
 * texts (a numbered clause of a plan) stay around one to two thousand; the marker count below
 * is what tells the two apart, the length only keeps short paragraphs out of the question.
 */
export const RUN_IN_MIN_LENGTH = 1000;
/**
 * …and holds at least this many structural markers in marker context. Three is the smallest
 * count that shows a sequence (a heading and two units, or three units) rather than one
 * marker that happens to follow a sentence end.
 */
export const RUN_IN_MIN_MARKERS = 3;

/** Longest heading text (after its marker) that can end where the next marker begins. */
const MAX_HEADING = 60;
/** Longest lead title (text before the first marker of a block) that can end at a marker. */
const MAX_LEAD_TITLE = 80;
/** Longest signature (issuer name) in front of the closing date. */
const MAX_SIGNATURE = 40;
/** How far into a block a document's title, 文号 and addressees are looked for. */
const MAX_HEAD = 300;

/**
 * The structural markers: every numbering system of the parser's table except 一是/二是, which
 * in running prose is an inline enumeration, not a unit (see numbering.ts).
 */
export type MarkerKind = Exclude<SystemName, 'item'>;
const MARKER_SYSTEMS = SYSTEM_TABLE.filter((s) => s.name !== 'item');
const rankOf = (kind: MarkerKind) => SYSTEMS[kind].rank;

/** A structural marker found in a text: [index, end) of the value (the end includes a space after it). */
export interface MarkerHit {
  kind: MarkerKind;
  value: number;
  index: number;
  end: number;
}

/** Characters a marker can start with (a cheap filter before the systems' patterns). */
const MARKER_START = /[第零〇一二两三四五六七八九十百千（(0-9①-⑳]/;
const CN_DIGIT = /[零〇一二两三四五六七八九十百千]/;

/** The structural marker that starts exactly at `index` of `value`, if any (numbers are read whole). */
export function markerAt(value: string, index: number): MarkerHit | null {
  if (!MARKER_START.test(value[index] ?? '')) return null;
  const before = value[index - 1] ?? '';
  const rest = value.slice(index);
  for (const system of MARKER_SYSTEMS) {
    const m = readMarker(system, rest);
    if (!m) continue;
    // A numeral continues one printed before it: 二十一、 is not 一、, 12. is not 2.
    if (system.numerals === 'chinese' && m.raw[0] !== '第' && !/[（(]/.test(m.raw[0]) && CN_DIGIT.test(before)) continue;
    if (system.numerals === 'arabic' && !/[（(]/.test(m.raw[0]) && /[0-9]/.test(before)) continue;
    return { kind: system.name as MarkerKind, value: m.value, index, end: index + m.raw.length };
  }
  return null;
}

/** Every structural marker of a text, left to right, not overlapping. */
export function findMarkers(value: string): MarkerHit[] {
  const out: MarkerHit[] = [];
  for (let i = 0; i < value.length; i++) {
    const hit = markerAt(value, i);
    if (hit) {
      out.push(hit);
      i = hit.end - 1;
    }
  }
  return out;
}

/** Sentence ends, possibly followed by a closing quote or bracket. */
const SENTENCE_END = /[。；！？!?;][”’」』）)】"']?\s*$/;
/** A colon that opens a list (通知如下：一、…; 下列情形：（一）…). */
const COLON_END = /[：:][”’」』"]?\s*$/;
/** A closing bracket: after a bracketed note (a statute's history), a heading may begin. */
const BRACKET_END = /[）)]\s*$/;
/** Punctuation a heading or a title does not hold. */
const HEADING_PUNCT = /[，,。；;：:！？!?]/;
/** Words a citation of a marker follows: 根据本法第三条, 依照第十二条, 本条第二款. */
const CITING_TAIL =
  /(?:本(?:法|条例|规定|办法|细则|决定|通知|意见|方案|解释|规则|章程|章|节|编|部分|条|款|项)|前款|依照|依据|根据|按照|参照|违反|适用|除|依|按|和|及|与|或|或者|以及|至|到|自|在|于|即|见|的|第|、|“|‘)\s*$/;
/** Before an ordinal marker, the end of a cited title or quotation: 《工会法》第三条, “办法”第五条. */
const CITED_TITLE_TAIL = /[》〉”’"]\s*$/;
/** Markers that can open a document's first unit after a lead title: numbered 1, not a bracketed （一）, which ends titles such as 解释（一）. */
const FIRST_UNIT = new Set<MarkerKind>(['volume', 'chapter', 'subsection', 'partOrdinal', 'article', 'part', 'arabic', 'arabicComma']);
/** What follows a cited marker: 第三条第二款, 第五条规定, 第五条的, 第三条、第四条, 第一章第二条. */
const CITED_NEXT = /^(?:[第款项的所之和及与或至到、，,。；;：:！？!?”’」』）)】"']|中的|中规定|中所|规定|以外|以下|以上)/;

/** Punctuation a unit's text does not open with. */
const LEADING_PUNCT = /^[，,。；;：:、！？!?”’」』）)】]/;
/** The ordinal markers (第N编 … 第N条), which are cited far more often than list markers. */
const ORDINALS = new Set<MarkerKind>(['volume', 'chapter', 'subsection', 'partOrdinal', 'article']);

/** Whether the marker at `hit` is cited (followed by 第…, 规定, 的…) or has no text after it. */
export function isCited(value: string, hit: MarkerHit): boolean {
  const rest = value.slice(hit.end).trimStart();
  if (rest === '') return true;
  if (ORDINALS.has(hit.kind)) {
    // After a space the unit's own text may open with a citation: 第二条 第十九条第二款的规定同样适用。
    const spaced = /\s$/.test(value.slice(hit.index, hit.end)) || /^\s/.test(value.slice(hit.end));
    return spaced ? LEADING_PUNCT.test(rest) : CITED_NEXT.test(rest);
  }
  return LEADING_PUNCT.test(rest) || /^[项款](?:[所规的中和或及、，,。；;]|$)/.test(rest);
}

interface Segment {
  /** Where the current segment (future block) starts. */
  start: number;
  /** The marker it opens with, or the rank of a document part (0) or of the block's lead text (-1). */
  marker: MarkerHit | null;
  rank: number;
}

/** Whether the text between a segment's opening marker and `index` is a short heading that may end at `hit`. */
function endsHeading(value: string, seg: Segment, hit: MarkerHit): boolean {
  const from = seg.marker ? seg.marker.end : seg.start;
  if (hit.index - from > MAX_LEAD_TITLE * 2) return false;
  const heading = value.slice(from, hit.index).trim();
  if (heading === '' || HEADING_PUNCT.test(heading) || CITING_TAIL.test(heading)) return false;
  if (ORDINALS.has(hit.kind) && CITED_TITLE_TAIL.test(heading)) return false;
  if (seg.marker) {
    if (heading.length > MAX_HEADING) return false;
    // The next marker is one level down (第一章 总则 → 第一条) or the next of the same kind (1.名单 2.名单).
    return rankOf(hit.kind) > seg.rank || (hit.kind === seg.marker.kind && hit.value === seg.marker.value + 1);
  }
  return heading.length <= MAX_LEAD_TITLE && seg.rank <= 0 && FIRST_UNIT.has(hit.kind) && hit.value === 1;
}

/**
 * Whether the text before a marker shows that it starts a new unit: 'cut' where a new block
 * begins, 'open' where the unit begins but stays on the line before it (附件：1.…), or null.
 */
function markerContext(value: string, seg: Segment, hit: MarkerHit): 'cut' | 'open' | null {
  const before = value.slice(Math.max(seg.start, hit.index - 4), hit.index);
  if (hit.index === seg.start) return 'cut';
  if (SENTENCE_END.test(before)) return 'cut';
  if (COLON_END.test(before)) return /附\s*件\s*[：:]\s*$/.test(value.slice(Math.max(0, hit.index - 12), hit.index)) ? 'open' : 'cut';
  if (BRACKET_END.test(before) && rankOf(hit.kind) <= rankOf('subsection')) return 'cut';
  return endsHeading(value, seg, hit) ? 'cut' : null;
}

/** An annex marker: 附件, 附件1, 附件：. */
const ANNEX_AT = /附\s*件\s*[0-9０-９]{0,2}\s*[：:]?/y;
/** A date as signed: 2020年7月28日, 二〇二〇年七月二十八日. */
const DATE_RE = /(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日/g;
/** A bracketed note after the date: （此件公开发布）. */
const NOTE_AT = /\s*[（(][^（()）\n]{1,30}[）)]/y;
/** A 文号: 国办发〔2020〕27号, 鲁会[2014]79号 (the issuer prefix is found separately). */
const DOC_NUMBER_CORE = /[〔[［（(【][0-9]{4}[〕\]］）)】]第?[0-9]{1,5}号/g;
/** Words that end a document's title. */
const TITLE_END = /(?:通知|意见|办法|规定|决定|方案|通告|公告|批复|细则|规则|条例|纲要|规划|指引|指南|报告|要点|函|令|文件)/g;
/** Text that reads as a body's first sentence rather than a list of addressees. */
const NOT_ADDRESSEES = /如下|现就|现将|为了|为进一步|根据|按照|经.{0,12}同意|[。；;！？!?]/;

/** The ends of every title word in `text` (positions just after 通知, 意见, …). */
function titleEnds(text: string): number[] {
  return [...text.matchAll(TITLE_END)].map((m) => m.index + m[0].length);
}

/** Longest title of an official document. */
const MAX_TITLE = 100;

/**
 * Cuts for an official document's head at the start of a block: red header, title, 文号 and
 * addressees (the text up to the first colon, when it reads as a list of addressees). A title
 * without a 文号 is recognised only as 关于…的通知 (or 意见, 办法…) in front of addressees.
 */
export function headBreaks(value: string): number[] {
  const colon = value.slice(0, MAX_HEAD).search(/[：:]/);
  const head = value.slice(0, colon === -1 ? Math.min(value.length, MAX_HEAD) : colon);
  // An official document's head holds no sentence: a 文号 after a sentence end is cited.
  if (/[。；;！？!?]/.test(head)) return [];
  const cuts: number[] = [];
  DOC_NUMBER_CORE.lastIndex = 0;
  const num = DOC_NUMBER_CORE.exec(head);
  let from = 0;
  let titled = false;
  if (num) {
    // The issuer prefix (国办发) runs back to the end of the title (or red header), or to the block start.
    const before = head.slice(0, num.index);
    const ends = titleEnds(before).filter((e) => num.index - e >= 1 && num.index - e <= 12);
    const start = ends.length ? ends[ends.length - 1] : num.index <= 12 && !/\s/.test(before.trim()) ? 0 : -1;
    if (start === -1) return [];
    from = num.index + num[0].length;
    cuts.push(start, from);
    titled = start > 0 && !/文件\s*$/.test(head.slice(0, start));
  }
  if (colon === -1) return cuts.filter((c) => c > 0 && c < value.length);
  const addressees = (a: number) => head.slice(a).trim() !== '' && !NOT_ADDRESSEES.test(head.slice(a));
  if (titled) {
    if (addressees(from)) cuts.push(from, colon + 1);
  } else {
    // The title ends at its last title word that leaves addressees after it.
    const ends = titleEnds(head.slice(from))
      .map((e) => from + e)
      .filter(addressees);
    const end = ends[ends.length - 1];
    const title = end === undefined ? '' : head.slice(from, end);
    if (end !== undefined && title.length <= MAX_TITLE && (num || title.includes('关于'))) cuts.push(from, end, colon + 1);
  }
  return [...new Set(cuts)].filter((c) => c > 0 && c < value.length);
}

/** A signature ends in a name, not in a word that leads into the date (至, 于, 自…) or in 的. */
const SIGNATURE_END = /[^至于自到在从止为由截的]$/;

/** The issuer printed in front of a title at the start of a block (中华全国总工会办公厅关于…), if any. */
export function titleIssuer(value: string): string | null {
  const m = /^([^\s，,。；;：:、“”《》（）()]{2,30}?)关于/.exec(value.trimStart());
  return m ? m[1] : null;
}

/**
 * Cuts for a signature, date and bracketed note that close a document (at the block end or
 * before an annex). The signature runs back to the last sentence end before the date, or to
 * the issuer named in the title where it is printed right before the date (附件：…表中华全国总工会).
 */
export function tailBreaks(value: string, issuer: string | null = titleIssuer(value)): number[] {
  const cuts: number[] = [];
  for (const m of value.matchAll(DATE_RE)) {
    const dateStart = m.index;
    let end = dateStart + m[0].length;
    const dateEnd = end;
    NOTE_AT.lastIndex = end;
    const note = NOTE_AT.exec(value);
    if (note) end += note[0].length;
    const after = value.slice(end).trimStart();
    ANNEX_AT.lastIndex = value.length - after.length;
    if (after !== '' && !ANNEX_AT.exec(value)) continue;
    // The signature runs from the last sentence end (or colon) before the date.
    const lead = value.slice(0, dateStart);
    const stop = Math.max(...[...'。；！？!?;：:'].map((c) => lead.lastIndexOf(c)));
    let sigStart = stop + 1;
    while (/[”’」』）)】"'\s]/.test(value[sigStart] ?? '') && sigStart < dateStart) sigStart += 1;
    const named = issuer ? lead.trimEnd().length - issuer.length : -1;
    if (issuer && named > sigStart && lead.trimEnd().endsWith(issuer)) sigStart = named;
    const signature = value.slice(sigStart, dateStart).trim();
    if (signature.length > MAX_SIGNATURE || HEADING_PUNCT.test(signature) || markerAt(signature, 0) || !SIGNATURE_END.test(signature || '。')) continue;
    if (signature !== '') cuts.push(sigStart);
    cuts.push(dateStart, dateEnd);
    if (note) cuts.push(end);
  }
  return cuts.filter((c) => c > 0 && c < value.length);
}

/** Cuts around annex markers (附件1 …) that follow a sentence end, a date or a note. */
export function annexBreaks(value: string, hard: number[]): number[] {
  const cuts: number[] = [];
  for (let i = value.indexOf('附'); i !== -1; i = value.indexOf('附', i + 1)) {
    ANNEX_AT.lastIndex = i;
    const m = ANNEX_AT.exec(value);
    if (!m) continue;
    const before = value.slice(Math.max(0, i - 8), i);
    const atCut = hard.includes(i) || hard.includes(i - (before.length - before.trimEnd().length));
    if (i !== 0 && !atCut && !SENTENCE_END.test(before)) continue;
    const rest = value.slice(i + m[0].length).trimStart();
    if (rest === '' || /^[的中所和及与、，,。；;]/.test(rest)) continue;
    cuts.push(i);
    // 附件：… lists the attachments in the body, on one line; 附件 or 附件1 opens an annex and stands alone.
    if (!/[：:]/.test(m[0])) cuts.push(i + m[0].length);
  }
  return cuts.filter((c) => c > 0 && c < value.length);
}

/** A labelled field of a work-division item (牵头单位：…), after a sentence end. */
const FIELD_AFTER_SENTENCE = /(?<=[。；;]\s*)(?:牵头单位|参加单位|责任单位|配合单位)[:：]/g;

/** Cuts before the labelled fields of work-division items (牵头单位：…) that follow a sentence end. */
export function fieldBreaks(value: string): number[] {
  return [...value.matchAll(FIELD_AFTER_SENTENCE)].map((m) => m.index);
}

/** The cut points of a block's value, and how many structural markers were found in marker context. */
export function findBreaks(value: string): { breaks: number[]; markers: number } {
  const head = headBreaks(value);
  const tail = tailBreaks(value);
  const hard0 = [...head, ...tail, ...noteBreaks(value), ...fieldBreaks(value)];
  const annex = annexBreaks(value, hard0);
  const hard = [...new Set([...hard0, ...annex])].sort((a, b) => a - b);
  const breaks = new Set(hard);
  let markers = 0;
  let seg: Segment = { start: 0, marker: null, rank: -1 };
  let h = 0;
  for (const hit of findMarkers(value)) {
    // A document part's cut opens a new segment (its text may be a title that ends at a marker).
    while (h < hard.length && hard[h] <= hit.index) {
      seg = { start: hard[h], marker: null, rank: 0 };
      h += 1;
    }
    const context = isCited(value, hit) ? null : markerContext(value, seg, hit);
    if (!context) continue;
    markers += 1;
    if (context === 'cut' && hit.index > 0) breaks.add(hit.index);
    seg = { start: context === 'cut' ? hit.index : seg.start, marker: hit, rank: rankOf(hit.kind) };
  }
  return { breaks: [...breaks].filter((b) => b > 0 && b < value.length).sort((a, b) => a - b), markers };
}

/** An adoption or revision note that opens at a date: 2021年12月24日 第十三届…第三次修正. */
const NOTE_START = /[（(]?\s*(?:根据\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。；;]{0,100}?(?:通过|修正|修订|公布|施行|发布|批准|印发)/y;

/**
 * Cuts before the adoption and revision notes printed after a title at the start of a block
 * (中华人民共和国工会法（1992年4月3日…通过　根据…修正）第一章 总则…, or the notes unbracketed,
 * one after another). Only the text before the first sentence end is looked at.
 */
export function noteBreaks(value: string): number[] {
  const stop = value.slice(0, MAX_HEAD * 4).search(/[。；;！？!?]/);
  const lead = value.slice(0, stop === -1 ? Math.min(value.length, MAX_HEAD * 4) : stop);
  const cuts: number[] = [];
  for (let i = 1; i < lead.length; i++) {
    const c = lead[i];
    if (!/[（(0-9]/.test(c) || (/[0-9]/.test(c) && /[0-9]/.test(lead[i - 1]))) continue;
    NOTE_START.lastIndex = i;
    const m = NOTE_START.exec(lead);
    if (!m) continue;
    // The notes follow a title: text without sentence punctuation.
    if (cuts.length === 0 && (lead.slice(0, i).trim() === '' || HEADING_PUNCT.test(lead.slice(0, i)))) return [];
    cuts.push(i);
    // A bracketed note runs to its closing bracket (the dates inside it, 根据2001年…修正, are its own).
    const close = c === '（' || c === '(' ? lead.indexOf(c === '（' ? '）' : ')', i) : -1;
    i = close !== -1 ? close : i + m[0].length - 1;
  }
  return cuts;
}

/** The cuts of a run-in block, or null if the block is not run-in text. */
function runInBreaks(block: Block): number[] | null {
  if (block.cells || block.text.value.length < RUN_IN_MIN_LENGTH) return null;
  const { breaks, markers } = findBreaks(block.text.value);
  return markers >= RUN_IN_MIN_MARKERS ? breaks : null;
}

/** Whether a block is run-in text: long, not a table row, with enough markers in marker context. */
export function isRunIn(block: Block): boolean {
  return runInBreaks(block) !== null;
}

/** Cut a text at the given value offsets into trimmed, non-empty slices. */
export function cutText(text: Text, breaks: number[]): Text[] {
  const bounds = [0, ...breaks, text.value.length];
  const out: Text[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = trimText(sliceText(text, bounds[k], bounds[k + 1]));
    if (piece.value !== '') out.push(piece);
  }
  return out;
}

/** Split run-in blocks into the blocks a multi-line text would have; other blocks pass unchanged. */
export function splitRunIn(blocks: Block[]): Block[] {
  return blocks.flatMap((block) => {
    const breaks = runInBreaks(block);
    if (!breaks) return [block];
    const pieces = cutText(block.text, breaks);
    return pieces.map((text, k) => ({ text, line: block.line, blankBefore: k === 0 ? block.blankBefore : 0 }));
  });
}
