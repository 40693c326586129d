/**
 * End-to-end: copying links and citations, paragraph citations, the arrival at a paragraph and
 * the other citation formats (docs/contracts.md, "Copying a link or a citation").
 *
 * The shared build (support/site.ts) has no canonical site unless TIAOWEN_SITE was set for the
 * run: served on a local port its buttons copy the address they were opened at, and its offline
 * bundle opened from disk copies citations without a link. A small library holding the Trade
 * Union Law, built with TIAOWEN_SITE set (the fixture build canonical-utc of
 * support/fixture-builds.ts), copies the canonical URL both served and from disk. SKIP_E2E=1
 * skips the file.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, unzipBundle } from '../../scripts/lib/bundle.mjs';
import { serveSite, type LocalServer } from '../../scripts/lib/local-site';
import type { DocumentRecord } from '../../src/model';
import { COPY_PROBE, type Copy } from './support/copy-probe';
import { CANONICAL_SITE, fixtureBuild } from './support/fixture-builds';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

const LAW_12 = '/gonghuifa-2021/12.html';
const LAW_12_CITATION = '《中华人民共和国工会法》第十二条';
/** A long clause of three paragraphs: arriving at the last, the title is far above. */
const LONG = '/li-2017/4/3.html';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' };

const copies = (page: Page) => page.evaluate(COPY_PROBE) as Promise<Copy[]>;
const find = (all: Copy[], kind: string, paragraph: string | null) => all.find((c) => c.kind === kind && c.paragraph === paragraph);

