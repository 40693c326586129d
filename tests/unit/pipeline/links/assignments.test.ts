/**
 * Assignments: work-division items and indicator rows tied to the clause they carry out,
 * checked against the hand-checked mapping (tests/fixtures/assignments/expected.tsv), against
 * invariants a wrong link would break, and on small synthetic libraries; and the unit index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord, Library } from '../../../../src/model';
import {
  bigrams,
  bigramShare,
  candidates,
  clauseWording,
  findAssignments,
  isWorkItem,
  MIN_SHARE,
  shortlister,
  unitId,
  unitIndex,
} from '../../../../src/pipeline/links/assignments';
import { ROOT, fromSeeds, repositoryLibrary } from '../helpers';

const EXPECTED = path.join(ROOT, 'tests/fixtures/assignments/expected.tsv');

/** The hand-checked mapping: item id → clause id, or null where the item has no counterpart. */
function expectedMapping(): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const line of readFileSync(EXPECTED, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [item, clause] = line.split('\t');
    out.set(item, clause === '-' ? null : clause);
  }
  return out;
}

/** The units printed after a label in a clause's text ("牵头单位：组织部、财务部"), read from the text itself. */
const printedUnits = (c: ClauseRecord, label: string): string[] =>
  c.text
    .split('\n')
    .filter((l) => l.startsWith(label))
    .flatMap((l) =>
      l
        .slice(label.length)
        .replace(/^[：:]\s*/, '')
        .split('、'),
    )
    .map((s) => s.trim())
    .filter(Boolean);

/** The phrases (runs between punctuation) of four or more characters. */
const phrases = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter((p) => [...p].length >= 4);

let lib: Library;
let byId: Map<string, ClauseRecord>;
beforeAll(() => {
  lib = repositoryLibrary();
  byId = new Map(lib.clauses.map((c) => [c.id, c]));
}, 120_000);

