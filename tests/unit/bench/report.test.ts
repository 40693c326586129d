import { describe, expect, it } from 'vitest';
import type { Aggregate } from '../../../scripts/bench/metrics';
import { formatTable } from '../../../scripts/bench/report';
import { STOCK_SEARCH_PAGE } from '../../../scripts/bench/stock';

const agg = (x: Partial<Aggregate>): Aggregate => ({
  queries: 10,
  recall: 1,
  precision: 1,
  mrr: 1,
  medianLatencyMs: 20,
  medianFirstMs: 400,
  medianFirstBytes: 204800,
  coldQueries: 5,
  ...x,
});

describe('the printed table', () => {
  it('puts ours and stock side by side with the ratio of latency and bytes', () => {
    const table = formatTable([
      { label: 'substrings', ours: agg({ recall: 0.9876, medianLatencyMs: 30 }), stock: agg({ recall: 0.5 }) },
      { label: 'overall', ours: agg({}), stock: agg({}) },
    ]);
    const row = table.split('\n').find((l) => l.startsWith('substrings'))!;
    expect(row).toContain('0.988');
    expect(row).toContain('0.500');
    expect(row).toContain('1.50'); // 30 ms / 20 ms
    expect(row).toContain('200.0'); // KB
    expect(table).toMatch(/^overall/m);
  });

  it('shows a dash for a value that was not measured', () => {
    const table = formatTable([{ label: 'overall', ours: agg({ medianFirstMs: NaN }), stock: agg({}) }]);
    expect(table.split('\n').at(-1)).toContain('–');
  });
});

describe('the stock search page', () => {
  it('is a Chinese page that loads Pagefind relative to itself and follows the search contract', () => {
    expect(STOCK_SEARCH_PAGE).toContain('<html lang="zh-CN">');
    expect(STOCK_SEARCH_PAGE).toContain("'../pagefind/pagefind.js'");
    expect(STOCK_SEARCH_PAGE).toContain('id="search-results"');
    expect(STOCK_SEARCH_PAGE).toMatch(/aria-busy', 'false'/);
    expect(STOCK_SEARCH_PAGE).toMatch(/data-count/);
    expect(STOCK_SEARCH_PAGE).toMatch(/pagefind\.search\(q\)/);
  });
});
