#!/usr/bin/env -S npx tsx
/**
 * Quote check benchmark: how long the quote check (src/browser/quotes/) takes over the real
 * library for drafts of 1,000, 5,000 and 20,000 characters. It prints figures; it is not a test.
 *
 * Usage: npm run bench:quotes [-- options]
 *   --runs N    checks per draft; the median is printed (default 7)
 *   --seed N    seed of the drafts (default 14)
 *
 * Each draft is made, with a fixed seed, of passages of 15–120 characters cut from the
 * library's paragraphs — about a third with one character changed, some in quotation marks —
 * between filler sentences that stand in no clause, cut to its length. It runs the page's own
 * code in Node (the same JavaScript engine as Chromium): building the index once (as the page
 * does on its first check), then checking each draft.
 */
import { parseArgs } from 'node:util';
import { loadLibrary } from '../src/library';
import { quoteData } from '../src/integrations/quotes/quote-data';
import { buildQuoteIndex, checkDraft } from '../src/browser/quotes/check';
import { median } from './bench/metrics';

const USAGE = 'usage: npm run bench:quotes [-- --runs N] [--seed N]';
const SIZES = [1000, 5000, 20000];
const FILLER = [
  '结合本单位实际，我们制定了具体的工作安排。',
  '会后，各部门负责同志分头召开了座谈会。',
  '今年以来，大家克服困难，完成了各项任务。',
  '下一步，我们将继续加强调查研究，总结经验。',
  '这些做法受到了广大干部群众的好评。',
];
const SWAP = '甲乙丙丁戊己庚辛';

/** A small seeded generator (mulberry32), so the drafts are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A passage put into a draft: its span, and whether a character of it was changed. */
interface Planted {
  from: number;
  to: number;
  edited: boolean;
}

/** A draft of `size` characters: library passages, some edited or quoted, between filler sentences. */
function makeDraft(paragraphs: string[], size: number, rnd: () => number): { draft: string; planted: Planted[] } {
  let draft = '';
  const planted: Planted[] = [];
  while (draft.length < size) {
    const p = paragraphs[Math.floor(rnd() * paragraphs.length)]!;
    const len = Math.min(p.length, 15 + Math.floor(rnd() * 106));
    const at = Math.floor(rnd() * (p.length - len + 1));
    let passage = p.slice(at, at + len);
    const edited = rnd() < 0.33 && passage.length >= 20;
    if (edited) {
      const i = Math.floor(passage.length / 2);
      passage = passage.slice(0, i) + SWAP[Math.floor(rnd() * SWAP.length)] + passage.slice(i + 1);
    }
    const quoted = rnd() < 0.5;
    const from = draft.length + (quoted ? 1 : 0);
    planted.push({ from, to: from + passage.length, edited });
    if (quoted) passage = `“${passage}”`;
    draft += passage + FILLER[Math.floor(rnd() * FILLER.length)]!;
    if (rnd() < 0.2) draft += '\n';
  }
  return { draft: draft.slice(0, size), planted: planted.filter((p) => p.to <= size) };
}

/** How many planted passages a found passage covers for at least 80 % of their length, and of those, how many with the right kind (exact / differs). */
function recall(planted: Planted[], found: { from: number; to: number; match: string }[]): { found: number; kind: number } {
  let n = 0;
  let kind = 0;
  for (const p of planted) {
    const f = found.find((f) => Math.min(f.to, p.to) - Math.max(f.from, p.from) >= 0.8 * (p.to - p.from));
    if (!f) continue;
    n++;
    if ((f.match === 'differs') === p.edited) kind++;
  }
  return { found: n, kind };
}

const { values } = (() => {
  try {
    return parseArgs({ options: { runs: { type: 'string', default: '7' }, seed: { type: 'string', default: '14' } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error(`--runs and --seed take whole numbers\n${USAGE}`);
  process.exit(2);
}

const data = quoteData(await loadLibrary());
const paragraphs = data.clauses.flatMap((c) => c.paras.map((p) => p.t)).filter((t) => t.length >= 15);
let t = performance.now();
const index = buildQuoteIndex(data);
const indexMs = performance.now() - t;
console.log(
  `Quote check benchmark: ${data.clauses.length} clauses, ${index.corpus.text.length} folded characters, ${index.shingles.size} shingles; index built in ${indexMs.toFixed(0)} ms (once per page).`,
);
console.log(`median of ${runs} checks per draft (seed ${seed}):`);
console.log('characters  median ms  max ms  passages found (exact / differing)  planted: found, right kind');
const rnd = random(seed);
for (const size of SIZES) {
  const { draft, planted } = makeDraft(paragraphs, size, rnd);
  const times: number[] = [];
  let report = checkDraft(draft, index);
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    report = checkDraft(draft, index);
    times.push(performance.now() - t);
  }
  const differs = report.passages.filter((p) => p.match === 'differs').length;
  const r = recall(planted, report.passages);
  console.log(
    `${String(size).padStart(10)}  ${median(times).toFixed(1).padStart(9)}  ${Math.max(...times)
      .toFixed(1)
      .padStart(
        6,
      )}  ${String(report.passages.length).padStart(14)} (${report.passages.length - differs} / ${differs})${' '.repeat(10)}${planted.length}: ${r.found}, ${r.kind}`,
  );
}
