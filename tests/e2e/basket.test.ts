/**
 * End-to-end: the clause basket (材料篮), online (over http) and from the offline bundle
 * (file://), in Chromium: add a clause and one of its paragraphs from the clause page and a
 * clause from the search results, see them on the basket page with their citations, reorder
 * them with the keyboard, reload, and export a .docx (opened here: unzipped with fflate, its
 * word/document.xml and word/footnotes.xml read), plain text and Markdown. axe audits the
 * basket page with entries (online, wide and on a phone). Where Debian's firefox-esr is installed, the offline bundle is
 * checked in Firefox too: a clause added on its page is on the basket page, and the .docx is
 * made. Also measures the .docx of 10 clauses. Reads the shared built site (support/site.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchUrl } from '../../scripts/bench/browser';
import { BUNDLE_PATH, unzipBundle } from '../../scripts/lib/bundle.mjs';
import { FIREFOX, Firefox } from '../../scripts/lib/firefox';
import { serveSite } from '../../scripts/lib/local-site';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DONE = '#search-results[aria-busy="false"][data-count]';
/** The clause added whole and by its second paragraph, and the query whose first result is added. */
const CLAUSE = 'gonghuifa-2021/11';
const QUERY = '职工之家';

interface Clause {
  id: string;
  url: string;
  heading?: string | null;
  text: string;
}

/** The XML text of a file of a .docx. */
function partOf(docx: Uint8Array, name: string): string {
  const files = unzipSync(docx);
  expect(Object.keys(files)).toContain(name);
  return strFromU8(files[name]!);
}

