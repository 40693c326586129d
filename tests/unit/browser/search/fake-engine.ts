/**
 * A small in-memory Engine (src/browser/search/types.ts) over made-up clauses, for the results page's
 * tests. It folds like the real engine (without traditional → simplified), cuts a query into
 * the words of a fixed vocabulary (longest first), and ranks: the query as typed, then all
 * words, then some words; ties in document order. `total` counts tiers 1–2, `partial` tier 3.
 */
import { countFacets, passes } from '../../../../src/browser/search/engine';
import { findFolded, fold } from '../../../../src/browser/fold';
import type { Engine, Hit, MatchRange, Outcome, SearchDoc, SearchFilters } from '../../../../src/browser/search/types';

export interface FakeClause {
  id: string;
  doc: string;
  position: string;
  heading?: string;
  text: string;
}

export const DOCS: SearchDoc[] = [
  { id: 'luhui-2014-79', title: '山东省总工会关于新形势下加强基层工会建设的实施意见', kind: '实施意见', year: '2014' },
  { id: 'luhui-2014-79-annex', title: '鲁会〔2014〕79号附件：工作分工方案', kind: '分工方案', year: null },
  { id: 'report-2024', title: '全总工作报告（2024）', kind: '工作报告', year: '2024' },
];

export const CLAUSES: FakeClause[] = [
  {
    id: 'luhui-2014-79/2/7',
    doc: 'luhui-2014-79',
    position: '第七条',
    heading: '深化职工之家建设。',
    text: '以建设职工之家为载体，推进会、站、家一体化建设。\n广泛开展模范职工之家创建活动，每年评选一批先进单位。',
  },
  {
    id: 'luhui-2014-79-annex/1/29',
    doc: 'luhui-2014-79-annex',
    position: '第二十九条',
    text: '加强集体协商指导员队伍建设，每年组织集体协商指导员培训。',
  },
  {
    id: 'report-2024/2/3',
    doc: 'report-2024',
    position: '二、（三）',
    heading: '推进集体协商',
    text: '深入推进集体协商，健全协商机制。加强指导员队伍的培训工作，提升协商实效。',
  },
  {
    id: 'report-2024/2/4',
    doc: 'report-2024',
    position: '二、（四）',
    text: '开展职工培训，提高职工技能。',
  },
];

const VOCAB = ['集体协商', '指导员', '培训', '职工之家', '职工', '会站家'];

/** Cut a folded query into vocabulary words, longest match first; leftovers become words too. */
export function cut(folded: string): string[] {
  const words: string[] = [];
  let rest = folded;
  while (rest) {
    const w = [...VOCAB].sort((a, b) => b.length - a.length).find((v) => rest.startsWith(v));
    const word = w ?? rest.slice(0, 1);
    if (w || words.length === 0 || VOCAB.some((v) => words[words.length - 1].endsWith(v))) words.push(word);
    else words[words.length - 1] += word;
    rest = rest.slice(word.length);
  }
  return words.length === 1 && words[0] === folded ? [] : words;
}

function matches(paragraphs: string[], needles: string[]): MatchRange[] {
  const out: MatchRange[] = [];
  paragraphs.forEach((p, paragraph) => {
    const ranges = needles.flatMap((n) => findFolded(p, n)).sort((a, b) => a[0] - b[0]);
    for (const [start, end] of ranges) {
      const last = out[out.length - 1];
      if (last && last.paragraph === paragraph && start <= last.end) last.end = Math.max(last.end, end);
      else out.push({ paragraph, start, end });
    }
  });
  return out;
}

export interface FakeEngine extends Engine {
  /** Every call of `search`, in order. */
  calls: { query: string; filters: SearchFilters }[];
}

/** A fake engine over `clauses` (default: CLAUSES). */
export function fakeEngine(clauses: FakeClause[] = CLAUSES, docs: SearchDoc[] = DOCS): FakeEngine {
  const calls: FakeEngine['calls'] = [];
  return {
    docs,
    calls,
    async search(query: string, filters: SearchFilters = {}): Promise<Outcome> {
      calls.push({ query, filters });
      const folded = fold(query);
      const words = [...folded].length >= 2 ? cut(folded) : [];
      const ranked: { clause: FakeClause; tier: 1 | 2 | 3; heading: boolean; order: number }[] = [];
      clauses.forEach((clause, order) => {
        const all = fold(`${clause.heading ?? ''}${clause.text}`);
        const tier = folded && all.includes(folded) ? 1 : words.length && words.every((w) => all.includes(w)) ? 2 : words.some((w) => all.includes(w)) ? 3 : 0;
        if (!tier) return;
        const heading = fold(clause.heading ?? '').includes(tier === 1 ? folded : (words[0] ?? folded));
        ranked.push({ clause, tier, heading, order });
      });
      ranked.sort((a, b) => a.tier - b.tier || Number(b.heading) - Number(a.heading) || a.order - b.order);
      const docOf = (c: FakeClause) => docs.find((d) => d.id === c.doc)!;
      const counts = countFacets(ranked.map((r) => docOf(r.clause)));
      const shown = folded ? ranked.filter((r) => passes(docOf(r.clause), filters)) : [];
      return {
        query,
        folded,
        words,
        total: shown.filter((r) => r.tier < 3).length,
        partial: shown.filter((r) => r.tier === 3).length,
        counts,
        hits: async (from, to) =>
          shown.slice(from, to).map(({ clause, tier, heading }): Hit => {
            const paragraphs = clause.text.split('\n');
            const hit: Hit = {
              id: clause.id,
              url: `/${clause.id}.html`,
              doc: docOf(clause),
              position: clause.position,
              paragraphs,
              tier,
              matches: matches(paragraphs, tier === 1 ? [folded] : words),
              headingMatch: heading,
            };
            if (clause.heading) hit.heading = clause.heading;
            return hit;
          }),
      };
    },
  };
}

/** `count` clauses that all contain 工会, in one document: for paging. */
export function manyClauses(count: number): FakeClause[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `luhui-2014-79/9/${i + 1}`,
    doc: 'luhui-2014-79',
    position: `第${i + 1}条`,
    text: `第${i + 1}项：加强基层工会建设。`,
  }));
}
