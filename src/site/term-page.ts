/**
 * What the term pages (src/pages/terms/) show, computed from the library: the term index by
 * initial, and for one term (indexed or retired) every clause using it, by document, with the
 * sentence it stands in and the term marked, and the documents in time order with the first
 * appearance marked (the 提法 over time). Every href is relative to the page's own URL.
 */
import { groupBy } from '../collections';
import type { Library, TermEntry } from '../model';
import { markTerm, termGroups } from '../pipeline/links/terms';
import { HOME_URL, relativeUrl, searchHref, TERMS_JSON_URL, TERMS_URL } from '../urls';
import type { Crumb } from './breadcrumbs';
import { compareYears, documentYear, type DocumentYear } from './doc-year';
import { libraryView } from './view';

export interface TermUse {
  href: string;
  /** How links name the clause, and its heading. */
  label: string;
  heading?: string;
  /** The sentence the term stands in, in parts, the term's spellings marked. */
  sentence: { text: string; mark: boolean }[];
}

/** A document using the term, in time order (the 提法 over time). */
export interface TermYearEntry {
  name: string;
  /** The document's section on the term page (#doc-N). */
  href: string;
  /** The year as shown (2014年), or 年份不详. */
  yearLabel: string;
  year?: number;
  /** Where the year comes from, where it is not the document's own date (据文号, 据所属文件). */
  yearNote?: string;
  /** How many clauses of the document use the term. */
  count: number;
  /** The term's first appearance in the library (all documents of the earliest time that cannot be told apart). */
  first: boolean;
}

export interface TermPageData {
  url: string;
  term: string;
  /** A retired term: no longer indexed, its page kept so that published links still open. */
  retired: boolean;
  title: string;
  description: string;
  crumbs: Crumb[];
  /** The other spellings looked for, as printed. */
  variants: string[];
  useCount: number;
  searchHref: string;
  indexHref: string;
  /** The uses by document, in library order; `anchor` is the element id of its section. */
  documents: { anchor: string; name: string; href: string; uses: TermUse[] }[];
  /** The same documents in time order, earliest first, those of unknown year last. */
  timeline: TermYearEntry[];
}

export interface TermIndexData {
  url: string;
  crumbs: Crumb[];
  termCount: number;
  jsonHref: string;
  /** The terms in pinyin order under their initial; `anchor` is the group's element id. */
  groups: { initial: string; anchor: string; terms: { term: string; href: string; useCount: number }[] }[];
}

/** Every term that has a page: the indexed terms, then the retired ones (whose pages stay so that published links still open). */
export function termsWithPages(library: Library): TermEntry[] {
  return [...library.terms, ...(library.retiredTerms ?? [])];
}

/** The element id of an initial's group on the term index: i-A … i-Z, i-0 for digits, i-other. */
export function initialAnchor(initial: string): string {
  return /^[A-Z]$/.test(initial) ? `i-${initial}` : initial === '0–9' ? 'i-0' : 'i-other';
}

/** What a year is shown as, and the note on where it comes from where that is not the document's date. */
export function yearText(year: DocumentYear | undefined): { yearLabel: string; yearNote?: string } {
  if (!year) return { yearLabel: '年份不详' };
  const note = { date: undefined, docNumber: '据文号', annexOf: '据所属文件' }[year.source];
  return note ? { yearLabel: `${year.year}年`, yearNote: note } : { yearLabel: `${year.year}年` };
}

/**
 * The documents in time order (compareYears; documents of one time keep their order), those
 * of unknown year last, each with its year and the first appearance marked.
 */
export function termTimeline<T extends { year?: DocumentYear }>(entries: T[]): (T & { first: boolean })[] {
  const sorted = [...entries].sort((a, b) => compareYears(a.year, b.year));
  const earliest = sorted[0]?.year;
  return sorted.map((e) => ({ ...e, first: !!earliest && !!e.year && compareYears(e.year, earliest) === 0 }));
}

/** Everything the page of the term `id` shows. */
export function termPageData(library: Library, id: string): TermPageData {
  const view = libraryView(library);
  const retired = (library.retiredTerms ?? []).find((t) => t.id === id);
  const entry = view.term(id) ?? retired;
  if (!entry) throw new Error(`term page: unknown term ${id}`);
  const url = entry.url;
  const usesOf = groupBy(
    entry.uses.flatMap((u) => {
      const record = view.clause(u.clause);
      return record ? [{ ...u, record }] : [];
    }),
    (u) => u.record.doc,
  );
  const documents = library.documents.flatMap((doc) => {
    const uses = usesOf.get(doc.id);
    return uses
      ? [
          {
            doc,
            name: view.name(doc),
            href: relativeUrl(url, doc.url),
            uses: uses.map(({ record, sentence }) => ({
              href: relativeUrl(url, record.url),
              label: view.label(record),
              heading: record.heading,
              sentence: markTerm(sentence, entry.spellings),
            })),
          },
        ]
      : [];
  });
  const count = entry.uses.length;
  const timeline = termTimeline(documents.map((d, i) => ({ i, year: documentYear(d.doc, view.doc), name: d.name, count: d.uses.length }))).map(
    ({ i, year, name, count: n, first }): TermYearEntry => ({ name, href: `#doc-${i}`, ...yearText(year), year: year?.year, count: n, first }),
  );
  return {
    url,
    term: entry.term,
    retired: !!retired,
    title: `${entry.term} · 术语索引`,
    description: retired ? `“${entry.term}”已不再列为术语：本库中使用它的 ${count} 条条文。` : `术语“${entry.term}”：本库中使用它的 ${count} 条条文。`,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: '术语索引', url: TERMS_URL }, { label: entry.term }],
    variants: entry.spellings.filter((s) => s !== entry.term),
    useCount: count,
    searchHref: searchHref(url, entry.term),
    indexHref: relativeUrl(url, TERMS_URL),
    documents: documents.map(({ name, href, uses }, i) => ({ anchor: `doc-${i}`, name, href, uses })),
    timeline,
  };
}

/** Everything the term index (/terms/index.html) shows. */
export function termIndexData(library: Library): TermIndexData {
  const url = TERMS_URL;
  return {
    url,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: '术语索引' }],
    termCount: library.terms.length,
    jsonHref: relativeUrl(url, TERMS_JSON_URL),
    groups: termGroups(library.terms).map((g) => ({
      initial: g.initial,
      anchor: initialAnchor(g.initial),
      terms: g.terms.map((t) => ({ term: t.term, href: relativeUrl(url, t.url), useCount: t.uses.length })),
    })),
  };
}