describe('assignments in the library', () => {
  const items = () => lib.clauses.filter((c) => c.fields?.length || c.columns);

  it('agrees with the hand-checked mapping for every annex item and indicator row of the five seed sources', () => {
    const expected = expectedMapping();
    expect([...expected.keys()].sort()).toEqual(
      items()
        .filter(fromSeeds)
        .map((c) => c.id)
        .sort(),
    );
    const found = new Map(lib.assignments.map((a) => [a.item, a.clause]));
    const disagree = [...expected].filter(([item, clause]) => (found.get(item) ?? null) !== clause);
    expect(disagree).toEqual([]);
  });

  it('links each item to at most one clause', () => {
    const seen = lib.assignments.map((a) => a.item);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('links every annex item to a clause of another document in the part of the same title', () => {
    for (const a of lib.assignments) {
      const item = byId.get(a.item)!;
      if (!item.fields) continue;
      const clause = byId.get(a.clause)!;
      expect(clause.doc, a.item).not.toBe(item.doc);
      expect(clause.path[0], a.item).toBe(item.path[0]);
    }
  });

  it('links every indicator row to a prose clause of its own document, in the table’s part', () => {
    for (const a of lib.assignments) {
      const item = byId.get(a.item)!;
      if (!item.columns) continue;
      const clause = byId.get(a.clause)!;
      expect(clause.doc, a.item).toBe(item.doc);
      expect(clause.columns, a.item).toBeUndefined();
      expect(clause.path[0], a.item).toBe(item.path[0]);
    }
  });

  it('finds at least half of each item’s longer phrases word for word in its clause', () => {
    for (const a of lib.assignments) {
      const own = phrases(clauseWording(byId.get(a.item)!));
      const clause = clauseWording(byId.get(a.clause)!);
      expect(own.filter((p) => clause.includes(p)).length / own.length, a.item).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('keeps a margin in the five seed sources: the chosen clause reaches the threshold and no other of their clauses does', () => {
    const chosen = new Map(lib.assignments.map((a) => [a.item, a]));
    const seedClauses = lib.clauses.filter(fromSeeds);
    for (const item of items().filter(fromSeeds)) {
      const a = chosen.get(item.id);
      if (a) expect(a.score, item.id).toBeGreaterThanOrEqual(MIN_SHARE);
      for (const c of candidates(item, seedClauses)) if (c.id !== a?.clause) expect(c.score, `${item.id} → ${c.id}`).toBeLessThan(MIN_SHARE - 0.05);
    }
  });

  it('gives each annex item the lead and joining units printed in its fields', () => {
    for (const a of lib.assignments) {
      const item = byId.get(a.item)!;
      expect(a.lead, a.item).toEqual(printedUnits(item, '牵头单位'));
      expect(a.join, a.item).toEqual(printedUnits(item, '参加单位'));
      if (item.fields) expect(a.lead.length, a.item).toBeGreaterThan(0);
    }
  });

  it('publishes the links as implements on the item and implemented-by on the clause', () => {
    for (const a of lib.assignments) {
      expect(byId.get(a.item)!.links).toContainEqual({ rel: 'implements', id: a.clause });
      expect(byId.get(a.clause)!.links).toContainEqual({ rel: 'implemented-by', id: a.item });
    }
  });
});

describe('the unit index of the library', () => {
  it('lists every unit printed in a 牵头单位 or 参加单位 line, once', () => {
    const printed = new Set(lib.clauses.flatMap((c) => [...printedUnits(c, '牵头单位'), ...printedUnits(c, '参加单位')]));
    const names = lib.units.map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(names)).toEqual(printed);
  });

  it('lists under each unit exactly the items that name it, in reading order', () => {
    const order = new Map(lib.clauses.map((c, i) => [c.id, i]));
    for (const u of lib.units) {
      const naming = (label: string) => lib.clauses.filter((c) => printedUnits(c, label).includes(u.name)).map((c) => c.id);
      expect(u.leads, u.name).toEqual(naming('牵头单位'));
      expect(u.joins, u.name).toEqual(naming('参加单位'));
      const idx = u.leads.map((id) => order.get(id)!);
      expect(idx).toEqual([...idx].sort((x, y) => x - y));
    }
  });

  it('orders the units by pinyin', () => {
    const names = lib.units.map((u) => u.name);
    expect(names.indexOf('办公室')).toBeLessThan(names.indexOf('财务部'));
    expect(names.indexOf('财务部')).toBeLessThan(names.indexOf('组织部'));
  });

  it('gives each unit an ASCII id and a page URL made from its name alone', () => {
    const reversed = unitIndex([...lib.clauses].reverse());
    for (const u of lib.units) {
      expect(u.id).toMatch(/^u[0-9a-f]{8}$/);
      expect(u.url).toBe(`/units/${u.id}.html`);
      expect(reversed.find((r) => r.name === u.name)?.id).toBe(u.id);
    }
  });
});

// ───────────────────────────────────────────────────────────── synthetic cases

let serial = 0;
/** A clause record for synthetic libraries. */
function clause(doc: string, text: string, extra: Partial<ClauseRecord> = {}): ClauseRecord {
  const id = `${doc}/${++serial}`;
  return { id, url: `/${id}.html`, source: 's.txt', doc, number: null, path: ['一、总则'], text, keywords: [], links: [], ...extra };
}
/** A work-division item: prose, then 牵头单位 / 参加单位 lines and fields. */
function item(doc: string, prose: string, lead: string[], join: string[] = []): ClauseRecord {
  const fields = [{ label: '牵头单位', items: lead }, ...(join.length ? [{ label: '参加单位', items: join }] : [])];
  const text = [prose, ...fields.map((f) => `${f.label}：${f.items.join('、')}`)].join('\n');
  return clause(doc, text, { fields });
}
const row = (doc: string, part: string, heading: string, text: string) =>
  clause(doc, text, { heading, columns: ['具体指标', '发展目标'], path: [part, '指标表'] });

describe('finding assignments', () => {
  it('ignores punctuation and spaces when it compares wording', () => {
    expect(bigrams('劳动、竞赛 活动')).toEqual(bigrams('劳动,竞赛，活动'));
    expect(bigramShare(bigrams('加强职工文化建设。'), bigrams('要加强职工文化建设，丰富生活'))).toBe(1);
  });

  it('links an item to the clause it restates, shortened and reordered, rather than to a neighbour', () => {
    const a = clause('opinion', '加强职工文化建设，广泛开展职工文化体育活动，丰富职工精神文化生活。');
    const b = clause('opinion', '加强职工思想政治工作，注重对职工的人文关怀、心理疏导和情绪引导。');
    const i = item('annex', '丰富职工精神文化生活，广泛开展职工文化体育活动。', ['宣传教育部'], ['各产业工会']);
    expect(findAssignments([], [a, b, i])).toEqual([{ item: i.id, clause: a.id, lead: ['宣传教育部'], join: ['各产业工会'], score: 1 }]);
  });

  it('leaves an item that restates nothing unlinked', () => {
    const a = clause('opinion', '加强职工文化建设，广泛开展职工文化体育活动，丰富职工精神文化生活。');
    const i = item('annex', '做好工会经费收缴和审查审计工作。', ['财务部']);
    expect(findAssignments([], [a, i])).toEqual([]);
  });

  it('never links an item to a clause of its own document', () => {
    const same = clause('annex', '加强普法宣传教育，提高职工法律意识。');
    const i = item('annex', '加强普法宣传教育，提高职工法律意识。', ['法律工作部']);
    expect(findAssignments([], [same, i])).toEqual([]);
  });

  it('links an indicator row to the clause of its document that states the same target', () => {
    const target = clause('plan', '每年筹集送温暖资金30亿元以上，走访慰问各类职工500万人以上。', { path: ['六、服务'] });
    const other = clause('other', '每年筹集送温暖资金30亿元以上，走访慰问各类职工500万人以上。', { path: ['六、服务'] });
    const r = row('plan', '六、服务', '送温暖', '每年筹集送温暖资金30亿元以上，走访慰问各类职工500万人以上。');
    const found = findAssignments([], [other, target, r]);
    expect(found.map((a) => [a.item, a.clause])).toEqual([[r.id, target.id]]);
    expect(found[0].lead).toEqual([]);
  });

  it('prefers a clause in the table’s own part to a closer one in another part', () => {
    const elsewhere = clause('plan', '到2025年底，全国示范性创新工作室达到500家左右。', { path: ['五、其他'] });
    const inPart = clause('plan', '到2025年底，示范性创新工作室达到500家左右。', { path: ['四、素质'] });
    const r = row('plan', '四、素质', '创新工作室', '到2025年底，全国示范性创新工作室达到500家左右。');
    expect(candidates(r, [elsewhere, inPart, r])[0].id).toBe(elsewhere.id);
    expect(findAssignments([], [elsewhere, inPart, r]).map((a) => a.clause)).toEqual([inPart.id]);
  });

  it('leaves an indicator row whose target no clause states unlinked', () => {
    const c = clause('plan', '加强工人文化宫规范化建设管理。', { path: ['四、素质'] });
    const r = row('plan', '四、素质', '劳模选树管理', '重点选树宣传100名左右的劳模工匠先进典型。');
    expect(findAssignments([], [c, r])).toEqual([]);
  });
});

describe('the unit index', () => {
  it('lists the items a unit leads and joins in reading order, units in pinyin order', () => {
    const i1 = item('annex', '甲项工作。', ['组织部'], ['财务部', '办公室']);
    const i2 = item('annex', '乙项工作。', ['财务部'], ['组织部']);
    const units = unitIndex([i1, i2]);
    expect(units.map((u) => [u.name, u.leads, u.joins])).toEqual([
      ['办公室', [], [i1.id]],
      ['财务部', [i2.id], [i1.id]],
      ['组织部', [i1.id], [i2.id]],
    ]);
  });

  it('throws when two unit names would share an id', () => {
    // Two names whose SHA-256 digests share their first eight hex digits (found by search).
    const [a, b] = ['单位40284', '单位164302'];
    expect(unitId(a)).toBe(unitId(b));
    expect(() => unitIndex([item('annex', '甲项工作。', [a], [b])])).toThrow(/same id/);
  });
});

describe('the shortlist of clauses an item may carry out', () => {
  it('holds every clause of the library that reaches the least share for an item, and under half of the others', () => {
    const shortlist = shortlister(lib.clauses);
    let shortlisted = 0;
    let all = 0;
    for (const item of lib.clauses.filter(isWorkItem)) {
      const listed = new Set(shortlist(item).map((c) => c.id));
      const reaching = candidates(item, lib.clauses).filter((c) => c.score >= MIN_SHARE);
      expect(reaching.length).toBeGreaterThan(0);
      for (const c of reaching) expect(listed.has(c.id)).toBe(true);
      shortlisted += [...listed].filter((id) => lib.clauses.find((c) => c.id === id)!.doc !== item.doc).length;
      all += candidates(item, lib.clauses).length;
    }
    expect(shortlisted).toBeLessThan(all / 2);
  });
});
