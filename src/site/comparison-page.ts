/**
 * What the comparison pages (src/pages/compare/) show, computed from the library: the list of
 * compared pairs, and for one pair its totals and its rows side by side, each row marked with
 * the part it opens. Every href is relative to the page's own URL.
 */
import type { DocumentRecord, Library, VersionComparison } from '../model';
import { COMPARE_INDEX_URL, HOME_URL, relativeUrl } from '../urls';
import type { Crumb } from './breadcrumbs';
import { comparisonTotals, differenceSummary, versionName } from './comparisons';
import { stepLabel } from './structure';
import { libraryView, type LibraryView } from './view';

export type ComparisonTotals = ReturnType<typeof comparisonTotals>;

/** A clause in one column of the table. */
export interface ComparedClause {
  href: string;
  position: string;
  heading?: string;
}

export interface ComparisonRow {
  /** The title of the part this row opens, where the part (by number) changes. */
  opens?: string;
  /** Transcription A's clause and B's (undefined where one lacks the clause). */
  cells: [ComparedClause | undefined, ComparedClause | undefined];
  wording: number;
  punctuation: number;
  /** Only one transcription has the clause. */
  only: boolean;
  /** Both have it and their texts agree. */
  same: boolean;
}

export interface ComparisonPageData {
  url: string;
  title: string;
  description: string;
  crumbs: Crumb[];
  /** What the two are called on the page (转录本甲, 转录本乙). */
  names: [string, string];
  titles: [string, string];
  hrefs: [string, string];
  /** The share of matched text, in percent. */
  percent: number;
  totals: ComparisonTotals;
  rows: ComparisonRow[];
}

export interface ComparedPair {
  href: string;
  names: [string, string];
  titles: [string, string];
  totals: ComparisonTotals;
  /** The counts of differences in words. */
  summary: string;
}

/** The page title of a comparison: 转录本甲与转录本乙逐条对照. */
export function comparisonTitle(names: readonly [string, string]): string {
  return `${names[0]}与${names[1]}逐条对照`;
}

function comparedDocuments(view: LibraryView, comparison: VersionComparison): [DocumentRecord, DocumentRecord] {
  const [a, b] = [comparison.a, comparison.b].map((id) => {
    const doc = view.doc(id);
    if (!doc) throw new Error(`compare: comparison ${comparison.id} names unknown document ${id}`);
    return doc;
  });
  return [a, b];
}

/** The rows of a comparison in reading order, each marked with the title of the part it opens where the part (by number) changes. */
export function comparisonRows(view: LibraryView, comparison: VersionComparison): ComparisonRow[] {
  const cell = (id: string | null): ComparedClause | undefined => {
    const c = id ? view.clause(id) : undefined;
    return c && { href: relativeUrl(comparison.url, c.url), position: view.position(c), heading: c.heading };
  };
  let part: string | null | undefined;
  return comparison.rows.map((row) => {
    const clauses = [row.a, row.b].flatMap((id) => (id ? (view.clause(id) ?? []) : []));
    const step = clauses.flatMap((c) => view.steps(c).slice(0, 1))[0];
    const opens = step && step.number !== part ? stepLabel(step) : undefined;
    part = step?.number;
    const cells: ComparisonRow['cells'] = [cell(row.a), cell(row.b)];
    const both = !!cells[0] && !!cells[1];
    return { opens, cells, wording: row.wording, punctuation: row.punctuation, only: !both, same: both && row.wording + row.punctuation === 0 };
  });
}

/** Everything the comparison page of the pair `id` shows. */
export function comparisonPageData(library: Library, id: string): ComparisonPageData {
  const view = libraryView(library);
  const comparison = view.comparison(id);
  if (!comparison) throw new Error(`compare: unknown comparison ${id}`);
  const [docA, docB] = comparedDocuments(view, comparison);
  const url = comparison.url;
  const names: [string, string] = [versionName(view, docA), versionName(view, docB)];
  const title = comparisonTitle(names);
  const totals = comparisonTotals(comparison);
  return {
    url,
    title,
    description: `${docA.title}：${title}。${differenceSummary(totals)}。`,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: '转录本对照', url: COMPARE_INDEX_URL }, { label: title }],
    names,
    titles: [docA.title, docB.title],
    hrefs: [relativeUrl(url, docA.url), relativeUrl(url, docB.url)],
    percent: Math.round(comparison.similarity * 100),
    totals,
    rows: comparisonRows(view, comparison),
  };
}

/** Every compared pair of the library, as the list of comparisons (/compare/index.html) shows it. */
export function comparisonListData(library: Library): { url: string; crumbs: Crumb[]; pairs: ComparedPair[] } {
  const view = libraryView(library);
  const url = COMPARE_INDEX_URL;
  return {
    url,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: '转录本对照' }],
    pairs: library.comparisons.map((comparison) => {
      const [a, b] = comparedDocuments(view, comparison);
      const totals = comparisonTotals(comparison);
      return {
        href: relativeUrl(url, comparison.url),
        names: [versionName(view, a), versionName(view, b)],
        titles: [a.title, b.title],
        totals,
        summary: differenceSummary(totals),
      };
    }),
  };
}
