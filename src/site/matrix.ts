/**
 * The implementation matrix: for a document whose clauses are carried out by work-division
 * items (items with 牵头单位 / 参加单位 / 责任单位 fields or a （…负责） note), each clause with
 * the items that carry it out and their units; clauses without an item are flagged. Shown
 * on the page of the document whose clauses are the rows (src/components/DocumentPage.astro)
 * and published as CSV per document and per unit (src/pages/data/matrix/, src/pages/data/units/).
 *
 * Which document a matrix belongs to: the document holding the clauses the items were linked
 * to (src/pipeline/links/assignments.ts), e.g. the Shandong opinion for the items of its annex.
 * A document whose items link to no other document's clauses (an opinion that prints
 * （…负责） after its own clauses) is its own matrix: each such clause is its own item.
 * Items of a linked document that found no clause are listed with the matrix of its parent
 * (annexOf) if that is one of its matrices, else of the first one.
 */
import { stringify } from 'csv-stringify/sync';
import { groupBy } from '../collections';
import type { ClauseRecord, Library } from '../model';
import { isWorkItem, itemProse, itemUnits } from '../pipeline/links/assignments';
import { absoluteUrl, matrixCsvUrl, relativeUrl, unitCsvUrl } from '../urls';
import { itemUnitRows, workItemData, type UnitName, type WorkItemData } from './unit-page';
import { libraryView } from './view';

/** The element id of the matrix section on a document page. */
export const MATRIX_ANCHOR = 'matrix';

/** A clause of the matrix's document with the work items (clause ids) that carry it out. */
export interface MatrixRow {
  clause: string;
  items: string[];
}

/** The implementation matrix of one document. */
export interface ImplementationMatrix {
  /** The document whose clauses are the rows. */
  doc: string;
  /** The documents whose work items are listed, in library order. */
  sources: string[];
  /** Every clause of the document in reading order. */
  rows: MatrixRow[];
  /** Work items of the sources that were linked to no clause. */
  unlinked: string[];
}

/** The counts a matrix is summed up by. */
export interface MatrixCounts {
  clauses: number;
  withItems: number;
  withoutItems: number;
  /** Distinct work items listed (in rows or unlinked). */
  items: number;
  /** Distinct unit names of those items, as printed. */
  units: number;
}

const matrixCache = new WeakMap<Library, ImplementationMatrix[]>();

