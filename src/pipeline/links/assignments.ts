/**
 * Assignments: work-division items (and indicator-table rows) tied to the clause they carry
 * out, found from the text (an item restates its clause's words), and the units named in them.
 *
 * The measure is the share of the item's character bigrams (punctuation dropped) that occur
 * in the candidate clause: an item that restates a clause, even shortened or reordered, keeps
 * nearly all of its bigrams; a clause on a neighbouring subject shares well under two thirds.
 */
import { createHash } from 'node:crypto';
import type { Assignment, ClauseRecord, DocumentRecord, Unit } from '../../model';
import { groupBy } from '../../collections';
import { unitUrl } from '../../urls';
import { documentPairs } from './versions';
import { JOIN_FIELD_LABELS, LEAD_FIELD_LABELS, RESPONSIBILITY_LABEL } from '../furniture';

/** The least share of an item's bigrams its clause must hold for a link. */
export const MIN_SHARE = 0.75;

/** Field labels of the units that lead an item, and of those that join it. */
export const LEAD_LABEL = '牵头单位';
export const JOIN_LABEL = '参加单位';
/** Every label of units that lead or carry out an item (负责单位: a （…负责） note). */
export const LEAD_LABELS = [...LEAD_FIELD_LABELS, RESPONSIBILITY_LABEL];
/** Every label of units that join an item. */
export const JOIN_LABELS = JOIN_FIELD_LABELS;

/** A clause an item might carry out, with the share of the item's bigrams it holds. */
export interface Candidate {
  id: string;
  score: number;
}

/** The character bigrams of a text; punctuation and spaces split it, and no bigram spans them. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.split(/[^\p{L}\p{N}]+/u)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

/** The share (0–1) of the bigrams `of` that are also in `within`; 0 for an empty `of`. */
export function bigramShare(of: Set<string>, within: Set<string>): number {
  if (of.size === 0) return 0;
  let shared = 0;
  for (const b of of) if (within.has(b)) shared++;
  return shared / of.size;
}

/** Whether a clause is a work-division item: it names units in 牵头单位 / 参加单位 (or 责任单位, 配合单位, （…负责）) fields. */
export function isWorkItem(c: ClauseRecord): boolean {
  return (c.fields ?? []).some((f) => LEAD_LABELS.includes(f.label) || JOIN_LABELS.includes(f.label));
}

/** Whether a clause is a row of an indicator table (it has the table's columns). */
export function isIndicatorRow(c: ClauseRecord): boolean {
  return c.columns !== undefined;
}

/** A clause's text without its labelled field lines (牵头单位：…): what a work-division item says. */
export function itemProse(c: ClauseRecord): string {
  const labels = (c.fields ?? []).map((f) => f.label);
  return c.text
    .split('\n')
    .filter((line) => !labels.some((l) => line.startsWith(l)))
    .join('\n');
}

/** What a clause says, for matching: its heading and its prose. */
export function clauseWording(c: ClauseRecord): string {
  return c.heading ? `${c.heading}\n${itemProse(c)}` : itemProse(c);
}

/** The units a work-division item names, as printed: those that lead it and those that join it. */
export function itemUnits(c: ClauseRecord): { lead: string[]; join: string[] } {
  const named = (labels: string[]) => (c.fields ?? []).filter((f) => labels.includes(f.label)).flatMap((f) => f.items);
  return { lead: named(LEAD_LABELS), join: named(JOIN_LABELS) };
}

/** The bigrams of each clause's wording, made once per clause record. */
const wordingBigrams = new WeakMap<ClauseRecord, Set<string>>();
const bigramsOf = (c: ClauseRecord): Set<string> => {
  let b = wordingBigrams.get(c);
  if (!b) wordingBigrams.set(c, (b = bigrams(clauseWording(c))));
  return b;
};

/** The part (outermost division title) a clause stands in, or null. */
const partOf = (c: ClauseRecord): string | null => c.path[0] ?? null;

/** Whether a clause can be carried out by items: prose, neither an item nor an indicator row. */
const isProse = (c: ClauseRecord) => !isWorkItem(c) && !isIndicatorRow(c);

/** Score a pool of clauses against an item, best first; ties keep the pool's order. */
const score = (item: ClauseRecord, pool: ClauseRecord[]): Candidate[] => {
  const own = bigramsOf(item);
  return pool.map((c) => ({ id: c.id, score: bigramShare(own, bigramsOf(c)) })).sort((a, b) => b.score - a.score);
};

/**
 * The clauses an item or indicator row could carry out, each scored, best first: for a
 * work-division item the prose clauses of every other document, for an indicator row those
 * of its own document. Ties keep reading order.
 */
export function candidates(item: ClauseRecord, clauses: ClauseRecord[]): Candidate[] {
  const ownDocument = isIndicatorRow(item);
  return score(
    item,
    clauses.filter((c) => (c.doc === item.doc) === ownDocument && isProse(c)),
  );
}

/**
 * A look-up of the prose clauses that may hold MIN_SHARE of an item's bigrams: a clause
 * holding that share holds at least one of any (1 − MIN_SHARE) share of them plus one, so
 * it is found among the clauses holding one of the item's rarest bigrams. Gives the same
 * clauses that reach MIN_SHARE as scoring every clause, in reading order, at a fraction of
 * the cost in a large library.
 */
