/**
 * Online against offline: the same queries through the search page served over http (Pagefind)
 * and through the offline bundle's search page opened from disk (file://, the in-memory index).
 * Used by `npm run bench:search -- --offline` and by tests/e2e/offline.test.ts.
 */
import type { Browser } from 'playwright-core';
import { readAllResults, type Listing } from './browser';

/** A result link as the page under `base` gave it, made site-relative ("plan14-a/6/22.html?h=…#p1"). */
export function siteHref(href: string | null, base: string): string | null {
  if (href === null) return null;
  return href.startsWith(base) ? href.slice(base.length) : href;
}

/** One query whose online and offline results differ. */
export interface Difference {
  q: string;
  online: Listing;
  offline: Listing;
}

/** The queries whose counts or ordered, site-relative result links differ between the two sites. */
export function differences(
  queries: readonly string[],
  online: { base: string; listings: Listing[] },
  offline: { base: string; listings: Listing[] },
): Difference[] {
  const out: Difference[] = [];
  queries.forEach((q, i) => {
    const a = online.listings[i]!;
    const b = offline.listings[i]!;
    const hrefs = (l: Listing, base: string) => l.hrefs.map((h) => siteHref(h, base));
    const same = a.count === b.count && JSON.stringify(hrefs(a, online.base)) === JSON.stringify(hrefs(b, offline.base));
    if (!same) out.push({ q, online: { count: a.count, hrefs: hrefs(a, online.base) }, offline: { count: b.count, hrefs: hrefs(b, offline.base) } });
  });
  return out;
}

/** Run every query through both sites, all results (`&n=<all>`); return the listings and the differences. */
export async function compareOnlineOffline(
  browser: Browser,
  onlineBase: string,
  offlineBase: string,
  queries: readonly string[],
  { all, timeoutMs }: { all: number; timeoutMs: number },
): Promise<{ online: Listing[]; offline: Listing[]; differ: Difference[]; errors: string[] }> {
  const read = (base: string) => readAllResults(browser, base, queries, { fresh: false, all, timeoutMs });
  const [online, offline] = await Promise.all([read(onlineBase), read(offlineBase)]);
  const errors = [...online, ...offline].flatMap((r, i) => (r.error ? [`${queries[i % queries.length]}: ${r.error}`] : []));
  const listings = { online: online.map((r) => r.listing), offline: offline.map((r) => r.listing) };
  return {
    ...listings,
    differ: differences(queries, { base: onlineBase, listings: listings.online }, { base: offlineBase, listings: listings.offline }),
    errors,
  };
}
