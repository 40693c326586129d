/**
 * The search benchmark on an emulated network link (`npm run bench:search -- --net mobile`).
 *
 * Chromium's own network emulation (DevTools `Network.emulateNetworkConditions`) gives every
 * request of the page the link's round-trip latency and shares its bandwidth. A session is one
 * fresh browser context (empty cache): the first query is opened by URL, as a shared link or a
 * bookmark is, and the later ones are typed into the open page's search box. For each query it
 * counts the time until the results are final, the requests and bytes, and the sequential
 * round trips: the longest chain of requests of which each starts only after the one before
 * it has been answered, which is what a link's latency multiplies.
 */
import type { Browser, Page, Request } from 'playwright-core';
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
  count: number;
}

/** A session on the link: the first query, opened by URL, and the later ones, typed into the open page. */
export interface NetworkSession {
  first: QueryCost;
  later: QueryCost[];
}

/** Apply the link to a page's requests (Chromium's DevTools protocol). */
async function emulateLink(page: Page, link: Link): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.latencyMs,
    downloadThroughput: link.downloadBytesPerSecond,
    uploadThroughput: link.uploadBytesPerSecond,
  });
}

/** The requests a page makes from now on, until `stop()`; then their spans, sizes and number. */
function recordRequests(probe: Probe): { stop(): Promise<Omit<QueryCost, 'ms' | 'count'>> } {
  const seen: Request[] = [];
  const onRequest = (r: Request) => seen.push(r);
  probe.context.on('request', onRequest);
  return {
    async stop() {
      probe.context.off('request', onRequest);
      // Let the requests made before the results were final finish, for their sizes and timings.
      await Promise.race([
        Promise.all(
          seen.map((r) =>
            r
              .response()
              .then((res) => res?.finished())
              .catch(() => null),
          ),
        ),
        new Promise((r) => setTimeout(r, 15_000)),
      ]);
      const spans = seen.map((r) => {
        const t = r.timing();
        return { start: t.startTime, end: t.startTime + Math.max(t.responseEnd, t.responseStart, 0), http: /^https?:/.test(r.url()) };
      });
      const bytes = (await Promise.all(seen.map(bodyBytes))).reduce((a, b) => a + b, 0);
      const quickestMs = Math.min(...spans.filter((s) => s.http).map((s) => s.end - s.start));
      return { requests: seen.length, bytes, roundTrips: sequentialRoundTrips(spans), quickestMs };
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
    await emulateLink(page, link);
    let recording = recordRequests(probe);
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
      recording = recordRequests(probe);
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
