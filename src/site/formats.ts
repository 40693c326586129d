/**
 * A document in the other citation formats readers ask for: GB/T 7714-2015 (the Chinese
 * national standard for references, in its form for an online resource, [EB/OL]), CSL-JSON
 * (what Zotero, Mendeley and citeproc read) and BibTeX (LaTeX).
 *
 * GB/T 7714-2015 for an electronic resource: 主要责任者. 题名: 其他题名信息[EB/OL].
 * (更新或修改日期)[引用日期]. 获取和访问路径. — an issuing body is the 主要责任者, written as
 * printed (a body named in Chinese is not split into levels); a missing part is left out with
 * its punctuation; the 文号 is the title's 其他题名信息; the date cited is the day the reader
 * copies it (the page script fills it in; the build gives a fallback).
 */
import type { DocumentRecord } from '../model';
import { kindGroup } from './kinds';

/** What the formats need to know of a document (DocumentRecord's fields, and its parent's for an annex). */
export type CitableDocument = Pick<DocumentRecord, 'id' | 'title' | 'kind'> &
  Partial<Pick<DocumentRecord, 'issuer' | 'author' | 'date' | 'docNumber' | 'excerpt' | 'version' | 'descriptiveTitle' | 'titleEditorial'>>;

/** The facts every format takes from a document: responsible party, title, 文号, date and notes. */
export interface CitationFacts {
  id: string;
  /** The person or body responsible (the author of a paper, else the issuer), if known. */
  creator?: { name: string; body: boolean };
  /** The title as printed (for an excerpt, the work's title), or the description of an untitled document. */
  title: string;
  /** The 文号, or for an annex without one its parent's with 附件. */
  number?: string;
  /** The date issued: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  kind: string;
  /** What the library holds of it and which transcription (节选：第五至十部分；转录本甲). */
  note?: string;
}

/** The facts of a document; an annex takes its parent's 文号 (with 附件) and date where it has none of its own. */
export function citationFacts(doc: CitableDocument, parent?: CitableDocument, annexWord = '附件'): CitationFacts {
  const creator = doc.author ? { name: doc.author, body: false } : doc.issuer ? { name: doc.issuer, body: true } : undefined;
  const number = doc.docNumber ?? (parent?.docNumber ? `${parent.docNumber}${annexWord}` : undefined);
  const note = [doc.excerpt, doc.version, doc.descriptiveTitle ? '无正式标题，题名为本库所拟' : undefined].filter(Boolean).join('；');
  return {
    id: doc.id,
    creator,
    title: doc.title,
    number,
    date: doc.date ?? parent?.date,
    kind: doc.kind,
    note: note || undefined,
  };
}

