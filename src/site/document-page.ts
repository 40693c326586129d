/**
 * What a document page (/<doc>/index.html, src/components/DocumentPage.astro) shows, computed
 * from the library: the facts under the title, the other fields and the page furniture folded
 * away, the other transcriptions, the contents tree the contents and the full text share, and
 * the implementation matrix (matrix.ts) where the document has one or its items are in one.
 */
import type { ClauseRecord, DocumentRecord, Library } from '../model';
import { HOME_URL, relativeUrl } from '../urls';
import type { Crumb } from './breadcrumbs';
import { factRows, moreRows, type MetaRow } from './document-meta';
import { furnitureLabel, furnitureNeedsLabel } from './labels';
import { matrixLinks, matrixOf, matrixTableData, type MatrixLink, type MatrixTableData } from './matrix';
import { buildToc, type TocNode } from './structure';
import { libraryView } from './view';

/** Wide enough for the contents to stand open beside the text (site.css draws the sidebar from the same width). */
export const SIDEBAR_WIDTH = '64rem';

export interface FurnitureLine {
  /** The role's label, where the text does not already say what it is. */
  label?: string;
  text: string;
  /** `zxx` for markup (no language). */
  lang?: string;
}

export interface VersionLink {
  name: string;
  href: string;
  /** The link to the comparison page of the two, if there is one. */
  compareHref?: string;
}

export interface DocumentPageData {
  doc: DocumentRecord;
  url: string;
  name: string;
  description: string;
  crumbs: Crumb[];
  clauses: ClauseRecord[];
  /** The contents: parts, sections, tables and the clauses in them. */
  toc: TocNode<ClauseRecord>[];
  /** The position label of each clause by id (序言, 第七条…). */
  positions: Record<string, string>;
  /** The facts under the title (links relative to the page), and the other fields. */
  facts: MetaRow[];
  more: MetaRow[];
  furniture: FurnitureLine[];
  /** The other transcriptions of the same text. */
  versions: VersionLink[];
  /** The inline script that opens the contents on wide screens (allowed by its hash, Base.astro). */
  openContents: string;
  /** The implementation matrix of the document's clauses, where work items carry them out. */
  matrix?: MatrixTableData;
  /** The matrices on other documents' pages that list this document's work items (an annex's). */
  matrixLinks: MatrixLink[];
}

/** The inline script that keeps the folded contents open while the screen is at least `width` wide. */
export function openContentsScript(width: string): string {
  return `addEventListener('DOMContentLoaded', function () {
  var wide = matchMedia('(min-width: ${width})'), toc = document.querySelector('.toc-fold');
  if (!toc) return;
  function fit() { toc.open = wide.matches; }
  fit();
  wide.addEventListener('change', fit);
});`;
}

/** Everything a document page shows, for the document `id` of `library`. */
export function documentPageData(library: Library, id: string): DocumentPageData {
  const view = libraryView(library);
  const doc = view.doc(id);
  if (!doc) throw new Error(`DocumentPage: unknown document ${id}`);

  const url = doc.url;
  const clauses = view.clausesOf(doc.id);
  const name = view.name(doc);
  const ref = (other: string) => {
    const d = view.doc(other);
    return d && { name: view.name(d), url: relativeUrl(url, d.url) };
  };
  const versions = view.versionsOf(doc).map((v): VersionLink => {
    const comparison = library.comparisons.find((c) => [c.a, c.b].includes(doc.id) && [c.a, c.b].includes(v.id));
    return { name: view.name(v), href: relativeUrl(url, v.url), compareHref: comparison && relativeUrl(url, comparison.url) };
  });
  const matrix = matrixOf(library, doc.id);

  return {
    doc,
    url,
    name,
    description: `${name}（${doc.kind}），共${clauses.length}条。`,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: name }],
    clauses,
    // By the clauses' steps: an article's id does not name its chapter (structure.ts clauseSteps).
    toc: buildToc(doc.outline, clauses, (c) => view.steps(c).map((s) => s.id)),
    positions: Object.fromEntries(clauses.map((c) => [c.id, view.position(c)])),
    facts: factRows(doc, ref),
    more: moreRows(doc),
    furniture: doc.furniture.map((f) => ({
      label: furnitureNeedsLabel(f.role, f.text) ? furnitureLabel(f.role) : undefined,
      text: f.text,
      lang: f.role === 'markup' ? 'zxx' : undefined,
    })),
    versions,
    openContents: openContentsScript(SIDEBAR_WIDTH),
    matrix: matrix && matrixTableData(library, matrix, url),
    matrixLinks: matrixLinks(library, doc.id, url),
  };
}
