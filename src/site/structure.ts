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

/** How an outline entry appears in a clause's `path` (records.ts `divisionLabel`): marker and title as printed. */
export function entryPathLabel(entry: Pick<OutlineEntry, 'level' | 'marker' | 'number' | 'title'>): string {
  if (entry.title === null) return `${entry.number ?? ''}${entry.level === 'part' ? '、' : ''}${MISSING_TITLE}`;
  return `${entry.marker ?? ''}${entry.title}`;
}

/** The outline entries a clause's path names (each step by its label as printed), outermost first. */
export function pathAncestors(path: readonly string[], outline: OutlineEntry[]): OutlineEntry[] {
  const chain: OutlineEntry[] = [];
  let level = outline;
  for (const label of path) {
    const next = level.find((e) => entryPathLabel(e) === label);
    if (!next) break;
    chain.push(next);
    level = next.children;
  }
  return chain;
}

/**
 * The enclosing divisions of a clause, outermost first. The outline and the ids come from one
 * tree, so they are found by id; an article's id does not name its divisions (gonghuifa-2021/12,
 * in 第二章), so where the id names none they are found by the clause's path.
 */
export function clauseSteps(clause: Pick<ClauseRecord, 'id'> & { path?: readonly string[] }, outline: OutlineEntry[]): PathStep[] {
  let chain = outlineAncestors(clause.id, outline);
  if (chain.length === 0 && clause.path?.length) chain = pathAncestors(clause.path, outline);
  return chain.map((e) => ({ level: e.level, id: e.id, marker: e.marker, number: e.number, title: e.title }));
}

/** Placeholder for a title the source does not print (an excerpt that starts mid-part). */
export const MISSING_TITLE = '〔标题未载〕';

/** Divisions a statute prints as 第N编 / 第N章 / 第N节 and a title, named as printed. */
const PRINTED_LEVELS = new Set<OutlineEntry['level']>(['volume', 'chapter', 'subsection']);

/**
 * How a step is written in running text: its marker and title as printed ("一、总体要求").
 * Where the source prints no marker, one is made from the number (四 → "四、"); where it
 * prints no title, 〔标题未载〕 stands in. 编, 章 and 节 read as printed, space included
 * ("第二章 工会组织", "第一章 总 则").
 */
export function stepLabel(step: PathStep): string {
  if (PRINTED_LEVELS.has(step.level) && step.marker) return `${step.marker}${step.title ?? MISSING_TITLE}`;
  let marker = (step.marker ?? '').trim();
  if (!marker && step.number) {
    const n = step.number.trim();
    marker = step.level === 'part' && !/[、.．]$/.test(n) ? `${n}、` : n;
  }
  const title = step.title ?? (marker ? MISSING_TITLE : '');
  if (!marker) return title;
  return /[、.．]$/.test(marker) || /[）)]$/.test(marker) ? `${marker}${title}` : `${marker} ${title}`;
}

export type TocNode<C> = { type: 'entry'; entry: OutlineEntry; children: TocNode<C>[] } | { type: 'clause'; clause: C };

/**
 * Merge a document's outline and its clauses into one tree in reading order. Each clause
 * goes under the innermost outline entry that encloses it: whose id encloses its id, or, with
 * `enclosing` (the ids of the entries around a clause, e.g. from `clauseSteps`), one of those.
 * Entries come where their first clause comes; entries without clauses follow their preceding sibling.
 */
export function buildToc<C extends { id: string }>(
  outline: OutlineEntry[],
  clauses: C[],
  enclosing?: (clause: C) => readonly (string | undefined)[],
): TocNode<C>[] {
  const nodes: TocNode<C>[] = [];
  const groups = new Map<OutlineEntry, C[]>();
  const encloses = (e: OutlineEntry, clause: C) => (enclosing ? enclosing(clause).includes(e.id) : clause.id.startsWith(`${e.id}/`));
  for (const clause of clauses) {
    const entry = outline.find((e) => encloses(e, clause));
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
    const at = prev ? nodes.findIndex((n) => n.type === 'entry' && n.entry === prev) + 1 : nodes.findIndex((n) => n.type === 'entry');
    if (at <= 0 && prev) nodes.push(node);
    else if (at < 0) nodes.push(node);
    else nodes.splice(at, 0, node);
  });
  for (const node of nodes) {
    if (node.type === 'entry') node.children = buildToc(node.entry.children, groups.get(node.entry) ?? [], enclosing);
  }
  return nodes;
}
