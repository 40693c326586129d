/**
 * What the unit pages (src/pages/units/) show, computed from the library: the list of units,
 * a unit's items by role, and each work-division item as listed (label, start of its text,
 * units, the clause it implements). Every href is relative to the page the item is shown on.
 */
import type { Library, Unit } from '../model';
import { itemProse, itemUnits, JOIN_LABEL, LEAD_LABEL } from '../pipeline/links/assignments';
import { HOME_URL, relativeUrl, unitCsvUrl, UNITS_URL } from '../urls';
import type { Crumb } from './breadcrumbs';
import { libraryView } from './view';

/** How many characters of an item's text a list shows. */
export const ITEM_EXCERPT = 60;

export interface UnitName {
  name: string;
  /** The link to the unit's page; absent for the page's own unit and for a name that is no unit. */
  href?: string;
  /** The unit whose page this is. */
  current: boolean;
}

export interface WorkItemData {
  href: string;
  label: string;
  /** The start of the item's text, and whether it was cut. */
  excerpt: string;
  cut: boolean;
  /** The clause the item implements (when asked for and linked). */
  clause?: { href: string; label: string; heading?: string };
}

/** The units of a work-division item as printed, by role (牵头单位, 参加单位; roles without units left out), each linked to its page from `from`. */
export function itemUnitRows(library: Library, id: string, from: string, current?: string): { label: string; units: UnitName[] }[] {
  const item = libraryView(library).clause(id);
  if (!item) throw new Error(`Units: unknown clause ${id}`);
  const byName = new Map(library.units.map((u) => [u.name, u]));
  const { lead, join } = itemUnits(item);
  return [
    { label: LEAD_LABEL, names: lead },
    { label: JOIN_LABEL, names: join },
  ]
    .filter((r) => r.names.length > 0)
    .map((r) => ({
      label: r.label,
      units: r.names.map((name) => {
        const unit = byName.get(name);
        const isCurrent = !!unit && unit.id === current;
        return { name, href: unit && !isCurrent ? relativeUrl(from, unit.url) : undefined, current: isCurrent };
      }),
    }));
}

/** A work-division item as a list shows it on the page at `from`; with `showClause`, also the clause it implements. */
export function workItemData(library: Library, id: string, from: string, showClause = false): WorkItemData {
  const view = libraryView(library);
  const item = view.clause(id);
  if (!item) throw new Error(`WorkItem: unknown clause ${id}`);
  const prose = [...itemProse(item)];
  const implemented = view.assignmentOf(id);
  const clause = showClause && implemented ? view.clause(implemented.clause) : undefined;
  return {
    href: relativeUrl(from, item.url),
    label: view.label(item),
    excerpt: prose.slice(0, ITEM_EXCERPT).join(''),
    cut: prose.length > ITEM_EXCERPT,
    clause: clause && { href: relativeUrl(from, clause.url), label: view.label(clause), heading: clause.heading },
  };
}

/** Everything a unit's page shows: its items by role (roles without items left out), and the link to its items as CSV. */
export function unitPageData(unit: Unit): {
  url: string;
  title: string;
  description: string;
  crumbs: Crumb[];
  groups: { key: string; title: string; items: string[] }[];
  csvHref: string;
} {
  return {
    url: unit.url,
    csvHref: relativeUrl(unit.url, unitCsvUrl(unit.id)),
    title: `${unit.name} · 分工单位`,
    description: `${unit.name}在工作分工方案中牵头 ${unit.leads.length} 项、参加 ${unit.joins.length} 项工作。`,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: '分工单位', url: UNITS_URL }, { label: unit.name }],
    groups: [
      { key: 'leads', title: '牵头的工作', items: unit.leads },
      { key: 'joins', title: '参加的工作', items: unit.joins },
    ].filter((g) => g.items.length > 0),
  };
}

/** Everything the list of units (/units/index.html) shows: each unit with its counts, and the number of items they share out. */
export function unitIndexData(library: Library): {
  url: string;
  crumbs: Crumb[];
  itemCount: number;
  units: { name: string; href: string; leads: number; joins: number }[];
} {
  const url = UNITS_URL;
  const { units } = library;
  return {
    url,
    crumbs: [{ label: '文库', url: HOME_URL }, { label: '分工单位' }],
    itemCount: new Set(units.flatMap((u) => [...u.leads, ...u.joins])).size,
    units: units.map((u) => ({ name: u.name, href: relativeUrl(url, u.url), leads: u.leads.length, joins: u.joins.length })),
  };
}
