/**
 * What the home page (/index.html, src/pages/index.astro) shows, computed from the library:
 * the documents by kind, transcriptions of one work kept together, each with its list facts;
 * the counts; and the links to the indexes, the open data (with the implementation matrices'
 * CSV files) and the offline bundle.
 */
import type { DocumentRecord, Library } from '../model';
import {
  canonicalUrl,
  CLAUSES_JSON_URL,
  COMPARE_INDEX_URL,
  DOCUMENTS_JSON_URL,
  HOME_URL,
  matrixCsvUrl,
  OFFLINE_BUNDLE_URL,
  relativeUrl,
  TERMS_JSON_URL,
  TERMS_URL,
  UNITS_URL,
} from '../urls';
import { listRows, type MetaRow } from './document-meta';
import { documentsByGroup } from './kinds';
import { implementationMatrices, MATRIX_ANCHOR } from './matrix';
import { libraryView } from './view';

export interface DocumentEntry {
  kind: string;
  href: string;
  /** The document's one name (with its transcription label). */
  name: string;
  title: string;
  titleEditorial: boolean;
  excerpt?: string;
  /** The list facts (document-meta.ts listRows). */
  rows: MetaRow[];
  clauseCount: number;
}

/** One document, or the transcriptions of one work (same `work`), in library order. */
export interface WorkGroup {
  work?: string;
  docs: DocumentEntry[];
}

export interface KindGroup {
  /** The element id of the group's heading (kind-1, kind-2…). */
  id: string;
  name: string;
  works: WorkGroup[];
  /** The number of documents in the group. */
  count: number;
}

export interface HomePageData {
  url: string;
  kindGroups: KindGroup[];
  documentCount: number;
  clauseCount: number;
  termCount: number;
  unitCount: number;
  /** Links relative to the home page. */
  hrefs: { terms: string; units: string; compare: string; documentsJson: string; clausesJson: string; termsJson: string; bundle: string };
  /** The online version's address: the canonical site (TIAOWEN_SITE), if the build had one. */
  onlineHome?: string;
  /** The implementation matrices as open data: each document's name, its table on its page, its CSV file. */
  matrices: { name: string; href: string; csvHref: string }[];
}

/** Items in their order, those with the same `work` gathered where the first of them stands. */
export function byWork<T>(items: readonly T[], workOf: (item: T) => string | undefined): { work?: string; docs: T[] }[] {
  const groups: { work?: string; docs: T[] }[] = [];
  for (const item of items) {
    const work = workOf(item) || undefined;
    const existing = work && groups.find((g) => g.work === work);
    if (existing) existing.docs.push(item);
    else groups.push({ work, docs: [item] });
  }
  return groups;
}

/** Everything the home page shows, for `library` on the canonical site `site` (if the build has one). */
export function homePageData(library: Library, site: URL | string | undefined): HomePageData {
  const view = libraryView(library);
  const url = HOME_URL;
  const rel = (to: string) => relativeUrl(url, to);
  const entry = (doc: DocumentRecord): DocumentEntry => ({
    kind: doc.kind,
    href: rel(doc.url),
    name: view.name(doc),
    title: doc.title,
    titleEditorial: doc.titleEditorial,
    excerpt: doc.excerpt,
    rows: listRows(doc),
    clauseCount: view.clausesOf(doc.id).length,
  });
  return {
    url,
    // The documents by kind (kinds.ts: 法律法规, 章程, 规划, …, 其他), each group in source order.
    kindGroups: documentsByGroup(library.documents).map((g, i) => ({
      id: `kind-${i + 1}`,
      name: g.name,
      works: byWork(g.docs, (d) => d.work).map((w) => ({ work: w.work, docs: w.docs.map(entry) })),
      count: g.docs.length,
    })),
    documentCount: library.documents.length,
    clauseCount: library.clauses.length,
    termCount: library.terms.length,
    unitCount: library.units.length,
    hrefs: {
      terms: rel(TERMS_URL),
      units: rel(UNITS_URL),
      compare: rel(COMPARE_INDEX_URL),
      documentsJson: rel(DOCUMENTS_JSON_URL),
      clausesJson: rel(CLAUSES_JSON_URL),
      termsJson: rel(TERMS_JSON_URL),
      bundle: rel(OFFLINE_BUNDLE_URL),
    },
    onlineHome: canonicalUrl(site, HOME_URL),
    matrices: implementationMatrices(library).map((m) => {
      const doc = view.doc(m.doc)!;
      return { name: view.name(doc), href: rel(`${doc.url}#${MATRIX_ANCHOR}`), csvHref: rel(matrixCsvUrl(m.doc)) };
    }),
  };
}