/** Every implementation matrix of the library, in the order of their documents. */
export function implementationMatrices(library: Library): ImplementationMatrix[] {
  const cached = matrixCache.get(library);
  if (cached) return cached;
  const view = libraryView(library);
  const byDoc = groupBy(library.clauses.filter(isWorkItem), (c) => c.doc);
  const targetOf = (item: ClauseRecord): ClauseRecord | undefined => {
    const a = view.assignmentOf(item.id);
    return a && view.clause(a.clause);
  };
  const order = new Map(library.documents.map((d, i) => [d.id, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity);

  const sources = new Map<string, Set<string>>();
  const unlinked = new Map<string, string[]>();
  const selfHomes = new Set<string>();
  const home = (doc: string) => {
    let s = sources.get(doc);
    if (!s) sources.set(doc, (s = new Set()));
    return s;
  };
  for (const [docId, items] of byDoc) {
    const targets = [...new Set(items.flatMap((i) => targetOf(i)?.doc ?? []))].sort(byOrder);
    if (targets.length === 0) {
      selfHomes.add(docId);
      home(docId).add(docId);
      continue;
    }
    for (const t of targets) home(t).add(docId);
    const parent = view.doc(docId)?.annexOf;
    const keeper = parent && targets.includes(parent) ? parent : targets[0]!;
    const left = items.filter((i) => !targetOf(i)).map((i) => i.id);
    if (left.length > 0) unlinked.set(keeper, [...(unlinked.get(keeper) ?? []), ...left]);
  }

  const matrices = [...sources.keys()].sort(byOrder).map((docId): ImplementationMatrix => ({
    doc: docId,
    sources: [...sources.get(docId)!].sort(byOrder),
    rows: view.clausesOf(docId).map((c) => ({
      clause: c.id,
      items: [
        ...(selfHomes.has(docId) && isWorkItem(c) ? [c.id] : []),
        ...view.assignmentsTo(c.id).flatMap((a) => {
          const item = view.clause(a.item);
          return item && isWorkItem(item) ? [item.id] : [];
        }),
      ],
    })),
    unlinked: unlinked.get(docId) ?? [],
  }));
  matrixCache.set(library, matrices);
  return matrices;
}

/** The implementation matrix whose rows are the clauses of the document `docId`, if it has one. */
export function matrixOf(library: Library, docId: string): ImplementationMatrix | undefined {
  return implementationMatrices(library).find((m) => m.doc === docId);
}

/** The matrices that list the work items of the document `docId`, other than its own. */
export function matricesListing(library: Library, docId: string): ImplementationMatrix[] {
  return implementationMatrices(library).filter((m) => m.doc !== docId && m.sources.includes(docId));
}

/** The counts of a matrix: clauses, those with and without an item, distinct items and units. */
export function matrixCounts(library: Library, matrix: ImplementationMatrix): MatrixCounts {
  const view = libraryView(library);
  const items = new Set([...matrix.rows.flatMap((r) => r.items), ...matrix.unlinked]);
  const units = new Set(
    [...items].flatMap((id) => {
      const item = view.clause(id);
      if (!item) return [];
      const { lead, join } = itemUnits(item);
      return [...lead, ...join];
    }),
  );
  const withItems = matrix.rows.filter((r) => r.items.length > 0).length;
  return { clauses: matrix.rows.length, withItems, withoutItems: matrix.rows.length - withItems, items: items.size, units: units.size };
}

// ───────────────────────────────────────────────────────────────── the HTML table

/** A work item as the table lists it: where it stands, the start of its text, its units by role. */
export interface MatrixItemView extends WorkItemData {
  units: { label: string; units: UnitName[] }[];
}

/** One row of the table: a clause, its count of items, and the items. */
export interface MatrixRowView {
  id: string;
  href: string;
  /** The clause's place in its document (序言, 第七条…). */
  position: string;
  heading?: string;
  count: number;
  items: MatrixItemView[];
}

/** Everything the matrix section of a document page shows; hrefs relative to `from`. */
export interface MatrixTableData {
  anchor: string;
  counts: MatrixCounts;
  /** The documents whose items are listed: their names and links. */
  sources: { name: string; href: string }[];
  csvHref: string;
  rows: MatrixRowView[];
  unlinked: MatrixItemView[];
}

/** A link to a matrix shown on another page (from a document whose items it lists). */
export interface MatrixLink {
  name: string;
  href: string;
  csvHref: string;
  counts: MatrixCounts;
}

/** The matrix of `matrix.doc` as the table on the page at `from` shows it. */
export function matrixTableData(library: Library, matrix: ImplementationMatrix, from: string): MatrixTableData {
  const view = libraryView(library);
  const item = (id: string): MatrixItemView => {
    const data = workItemData(library, id, from);
    // Items of one document are named by their place in it; of several, with the document's name.
    const clause = view.clause(id)!;
    return { ...data, label: matrix.sources.length > 1 ? data.label : view.position(clause), units: itemUnitRows(library, id, from) };
  };
  return {
    anchor: MATRIX_ANCHOR,
    counts: matrixCounts(library, matrix),
    sources: matrix.sources.map((d) => {
      const doc = view.doc(d)!;
      return { name: view.name(doc), href: relativeUrl(from, doc.url) };
    }),
    csvHref: relativeUrl(from, matrixCsvUrl(matrix.doc)),
    rows: matrix.rows.map((r) => {
      const clause = view.clause(r.clause)!;
      return {
        id: clause.id,
        href: relativeUrl(from, clause.url),
        position: view.position(clause),
        heading: clause.heading,
        count: r.items.length,
        items: r.items.map(item),
      };
    }),
    unlinked: matrix.unlinked.map(item),
  };
}

/** The links from the page at `from` to the matrices that list the items of `docId` (on their documents' pages). */
export function matrixLinks(library: Library, docId: string, from: string): MatrixLink[] {
  const view = libraryView(library);
  return matricesListing(library, docId).map((m) => {
    const doc = view.doc(m.doc)!;
    return {
      name: view.name(doc),
      href: relativeUrl(from, `${doc.url}#${MATRIX_ANCHOR}`),
      csvHref: relativeUrl(from, matrixCsvUrl(m.doc)),
      counts: matrixCounts(library, m),
    };
  });
}

// ─────────────────────────────────────────────────────────────────────────── CSV

/** The columns of a document's matrix CSV: one line per clause and item; a clause without items has one line with the item columns empty. */
export const MATRIX_CSV_HEADER = [
  '条文ID',
  '条文',
  '条文标题',
  '条文网址',
  '分工条目数',
  '分工条目ID',
  '分工条目',
  '分工条目内容',
  '牵头单位',
  '参加单位',
  '分工条目网址',
] as const;

/** The columns of a unit's CSV: one line per work item the unit leads or joins, with the clause it carries out. */
export const UNIT_CSV_HEADER = [
  '单位',
  '角色',
  '分工条目ID',
  '分工条目',
  '分工条目内容',
  '牵头单位',
  '参加单位',
  '分工条目网址',
  '落实条文ID',
  '落实条文',
  '条文标题',
  '条文网址',
] as const;

/** How lists of units stand in one CSV cell: joined with 、 as the sources print them. */
const joinUnits = (names: string[]) => names.join('、');

/** The cells of a work item: id, label, text (without its field lines), lead and joining units, and its URL on `site`. */
function itemCells(
  library: Library,
  id: string,
  site: URL | string | undefined,
): { id: string; label: string; text: string; lead: string; join: string; url: string } {
  const view = libraryView(library);
  const item = view.clause(id);
  if (!item) throw new Error(`matrix: unknown item ${id}`);
  const { lead, join } = itemUnits(item);
  return { id, label: view.label(item), text: itemProse(item), lead: joinUnits(lead), join: joinUnits(join), url: absoluteUrl(site, item.url) };
}

/** The rows (header first) of the CSV of a matrix; URLs on the site `site` (site-relative without one). */
export function matrixCsvRows(library: Library, matrix: ImplementationMatrix, site?: URL | string): string[][] {
  const view = libraryView(library);
  const lines: string[][] = [[...MATRIX_CSV_HEADER]];
  for (const row of matrix.rows) {
    const clause = view.clause(row.clause)!;
    const head = [clause.id, view.label(clause), clause.heading ?? '', absoluteUrl(site, clause.url), String(row.items.length)];
    if (row.items.length === 0) lines.push([...head, '', '', '', '', '', '']);
    for (const id of row.items) {
      const c = itemCells(library, id, site);
      lines.push([...head, c.id, c.label, c.text, c.lead, c.join, c.url]);
    }
  }
  for (const id of matrix.unlinked) {
    const c = itemCells(library, id, site);
    lines.push(['', '', '', '', '', c.id, c.label, c.text, c.lead, c.join, c.url]);
  }
  return lines;
}

/** The rows (header first) of the CSV of the unit `unitId`: its items in reading order, each with its role and the clause it carries out. */
export function unitCsvRows(library: Library, unitId: string, site?: URL | string): string[][] {
  const view = libraryView(library);
  const unit = library.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`matrix: unknown unit ${unitId}`);
  const order = new Map(library.clauses.map((c, i) => [c.id, i]));
  const roles = [...unit.leads.map((id) => ({ id, role: '牵头' })), ...unit.joins.map((id) => ({ id, role: '参加' }))].sort(
    (a, b) => order.get(a.id)! - order.get(b.id)!,
  );
  const lines: string[][] = [[...UNIT_CSV_HEADER]];
  for (const { id, role } of roles) {
    const c = itemCells(library, id, site);
    const a = view.assignmentOf(id);
    const clause = a && view.clause(a.clause);
    lines.push([
      unit.name,
      role,
      c.id,
      c.label,
      c.text,
      c.lead,
      c.join,
      c.url,
      clause?.id ?? '',
      clause ? view.label(clause) : '',
      clause?.heading ?? '',
      clause ? absoluteUrl(site, clause.url) : '',
    ]);
  }
  return lines;
}

/**
 * A CSV file of the rows: RFC 4180 (CRLF line ends, a cell quoted where it holds a comma,
 * a quote or a line break, quotes doubled) written by csv-stringify, in UTF-8 with a
 * byte-order mark so that spreadsheet programs read it as UTF-8.
 */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows', quoted_match: /\r|\n/ })}`;
}

/** The unit ids whose CSV files the build writes (every unit of the library). */
export function unitCsvIds(library: Library): string[] {
  return library.units.map((u) => u.id);
}

/** The link from the page at `from` to the CSV of the unit `unitId`. */
export function unitCsvHref(from: string, unitId: string): string {
  return relativeUrl(from, unitCsvUrl(unitId));
}
