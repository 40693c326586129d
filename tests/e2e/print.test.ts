/**
 * Print: document and clause pages print their text with its numbers and the permalink,
 * and nothing to click (header, navigation, search, footer, copy buttons, pager).
 * Chromium emulates print media; what is checked is what would be laid out on paper.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type LocalServer } from '../../scripts/lib/local-site';
import type { ClauseRecord, DocumentRecord } from '../../src/model';
import { spread } from './support/hardening';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

/** What must not reach paper. */
const SCREEN_ONLY = ['.skip-link', '.site-header', 'nav', 'form', 'button', '.site-footer', '.clause-actions', '.pager', '.para-link', '.keywords'];

describe.skipIf(SKIP_E2E)('print', () => {
  let siteDir = '';
  let server: LocalServer;
  let browser: Browser;
  let documents: DocumentRecord[] = [];
  let clauses: ClauseRecord[] = [];

  beforeAll(async () => {
    siteDir = sharedSite();
    documents = JSON.parse(readFileSync(path.join(siteDir, 'data/documents.json'), 'utf8'));
    clauses = JSON.parse(readFileSync(path.join(siteDir, 'data/clauses.json'), 'utf8'));
    server = await serveSite(siteDir);
    browser = await borrowChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  async function open(url: string, media: 'print' | 'screen'): Promise<Page> {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.emulateMedia({ media });
    await page.goto(server.base + url);
    return page;
  }

  /** The selectors of SCREEN_ONLY that match an element laid out on the page. */
  const shown = (page: Page, selectors: string[]) =>
    page.evaluate((sels) => sels.filter((s) => [...document.querySelectorAll(s)].some((el) => el.getClientRects().length > 0)), selectors);
  const isShown = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getClientRects().length > 0));

  it('a clause page prints its number, heading, text and permalink, and nothing to click', async () => {
    // One page, printing, visits every clause page of the sample in turn.
    const page = await open('/index.html', 'print');
    for (const clause of spread(clauses, 6)) {
      await page.goto(server.base + clause.url);
      expect(await shown(page, SCREEN_ONLY), clause.url).toEqual([]);
      expect(await isShown(page, '#clause-title .clause-num'), clause.url).toEqual([true]);
      if (clause.heading) expect(await page.locator('#clause-title').innerText(), clause.url).toContain(clause.heading);
      const body = (await page.locator('.clause-body').innerText()).replace(/\s/g, '');
      expect(body, clause.url).toContain(clause.text.replace(/\s/g, '').slice(0, 20));
      const permalink = page.locator('.permalink-print');
      expect(await isShown(page, '.permalink-print'), clause.url).toEqual([true]);
      expect(await permalink.innerText(), clause.url).toMatch(new RegExp(`^本条链接：https?://\\S+${literal(clause.url)}$`));
    }
    await page.close();
  });

  it('a document page prints its title, permalink, other source text and every clause with its number, and nothing to click', async () => {
    // One page, printing, visits every document page in turn.
    const page = await open('/index.html', 'print');
    for (const doc of documents) {
      await page.goto(server.base + doc.url);
      expect(await shown(page, [...SCREEN_ONLY, '.toc']), doc.url).toEqual([]);
      expect(await page.locator('#doc-title').innerText(), doc.url).toContain(doc.title);
      expect(await page.locator('.permalink-print').innerText(), doc.url).toMatch(new RegExp(`^本文链接：https?://\\S+${literal(doc.url)}$`));
      // The source's other text (headers, 文号…) prints even from its closed box.
      expect(await isShown(page, '.furniture-list'), doc.url).toEqual(doc.furniture.length ? [true] : []);
      const own = clauses.filter((c) => c.doc === doc.id);
      expect(await isShown(page, '.doc-clause'), doc.url).toEqual(own.map(() => true));
      const numbered = own.filter((c) => c.number !== null).length;
      const numbers = await isShown(page, '.doc-clause .clause-heading .clause-num');
      expect(numbers.length, `${doc.url}: clause numbers`).toBeGreaterThanOrEqual(numbered);
      expect(numbers.every(Boolean), doc.url).toBe(true);
    }
    await page.close();
  });

  it('on screen the permalink line stays hidden and the navigation is there', async () => {
    const clause = clauses[0]!;
    const page = await open(clause.url, 'screen');
    expect(await isShown(page, '.permalink-print')).toEqual([false]);
    const frame = ['.site-header', 'nav', 'form', '.site-footer', '.pager'];
    expect(await shown(page, frame)).toEqual(frame);
    await page.close();
  });
});

/** A text as a literal inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
