/**
 * The look of an official reference, in Chromium: a masthead with the library's name and
 * scope, one search box on the home page, document pages that state their metadata once
 * (never the source file name, which stays in the open data), the contents as a sticky
 * sidebar on wide screens and the first clause near the top on a phone, a serif reading face
 * for the texts, and navigation links without underlines until hovered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type LocalServer } from '../../scripts/lib/local-site';
import type { DocumentRecord } from '../../src/model';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

/** The serif stack the texts are read in, as the browser reports it. */
const SERIF = '"Songti SC", STSong, SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
type Viewport = typeof PHONE | typeof DESKTOP;

describe.skipIf(SKIP_E2E)('look', () => {
  let siteDir = '';
  let server: LocalServer;
  let browser: Browser;
  let documents: DocumentRecord[] = [];

  beforeAll(async () => {
    siteDir = sharedSite();
    documents = JSON.parse(readFileSync(path.join(siteDir, 'data/documents.json'), 'utf8'));
    server = await serveSite(siteDir);
    browser = await borrowChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  /** One context per screen (a phone's is mobile and touch), made on first use: a new tab in it costs Chromium less than a new context. */
  const screens = new Map<Viewport, Promise<BrowserContext>>();
  const screen = (viewport: Viewport) => {
    if (!screens.has(viewport))
      screens.set(viewport, browser.newContext({ locale: 'zh-CN', viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE }));
    return screens.get(viewport)!;
  };

  async function open(url: string, viewport: Viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await (await screen(viewport)).newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(server.base + url);
    return page;
  }
  const docWith = (pred: (d: DocumentRecord) => boolean) => {
    const doc = documents.find(pred);
    if (!doc) throw new Error('no document in the library fits the test');
    return doc;
  };

  it("the home page has one search box, in the masthead under the library's name and scope", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open('/index.html', viewport);
      expect(await page.locator('input[type="search"]').count()).toBe(1);
      expect(await page.locator('.site-header input[type="search"]').isVisible()).toBe(true);
      expect(await page.locator('.site-header .site-name').innerText()).toBe('条文通');
      const scope = await page.locator('.site-header .site-scope').innerText();
      expect(scope).toMatch(/条文库/);
      // One line of scope: no taller than the line it sits on allows (with some slack for the font).
      const box = (await page.locator('.site-header .site-scope').boundingBox())!;
      const lineHeight = await page.locator('.site-header .site-scope').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(box.height, `${viewport.width}px scope on one line`).toBeLessThan(lineHeight * 1.5);
      await page.close();
    }
  });

  it("every page has the masthead with the library's name and scope", async () => {
    for (const url of ['/index.html', documents[0]!.url, '/search/index.html', '/terms/index.html']) {
      const page = await open(url);
      expect(await page.locator('header.site-header .site-name').isVisible(), url).toBe(true);
      expect(await page.locator('header.site-header .site-scope').isVisible(), url).toBe(true);
      await page.close();
    }
  });

  it('no document page shows its source file name, and the open data has it', async () => {
    // One page visits every document page in turn.
    const page = await open('/index.html');
    for (const doc of documents) {
      expect(doc.source, doc.id).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      await page.goto(server.base + doc.url);
      // Open every disclosure, so folded text counts as shown too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await page.locator('body').innerText(), doc.url).not.toContain(doc.source);
    }
    await page.close();
  });

  it('a document page states its metadata once: one facts list, each fact once in the page head', async () => {
    const doc = docWith((d) => Boolean(d.docNumber && d.issuer && d.date && d.furniture.length));
    const page = await open(doc.url);
    expect(await page.locator('.doc-facts').count()).toBe(1);
    const facts = await page.locator('.doc-facts').innerText();
    for (const value of [doc.docNumber!, doc.issuer!]) expect(facts).toContain(value);
    // The head shows each fact once; the printed 文号 line of the source is in the folded box only.
    const head = await page.locator('.doc-head').innerText();
    expect(head.split(doc.docNumber!).length - 1, head).toBe(1);
    expect(await page.getByText('文档信息', { exact: true }).count()).toBe(0);
    await page.close();
  });

  it('a document page shows 施行日期 where the library knows it, under its label', async () => {
    const doc = docWith((d) => typeof d.effectiveDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.effectiveDate));
    const [y, m, d] = (doc.effectiveDate as string).split('-').map(Number);
    const page = await open(doc.url);
    const facts = await page.locator('.doc-facts').innerText();
    expect(facts).toMatch(new RegExp(`施行日期\\s*${y}年${m}月${d}日`));
    await page.close();
  });

  it('on a 390 px phone the first clause of every document begins within the first one and a half screens', async () => {
    // One page visits every document page in turn.
    const page = await open('/index.html', PHONE);
    for (const doc of documents.filter((d) => d.clauseCount > 0)) {
      await page.goto(server.base + doc.url);
      const top = await page
        .locator('.doc-clause')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + scrollY);
      expect(top, `${doc.url}: first clause at ${Math.round(top)} px`).toBeLessThan(PHONE.height * 1.5);
      // The contents are there, folded: one tap opens them.
      const toc = page.locator('.toc summary');
      expect(await toc.isVisible(), doc.url).toBe(true);
      await toc.click();
      expect(await page.locator('.toc a').first().isVisible(), doc.url).toBe(true);
    }
    await page.close();
  });

  it('on a 1280 px screen the contents stand beside the text and stay in view while it scrolls', async () => {
    const doc = docWith((d) => d.clauseCount > 40);
    const page = await open(doc.url, DESKTOP);
    const toc = (await page.locator('.toc').boundingBox())!;
    const text = (await page.locator('.fulltext').boundingBox())!;
    expect(toc.x + toc.width).toBeLessThanOrEqual(text.x);
    expect(toc.y).toBeLessThan(text.y + 100);
    expect(await page.locator('.toc a').first().isVisible()).toBe(true);
    await page.locator('.doc-clause').nth(30).scrollIntoViewIfNeeded();
    const after = (await page.locator('.toc').boundingBox())!;
    expect(after.y, 'the sidebar sticks to the top').toBeGreaterThanOrEqual(-1);
    expect(after.y).toBeLessThan(DESKTOP.height / 2);
    // Its links are reached by the keyboard and lead to the clause.
    const link = page.locator('.toc a[href^="#c"]').nth(5);
    const href = (await link.getAttribute('href'))!;
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => location.hash === h, href);
    await page.close();
  });

  it('the texts read in the serif stack and the interface in sans-serif', async () => {
    const doc = docWith((d) => d.clauseCount > 0);
    const page = await open(doc.url);
    const font = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(await font('.doc-clause-body p')).toMatch(new RegExp(`^${SERIF.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const ui = await font('.site-nav a');
    expect(ui).not.toMatch(/Songti/);
    expect(ui).toMatch(/(^|, )sans-serif$/);
    const clause = JSON.parse(readFileSync(path.join(siteDir, 'data/clauses.json'), 'utf8'))[0] as { url: string };
    await page.goto(server.base + clause.url);
    expect(await font('.clause-body p')).toMatch(/^"Songti SC", STSong, SimSun/);
    await page.close();
  });

  it('navigation links carry no underline until hovered, and kind labels are set to be read', async () => {
    const page = await open(documents[0]!.url);
    const decoration = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine);
    for (const sel of ['.site-nav a', '.breadcrumbs a', '.toc a', '.site-footer a']) expect(await decoration(sel), sel).toBe('none');
    await page.locator('.site-nav a').first().hover();
    expect(await decoration('.site-nav a')).toBe('underline');
    const label = await page
      .locator('.doc-head .kind-label')
      .evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), weight: Number(getComputedStyle(el).fontWeight) }));
    expect(label.size).toBeGreaterThanOrEqual(13);
    expect(label.weight).toBeGreaterThanOrEqual(600);
    await page.goto(server.base + '/index.html');
    expect(await decoration('.doc-entry a')).toBe('none');
    await page.close();
  });

  it('dark mode keeps light text on a dark page', async () => {
    const page = await open(documents[0]!.url, DESKTOP, 'dark');
    const lum = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const { bg, fg } = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
    expect(lum(bg)).toBeLessThan(60);
    expect(lum(fg)).toBeGreaterThan(180);
    await page.close();
  });
});
