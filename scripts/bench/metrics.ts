/**
 * Per-query metrics and their aggregation. Pure functions: a ranked list of clause ids (null
 * for a result that is not a clause page) against the set of relevant clause ids.
 */

/** How many top results precision looks at, at most. */
export const PRECISION_DEPTH = 10;

export interface Judgement {
  /** |found ∩ relevant| / |relevant|, over every result returned. */
  recall: number;
  /**
   * Share of relevant results among the top k = min(10, |relevant|) results, or among all
   * results if there are fewer than k; 0 when there are no results.
   */
  precision: number;
  /** 1 / rank of the first relevant result; 0 if none. */
  reciprocalRank: number;
  /** Rank (1-based) of the first relevant result, or null. */
  firstRelevantRank: number | null;
  /** Relevant results found. */
  found: number;
  /** Results that are not relevant (duplicates and non-clause links included). */
  irrelevant: number;
}

/**
 * Judge one ranked result list. A clause listed twice counts once, at its first rank; the
 * repeat (and any result that is not a clause, `null`) counts as not relevant.
 */
export function judge(ranked: readonly (string | null)[], relevant: ReadonlySet<string>): Judgement {
  if (relevant.size === 0) throw new RangeError('judge() needs at least one relevant clause');
  const seen = new Set<string>();
  const isHit = ranked.map((id) => {
    if (id === null || seen.has(id)) return false;
    seen.add(id);
    return relevant.has(id);
  });
  const found = isHit.filter(Boolean).length;
  const k = Math.min(PRECISION_DEPTH, relevant.size);
  const top = isHit.slice(0, k);
  const precision = top.length === 0 ? 0 : top.filter(Boolean).length / top.length;
  const first = isHit.indexOf(true);
  return {
    recall: found / relevant.size,
    precision,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    firstRelevantRank: first < 0 ? null : first + 1,
    found,
    irrelevant: ranked.length - found,
  };
}

/** The arithmetic mean; NaN for an empty list. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The median (mean of the two middle values for an even count); NaN for an empty list. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** What one system did on one query. */
export interface QueryOutcome {
  judgement: Judgement;
  /** data-count of the results list. */
  count: number;
  /** Results rendered (list items read). */
  rendered: number;
  /** Milliseconds from submitting the query in an open page until its results were final. */
  latencyMs?: number;
  /** Cold measurement (fresh context), taken for a subset of the queries. */
  firstMs?: number;
  firstBytes?: number;
}

export interface Aggregate {
  queries: number;
  recall: number;
  precision: number;
  mrr: number;
  medianLatencyMs: number;
  medianFirstMs: number;
  medianFirstBytes: number;
  /** How many queries had a cold (first-query) measurement. */
  coldQueries: number;
}

/** Aggregate outcomes: means of recall, precision and reciprocal rank; medians of the timings. */
export function aggregate(outcomes: readonly QueryOutcome[]): Aggregate {
  const present = (xs: (number | undefined)[]) => xs.filter((x): x is number => typeof x === 'number');
  const first = present(outcomes.map((o) => o.firstMs));
  return {
    queries: outcomes.length,
    recall: mean(outcomes.map((o) => o.judgement.recall)),
    precision: mean(outcomes.map((o) => o.judgement.precision)),
    mrr: mean(outcomes.map((o) => o.judgement.reciprocalRank)),
    medianLatencyMs: median(present(outcomes.map((o) => o.latencyMs))),
    medianFirstMs: median(first),
    medianFirstBytes: median(present(outcomes.map((o) => o.firstBytes))),
    coldQueries: first.length,
  };
}

/** ours / stock, or NaN when either is missing or stock is 0. */
export function ratio(ours: number, stock: number): number {
  return Number.isFinite(ours) && Number.isFinite(stock) && stock !== 0 ? ours / stock : NaN;
}

/**
 * The clause page a result link points to, as a key comparable with the open data's `url`:
 * the decoded path, without query, fragment, a trailing `index.html` or `.html`.
 * `href` is resolved against `base` (the search page's URL).
 */
export function pageKey(href: string, base = 'http://x/'): string {
  let path: string;
  try {
    path = new URL(href, base).pathname;
  } catch {
    return href;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it encoded */
  }
  return path.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
}
