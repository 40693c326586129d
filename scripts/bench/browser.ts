/**
 * Measuring a search page in headless Chromium through the search contract only
 * (CONTRACTS.md, "Search page"): `search/index.html?q=…`, `ol#search-results` with
 * `aria-busy` and `data-count`, the first `<a href>` of each `<li>`.
 *
 * Timing is taken inside the page, so the round trips between this process and the browser
 * are never counted: an init script watches `#search-results` with a MutationObserver and
 * reports each change of state through a binding, stamped with the page's clock
 * (`performance.timeOrigin + performance.now()`, milliseconds since the epoch):
 * - `busy` when the list turns `aria-busy="true"` (also when it turned busy and back within
 *   one task, which the observer sees in its records' old values);
 * - `done` when it is `aria-busy="false"` with a `data-count` after not being so.
 * The same code measures both systems.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

export { CHROMIUM, CHROMIUM_ARGS, launchChromium as launch } from '../lib/local-site';

/** Runs in every document before its own scripts. */
const INIT_SCRIPT = `(() => {
  if (window.top !== window) return;
  const stamp = () => performance.timeOrigin + performance.now();
  const origin = performance.timeOrigin;
  let last = null;
  const send = (kind, count) => {
    const ev = { kind, t: stamp(), origin, count };
    if (typeof window.__benchEvent === 'function') window.__benchEvent(ev);
    else (window.__benchQueue ||= []).push(ev);
  };
  const observe = (records) => {
    if (window.__benchQueue && typeof window.__benchEvent === 'function') {
      for (const ev of window.__benchQueue.splice(0)) window.__benchEvent(ev);
    }
    const el = document.getElementById('search-results');
    if (!el) return;
    const busyValues = records.filter((r) => r.type === 'attributes' && r.target === el && r.attributeName === 'aria-busy').slice(1).map((r) => r.oldValue);
    const busyNow = el.getAttribute('aria-busy');
    const done = busyNow === 'false' && el.hasAttribute('data-count');
    if (busyValues.includes('true') || busyNow === 'true') {
      if (last !== 'busy' || busyValues.includes('true')) send('busy');
      last = 'busy';
    }
    if (done && last !== 'done') {
      send('done', Number(el.getAttribute('data-count')));
      last = 'done';
    }
  };
  new MutationObserver(observe).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['aria-busy', 'data-count'], attributeOldValue: true,
  });
})();`;

export interface PageEvent {
  kind: 'busy' | 'done';
  /** Page clock, ms since the epoch. */
  t: number;
  /** performance.timeOrigin of the document (its navigation start). */
  origin: number;
  count?: number;
}

/** A browser context whose pages report search-state events. */
export class Probe {
  readonly events = new Map<Page, PageEvent[]>();
  private waiters = new Set<() => void>();

  private constructor(readonly context: BrowserContext) {}