/** A date as YYYY-MM-DD in China's time zone (UTC+8, no daylight saving): the day a reader there sees. */
export function chinaDate(time: Date): string {
  return new Date(time.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The day the build stands for, as the date cited where no script runs: TIAOWEN_BUILD_EPOCH
 * (set by scripts/build.mjs from the sources' date) or SOURCE_DATE_EPOCH, else today; in China's time zone.
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const epoch = env.TIAOWEN_BUILD_EPOCH?.trim() || env.SOURCE_DATE_EPOCH?.trim();
  return chinaDate(epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now);
}

/** The parts of a GB/T 7714-2015 [EB/OL] reference: what precedes the date cited, and the URL. */
export interface GbtParts {
  /** "全国人民代表大会常务委员会. 中华人民共和国工会法[EB/OL]. (2021-12-24)" */
  head: string;
  /** The date cited, YYYY-MM-DD. */
  cited: string;
  /** The access path; without it the reference ends after the date cited. */
  url?: string;
}

/** The parts of a document's GB/T 7714-2015 reference as an online resource ([EB/OL]). */
export function gbtParts(facts: CitationFacts, cited: string, url?: string): GbtParts {
  const creator = facts.creator ? `${facts.creator.name}. ` : '';
  const title = facts.number ? `${facts.title}: ${facts.number}` : facts.title;
  return { head: `${creator}${title}[EB/OL]. ${facts.date ? `(${facts.date})` : ''}`, cited, url };
}

/** A GB/T 7714-2015 reference as text: 责任者. 题名[EB/OL]. (日期)[引用日期]. URL. */
export function gbtText(parts: GbtParts): string {
  return `${parts.head}[${parts.cited}]${parts.url ? `. ${parts.url}` : ''}.`;
}

/** The CSL item type of a document: legislation for laws and regulations, report for reports and plans, article-journal for papers, else document. */
export function cslType(kind: string): 'legislation' | 'report' | 'article-journal' | 'document' {
  const group = kindGroup(kind);
  if (group === '法律法规') return 'legislation';
  if (group === '报告' || group === '规划') return 'report';
  if (group === '论文') return 'article-journal';
  return 'document';
}

/** A date as CSL date-parts: "2021-12-24" → [[2021, 12, 24]], "2024" → [[2024]]. */
function dateParts(date: string): { 'date-parts': number[][] } | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return undefined;
  return { 'date-parts': [[m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number)] };
}

/** One CSL-JSON item (CSL 1.0.2); names as literals, so a Chinese name is never split into family and given. */
export function cslItem(facts: CitationFacts, url?: string): Record<string, unknown> {
  const type = cslType(facts.kind);
  const item: Record<string, unknown> = { id: facts.id, type, title: facts.title, language: 'zh-CN', genre: facts.kind };
  if (facts.creator) item.author = [{ literal: facts.creator.name }];
  if (facts.creator?.body && type !== 'legislation') item.publisher = facts.creator.name;
  if (facts.creator?.body && type === 'legislation') item.authority = facts.creator.name;
  if (facts.number) item.number = facts.number;
  const issued = facts.date ? dateParts(facts.date) : undefined;
  if (issued) item.issued = issued;
  if (facts.note) item.note = facts.note;
  if (url) item.URL = url;
  return item;
}

/** BibTeX's special characters, escaped: # $ % & _ { } ~ ^ \. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\#$%&_{}~^]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );
}

/** The BibTeX entry type of a document: techreport for reports, article for papers, else misc. */
export function bibtexType(kind: string): 'techreport' | 'article' | 'misc' {
  const type = cslType(kind);
  return type === 'report' ? 'techreport' : type === 'article-journal' ? 'article' : 'misc';
}

/**
 * One BibTeX entry (UTF-8), keyed by the document id. Titles and bodies as authors are in
 * double braces, so no style changes their case or splits a body's name into first and last.
 */
export function bibtexEntry(facts: CitationFacts, url?: string): string {
  const type = bibtexType(facts.kind);
  const body = facts.creator?.body;
  const fields: [string, string][] = [];
  if (facts.creator) fields.push(['author', body ? `{${bibtexEscape(facts.creator.name)}}` : bibtexEscape(facts.creator.name)]);
  fields.push(['title', `{${bibtexEscape(facts.title)}}`]);
  if (type === 'techreport' && body) fields.push(['institution', `{${bibtexEscape(facts.creator!.name)}}`]);
  if (type !== 'article') fields.push(['type', bibtexEscape(facts.kind)]);
  if (facts.number) fields.push(['number', bibtexEscape(facts.number)]);
  if (facts.date) {
    const [year, month] = facts.date.split('-');
    fields.push(['year', year!]);
    if (month) fields.push(['month', String(Number(month))]);
    fields.push(['date', facts.date]);
  }
  if (url) fields.push(['url', url]);
  if (facts.note) fields.push(['note', bibtexEscape(facts.note)]);
  fields.push(['langid', 'chinese']);
  return `@${type}{${facts.id},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** The facts of a library document, looking up the document it is an annex to (附件, or 附录 where its marker says so). */
export function documentFacts(doc: DocumentRecord, lookup: (id: string) => DocumentRecord | undefined): CitationFacts {
  const parent = doc.annexOf ? lookup(doc.annexOf) : undefined;
  const annexWord = doc.furniture.some((f) => f.role === 'annexMarker' && f.text.trim().startsWith('附录')) ? '附录' : '附件';
  return citationFacts(doc, parent, annexWord);
}
