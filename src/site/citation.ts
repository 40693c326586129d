/**
 * Citations as staff write them in reports: 《文件标题》 followed by the clause's place in
 * the document in Chinese legal style — 第七条, 二、（三）一是, 第一部分, 序言, 指标表第2项.
 */
import { inTitleMarks } from '../browser/title-marks';
import type { PathStep } from './structure';
import type { ParagraphPlace } from '../pipeline/anchors';
import { itemNumber } from './paragraphs';
import { parseChineseNumeral, toChineseNumeral } from '../pipeline/numerals';

export interface PositionInput {
  /** The clause's number as printed without trailing punctuation ("14", "（三）", "一是"), or null. */
  number: string | null;
  /** The enclosing parts, sections and tables, outermost first. */
  steps: PathStep[];
  /** The document's kind (论文 opens with an 引言, other kinds with a 序言). */
  kind?: string;
  /**
   * Whether an Arabic number identifies the clause within the whole document (numbered
   * 1…N throughout, like articles). Defaults to true; when false, the enclosing parts are named.
   */
  uniqueNumber?: boolean;
  /**
   * 1-based occurrence, given only where the same number is printed more than once in one
   * place (two 三是 in one section): appended as （第一处）, （第二处）.
   */
  occurrence?: number;
  /** For an unnumbered passage that follows a numbered unit: that unit's position (一、（八）四是). */
  after?: string;
}

const CN = '[零〇一二两三四五六七八九十百千]+';
const ARABIC_RE = /^(\d+)[.．、]?$/;
const CN_ITEM_RE = new RegExp(`^${CN}是$`);
const SECTION_RE = new RegExp(`^[（(](${CN}|\\d+)[）)]$`);
const PART_RE = new RegExp(`^(${CN})[、.．]?$`);

/** The clause's place in its document, e.g. "第七条", "二、（三）一是", "序言". */
export function clausePosition(input: PositionInput): string {
  const { steps, kind } = input;
  const number = input.number?.trim() || null;
  const table = [...steps].reverse().find((s) => s.level === 'table');
  const prefix = prefixTokens(steps);
  const suffix = input.occurrence ? `（第${toChineseNumeral(input.occurrence)}处）` : '';

  if (number === null) {
    if (input.after) return `${input.after}之后`;
    if (table) return tableName(table) + suffix;
    if (prefix.length === 0) {
      const named = steps.find((s) => s.title);
      if (named) return `“${named.title}”部分${suffix}`;
      return (kind === '论文' ? '引言' : kind === '通知' ? '正文' : '序言') + suffix;
    }
    return `${finish(prefix)}开头${suffix}`;
  }

  const arabic = ARABIC_RE.exec(number);
  if (arabic) {
    const n = Number(arabic[1]);
    if (table) return `${tableName(table)}第${n}项${suffix}`;
    if (input.uniqueNumber !== false) return `第${toChineseNumeral(n)}条${suffix}`;
    return `${prefix.join('')}第${toChineseNumeral(n)}项${suffix}`;
  }
  if (number.startsWith('第')) return number + suffix;
  if (CN_ITEM_RE.test(number)) return prefix.join('') + number + suffix;
  const section = SECTION_RE.exec(number);
  if (section) return partTokens(steps).join('') + `（${section[1]}）` + suffix;
  const part = PART_RE.exec(number);
  if (part) return finish([...prefix, `${part[1]}、`]) + suffix;
  return prefix.join('') + number + suffix;
}

/** What a citation needs to know of a document. */
export interface CitedDocument {
  title: string;
  /** The title is the library's description of an untitled document: no 《》. */
  descriptiveTitle?: true;
  docNumber?: string;
}

/**
 * How a citation names a document: 《full title》 and, with `withNumber`, its 文号 in brackets
 * (《…实施意见》（鲁会〔2014〕79号）); an annex without a 文号 of its own names its parent's
 * (（鲁会〔2014〕79号附件）). A document without an official title is named by its description,
 * without 《》 (中华全国总工会2024年工作报告).
 */
export function documentCitation(doc: CitedDocument, options: { withNumber?: boolean; annexOf?: CitedDocument; annexWord?: string } = {}): string {
  if (doc.descriptiveTitle) return doc.title;
  const parent = options.annexOf;
  const number = doc.docNumber ?? (parent ? `${parent.docNumber ?? documentCitation(parent)}${options.annexWord ?? '附件'}` : undefined);
  return inTitleMarks(doc.title) + (options.withNumber !== false && number ? `（${number}）` : '');
}

/** The text the 复制引用 button copies: the citation and, where there is one, a space and the link. */
export function citationText(citation: string, url?: string): string {
  return url ? `${citation} ${url}` : citation;
}

/** The tokens naming the enclosing parts and sections: ["二、", "（三）"]. Tables are named separately. */
function prefixTokens(steps: PathStep[]): string[] {
  return steps.flatMap((s) => {
    if (s.level === 'part') return partToken(s);
    if (s.level === 'section') return sectionToken(s);
    return [];
  });
}

function partTokens(steps: PathStep[]): string[] {
  return steps.filter((s) => s.level === 'part').flatMap(partToken);
}

function partToken(step: PathStep): string[] {
  const n = (step.number ?? step.marker ?? '').trim().replace(/[、.．\s]+$/, '');
  if (!n) return [];
  return [parseChineseNumeral(n) !== null ? `${n}、` : n];
}

function sectionToken(step: PathStep): string[] {
  const n = (step.number ?? step.marker ?? '').trim();
  if (!n) return [];
  const inner = /^[（(](.*)[）)]$/.exec(n)?.[1] ?? n.replace(/[、.．]$/, '');
  return [`（${inner}）`];
}

/** A position that is only a part reads better as 第二部分 than as 二、. */
function finish(tokens: string[]): string {
  if (tokens.length === 1) {
    const m = new RegExp(`^(${CN})、$`).exec(tokens[0]);
    if (m) return `第${m[1]}部分`;
  }
  return tokens.join('');
}

function tableName(table: PathStep): string {
  const title = table.title?.trim();
  if (!title) return '指标表';
  return /表$/.test(title) ? title : `${title}表`;
}

/**
 * What a paragraph adds to its clause's position, from the places of all the clause's blocks
 * (paragraphs.ts `paragraphPlaces`). In an article: 第二款, 第一款第（三）项, and where the
 * article has a single 款, 第（三）项 for an item and nothing for the 款 itself (第十二条 is that
 * 款). In other clauses: 第二段, nothing where the clause has a single block.
 */
export function paragraphPosition(place: ParagraphPlace, places: readonly ParagraphPlace[]): string {
  if (place.paragraph === undefined) return places.length > 1 ? `第${toChineseNumeral(place.block)}段` : '';
  const single = !places.some((p) => p.paragraph !== undefined && p.paragraph > 1);
  const paragraph = single ? '' : `第${toChineseNumeral(place.paragraph)}款`;
  return place.item === undefined ? paragraph : `${paragraph}第${itemNumber(place.item)}项`;
}

/** Arabic numbers that occur only once among the document's clauses (so 第N条 is unambiguous). */
export function isUniqueNumber(number: string | null, documentNumbers: (string | null)[]): boolean {
  if (number === null) return true;
  return documentNumbers.filter((n) => n === number).length <= 1;
}