  static async create(browser: Browser): Promise<Probe> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
    const probe = new Probe(context);
    await context.exposeBinding('__benchEvent', ({ page }, ev: PageEvent) => {
      if (!page) return;
      let list = probe.events.get(page);
      if (!list) probe.events.set(page, (list = []));
      list.push(ev);
      for (const w of [...probe.waiters]) w();
    });
    await context.addInitScript(INIT_SCRIPT);
    return probe;
  }

  eventsOf(page: Page): PageEvent[] {
    let list = this.events.get(page);
    if (!list) this.events.set(page, (list = []));
    return list;
  }

  /**
   * The first `done` event of `page` at index ≥ `from`, preceded (at index ≥ `from`) by a
   * `busy` event when `requireBusy`. Rejects after `timeoutMs`.
   */
  waitDone(page: Page, from: number, requireBusy: boolean, timeoutMs: number): Promise<PageEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const evs = this.eventsOf(page);
        let busy = !requireBusy;
        for (let i = from; i < evs.length; i++) {
          const ev = evs[i]!;
          if (ev.kind === 'busy') busy = true;
          else if (busy) {
            finish();
            resolve(ev);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no final results within ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** The search page URL of a site for a query (`n`: results to render, if given). */
export function searchUrl(base: string, q: string, n?: number): string {
  const params = new URLSearchParams({ q });
  if (n !== undefined) params.set('n', String(n));
  return new URL(`search/index.html?${params}`, base).href;
}

export interface Listing {
  /** data-count. */
  count: number;
  /** The first link of each result, resolved, each followed by the links of its other transcriptions that hold the words. */
  hrefs: (string | null)[];
}

/**
 * Read, in the page, the results list whose results are final: data-count, and per result its
 * first link, then the links of its other transcriptions that hold the words (a result is one
 * text). Self-contained, so that it also runs as source text (`(${readListing})()`) where a
 * browser is driven without Playwright (Firefox over WebDriver BiDi).
 */
export function readListing(): Listing {
  const list = document.getElementById('search-results');
  const items = list ? Array.from(list.children).filter((el) => el.localName === 'li') : [];
  return {
    count: Number(list?.getAttribute('data-count') ?? 0),
    hrefs: items.flatMap((li) => {
      const first = li.querySelector<HTMLAnchorElement>('a[href]')?.href ?? null;
      const others = Array.from(li.querySelectorAll<HTMLAnchorElement>('a.result-version[data-matched="true"]'), (a) => a.href);
      return [first, ...others.filter((h) => first === null || h.replace(/[?#].*$/, '') !== first.replace(/[?#].*$/, ''))];
    }),
  };
}

/** Read the results list of a page whose results are final. */
export function readResults(page: Page): Promise<Listing> {
  return page.evaluate(readListing);
}

/** Navigate `page` to a query and return its results once final. */
export async function navigateAndRead(probe: Probe, page: Page, url: string, timeoutMs: number): Promise<Listing & { ms: number }> {
  const from = probe.eventsOf(page).length;
  const done = probe.waitDone(page, from, false, timeoutMs);
  done.catch(() => {});
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  const ev = await done;
  return { ...(await readResults(page)), ms: ev.t - ev.origin };
}

/**
 * Run a query in an open search page as a user would: put it into the page's visible search
 * box (`input[name=q]`, the field the contract's `?q=` comes from) without input events, and
 * submit that box's form. Times from just before the submit (page clock) until the new
 * query's results are final (a `busy` then a `done`).
 */
export async function submitAndTime(
  probe: Probe,
  page: Page,
  q: string,
  timeoutMs: number,
): Promise<Listing & { ms: number; navigated: boolean; box: string }> {
  const from = probe.eventsOf(page).length;
  const done = probe.waitDone(page, from, true, timeoutMs);
  done.catch(() => {});
  // Written without named inner functions: tsx would wrap them in a helper the page lacks.
  const { t0, origin, box } = await page.evaluate((query) => {
    const input = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="q"]')).find((el) => el.getClientRects().length > 0);
    if (!input?.form) throw new Error('no visible search box (input[name=q]) in a form');
    input.value = query;
    const t = performance.timeOrigin + performance.now();
    input.form.requestSubmit();
    return { t0: t, origin: performance.timeOrigin, box: input.id ? `#${input.id}` : 'input[name=q]' };
  }, q);
  const ev = await done;
  // A form that is not handled in the page loads a new document: still timed from the submit,
  // but flagged, since that is not a query in an open page.
  return { ...(await readResults(page)), ms: ev.t - t0, navigated: ev.origin !== origin, box };
}

/**
 * The bytes of a response body as transferred: Chromium's count (`sizes().responseBodySize`),
 * or, where Chromium reports 0 for a non-empty response (a worker's own script is reported
 * so), the response's `content-length`, else the length of the body itself.
 */
export async function bodyBytes(r: Request): Promise<number> {
  const reported = await r.sizes().then(
    (s) => s.responseBodySize,
    () => 0,
  );
  if (reported > 0) return reported;
  const response = await r.response().catch(() => null);
  if (!response) return 0;
  const length = Number((await response.allHeaders().catch(() => ({}) as Record<string, string>))['content-length']);
  if (Number.isFinite(length) && length > 0) return length;
  return (await response.body().catch(() => Buffer.alloc(0))).length;
}

export interface ColdLoad {
  ms: number;
  bytes: number;
  requests: { url: string; bytes: number; type: string; status: number | null }[];
  /** Requests started after the results were final (not counted). */
  later: number;
  count: number;
}

/**
 * A first query: a fresh browser context (empty cache), navigate to the search page with the
 * query; time from navigation start until the results are final, and sum the response body
 * sizes (as transferred, `request.sizes().responseBodySize`) of every request the page made
 * (its workers included) before that moment.
 */
export async function coldLoad(browser: Browser, url: string, timeoutMs: number): Promise<ColdLoad> {
  const probe = await Probe.create(browser);
  try {
    const page = await probe.context.newPage();
    let finalized = false;
    const before: Request[] = [];
    let later = 0;
    const settled = new Map<Request, Promise<void>>();
    const pending = new Map<Request, () => void>();
    probe.context.on('request', (r) => {
      if (finalized) {
        later++;
        return;
      }
      before.push(r);
      settled.set(r, new Promise((res) => pending.set(r, res)));
    });
    const settle = (r: Request) => pending.get(r)?.();
    probe.context.on('requestfinished', settle);
    probe.context.on('requestfailed', settle);
    const done = probe.waitDone(page, 0, false, timeoutMs).then((ev) => {
      finalized = true;
      return ev;
    });
    done.catch(() => {});
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const ev = await done;
    const { count } = await readResults(page);
    await Promise.race([Promise.all(before.map((r) => settled.get(r))), new Promise((r) => setTimeout(r, 10_000))]);
    const requests = await Promise.all(
      before.map(async (r) => {
        const response = await r.response().catch(() => null);
        return { url: r.url(), bytes: await bodyBytes(r), type: r.resourceType(), status: response?.status() ?? null };
      }),
    );
    return { ms: ev.t - ev.origin, bytes: requests.reduce((a, r) => a + r.bytes, 0), requests, later, count };
  } finally {
    await probe.close();
  }
}

/** All results of a query as a page listed them. */
export interface Ranked {
  listing: Listing;
  /** How the results were read: in the open page, or by loading the query's URL. */
  via: 'session' | 'url';
  error?: string;
}

/**
 * All results (up to `all`, the page's `&n=`) of every query, read in one page of the site at
 * `base`, untimed.
 *
 * By default the page is opened on `search/index.html?q=<first query>&n=<all>` and every
 * further query is submitted through its search box (as in the latency pass), several
 * times faster than a page load per query. A query whose results the page then shows only in
 * part (fewer items than min(data-count, all): the page did not keep `n`) is loaded again
 * from its URL. With `fresh`, every query is loaded from its URL.
 */
export async function readAllResults(
  browser: Browser,
  base: string,
  queries: readonly string[],
  { fresh, all, timeoutMs }: { fresh: boolean; all: number; timeoutMs: number },
): Promise<Ranked[]> {
  const probe = await Probe.create(browser);
  const out: Ranked[] = [];
  let page = await probe.context.newPage();
  const byUrl = async (q: string): Promise<Ranked> => {
    const r = await navigateAndRead(probe, page, searchUrl(base, q, all), timeoutMs);
    return { listing: { count: r.count, hrefs: r.hrefs }, via: 'url' };
  };
  try {
    for (const [i, q] of queries.entries()) {
      try {
        if (fresh || i === 0 || out[i - 1]?.error) out.push(await byUrl(q));
        else {
          const r = await submitAndTime(probe, page, q, timeoutMs);
          out.push(r.hrefs.length < Math.min(r.count, all) ? await byUrl(q) : { listing: { count: r.count, hrefs: r.hrefs }, via: 'session' });
        }
      } catch (err) {
        out.push({ listing: { count: 0, hrefs: [] }, via: 'url', error: String((err as Error).message ?? err) });
        await page.close().catch(() => {});
        page = await probe.context.newPage();
      }
    }
  } finally {
    await probe.close();
  }
  return out;
}