export function shortlister(clauses: ClauseRecord[]): (item: ClauseRecord) => ClauseRecord[] {
  const order = new Map<ClauseRecord, number>();
  const postings = new Map<string, ClauseRecord[]>();
  clauses.forEach((c, i) => {
    if (!isProse(c)) return;
    order.set(c, i);
    for (const b of bigramsOf(c)) {
      let list = postings.get(b);
      if (!list) postings.set(b, (list = []));
      list.push(c);
    }
  });
  return (item) => {
    const own = [...bigramsOf(item)].sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0));
    const needed = own.length - Math.ceil(MIN_SHARE * own.length) + 1;
    const found = new Set<ClauseRecord>();
    for (const b of own.slice(0, needed)) for (const c of postings.get(b) ?? []) found.add(c);
    return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

/**
 * The clause an item carries out, from its scored candidates: the best one that reaches
 * MIN_SHARE; for an indicator row, one in the table's own part is preferred to a better one
 * elsewhere. Undefined when none reaches it.
 */
function choose(item: ClauseRecord, scored: Candidate[], byId: Map<string, ClauseRecord>): Candidate | undefined {
  const passing = scored.filter((c) => c.score >= MIN_SHARE);
  if (isIndicatorRow(item)) {
    const part = partOf(item);
    const inPart = passing.find((c) => partOf(byId.get(c.id)!) === part);
    if (inPart) return inPart;
  }
  return passing[0];
}

/**
 * The documents each document shares wording with (versions.ts `documentPairs`: a share of
 * their 8-character runs in common): an annex restates its opinion word for word in places,
 * so the opinion is among them, while documents that merely treat the same subjects are not.
 */
function sharingWording(clauses: ClauseRecord[]): Map<string, string[]> {
  const byDoc = groupBy(clauses, (c) => c.doc);
  const ids = [...byDoc.keys()];
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  for (const [i, k] of documentPairs(ids.map((id) => byDoc.get(id)!.map(clauseWording).join('\n')))) {
    out.get(ids[i]!)!.push(ids[k]!);
    out.get(ids[k]!)!.push(ids[i]!);
  }
  return out;
}

/**
 * Each work-division item and indicator row, with the clause it implements, in reading order.
 * An item is looked for in the prose clauses of the documents that share wording with its
 * own, so the work grows with the library, not with its square.
 */
export function findAssignments(_documents: DocumentRecord[], clauses: ClauseRecord[]): Assignment[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const clausesOf = groupBy(clauses, (c) => c.doc);
  const proseOf = groupBy(clauses.filter(isProse), (c) => c.doc);
  const sharing = sharingWording(clauses);
  const shortlists = new Map<string, (item: ClauseRecord) => ClauseRecord[]>();
  const shortlistOf = (doc: string) => {
    let shortlist = shortlists.get(doc);
    if (!shortlist) {
      const others = (sharing.get(doc) ?? []).flatMap((d) => clausesOf.get(d) ?? []);
      shortlists.set(doc, (shortlist = shortlister(others)));
    }
    return shortlist;
  };
  const out: Assignment[] = [];
  for (const item of clauses) {
    if (!isWorkItem(item) && !isIndicatorRow(item)) continue;
    const pool = isIndicatorRow(item) ? (proseOf.get(item.doc) ?? []) : shortlistOf(item.doc)(item);
    const best = choose(item, score(item, pool), byId);
    if (!best) continue;
    out.push({ item: item.id, clause: best.id, ...itemUnits(item), score: Math.round(best.score * 1000) / 1000 });
  }
  return out;
}

/** The stable ASCII id of a unit, from its name alone: "u" and 8 hex digits of its SHA-256. */
export function unitId(name: string): string {
  return `u${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8)}`;
}

/**
 * The units named as 牵头单位 / 参加单位, each with the items it leads and joins in reading
 * order, the units in pinyin order. Units come from every work-division item's fields, so an
 * item left unlinked still appears on its units' pages. Throws if two names share an id.
 */
export function unitIndex(clauses: ClauseRecord[]): Unit[] {
  const units = new Map<string, Unit>();
  const ids = new Map<string, string>();
  const unit = (name: string): Unit => {
    let u = units.get(name);
    if (u) return u;
    const id = unitId(name);
    const other = ids.get(id);
    if (other !== undefined) throw new Error(`units ${other} and ${name} have the same id ${id}`);
    ids.set(id, name);
    units.set(name, (u = { id, url: unitUrl(id), name, leads: [], joins: [] }));
    return u;
  };
  for (const c of clauses.filter(isWorkItem)) {
    const { lead, join } = itemUnits(c);
    for (const name of lead) if (!unit(name).leads.includes(c.id)) unit(name).leads.push(c.id);
    for (const name of join) if (!unit(name).joins.includes(c.id)) unit(name).joins.push(c.id);
  }
  const collator = new Intl.Collator('zh');
  return [...units.values()].sort((a, b) => collator.compare(a.name, b.name));
}
