/**
 * End-to-end: work-division items, indicator rows and units in the built site.
 *
 * Checks the shared built site (support/site.ts) against the open data: each implements /
 * implemented-by link of data/clauses.json is on both clause pages (read from their files,
 * every one of them), and in Chromium the unit pages list exactly the items whose printed
 * 牵头单位 / 参加单位 lines name the unit. SKIP_E2E=1 skips the file.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, serveSite } from '../../scripts/lib/local-site';
import { parsedHtml } from './support/parsed-html';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

interface Clause {
  id: string;
  url: string;
  text: string;
  links: { rel: string; id: string }[];
}

/** The units printed after a label in a clause's text ("牵头单位：组织部、财务部"). */
const printedUnits = (c: Clause, label: string): string[] =>
  c.text
    .split('\n')
    .filter((l) => l.startsWith(label))
    .flatMap((l) =>
      l
        .slice(label.length)
        .replace(/^[：:]\s*/, '')
        .split('、'),
    )
    .map((s) => s.trim())
    .filter(Boolean);

describe.skipIf(SKIP_E2E)('assignments in the built site', () => {
  let server: ChildProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  let context: BrowserContext;
  let clauses: Clause[] = [];
  const byId = new Map<string, Clause>();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; set CHROMIUM_PATH or SKIP_E2E=1`);
    ({ proc: server, base } = await serveSite(sharedSite()));
    browser = await borrowChromium();
    context = await browser.newContext({ locale: 'zh-CN' });
    clauses = (await (await fetch(`${base}/data/clauses.json`)).json()) as Clause[];
    for (const c of clauses) byId.set(c.id, c);
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  /** Load a page into `page` (a new one by default). */
  async function open(url: string, width = 1000, page?: Page): Promise<Page> {
    page ??= await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const res = await page.goto(url, { waitUntil: 'domcontentloaded' });
    expect(res?.status(), url).toBe(200);
    return page;
  }

  /** The site-relative paths of the links in the section a heading (by id) labels. */
  const sectionLinks = (page: Page, headingId: string) =>
    page
      .locator(`section[aria-labelledby="${headingId}"] a[href]`)
      .evaluateAll((as) => as.map((a) => decodeURIComponent(new URL(a.getAttribute('href')!, location.href).pathname)));

  /** The same, read from the page's file (the links are in the HTML; no script adds them). */
  const sectionLinksInFile = (url: string, headingId: string): string[] => {
    const found: string[] = [];
    visit(parsedHtml(path.join(sharedSite(), url)), 'element', (section) => {
      if (section.tagName !== 'section' || ![section.properties.ariaLabelledBy].flat().includes(headingId)) return;
      visit(section, 'element', (a) => {
        if (a.tagName === 'a' && a.properties.href !== undefined)
          found.push(decodeURIComponent(new URL(String(a.properties.href), `http://site${url}`).pathname));
      });
    });
    return found;
  };

  const linked = (rel: string) => clauses.flatMap((c) => c.links.filter((l) => l.rel === rel).map((l) => [c, byId.get(l.id)!] as const));

  it('shows on every item and indicator row page the clause it implements', async () => {
    const pairs = linked('implements');
    expect(pairs.length).toBeGreaterThan(0);
    for (const [item, clause] of pairs) expect(sectionLinksInFile(item.url, 'implements-title'), item.id).toContain(clause.url);
    // As Chromium shows it, on the first item's page.
    const [item, clause] = pairs[0]!;
    const page = await open(base + item.url);
    expect(await sectionLinks(page, 'implements-title')).toEqual(sectionLinksInFile(item.url, 'implements-title'));
    expect(await sectionLinks(page, 'implements-title')).toContain(clause.url);
    await page.close();
  });

  it('lists on every implemented clause page each item and indicator row that implements it', async () => {
    const byClause = new Map<Clause, Clause[]>();
    for (const [clause, item] of linked('implemented-by')) byClause.set(clause, [...(byClause.get(clause) ?? []), item]);
    expect(byClause.size).toBeGreaterThan(0);
    for (const [clause, items] of byClause) {
      const shown = [...sectionLinksInFile(clause.url, 'work-items-title'), ...sectionLinksInFile(clause.url, 'indicator-rows-title')];
      for (const item of items) expect(shown, `${clause.id} ← ${item.id}`).toContain(item.url);
    }
    // As Chromium shows it, on the first such clause's page.
    const [clause] = [...byClause.keys()];
    const page = await open(base + clause!.url);
    const shown = [...(await sectionLinks(page, 'work-items-title')), ...(await sectionLinks(page, 'indicator-rows-title'))];
    expect(shown).toEqual([...sectionLinksInFile(clause!.url, 'work-items-title'), ...sectionLinksInFile(clause!.url, 'indicator-rows-title')]);
    await page.close();
  });

  it('leads from an item page to a list of units whose pages list exactly the items naming each unit', async () => {
    const item = clauses.find((c) => printedUnits(c, '牵头单位').length > 0)!;
    const page = await open(base + item.url);
    await page.getByRole('link', { name: '全部分工单位' }).first().click();
    await page.waitForURL(/\/units\/index\.html$/);
    const units = await page
      .locator('.unit-table tbody th a')
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent ?? '', href: (a as HTMLAnchorElement).href })));
    const printed = new Set(clauses.flatMap((c) => [...printedUnits(c, '牵头单位'), ...printedUnits(c, '参加单位')]));
    expect(new Set(units.map((u) => u.name))).toEqual(printed);
    const unitPage = await context.newPage();
    for (const u of units) {
      await open(u.href, 1000, unitPage);
      const naming = (label: string) => clauses.filter((c) => printedUnits(c, label).includes(u.name)).map((c) => c.url);
      const itemsIn = (id: string) =>
        unitPage
          .locator(`section[aria-labelledby="${id}"] .work-item-label a`)
          .evaluateAll((as) => as.map((a) => decodeURIComponent(new URL(a.getAttribute('href')!, location.href).pathname)));
      expect(await itemsIn('leads-title'), u.name).toEqual(naming('牵头单位'));
      expect(await itemsIn('joins-title'), u.name).toEqual(naming('参加单位'));
    }
    await unitPage.close();
    await page.close();
  });

  it('fits the list of units, a unit page and an implemented clause page on a 375 px screen', async () => {
    const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const index = await open(`${base}/units/index.html`, 375);
    expect(await overflow(index), 'units/index.html').toBeLessThanOrEqual(0);
    await index.locator('.unit-table tbody th a').first().click();
    await index.waitForURL(/\/units\/u[0-9a-f]{8}\.html$/);
    expect(await overflow(index), index.url()).toBeLessThanOrEqual(0);
    await index.close();
    const [clause] = linked('implemented-by').find(([c]) => c.links.filter((l) => l.rel === 'implemented-by').length > 3)!;
    const page = await open(base + clause.url, 375);
    expect(await overflow(page), clause.url).toBeLessThanOrEqual(0);
    await page.close();
  });
});
