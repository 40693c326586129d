/**
 * The search benchmark on an emulated network link (`npm run bench:search -- --net mobile`).
 *
 * Chromium's own network emulation (DevTools `Network.emulateNetworkConditions`) gives every
 * request of the page the link's round-trip latency and shares its bandwidth. A session is one
 * fresh browser context (empty cache): the first query is opened by URL, as a shared link or a
 * bookmark is, and the later ones are typed into the open page's search box. For each query it
 * counts the time until the results are final, the requests and bytes, and the sequential
 * round trips: the longest chain of requests of which each starts only after the one before
 * it has been answered, which is what a link's latency multiplies. A request the browser
 * answers from its cache (a file served as immutable, asked for again) never crosses the
 * link: it is counted apart, as a cache hit, and in none of the other figures.
 */
import type { Browser, CDPSession, Page, Request } from 'playwright-core';
import { bodyBytes, Probe } from './browser';

/** A network link as Chromium emulates it: round-trip latency, and throughput in bytes per second. */
export interface Link {
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

/** The links the benchmark knows: `mobile` is the phone link (150 ms, 1.6 Mbit/s down, 750 kbit/s up). */
export const LINKS: Record<string, Link> = {
  mobile: { latencyMs: 150, downloadBytesPerSecond: 1_600_000 / 8, uploadBytesPerSecond: 750_000 / 8 },
};

/** A request's start and the end of its response, in ms on one clock. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The sequential round trips of a set of requests: the length of the longest chain in which
 * each request starts no earlier than the end of the one before it (1 ms of slack for clock
 * rounding). Requests that overlap run in parallel and cost one round trip together.
 */
export function sequentialRoundTrips(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((s, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= s.start + 1) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
  });
  return Math.max(0, ...depth);
}

/** What one query cost on the link. */
export interface QueryCost {
  ms: number;
  requests: number;
  bytes: number;
  roundTrips: number;
  /** The quickest answer among its http requests, in ms: below the link's latency, a request escaped the emulation. */
  quickestMs: number;
  /** Requests the browser answered from its cache, without the link. */
  cached: number;
  count: number;
}

/** A session on the link: the first query, opened by URL, and the later ones, typed into the open page. */
export interface NetworkSession {
  first: QueryCost;
  later: QueryCost[];
}

/** Apply the link to a page's requests (Chromium's DevTools protocol); returns the page's protocol session. */
async function emulateLink(page: Page, link: Link): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.latencyMs,
    downloadThroughput: link.downloadBytesPerSecond,
    uploadThroughput: link.uploadBytesPerSecond,
  });
  return cdp;
}

/** The URLs of the page's requests answered from the browser's cache (memory or disk), once per answer, as the protocol reports them. */
function cacheHits(cdp: CDPSession): { urls(): string[]; stop(): void } {
  const requested = new Map<string, string>();
  const hits = new Set<string>();
  const onRequest = (e: { requestId: string; request: { url: string } }) => requested.set(e.requestId, e.request.url);
  const onServed = (e: { requestId: string }) => hits.add(e.requestId);
  const onResponse = (e: { requestId: string; response: { fromDiskCache?: boolean } }) => {
    if (e.response.fromDiskCache) hits.add(e.requestId);
  };
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.requestServedFromCache', onServed);
  cdp.on('Network.responseReceived', onResponse);
  return {
    urls: () => [...hits].map((id) => requested.get(id) ?? ''),
    stop() {
      cdp.off('Network.requestWillBeSent', onRequest);
      cdp.off('Network.requestServedFromCache', onServed);
      cdp.off('Network.responseReceived', onResponse);
    },
  };
}

/** The requests a page makes from now on, until `stop()`; then the spans, sizes and number of those that crossed the link, and the number the cache answered. */
function recordRequests(probe: Probe, cdp: CDPSession): { stop(): Promise<Omit<QueryCost, 'ms' | 'count'>> } {
  const all: Request[] = [];
  const onRequest = (r: Request) => all.push(r);
  probe.context.on('request', onRequest);
  const hits = cacheHits(cdp);
  return {
    async stop() {
      probe.context.off('request', onRequest);
      // Let the requests made before the results were final finish, for their sizes and timings.
      await Promise.race([
        Promise.all(
          all.map((r) =>
            r
              .response()
              .then((res) => res?.finished())
              .catch(() => null),
          ),
        ),
        new Promise((r) => setTimeout(r, 15_000)),
      ]);
      hits.stop();
      // Each cache hit takes out one request of its URL.
      const left = hits.urls();
      const seen = all.filter((r) => {
        const i = left.indexOf(r.url());
        if (i >= 0) left.splice(i, 1);
        return i < 0;
      });
      const spans = seen.map((r) => {
        const t = r.timing();
        return { start: t.startTime, end: t.startTime + Math.max(t.responseEnd, t.responseStart, 0), http: /^https?:/.test(r.url()) };
      });
      const bytes = (await Promise.all(seen.map(bodyBytes))).reduce((a, b) => a + b, 0);
      const quickestMs = Math.min(...spans.filter((s) => s.http).map((s) => s.end - s.start));
      return { requests: seen.length, bytes, roundTrips: sequentialRoundTrips(spans), quickestMs, cached: all.length - seen.length };
    },
  };
}

/** One session on the link: open `base`'s search page with the first query, then type each later query into its box. */
export async function networkSession(
  browser: Browser,
  searchUrlOf: (q: string) => string,
  first: string,
  later: readonly string[],
  link: Link,
  timeoutMs: number,
): Promise<NetworkSession> {
  const probe = await Probe.create(browser);
  try {
    const page = await probe.context.newPage();
    const cdp = await emulateLink(page, link);
    let recording = recordRequests(probe, cdp);
    const done = probe.waitDone(page, 0, false, timeoutMs);
    done.catch(() => {});
    await page.goto(searchUrlOf(first), { waitUntil: 'commit', timeout: timeoutMs });
    const ev = await done;
    const firstCost = { ms: ev.t - ev.origin, count: ev.count ?? 0, ...(await recording.stop()) };
    const laterCosts: QueryCost[] = [];
    for (const q of later) {
      const from = probe.eventsOf(page).length;
      const next = probe.waitDone(page, from, true, timeoutMs);
      next.catch(() => {});
      recording = recordRequests(probe, cdp);
      const t0 = await page.evaluate((query) => {
        const input = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="q"]')).find((el) => el.getClientRects().length > 0);
        if (!input?.form) throw new Error('no visible search box (input[name=q]) in a form');
        input.value = query;
        const t = performance.timeOrigin + performance.now();
        input.form.requestSubmit();
        return t;
      }, q);
      const ev2 = await next;
      laterCosts.push({ ms: ev2.t - t0, count: ev2.count ?? 0, ...(await recording.stop()) });
    }
    return { first: firstCost, later: laterCosts };
  } finally {
    await probe.close();
  }
}