describe.skipIf(SKIP_E2E)('citing', () => {
  let site = '';
  let server: LocalServer;
  let base = '';
  let browser: Browser;
  let phone: BrowserContext;
  let dir = '';
  let offline = '';
  /** The shared build's canonical site, if the run set one (then its links start with it). */
  let canonical: string | undefined;

  beforeAll(async () => {
    site = sharedSite();
    server = await serveSite(site);
    base = server.base;
    browser = await borrowChromium();
    phone = await browser.newContext(PHONE);
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-citing-'));
    offline = await unzipBundle(join(site, BUNDLE_PATH), dir);
    const html = readFileSync(join(site, LAW_12.slice(1)), 'utf8');
    canonical = /data-copy-kind="link" data-copy="([^"]+)gonghuifa-2021\/12\.html"/.exec(html)?.[1];
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Where a page's links point: the canonical site if the build had one, else where it was served. */
  const expected = (url: string) => (canonical ? new URL(url.slice(1), canonical).href : `${base}${url}`);

  it('served on a local port, copies the address the page was opened at, and says what it copied', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${LAW_12}?h=工会`);
    const all = await copies(page);
    const link = expected(LAW_12);
    expect(find(all, 'link', null)).toMatchObject({ shown: true, copied: link, status: `已复制本条链接：${link}` });
    expect(find(all, 'citation', null)).toMatchObject({
      shown: true,
      copied: `${LAW_12_CITATION} ${link}`,
      status: `已复制本条引用：${LAW_12_CITATION} ${link}`,
    });
    // data-copy holds the text only where the build knew it.
    for (const c of all.filter((x) => x.kind !== 'gbt')) expect(c.data, `${c.paragraph} ${c.kind}`).toBe(canonical ? c.copied : null);
    await page.close();
  });

  it('gives each paragraph its own link (#p2) and citation (第十二条第二款)', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${LAW_12}`);
    const all = await copies(page);
    const link = `${expected(LAW_12)}#p2`;
    expect(find(all, 'link', 'p2')).toMatchObject({ copied: link, status: `已复制第二款的链接：${link}` });
    expect(find(all, 'citation', 'p2')).toMatchObject({ copied: `${LAW_12_CITATION}第二款 ${link}` });
    expect(find(all, 'citation', 'p1')?.copied).toBe(`${LAW_12_CITATION}第一款 ${expected(LAW_12)}#p1`);
    await page.close();
  });

  it('shows the paragraph buttons on a touch screen of 390 px, and Tab reaches them', async () => {
    const page = await phone.newPage();
    await page.goto(`${base}${LAW_12}`);
    for (const kind of ['link', 'citation']) {
      const button = page.locator(`[id="p2"] button[data-copy-kind="${kind}"]`);
      expect(await button.isVisible(), kind).toBe(true);
      const box = (await button.boundingBox())!;
      expect(box.width * box.height, kind).toBeGreaterThan(20 * 20);
      expect(box.x + box.width, kind).toBeLessThanOrEqual(390);
    }
    await page.close();

    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto(`${base}${LAW_12}`);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await desk.keyboard.press('Tab');
      reached = await desk.evaluate(() => document.activeElement?.matches('[id="p2"] button[data-copy-kind="link"]') ?? false);
    }
    expect(reached, 'Tab reaches p2’s link button').toBe(true);
    const box = (await desk.locator('[id="p2"] button[data-copy-kind="link"]').boundingBox())!;
    expect(box.width, 'the focused button shows').toBeGreaterThan(20);
    await desk.close();
  });

  it('arriving at a paragraph on a phone keeps the clause’s number and title in view, and marks the paragraph', async () => {
    for (const [url, anchor] of [
      [LAW_12, 'p2'],
      [LONG, 'p3'],
    ] as const) {
      const page = await phone.newPage();
      await page.goto(`${base}${url}#${anchor}`);
      await page.waitForTimeout(300);
      const view = await page.evaluate((id) => {
        const inView = (el: Element | null) => {
          if (!el || getComputedStyle(el).visibility === 'hidden') return false;
          const r = (el.firstElementChild ?? el).getBoundingClientRect();
          return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
        };
        const target = document.getElementById(id)!;
        const r = target.getBoundingClientRect();
        return {
          title: inView(document.getElementById('clause-title')),
          context: inView(document.querySelector('.clause-context')),
          contextText: document.querySelector('.clause-context')?.textContent ?? '',
          target: r.top < innerHeight && r.bottom > 0,
          background: getComputedStyle(target).backgroundColor,
          page: getComputedStyle(document.body).backgroundColor,
        };
      }, anchor);
      expect(view.target, url).toBe(true);
      expect(view.title || view.context, `${url}#${anchor}: the title or the context line is in view`).toBe(true);
      if (!view.title) expect(view.contextText, url).toMatch(/\S/);
      expect(view.background, `${url}: the target is marked`).not.toBe(view.page);
      await page.close();
    }
  });

  it('shows the clause’s GB/T 7714-2015 reference dated today, and prints the address opened', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${LAW_12}`);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await page.locator('[data-gbt]').innerText()).toBe(
      `全国人民代表大会常务委员会. 中华人民共和国工会法[EB/OL]. (2021-12-24)[${today}]. ${expected(LAW_12)}.`,
    );
    const gbt = find(await copies(page), 'gbt', null);
    expect(gbt?.copied).toBe(`全国人民代表大会常务委员会. 中华人民共和国工会法[EB/OL]. (2021-12-24)[${today}]. ${expected(LAW_12)}.`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.permalink-print').innerText()).toBe(`本条链接：${expected(LAW_12)}`);
    await page.close();
  });

  it('offers every document’s CSL-JSON and BibTeX, linked from its pages', async () => {
    const documents = JSON.parse(readFileSync(join(site, 'data/documents.json'), 'utf8')) as DocumentRecord[];
    const types = new Set<string>();
    for (const doc of documents) {
      const json = await fetch(`${base}/cite/${doc.id}.json`);
      expect(json.status, doc.id).toBe(200);
      const items = (await json.json()) as { id: string; type: string; title: string }[];
      expect(items.length, doc.id).toBe(1);
      expect(items[0]).toMatchObject({ id: doc.id, title: doc.title });
      types.add(items[0]!.type);
      const bib = await (await fetch(`${base}/cite/${doc.id}.bib`)).text();
      expect(bib.match(/^@\w+\{/gm)?.length, doc.id).toBe(1);
      expect(bib, doc.id).toMatch(new RegExp(`^@(misc|techreport|article)\\{${doc.id},\\n`));
      expect(bib, doc.id).toContain(`title = {{${doc.title}}}`);
      expect(bib.split('{').length, `${doc.id}: braces balance`).toBe(bib.split('}').length);
    }
    expect([...types].sort()).toEqual(['article-journal', 'document', 'legislation', 'report']);
    for (const url of [LAW_12, '/gonghuifa-2021/index.html']) {
      const page = await browser.newPage();
      await page.goto(`${base}${url}`);
      const hrefs = await page.locator('.cite-formats a[data-cite-file]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs, url).toEqual([`${base}/cite/gonghuifa-2021.json`, `${base}/cite/gonghuifa-2021.bib`]);
      await page.close();
    }
  });

  it('from disk without a canonical site, copies citations without a link and says why', async () => {
    if (canonical) return; // the run set TIAOWEN_SITE: the canonical build below covers the disk
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(offline, LAW_12.slice(1))).href);
    const all = await copies(page);
    expect(all.filter((c) => c.kind === 'link').map((c) => c.shown)).toEqual([false, false, false]);
    expect(await page.locator('.copy-note').innerText()).toBe('离线版没有网址，不能复制链接；复制的引用不附链接。');
    expect(find(all, 'citation', null)).toMatchObject({ copied: LAW_12_CITATION, status: `已复制本条引用（离线版没有网址，未附链接）：${LAW_12_CITATION}` });
    expect(find(all, 'citation', 'p2')?.copied).toBe(`${LAW_12_CITATION}第二款`);
    expect(find(all, 'gbt', null)?.copied).toMatch(/^全国人民代表大会常务委员会\. 中华人民共和国工会法\[EB\/OL\]\. \(2021-12-24\)\[\d{4}-\d\d-\d\d\]\.$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.permalink-print').evaluateAll((els) => els.map((el) => el.getClientRects().length))).toEqual([0]);
    await page.goto(pathToFileURL(join(offline, 'index.html')).href);
    const note = await page.locator('[data-bundle="offline"]').innerText();
    expect(note).toContain('离线版没有网址');
    expect(note).not.toMatch(/https?:/);
    await page.close();
  });

  describe('with a canonical site (TIAOWEN_SITE)', () => {
    const SITE = CANONICAL_SITE;
    let out = '';
    let unpackedIn = '';
    let own: LocalServer | undefined;
    let output = '';

    beforeAll(async () => {
      ({ dir: out, output } = await fixtureBuild('canonical-utc'));
      unpackedIn = await mkdtemp(join(tmpdir(), 'tiaowen-citing-canonical-'));
      own = await serveSite(out);
    });
    afterAll(async () => {
      own?.proc.kill();
      if (unpackedIn) await rm(unpackedIn, { recursive: true, force: true });
    });

    it('says so when it builds, and copies the canonical URL served anywhere and from disk', async () => {
      expect(output).toContain(`[build] Links: canonical site ${SITE} (TIAOWEN_SITE)`);
      const link = `${SITE}gonghuifa-2021/12.html`;
      const unpacked = await unzipBundle(join(out, BUNDLE_PATH), unpackedIn);
      for (const url of [`${own!.base}${LAW_12}`, pathToFileURL(join(unpacked, LAW_12.slice(1))).href]) {
        const page = await browser.newPage();
        await page.goto(url);
        const all = await copies(page);
        expect(find(all, 'link', null), url).toMatchObject({ copied: link, data: link });
        expect(find(all, 'citation', 'p2'), url).toMatchObject({ copied: `${LAW_12_CITATION}第二款 ${link}#p2`, data: `${LAW_12_CITATION}第二款 ${link}#p2` });
        expect(find(all, 'gbt', null)?.copied, url).toMatch(new RegExp(`\\]\\. ${link.replace(/[./]/g, '\\$&')}\\.$`));
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.permalink-print').innerText(), url).toBe(`本条链接：${link}`);
        await page.close();
      }
      expect(readFileSync(join(out, 'cite/gonghuifa-2021.bib'), 'utf8')).toContain(`url = {${SITE}gonghuifa-2021/index.html}`);
      expect(readFileSync(join(unpacked, 'index.html'), 'utf8')).toContain(`复制的链接和引用指向在线版：<a href="${SITE}index.html">`);
    });
  });
});
