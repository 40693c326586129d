/**
 * End-to-end: the quote check page (docs/contracts.md, "Quote check page"), online (over http)
 * and from the offline bundle (file://), in Chromium. One draft, made from clause texts of the
 * built site's open data, holds an exact quotation with a correct article citation, a quotation
 * with one changed word, a quotation spanning two sentences, a quotation with a wrong article
 * citation, and a paragraph that is in no clause. One page load per site. Reads the shared
 * built site (support/site.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, unzipBundle } from '../../scripts/lib/bundle.mjs';
import { serveSite } from '../../scripts/lib/local-site';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

const DONE = '#quote-results[aria-busy="false"][data-count]';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the page shows for one passage. */
interface Item {
  from: number;
  to: number;
  match: string;
  href: string;
  del: string[];
  ins: string[];
  checks: string[];
}

/** What the page shows once the check is done. */
interface Shown {
  count: number;
  items: Item[];
  citations: { status: string; text: string }[];
}

describe.skipIf(SKIP_E2E)('the quote check, online and from the offline bundle', () => {
  let server: ChildProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  let dir = '';
  const shown: Partial<Record<'online' | 'offline', Shown>> = {};
  let text: (id: string) => string[] = () => [];

  // The draft's parts, filled from the open data in beforeAll.
  let exact = '';
  let changed = '';
  let original = '';
  let twoSentences = '';
  let wronglyCited = '';
  const notInLibrary = '今年春天，我们单位组织青年职工到郊外植树，还请退休老师傅讲了厂史，大家都说收获不小。';
  let draft = '';

  /** Open the page, paste the draft, check it and read the results. */
  async function check(page: Page, url: string): Promise<Shown> {
    await page.goto(url);
    await page.fill('#draft', draft);
    await page.click('#check-draft');
    await page.waitForSelector(DONE, { state: 'attached', timeout: 60_000 });
    return page.evaluate(() => {
      const visible = (e: Element) => {
        const copy = e.cloneNode(true) as Element;
        copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
        return copy.textContent ?? '';
      };
      const list = document.getElementById('quote-results')!;
      return {
        count: Number(list.getAttribute('data-count')),
        items: [...list.children].map((li) => ({
          from: Number(li.getAttribute('data-from')),
          to: Number(li.getAttribute('data-to')),
          match: li.getAttribute('data-match') ?? '',
          href: (li.querySelector('a[href]') as HTMLAnchorElement).href,
          del: [...li.querySelectorAll('del')].map(visible),
          ins: [...li.querySelectorAll('ins')].map(visible),
          checks: [...li.querySelectorAll('[data-cite]')].map((c) => `${c.getAttribute('data-cite')} ${c.textContent}`),
        })),
        citations: [...document.querySelectorAll('#citation-results > li')].map((li) => ({
          status: li.getAttribute('data-cite') ?? '',
          text: li.textContent ?? '',
        })),
      };
    });
  }

  beforeAll(async () => {
    const site = sharedSite();
    const clauses: { id: string; text: string }[] = JSON.parse(readFileSync(join(site, 'data', 'clauses.json'), 'utf8'));
    text = (id) => clauses.find((c) => c.id === id)!.text.split('\n');
    // 工会法 第一条, whole.
    exact = text('gonghuifa-2021/1')[0]!;
    // 劳动法 第三条 第二款, with 提高 changed to 增强.
    original = text('laodongfa-2018/3')[1]!;
    changed = original.replace('提高职业技能', '增强职业技能');
    // The first two sentences of the Shandong opinion's 第一条.
    twoSentences = text('luhui-2014-79/1/1')[0]!.split('。').slice(0, 2).join('。') + '。';
    // 工会法 第二条 第一款, cited as 第三条.
    wronglyCited = text('gonghuifa-2021/2')[0]!;
    draft = [
      `根据《中华人民共和国工会法》第一条规定：“${exact}”`,
      `劳动法还要求，“${changed}”`,
      `山东省总工会指出：${twoSentences}`,
      notInLibrary,
      `《中华人民共和国工会法》第三条规定：“${wronglyCited}”`,
    ].join('\n');
    browser = await borrowChromium();
    ({ proc: server, base } = await serveSite(site));
    const page = await browser.newPage();
    shown.online = await check(page, `${base}/quotes/index.html`);
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-quotes-'));
    const offline = await unzipBundle(join(site, BUNDLE_PATH), dir);
    shown.offline = await check(page, pathToFileURL(join(offline, 'quotes', 'index.html')).href);
    await page.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The span of a quotation in the draft, without its closing full stop (passages end at their last character). */
  const spanOf = (quote: string) => {
    const from = draft.indexOf(quote);
    return { from, to: from + quote.replace(/。$/, '').length };
  };
  /** The shown passage that starts where a quotation does. */
  const itemAt = (s: Shown, quote: string) => s.items.find((i) => i.from === draft.indexOf(quote));

  describe.each(['online', 'offline'] as const)('%s', (where) => {
    it('finds the four quotations and nothing else, in draft order', () => {
      const s = shown[where]!;
      expect(s.count).toBe(4);
      expect(s.items.map((i) => [i.from, i.to])).toEqual(
        [exact, changed, twoSentences, wronglyCited].map((q) => {
          const { from, to } = spanOf(q);
          return [from, to];
        }),
      );
    });

    it('reports an exact quotation as exact, linked to its clause paragraph', () => {
      const item = itemAt(shown[where]!, exact)!;
      expect(item.match).toBe('exact');
      expect(item.href).toMatch(/\/gonghuifa-2021\/1\.html#p1$/);
    });

    it('reports a quotation with one changed word as differing, with the word deleted and inserted', () => {
      const item = itemAt(shown[where]!, changed)!;
      expect(item.match).toBe('differs');
      expect(item.href).toMatch(/\/laodongfa-2018\/3\.html#p2$/);
      expect(item.del.join('')).toBe('提高');
      expect(item.ins.join('')).toBe('增强');
    });

    it('reports a quotation spanning two sentences as one exact passage', () => {
      const item = itemAt(shown[where]!, twoSentences)!;
      expect(item.match).toBe('exact');
      expect(item.to).toBe(spanOf(twoSentences).to);
      expect(item.href).toMatch(/\/luhui-2014-79\/1\/1\.html#p1$/);
    });

    it('confirms a correct article citation and names the clause of a wrong one', () => {
      const s = shown[where]!;
      expect(s.citations.map((c) => c.status)).toEqual(['right', 'wrong']);
      expect(s.citations[1]!.text).toContain('《中华人民共和国工会法》第二条');
      expect(itemAt(s, exact)!.checks[0]).toMatch(/^right /);
      expect(itemAt(s, wronglyCited)!.checks[0]).toMatch(/^wrong .*第二条/);
    });

    it('leaves out the paragraph that is in no clause', () => {
      const from = draft.indexOf(notInLibrary);
      const to = from + notInLibrary.length;
      expect(shown[where]!.items.filter((i) => i.from < to && i.to > from)).toEqual([]);
    });
  });

  it('shows the results without an axe violation, light or dark, on a desktop and on a phone, without sideways scrolling', async () => {
    const found: string[] = [];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      // axe is injected as a script of the page, which the site's own policy would refuse.
      const context = await browser!.newContext({ locale: 'zh-CN', bypassCSP: true, viewport });
      const page = await context.newPage();
      await check(page, `${base}/quotes/index.html`);
      await page.addScriptTag({ content: AXE_SOURCE });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const results = (await page.evaluate("axe.run({ resultTypes: ['violations'] }).then((r) => ({ violations: r.violations }))")) as {
          violations: { id: string; nodes: { target: string[] }[] }[];
        };
        for (const v of results.violations) found.push(`${viewport.width}px ${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${viewport.width}px`).toBe(true);
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('checks from the keyboard alone: Tab to the button, Enter, then a result selects its passage in the draft', async () => {
    const page = await browser!.newPage();
    await page.goto(`${base}/quotes/index.html`);
    await page.focus('#draft');
    await page.keyboard.insertText(draft);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector(DONE, { state: 'attached', timeout: 60_000 });
    await page.focus('#quote-results > li:nth-child(2) .quote-select');
    await page.keyboard.press('Enter');
    const selected = await page.evaluate(() => {
      const area = document.getElementById('draft') as HTMLTextAreaElement;
      return [document.activeElement === area, area.selectionStart, area.selectionEnd];
    });
    const { from, to } = spanOf(changed);
    expect(selected).toEqual([true, from, to]);
    await page.close();
  });

  it('puts a result into the basket: the paragraph it stands in, with its citation', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    await check(page, `${base}/quotes/index.html`);
    await page.click('#quote-results > li:nth-child(2) .quote-basket');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tiaowen-basket-v1') ?? '[]'));
    expect(stored).toEqual([
      {
        clause: 'laodongfa-2018/3',
        anchor: 'p2',
        url: '/laodongfa-2018/3.html',
        cite: '《中华人民共和国劳动法》第三条第二款',
        label: '《中华人民共和国劳动法》第三条第二款',
        text: original,
      },
    ]);
    await page.goto(`${base}/basket/index.html`);
    expect(await page.locator('main').textContent()).toContain('《中华人民共和国劳动法》第三条第二款');
    await context.close();
  });
});
