import { describe, expect, it } from 'vitest';
import { aggregate, judge, mean, median, pageKey, ratio, type QueryOutcome } from '../../../scripts/bench/metrics';

const rel = (...ids: string[]) => new Set(ids);

describe('judging one result list', () => {
  it('counts recall over every result, not only the top ones', () => {
    const ranked = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'x11', 'a'];
    expect(judge(ranked, rel('a', 'b')).recall).toBe(0.5);
  });

  it('takes precision over the top min(10, |relevant|) results', () => {
    // 2 relevant: precision looks at the top 2 only.
    expect(judge(['a', 'x', 'b'], rel('a', 'b')).precision).toBe(0.5);
    // 12 relevant: the top 10.
    const many = Array.from({ length: 12 }, (_, i) => `r${i}`);
    expect(judge([...many.slice(0, 9), 'x', ...many.slice(9)], new Set(many)).precision).toBe(0.9);
  });

  it('takes precision over all results when there are fewer than that', () => {
    expect(judge(['a', 'x'], rel('a', 'b', 'c', 'd')).precision).toBe(0.5);
    expect(judge(['a'], rel('a', 'b', 'c')).precision).toBe(1);
  });

  it('gives precision, recall and reciprocal rank 0 when nothing is found', () => {
    expect(judge([], rel('a'))).toMatchObject({ recall: 0, precision: 0, reciprocalRank: 0, firstRelevantRank: null });
  });

  it('gives the reciprocal rank of the first relevant result', () => {
    expect(judge(['x', 'y', 'a', 'b'], rel('a', 'b'))).toMatchObject({ reciprocalRank: 1 / 3, firstRelevantRank: 3 });
  });

  it('counts a clause listed twice once, and a link to no clause as not relevant', () => {
    const j = judge(['a', 'a', null, 'b'], rel('a', 'b'));
    expect(j).toMatchObject({ recall: 1, precision: 0.5, found: 2, irrelevant: 2 });
  });

  it('refuses a query without relevant clauses', () => {
    expect(() => judge(['a'], new Set())).toThrow(RangeError);
  });
});

describe('aggregating', () => {
  it('takes the median of an odd and an even count, and NaN of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(mean([1, 2, 3, 6])).toBe(3);
  });

  it('averages quality and takes medians of the timings that were measured', () => {
    const o = (recall: number, latencyMs?: number, first?: [number, number]): QueryOutcome => ({
      judgement: { recall, precision: recall, reciprocalRank: recall, firstRelevantRank: 1, found: 1, irrelevant: 0 },
      count: 1,
      rendered: 1,
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(first ? { firstMs: first[0], firstBytes: first[1] } : {}),
    });
    const a = aggregate([o(1, 10, [100, 1000]), o(0.5, 30), o(0, 20, [300, 3000])]);
    expect(a).toMatchObject({
      queries: 3,
      recall: 0.5,
      precision: 0.5,
      mrr: 0.5,
      medianLatencyMs: 20,
      medianFirstMs: 200,
      medianFirstBytes: 2000,
      coldQueries: 2,
    });
  });

  it('gives the ratio ours/stock, or NaN when it cannot', () => {
    expect(ratio(30, 20)).toBe(1.5);
    expect(ratio(30, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });
});

describe('the page a result links to', () => {
  it('resolves a relative link against the search page and drops the fragment and query', () => {
    expect(pageKey('../luhui-2014-79/1/1.html#p2', 'http://h/search/index.html?q=x')).toBe('/luhui-2014-79/1/1');
    expect(pageKey('/luhui-2014-79/1/1.html?x=1')).toBe('/luhui-2014-79/1/1');
  });

  it('matches the open data’s url however the page is written', () => {
    const key = pageKey('/plan14-a/5/15.html');
    expect(pageKey('http://127.0.0.1:9/plan14-a/5/15.html')).toBe(key);
    expect(pageKey('/plan14-a/5/15')).toBe(key);
    expect(pageKey('/a/index.html')).toBe(pageKey('/a/'));
  });

  it('decodes percent-encoded paths', () => {
    expect(pageKey('/%E6%9D%A1/1.html')).toBe('/条/1');
  });
});
