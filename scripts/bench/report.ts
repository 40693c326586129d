/** The benchmark's printed table (pure formatting). */
import { ratio, type Aggregate } from './metrics';

export interface Row {
  label: string;
  ours: Aggregate;
  stock: Aggregate;
}

const num = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const kb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '–');
const pad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);
const padEnd = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));

/** Column groups: title, then ours/stock (and ratio) cells. */
function cells(r: Row): string[][] {
  const o = r.ours;
  const s = r.stock;
  return [
    [num(o.recall, 3), num(s.recall, 3)],
    [num(o.precision, 3), num(s.precision, 3)],
    [num(o.mrr, 3), num(s.mrr, 3)],
    [num(o.medianLatencyMs, 0), num(s.medianLatencyMs, 0), num(ratio(o.medianLatencyMs, s.medianLatencyMs), 2)],
    [num(o.medianFirstMs, 0), num(s.medianFirstMs, 0), num(ratio(o.medianFirstMs, s.medianFirstMs), 2)],
    [kb(o.medianFirstBytes), kb(s.medianFirstBytes), num(ratio(o.medianFirstBytes, s.medianFirstBytes), 2)],
  ];
}

const GROUPS = ['recall', 'precision (top)', 'MRR', 'median latency ms', 'first query ms', 'first query KB'];
const SUB = [
  ['ours', 'stock'],
  ['ours', 'stock'],
  ['ours', 'stock'],
  ['ours', 'stock', 'ratio'],
  ['ours', 'stock', 'ratio'],
  ['ours', 'stock', 'ratio'],
];
const W = 7;

/** The side-by-side table: one row per class, then the overall row. */
export function formatTable(rows: readonly Row[]): string {
  const labelW = Math.max(12, ...rows.map((r) => r.label.length)) + 1;
  const head1 = padEnd('', labelW) + pad('n', 5) + '  ' + GROUPS.map((g, i) => padEnd(`${g}`, SUB[i]!.length * W) + ' │').join(' ');
  const head2 = padEnd('class', labelW) + pad('', 5) + '  ' + SUB.map((sub) => sub.map((s) => pad(s, W)).join('') + ' │').join(' ');
  const rule = '─'.repeat(head2.length);
  const lines = [head1, head2, rule];
  rows.forEach((r, i) => {
    if (i === rows.length - 1 && rows.length > 1) lines.push(rule);
    lines.push(
      padEnd(r.label, labelW) +
        pad(String(r.ours.queries), 5) +
        '  ' +
        cells(r)
          .map((g) => g.map((c) => pad(c, W)).join('') + ' │')
          .join(' '),
    );
  });
  return lines.join('\n');
}
