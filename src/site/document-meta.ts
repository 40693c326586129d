/**
 * The metadata a document shows its readers: the few facts under its title (issuer, 文号,
 * dates, 时效性), the rest folded away, each with a label that says what the value is.
 * The pages only render these rows; the source file name stays in the open data.
 */
import type { DocumentRecord } from '../model';
import { kindGroup } from './kinds';
import { DOCUMENT_FIELDS, formatDate, HIDDEN_DOCUMENT_FIELDS } from './labels';

/** One row of a metadata list: the field, its Chinese label and the value as shown. */
export interface MetaRow {
  key: string;
  label: string;
  value: string;
  /** Site-relative URL the value links to (the parent of an annex). */
  url?: string;
}

/** The fields of the facts block under a document's title, in order. */
export const FACT_FIELDS = ['annexOf', 'issuer', 'docNumber', 'author', 'date', 'effectiveDate', 'validity'] as const;

/**
 * Fields no metadata list shows: shown elsewhere on the page (the title and the transcription
 * label are in the document's name, the kind and the excerpt beside it, the clause count at the
 * contents) or in the open data only (the source file).
 */
const NOT_LISTED = new Set([...HIDDEN_DOCUMENT_FIELDS, 'title', 'version', 'kind', 'excerpt', 'clauseCount', 'source']);

/** The verbs of adoption notes, most specific first, with the name of the date each gives. */
const NOTE_VERBS: [verb: RegExp, label: string][] = [
  [/公布/, '公布日期'],
  [/发布/, '发布日期'],
  [/印发/, '印发日期'],
  [/修订/, '修订日期'],
  [/修正/, '修正日期'],
  [/批准/, '批准日期'],
  [/通过/, '通过日期'],
];

/** The ISO date a printed date holds (2014年12月8日, （2014年12月8日）, 2014-12-08), or null. */
export function printedIsoDate(text: string): string | null {
  const m = /(\d{4})\s*(?:年|-)\s*(\d{1,2})\s*(?:月|-)\s*(\d{1,2})/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

/**
 * What a document's `date` is, named the way its kind names it: 成文日期 where the document
 * prints its date (an official document's date line), the date of the adoption note it comes
 * from for a statute (通过日期, 修正日期, 公布日期…), 发表年份 for a paper, 年份 or 日期 otherwise.
 */
export function dateLabel(doc: Pick<DocumentRecord, 'date' | 'kind' | 'furniture'>): string {
  const date = doc.date;
  if (date) {
    const printed = (role: string) => doc.furniture.filter((f) => f.role === role && printedIsoDate(f.text) === date);
    if (printed('date').length > 0) return '成文日期';
    const note = printed('adoption')[0];
    const verb = note && NOTE_VERBS.find(([re]) => re.test(note.text));
    if (verb) return verb[1];
  }
  const yearOnly = date !== undefined && /^\d{4}$/.test(date);
  if (doc.kind === '论文') return yearOnly ? '发表年份' : '发表日期';
  return yearOnly ? '年份' : '日期';
}

/** Who issued a document, named as its kind names it: 制定机关 for laws and regulations, 发文机关 otherwise. */
export function issuerLabel(kind: string): string {
  return kindGroup(kind) === '法律法规' ? '制定机关' : '发文机关';
}

/** A metadata value as shown: dates the Chinese way, lists joined with ；, booleans as 是/否; null for what cannot be shown. */
export function showValue(key: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (['date', 'effectiveDate', 'received'].includes(key) && typeof value === 'string') return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join('；');
  return null;
}

const FIELD_LABELS = new Map(DOCUMENT_FIELDS);

/** The label of a field on a given document (the date and issuer labels depend on it). */
function labelOf(key: string, doc: DocumentRecord): string {
  if (key === 'date') return dateLabel(doc);
  if (key === 'issuer') return issuerLabel(doc.kind);
  if (key === 'annexOf') return '所属文件';
  return FIELD_LABELS.get(key) ?? key;
}

/** How the page names and links another document (for an annex's parent); undefined when not in the library. */
export type DocumentRef = (id: string) => { name: string; url: string } | undefined;

/**
 * The facts shown once under a document's title: the document an annex belongs to, issuer,
 * 文号, author, date, 施行日期 and 时效性, those the document has.
 */
export function factRows(doc: DocumentRecord, ref: DocumentRef): MetaRow[] {
  return FACT_FIELDS.flatMap((key): MetaRow[] => {
    if (key === 'annexOf') {
      const parent = doc.annexOf ? ref(doc.annexOf) : undefined;
      return parent ? [{ key, label: labelOf(key, doc), value: parent.name, url: parent.url }] : [];
    }
    const value = showValue(key, doc[key]);
    return value === null ? [] : [{ key, label: labelOf(key, doc), value }];
  });
}

/**
 * Every other field the document has (主送机关, 摘要, 说明, 文本出处…): the known ones in the
 * order of DOCUMENT_FIELDS, then any other simple field under its own name. Never the source file.
 */
export function moreRows(doc: DocumentRecord): MetaRow[] {
  const facts = new Set<string>(FACT_FIELDS);
  const known = new Set(FIELD_LABELS.keys());
  const keys = [...DOCUMENT_FIELDS.map(([key]) => key), ...Object.keys(doc).filter((key) => !known.has(key))].filter(
    (key) => !facts.has(key) && !NOT_LISTED.has(key),
  );
  return keys.flatMap((key) => {
    const value = showValue(key, doc[key]);
    return value === null ? [] : [{ key, label: labelOf(key, doc), value }];
  });
}

/** The short line a list of documents shows under each title: issuer, 文号, author and date, with labels. */
export function listRows(doc: DocumentRecord): MetaRow[] {
  return (['issuer', 'docNumber', 'author', 'date', 'effectiveDate'] as const).flatMap((key) => {
    const value = showValue(key, doc[key]);
    return value === null ? [] : [{ key, label: labelOf(key, doc), value }];
  });
}
