/**
 * What the term pages (src/pages/terms/) show, computed from the library: the term index by
 * initial, and for one term (indexed or retired) every clause using it, by document, with the
 * sentence it stands in and the term marked. Every href is relative to the page's own URL.
 */
import { groupBy } from '../collections';
import type { Library, TermEntry } from '../model';
import { markTerm, termGroups } from '../pipeline/links/terms';
import { HOME_URL, relativeUrl, searchHref, TERMS_JSON_URL, TERMS_URL } from '../urls';
import type { Crumb } from './breadcrumbs';
import { libraryView } from './view';

export interface TermUse {
  href: string;
  /** How links name the clause, and its heading. */
  label: string;
  heading?: string;
  /** The sentence the term stands in, in parts, the term's spellings marked. */
  sentence: { text: string; mark: boolean }[];
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
  /** The uses by document, in library order. */
  documents: { name: string; href: string; uses: TermUse[] }[];
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
      ? [{
          name: view.name(doc),
          href: relativeUrl(url, doc.url),
          uses: uses.map(({ record, sentence }) => ({
            href: relativeUrl(url, record.url),
            label: view.label(record),
            heading: record.heading,
            sentence: markTerm(sentence, entry.spellings),
          })),
        }]
      : [];
  });
  const count = entry.uses.length;
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
    documents,
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
