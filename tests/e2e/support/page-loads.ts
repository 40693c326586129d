/**
 * What the shared site's sample pages (hardening.ts `pagesToVisit`, with a few searches) do
 * as they load, read in one walk per way of opening them, on a server and from disk, and
 * shared by the files that check it: requests.test.ts (nothing but the site is requested) and
 * security.test.ts (the Content-Security-Policy is never violated). Each walk is made once per
 * run: the first file to ask makes it and writes it into the run's scratch folder (the global
 * setup's `e2eScratch`); a file of the other e2e worker waits for that file, and a later file of
 * the same worker reads the walk it keeps (vitest.config.ts: `isolate: false`).
 *
 * Each walk opens every URL once, in tabs of one context whose requests are routed: anything
 * the walk's rule does not allow is aborted and listed. Every tab reports CSP violations from
 * before its first page loads. A page is done when its search has answered (or says it cannot
 * run) and its network has been idle for half a second.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { serveSite } from '../../../scripts/lib/local-site';
import { borrowChromium } from './browser';
import { inTabs, pagesToVisit, watchCsp } from './hardening';
import { awaitJson, writeJsonWhole } from './json-files';

/** The searches the walks add to the sample's search page: words, traditional characters, a document number, no hit. */
export const QUERIES = ['职工之家', '集體協商', '鲁会〔2014〕79号', '龘靐齉'];
/** Tabs open at once: each waits for the network to be idle for half a second, so they wait together. */
const TABS = 8;
const DONE = '#search-results[aria-busy="false"][data-count]';

/** What one page showed once loaded. */
export interface LoadedPage {
  /** The count a search page gave (its `data-count`), if it answered. */
  count?: number;
  /** The footer's top border style: `solid` where the site's stylesheet applies. */
  footerBorder: string;
  /** Whether a clause page's copy controls show (the site's script ran). */
  copyControls: boolean;
  /** The href of the main content's first link (the 404 page's script points it at the site root). */
  firstMainLink: string | null;
}

/** A walk: its base URL, the URLs it opened (site-relative, with their query), every request seen and blocked, the CSP violations, and each page's facts. */
export interface Walk {
  base: string;
  urls: string[];
  seen: string[];
  blocked: string[];
  violations: string[];
  pages: Map<string, LoadedPage>;
}

/** A walk as written into its file (its pages as entries), or why it could not be made. */
type SavedWalk = (Omit<Walk, 'pages'> & { pages: [string, LoadedPage][] }) | { error: string };

const walks = new Map<string, Promise<Walk>>();

/** The walk of the site in `siteDir` on a server of its own, or from disk; made once per run, shared after. */
export function loadedPages(siteDir: string, how: 'server' | 'disk'): Promise<Walk> {
  const key = `${how} ${siteDir}`;
  if (!walks.has(key)) {
    const file = path.join(inject('e2eScratch'), `walk-${how}-${createHash('sha256').update(siteDir).digest('hex').slice(0, 12)}.json`);
    walks.set(
      key,
      sharedWalk(file, () => walk(siteDir, how)),
    );
  }
  return walks.get(key)!;
}

/** Make the walk and write it to `file`, unless another worker claimed it first: then wait for its file and read the walk from it. */
async function sharedWalk(file: string, make: () => Promise<Walk>): Promise<Walk> {
  try {
    closeSync(openSync(`${file}.claim`, 'wx'));
  } catch {
    const saved = await awaitJson<SavedWalk>(file);
    if ('error' in saved) throw new Error(`The walk another e2e worker made failed:\n${saved.error}`);
    return { ...saved, pages: new Map(saved.pages) };
  }
  let saved: SavedWalk = { error: 'unknown' };
  try {
    const made = await make();
    saved = { ...made, pages: [...made.pages] };
    return made;
  } catch (err) {
    saved = { error: String((err as Error).stack ?? err) };
    throw err;
  } finally {
    writeJsonWhole(file, saved);
  }
}

/** Walk the sample pages and the searches (and, on a server, a missing URL). */
async function walk(siteDir: string, how: 'server' | 'disk'): Promise<Walk> {
  const server = how === 'server' ? await serveSite(siteDir) : undefined;
  const browser = await borrowChromium();
  try {
    const base = server ? server.base : pathToFileURL(siteDir).href;
    const urls = [
      ...pagesToVisit(siteDir).pages.map((p) => p.url),
      ...QUERIES.map((q) => `/search/index.html?q=${encodeURIComponent(q)}`),
      ...(server ? ['/no/such/page.html'] : []),
    ];
    const toUrl = (url: string) => {
      if (server) return server.base + url;
      const [file, query] = url.split('?');
      return pathToFileURL(path.join(siteDir, file!)).href + (query ? `?${query}` : '');
    };
    const allowed = (url: string) => (server ? url.startsWith(`${server.base}/`) || /^(data|blob):/.test(url) : url.startsWith('file:'));
    const found: Walk = { base, urls, seen: [], blocked: [], violations: [], pages: new Map() };
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      found.seen.push(url);
      if (allowed(url)) return route.continue();
      found.blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const violations: string[][] = [];
    const watched = new WeakSet<Page>();
    await inTabs(context, urls, TABS, async (page, url) => {
      if (!watched.has(page)) {
        watched.add(page);
        violations.push(await watchCsp(page));
      }
      found.pages.set(url, await load(page, toUrl(url)));
    });
    found.violations = violations.flat();
    await context.close();
    return found;
  } finally {
    await browser.close();
    server?.proc.kill();
  }
}

/** Load a URL into a tab and read what it shows once settled. */
async function load(page: Page, url: string): Promise<LoadedPage> {
  await page.goto(url);
  if (url.includes('/search/'))
    await page.waitForFunction(
      (done) => document.querySelector(done) !== null || !/载入/.test(document.getElementById('search-status')?.textContent ?? '载入'),
      DONE,
      { timeout: 30_000 },
    );
  await page.waitForLoadState('networkidle');
  return page.evaluate((done) => {
    const results = document.querySelector(done);
    const footer = document.querySelector('.site-footer');
    const copy = document.querySelector('.clause-actions[data-copy-group]');
    const box = copy?.getBoundingClientRect();
    return {
      ...(results ? { count: Number(results.getAttribute('data-count')) } : {}),
      footerBorder: footer ? getComputedStyle(footer).borderTopStyle : '',
      copyControls: Boolean(copy && box && box.width > 0 && box.height > 0 && getComputedStyle(copy).visibility !== 'hidden'),
      firstMainLink: document.querySelector('main a')?.getAttribute('href') ?? null,
    };
  }, DONE);
}