/** The text of a WordprocessingML part, its runs joined: what a reader sees, XML entities decoded. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join('');
}

describe.skipIf(SKIP_E2E)('the clause basket, online and from the offline bundle', () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let dir = '';
  let clauses: Clause[] = [];
  const bases: Record<'online' | 'offline', string> = { online: '', offline: '' };

  beforeAll(async () => {
    const site = sharedSite();
    clauses = JSON.parse(readFileSync(join(site, 'data', 'clauses.json'), 'utf8'));
    const served = await serveSite(site);
    server = served.proc;
    bases.online = `${served.base}/`;
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-basket-'));
    bases.offline = pathToFileURL(`${await unzipBundle(join(site, BUNDLE_PATH), dir)}/`).href;
    browser = await borrowChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const clause = (id: string) => clauses.find((c) => c.id === id)!;

  /** A fresh page (its own context: an empty basket) whose errors are collected; downloads allowed. */
  async function freshPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser!.newContext({ locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: console error: ${m.text()}`);
    });
    return { page, problems };
  }

  /** What the basket page lists: each entry's heading, citation line and paragraphs. */
  async function listed(page: Page): Promise<{ title: string; cite: string; text: string[]; href: string }[]> {
    await page.waitForSelector('html[data-basket-ready]', { state: 'attached' });
    return page.locator('#basket-list > li').evaluateAll((lis) =>
      lis.map((li) => ({
        title: li.querySelector('h2')!.textContent!,
        cite: li.querySelector('.basket-entry-cite')!.textContent!,
        text: [...li.querySelectorAll('.basket-entry-text p')].map((p) => p.textContent!),
        href: (li.querySelector('h2 a') as HTMLAnchorElement).href,
      })),
    );
  }

  /** Click an export button and read the file it downloads. */
  async function exported(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) };
  }

  describe.each(['online', 'offline'] as const)('%s', (where) => {
    it('adds a clause, a paragraph and a search result, reorders them with the keyboard, keeps them over a reload, and exports them', async () => {
      const base = bases[where];
      const { page, problems } = await freshPage();
      const c = clause(CLAUSE);

      // The whole clause, from its button, then its second paragraph, from the keyboard.
      await page.goto(new URL(c.url.slice(1), base).href);
      await page.getByRole('button', { name: '加入材料篮', exact: true }).click();
      await expect.poll(() => page.locator('.clause-actions [role="status"]').textContent()).toContain('已加入材料篮（共 1 条）');
      const para = page.locator('#p2 .para-basket');
      await para.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.clause-actions [role="status"]').textContent()).toContain('已加入材料篮（共 2 条）');
      // Adding the same clause again adds nothing.
      await page.locator('button[data-basket-add]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.clause-actions [role="status"]').textContent()).toContain('材料篮里已有');

      // The first result of a search.
      await page.goto(searchUrl(base, QUERY));
      await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
      const first = page.locator('#search-results > li.result').first();
      const resultId = await first.getAttribute('data-id');
      await first.locator('button.result-basket').click();
      await expect.poll(() => first.locator('button.result-basket').textContent()).toBe('已加入材料篮（共 3 条）');
      const hit = clause(resultId!);

      // The basket page, from the site's navigation.
      await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '材料篮' }).click();
      await page.waitForURL(/\/basket\/index\.html$/);
      let shown = await listed(page);
      const lines = c.text.split('\n');
      expect(shown.map((e) => e.title)).toEqual([
        '《中华人民共和国工会法》第十一条',
        '《中华人民共和国工会法》第十一条第二款',
        expect.stringContaining(hit.heading ? hit.heading : ''),
      ]);
      expect(shown[0]!.text).toEqual(lines);
      expect(shown[1]!.text).toEqual([lines[1]]);
      expect(shown[2]!.text).toEqual(hit.text.split('\n').filter((l) => l.trim() !== ''));
      expect(shown[1]!.cite).toMatch(/^出处：《中华人民共和国工会法》第十一条第二款/);
      expect(new URL(shown[1]!.href).pathname.endsWith(`${c.url}`)).toBe(true);
      expect(new URL(shown[1]!.href).hash).toBe('#p2');
      // Online the citations carry the page's address; from disk (no canonical site) none.
      if (where === 'online') expect(shown[0]!.cite).toBe(`出处：《中华人民共和国工会法》第十一条 ${new URL(c.url.slice(1), base).href}`);
      else expect(shown[0]!.cite).toBe('出处：《中华人民共和国工会法》第十一条');

      // Move the search result up twice with the keyboard: it becomes the first.
      const order = shown.map((e) => e.title);
      await page.getByRole('button', { name: `上移：${order[2]}`, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      expect((await listed(page)).map((e) => e.title)).toEqual([order[2], order[0], order[1]]);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`下移：${order[2]}`);
      await expect.poll(() => page.locator('#basket-status').textContent()).toContain('现为第 1 条');

      // A reload keeps the basket and its order.
      await page.reload();
      shown = await listed(page);
      expect(shown.map((e) => e.title)).toEqual([order[2], order[0], order[1]]);

      // The .docx: every passage in order, each with a footnote reference; the citations in the footnotes.
      const docx = await exported(page, '#basket-docx');
      expect(docx.name).toMatch(/^材料汇编-\d{4}-\d{2}-\d{2}\.docx$/);
      const body = partOf(docx.bytes, 'word/document.xml');
      const notes = partOf(docx.bytes, 'word/footnotes.xml');
      const text = wordText(body);
      const at = [shown[0]!.text.join(''), lines.join(''), lines[1]!].map((t) => text.indexOf(t));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect(text.indexOf(lines.join(''))).toBeLessThan(text.lastIndexOf(lines[1]!));
      expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(3);
      const footnotes = [...notes.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)].map((m) => wordText(m[2]!));
      expect(footnotes).toEqual(shown.map((e) => e.cite.replace(/^出处：/, '')));
      expect(partOf(docx.bytes, 'word/styles.xml')).toMatch(/w:eastAsia="仿宋"[\s\S]*w:eastAsia="黑体"|w:eastAsia="黑体"[\s\S]*w:eastAsia="仿宋"/);

      // Plain text and Markdown, with the citations.
      const txt = strFromU8((await exported(page, '#basket-text')).bytes);
      for (const e of shown) expect(txt).toContain(`（${e.cite}）`);
      const md = strFromU8((await exported(page, '#basket-markdown')).bytes);
      expect(md.startsWith('# 材料汇编\n')).toBe(true);
      expect(md).toContain(`[^3]: 《中华人民共和国工会法》第十一条第二款`);

      // Remove one, then clear: the page says the basket is empty, also after a reload.
      await page.getByRole('button', { name: `移除：${order[0]}`, exact: true }).click();
      expect((await listed(page)).map((e) => e.title)).toEqual([order[2], order[1]]);
      await page.locator('#basket-clear').click();
      await page.reload();
      expect(await listed(page)).toEqual([]);
      expect(await page.locator('#basket-empty').isVisible()).toBe(true);

      await page.context().close();
      expect(problems).toEqual([]);
    }, 120_000);
  });

  it('axe finds no violation on the basket page with entries, on a wide screen and on a phone', async () => {
    // axe is injected as a script of the page, which the site's own policy would refuse.
    const context = await browser!.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    const c = clause(CLAUSE);
    await page.goto(new URL(c.url.slice(1), bases.online).href);
    await page.locator('button[data-basket-add]').click();
    await page.locator('#p2 .para-basket').focus();
    await page.keyboard.press('Enter');
    const found: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(new URL('basket/index.html', bases.online).href);
      expect(await listed(page)).toHaveLength(2);
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = (await page.evaluate(
        'axe.run().then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))',
      )) as string[];
      found.push(...violations.map((v) => `${width}px: ${v}`));
    }
    await context.close();
    expect(found).toEqual([]);
  });

  it('makes a .docx of 10 clauses, whose size it reports', async () => {
    const { page, problems } = await freshPage();
    const ten = clauses.filter((c) => c.id.startsWith('gonghuifa-2021/')).slice(0, 10);
    for (const c of ten) {
      await page.goto(new URL(c.url.slice(1), bases.online).href);
      await page.getByRole('button', { name: '加入材料篮', exact: true }).click();
    }
    await page.goto(new URL('basket/index.html', bases.online).href);
    expect(await listed(page)).toHaveLength(10);
    const docx = await exported(page, '#basket-docx');
    const notes = partOf(docx.bytes, 'word/footnotes.xml');
    expect([...notes.matchAll(/<w:footnote w:id="\d+">/g)]).toHaveLength(10);
    const chars = ten.reduce((n, c) => n + c.text.length, 0);
    console.log(`basket: .docx of 10 clauses (${chars} characters of text): ${docx.bytes.length} bytes`);
    expect(docx.bytes.length).toBeLessThan(100_000);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  describe.skipIf(!existsSync(FIREFOX))('in Firefox, from the offline bundle', () => {
    let firefox: Firefox | undefined;
    beforeAll(async () => {
      firefox = await Firefox.launch();
    }, 120_000);
    afterAll(async () => {
      await firefox?.close();
    });

    it('keeps a clause added on its page for the basket page, and makes the .docx there', async () => {
      const c = clause(CLAUSE);
      await firefox!.navigate(new URL(c.url.slice(1), bases.offline).href);
      await firefox!.evaluate(`document.querySelector('button[data-basket-add]').click()`);
      expect(await firefox!.evaluate<string>(`document.querySelector('.clause-actions [role="status"]').textContent`)).toContain('已加入材料篮（共 1 条）');
      await firefox!.navigate(new URL('basket/index.html', bases.offline).href);
      const titles = await firefox!.waitFor<string[]>(
        `document.documentElement.hasAttribute('data-basket-ready') && [...document.querySelectorAll('#basket-list h2')].map((h) => h.textContent)`,
      );
      expect(titles).toEqual(['《中华人民共和国工会法》第十一条']);
      // The download itself is the browser's; catch the file as the page hands it over.
      const base64 = await firefox!.evaluate<string>(`new Promise((resolve) => {
        const made = URL.createObjectURL;
        URL.createObjectURL = (blob) => {
          blob.arrayBuffer().then((b) => { let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); resolve(btoa(s)); });
          return made.call(URL, blob);
        };
        document.getElementById('basket-docx').click();
      })`);
      const body = partOf(new Uint8Array(Buffer.from(base64, 'base64')), 'word/document.xml');
      expect(wordText(body)).toContain(c.text.split('\n').join(''));
      expect(firefox!.errors).toEqual([]);
    }, 120_000);
  });
});
