/**
 * Shared by the hardening browser tests (requests, print, accessibility, security): which
 * pages of the built site (support/site.ts) stand for each page type, and how a page's
 * Content-Security-Policy violations are collected.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Every file of a built site with one of these extensions, as site-relative URLs (`/a/b.html`), sorted. */
export function siteFiles(dir: string, extensions: string[]): string[] {
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
      const rel = `${sub}/${e.name}`;
      if (e.isDirectory()) return walk(rel);
      return extensions.some((x) => e.name.endsWith(x)) ? [rel] : [];
    });
  return walk('').sort();
}

/**
 * The page types of the site, each with the pattern of its built files (site-relative URL),
 * how many of them to visit (spread over the sorted list), and a query to add.
 * Every type must have at least one page: a build without one fails the tests.
 */
export const PAGE_TYPES: { type: string; pattern: RegExp; sample: number; query?: string }[] = [
  { type: 'home', pattern: /^\/index\.html$/, sample: 1 },
  { type: 'document', pattern: /^\/(?!search\/|compare\/|terms\/|units\/|basket\/|quotes\/)[^/]+\/index\.html$/, sample: 3 },
  { type: 'clause', pattern: /^\/(?!search\/|compare\/|terms\/|units\/|pagefind\/|basket\/|quotes\/)[^/]+\/.+(?<!\/index)\.html$/, sample: 8 },
  { type: 'search', pattern: /^\/search\/index\.html$/, sample: 1, query: `?q=${encodeURIComponent('职工之家')}` },
  { type: '404', pattern: /^\/404\.html$/, sample: 1 },
  { type: 'compare index', pattern: /^\/compare\/index\.html$/, sample: 1 },
  { type: 'comparison', pattern: /^\/compare\/(?!index\.html$).+\.html$/, sample: 2 },
  { type: 'terms index', pattern: /^\/terms\/index\.html$/, sample: 1 },
  { type: 'term', pattern: /^\/terms\/(?!index\.html$).+\.html$/, sample: 2 },
  { type: 'units index', pattern: /^\/units\/index\.html$/, sample: 1 },
  { type: 'unit', pattern: /^\/units\/(?!index\.html$).+\.html$/, sample: 2 },
  { type: 'document with an implementation matrix', pattern: /^\/luhui-2014-79\/index\.html$/, sample: 1 },
  { type: 'basket', pattern: /^\/basket\/index\.html$/, sample: 1 },
  { type: 'quotes', pattern: /^\/quotes\/index\.html$/, sample: 1 },
];

/**
 * Open every URL in one of `n` tabs of the context, each tab going on to the next URL when its
 * `task` is done (a tab reused costs Chromium far less than a new one per URL); rejects with the
 * first failure once all have ended.
 */
export async function inTabs(context: BrowserContext, urls: string[], n: number, task: (page: Page, url: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(n, urls.length) }, async () => {
      const page = await context.newPage();
      try {
        while (next < urls.length) await task(page, urls[next++]!);
      } finally {
        await page.close();
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** `n` items spread evenly over a list (first and last included). */
export function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  if (n === 1) return [items[0]!];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!);
}

/** The pages to visit per page type (URLs with their query), and the types without any page. */
export function pagesToVisit(dir: string): { pages: { type: string; url: string }[]; missing: string[] } {
  const files = siteFiles(dir, ['.html']);
  const pages: { type: string; url: string }[] = [];
  const missing: string[] = [];
  for (const t of PAGE_TYPES) {
    const matching = files.filter((f) => t.pattern.test(f));
    if (matching.length === 0) missing.push(t.type);
    for (const url of spread(matching, t.sample)) pages.push({ type: t.type, url: url + (t.query ?? '') });
  }
  return { pages, missing };
}

/**
 * Collect the page's Content-Security-Policy violations from now on (the DOM event and
 * Chromium's console report), as readable lines; call before the page loads.
 */
export async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportCspViolation', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(line: string): void }).__reportCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}
