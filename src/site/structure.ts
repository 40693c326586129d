/**
 * The structure of a document as the pages show it: where a clause sits (its enclosing
 * parts, sections and tables) and the table of contents (outline entries and clauses,
 * nested, in reading order).
 */
import type { ClauseRecord, OutlineEntry } from '../model';

/** One enclosing part, section or table of a clause. */
export interface PathStep {
  level: OutlineEntry['level'];
  /** The outline entry's id. */
  id?: string;
  marker: string | null;
  number: string | null;
  title: string | null;
}

/** The outline entries enclosing the item `id` (ids are nested: `doc/1` contains `doc/1/3`), outermost first. */
export function outlineAncestors(id: string, outline: OutlineEntry[]): OutlineEntry[] {
  const chain: OutlineEntry[] = [];
  let level = outline;
  for (;;) {
    const next = level.find((e) => id.startsWith(`${e.id}/`));
    if (!next) return chain;
    chain.push(next);
    level = next.children;
  }
}

/** The enclosing parts/sections/tables of a clause, outermost first (the outline and ids come from one tree). */
export function clauseSteps(clause: Pick<ClauseRecord, 'id'>, outline: OutlineEntry[]): PathStep[] {
  return outlineAncestors(clause.id, outline).map((e) => ({ level: e.level, id: e.id, marker: e.marker, number: e.number, title: e.title }));
}

/** Placeholder for a title the source does not print (an excerpt that starts mid-part). */
export const MISSING_TITLE = '〔标题未载〕';

/**
 * How a step is written in running text: its marker and title as printed ("一、总体要求").
 * Where the source prints no marker, one is made from the number (四 → "四、"); where it
 * prints no title, 〔标题未载〕 stands in.
 */
export function stepLabel(step: PathStep): string {
  let marker = (step.marker ?? '').trim();
  if (!marker && step.number) {
    const n = step.number.trim();
    marker = step.level === 'part' && !/[、.．]$/.test(n) ? `${n}、` : n;
  }
  const title = step.title ?? (marker ? MISSING_TITLE : '');
  if (!marker) return title;
  return /[、.．]$/.test(marker) || /[）)]$/.test(marker) ? `${marker}${title}` : `${marker} ${title}`;
}

export type TocNode<C> =
  | { type: 'entry'; entry: OutlineEntry; children: TocNode<C>[] }
  | { type: 'clause'; clause: C };

/**
 * Merge a document's outline and its clauses into one tree in reading order. Each clause
 * goes under the innermost outline entry whose id encloses its id. Entries come where
 * their first clause comes; entries without clauses follow their preceding sibling.
 */
export function buildToc<C extends { id: string }>(outline: OutlineEntry[], clauses: C[]): TocNode<C>[] {
  const nodes: TocNode<C>[] = [];
  const groups = new Map<OutlineEntry, C[]>();
  for (const clause of clauses) {
    const entry = outline.find((e) => clause.id.startsWith(`${e.id}/`));
    if (!entry) {
      nodes.push({ type: 'clause', clause });
      continue;
    }
    let group = groups.get(entry);
    if (!group) {
      group = [];
      groups.set(entry, group);
      nodes.push({ type: 'entry', entry, children: [] });
    }
    group.push(clause);
  }
  // Entries without clauses: insert after the node of the preceding entry in outline order.
  outline.forEach((entry, i) => {
    if (groups.has(entry)) return;
    groups.set(entry, []);
    const prev = i > 0 ? outline[i - 1] : undefined;
    const node: TocNode<C> = { type: 'entry', entry, children: [] };
    // The first entry goes before the other entries (after any leading clauses, e.g. a preamble).
    const at = prev
      ? nodes.findIndex((n) => n.type === 'entry' && n.entry === prev) + 1
      : nodes.findIndex((n) => n.type === 'entry');
    if (at <= 0 && prev) nodes.push(node);
    else if (at < 0) nodes.push(node);
    else nodes.splice(at, 0, node);
  });
  for (const node of nodes) {
    if (node.type === 'entry') node.children = buildToc(node.entry.children, groups.get(node.entry) ?? []);
  }
  return nodes;
}
