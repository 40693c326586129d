/**
 * Accessibility in Chromium: axe-core (its default rules: WCAG 2.x A and AA, best practices)
 * finds nothing on a sample of every page type, in the light and the dark colour scheme;
 * every page has its landmarks, a working skip link, a visible focus, and says it is zh-CN.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type LocalServer } from '../../scripts/lib/local-site';
import { PAGE_TYPES, pagesToVisit } from './support/hardening';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DONE = '#search-results[aria-busy="false"][data-count]';

/** A violation as axe reports it. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe's violations on the page (axe injected): only violations are collected and sent back, which is most of axe's time on a large page. */
const axeViolations = (page: Page) => page.evaluate("axe.run({ resultTypes: ['violations'] }).then((r) => r.violations)") as Promise<Violation[]>;

/** A violation on one line: rule, impact, help and the elements. */
const describeViolation = (v: Violation) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`;

describe.skipIf(SKIP_E2E)('accessibility', () => {
  let siteDir = '';
  let server: LocalServer;
  let browser: Browser;
  let pages: { type: string; url: string }[] = [];
  let missing: string[] = [];

  beforeAll(async () => {
    siteDir = sharedSite();
    ({ pages, missing } = pagesToVisit(siteDir));
    pages.push({ type: '404 (served at a missing URL)', url: '/no/such/page.html' });
    server = await serveSite(siteDir);
    browser = await borrowChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  /** A page in a context of its own, in a colour scheme; axe is injected as a script of the page, which the site's own policy would refuse. */
  async function newPage(colorScheme: 'light' | 'dark' = 'light', phone = false): Promise<Page> {
    const viewport = phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {};
    const context = await browser.newContext({ locale: 'zh-CN', colorScheme, bypassCSP: true, ...viewport });
    return context.newPage();
  }

  /** Load a page of the site into `page`; wait for a search to finish. */
  async function load(page: Page, url: string): Promise<Page> {
    await page.goto(server.base + url);
    if (url.startsWith('/search/')) await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
    return page;
  }

  /** Open a page of the site in a context of its own (in a colour scheme). */
  const open = async (url: string, colorScheme: 'light' | 'dark' = 'light') => load(await newPage(colorScheme), url);

  /** What one visit of a page found: its lang, its landmarks, its unmarked foreign phrases, and axe's violations per colour scheme. */
  interface Visit {
    type: string;
    url: string;
    lang: string;
    landmarks: { banner: number; navigation: number; main: number; footer: number };
    foreign: string[];
    audits: { scheme: 'light' | 'dark'; violations: Violation[] }[];
  }

  /**
   * Open every page to visit once, one after another in one tab, and read there what the tests
   * below check: its lang and landmarks, its foreign phrases, then (axe injected) axe's findings
   * in the light and the dark scheme. Runs on the first call; later calls share its result.
   */
  let walk: Promise<Visit[]> | undefined;
  const walked = () => (walk ??= walkPages());
  async function walkPages(): Promise<Visit[]> {
    const visits: Visit[] = [];
    const page = await newPage();
    for (const { type, url } of pages) {
      await page.emulateMedia({ colorScheme: 'light' });
      await load(page, url);
      const lang = await page.evaluate(() => document.documentElement.lang);
      const landmarks = {
        banner: await page.getByRole('banner').count(),
        navigation: await page.getByRole('navigation', { name: '网站导航' }).count(),
        main: await page.getByRole('main').count(),
        footer: await page.getByRole('contentinfo').count(),
      };
      const foreign = await page.evaluate(unmarkedForeignPhrases);
      await page.addScriptTag({ content: AXE_SOURCE });
      const audits: Visit['audits'] = [];
      // The dark scheme is CSS only (prefers-color-scheme), so the same page is audited again under it.
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        audits.push({ scheme, violations: await axeViolations(page) });
      }
      visits.push({ type, url, lang, landmarks, foreign, audits });
    }
    await page.context().close();
    return visits;
  }

  it('audits every page type the site must have', () => {
    expect(missing).toEqual([]);
    const audited = new Set(pages.map((p) => p.type));
    expect(PAGE_TYPES.filter((t) => !audited.has(t.type))).toEqual([]);
  });

  it('axe finds no violation on any page type, light or dark', async () => {
    const found: string[] = [];
    const perType = new Map<string, number>();
    for (const { type, url, audits } of await walked()) {
      for (const { scheme, violations } of audits) {
        const key = `${scheme} ${type}`;
        perType.set(key, (perType.get(key) ?? 0) + violations.length);
        for (const v of violations) found.push(`${scheme} ${url}: ${describeViolation(v)}`);
      }
    }
    console.info(`[a11y] ${pages.length} pages × 2 schemes; violations per type: ${[...perType].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(found).toEqual([]);
  });

  it('axe finds no violation on a phone (390 px), where the contents and the metadata fold', async () => {
    const found: string[] = [];
    const page = await newPage('light', true);
    for (const type of ['home', 'document', 'clause']) {
      const url = pages.find((p) => p.type === type)!.url;
      await page.emulateMedia({ colorScheme: 'light' });
      await load(page, url);
      await page.addScriptTag({ content: AXE_SOURCE });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const v of await axeViolations(page)) found.push(`${scheme} 390px ${url}: ${describeViolation(v)}`);
      }
    }
    await page.context().close();
    expect(found).toEqual([]);
  });

  it('every page says it is Chinese and has one banner, navigation, one main and one footer', async () => {
    const visits = await walked();
    expect(visits.map((v) => v.url)).toEqual(pages.map((p) => p.url));
    for (const { url, lang, landmarks } of visits) {
      expect(lang, url).toBe('zh-CN');
      expect(landmarks.banner, `${url} banner`).toBe(1);
      expect(landmarks.navigation, `${url} site navigation`).toBe(1);
      expect(landmarks.main, `${url} main`).toBe(1);
      expect(landmarks.footer, `${url} footer`).toBe(1);
    }
  });

  it('the first Tab shows the skip link, and following it puts the focus on the main content', async () => {
    const url = pages.find((p) => p.type === 'clause')!.url;
    const page = await open(url);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, href: el.getAttribute('href'), visible: box.top >= 0 && box.height > 0 && box.bottom <= innerHeight };
    });
    expect(skip).toEqual({ text: '跳到正文', href: '#main', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab goes on inside the main content, past header and navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    await page.context().close();
  });

  it('whatever the keyboard focuses shows an outline, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await newPage(scheme);
      for (const type of ['home', 'document', 'clause', 'search']) {
        const url = pages.find((p) => p.type === type)!.url;
        await load(page, url);
        const unmarked: string[] = [];
        let focused = 0;
        for (let i = 0; i < 15; i++) {
          await page.keyboard.press('Tab');
          const state = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            return {
              what: `${el.localName}${el.id ? `#${el.id}` : ''} ${el.textContent?.trim().slice(0, 12) ?? ''}`,
              marked: outline || s.boxShadow !== 'none',
            };
          });
          if (!state) continue;
          focused++;
          if (!state.marked) unmarked.push(`${scheme} ${url}: ${state.what}`);
        }
        expect(focused, `${url}: Tab reaches elements`).toBeGreaterThan(5);
        expect(unmarked).toEqual([]);
      }
      await page.context().close();
    }
  });

  it('text in another language than Chinese is marked with its lang', async () => {
    const page = await open(pages[0]!.url);
    // The check itself: a Latin phrase in Chinese context is found, one with its lang is not.
    await page.setContent('<p>开放数据 Open data</p><p lang="en">Open data, too</p><p>JSON：documents.json，按 Enter</p>');
    expect(await page.evaluate(unmarkedForeignPhrases)).toEqual([expect.stringMatching(/: Open data$/)]);
    await page.context().close();
    const visits = await walked();
    expect(visits.length).toBe(pages.length);
    expect(visits.flatMap((v) => v.foreign)).toEqual([]);
  });
});

/**
 * In the page: visible phrases of two or more Latin words whose nearest lang is Chinese (or
 * none). Single words (JSON, Enter, file names) are technical terms and need no lang.
 */
function unmarkedForeignPhrases(): string[] {
  const phrase = /[A-Za-z]{2,}(?:[,;:]?\s+[A-Za-z]{2,})+/;
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, [hidden]') || !el.getClientRects().length) continue;
    const m = phrase.exec(n.nodeValue ?? '');
    const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
    if (m && (lang === '' || lang.startsWith('zh'))) out.push(`${location.pathname}: ${m[0]}`);
  }
  return out;
}
