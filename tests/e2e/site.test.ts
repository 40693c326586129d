/**
 * End-to-end: the built site in real Chromium.
 *
 * Takes the shared built site (support/site.ts: one build per test run, into a private folder,
 * so that a build running meanwhile in the same checkout cannot change the site under test;
 * E2E_SKIP_BUILD=1 tests the existing dist/, E2E_SITE=<dir> that folder), serves it with
 * scripts/serve.mjs on a free port, and drives Debian's chromium through playwright-core
 * (CHROMIUM_PATH overrides /usr/bin/chromium). Everything is checked through the published
 * interfaces: the open data (data/clauses.json) names the clause pages, and the search page
 * is read through its contract (#search-results, aria-busy, data-count).
 *
 * Chromium missing is a failure, not a skip: install it with `apt-get install -y chromium`.
 * SKIP_E2E=1 skips the whole file.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, serveSite } from '../../scripts/lib/local-site';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

let SITE = '';
const DONE = '#search-results[aria-busy="false"][data-count]';

interface Clause {
  id: string;
  url: string;
  doc: string;
  heading?: string;
  text: string;
  keywords: string[];
  links: { rel: string; id: string }[];
}

/** The path of a page URL, decoded, without query or hash. */
const pathOf = (url: string) => decodeURIComponent(new URL(url).pathname);

describe.skipIf(SKIP_E2E)('the built site in Chromium', () => {
  let server: ChildProcess | undefined;
  let prefixServer: ChildProcess | undefined;
  let prefixDir: string | undefined;
  let base = '';
  let browser: Browser | undefined;
  let context: BrowserContext;
  let clauses: Clause[] = [];
  const external: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium), ` +
          'set CHROMIUM_PATH to a Chromium binary, or set SKIP_E2E=1 to skip the browser tests.',
      );
    }
    SITE = sharedSite(); // throws if SITE/search/index.html is missing

    ({ proc: server, base } = await serveSite(SITE));
    browser = await borrowChromium();
    context = await browser.newContext({ locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    context.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(`${base}/`) && !/^(data|blob):/.test(url)) external.push(url);
    });

    const res = await fetch(`${base}/data/clauses.json`);
    if (!res.ok) throw new Error(`data/clauses.json: HTTP ${res.status} (open data contract)`);
    clauses = (await res.json()) as Clause[];
    if (clauses.length === 0) throw new Error('data/clauses.json lists no clause');
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    prefixServer?.kill();
    if (prefixDir) await rm(prefixDir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    (page as Page & { errors?: string[] }).errors = errors;
    return page;
  }
  const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];

  /** Run a search through the contract; return the page, the final count and the partial count. */
  async function search(q: string, root = base, more = ''): Promise<{ page: Page; count: number; partial: number }> {
    const page = await open(`${root}/search/index.html?q=${encodeURIComponent(q)}${more}`);
    await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
    const count = Number(await page.locator('#search-results').getAttribute('data-count'));
    const partial = Number(await page.locator('#search-results').getAttribute('data-partial'));
    return { page, count, partial };
  }

  /** Do something that starts a search on the page; resolve with the final count. */
  async function researched(page: Page, action: () => Promise<unknown>): Promise<number> {
    await page.locator('#search-results').evaluate((el) => el.removeAttribute('data-count'));
    await action();
    await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
    return Number(await page.locator('#search-results').getAttribute('data-count'));
  }

  /** The results as shown: first link, its text, the excerpt, its marks, the tier. */
  const shownResults = (page: Page) =>
    page.locator('#search-results > li').evaluateAll((lis) =>
      lis.map((li) => {
        const a = li.querySelector('a[href]');
        return {
          href: a?.getAttribute('href') ?? '',
          label: a?.textContent ?? '',
          text: li.textContent ?? '',
          tier: (li as HTMLElement).dataset.tier,
          links: [...li.querySelectorAll('a[href]')].map((l) => l.getAttribute('href') ?? ''),
          versions: [...li.querySelectorAll('a.result-version[href]')].map((l) => l.getAttribute('href') ?? ''),
          compare: li.querySelector('a.result-compare[href]')?.getAttribute('href') ?? null,
          partialHeading: li.querySelector('h2')?.textContent ?? null,
          excerpt: li.querySelector('.result-excerpt')?.textContent ?? '',
          marks: [...li.querySelectorAll('.result-excerpt mark')].map((m) => m.textContent ?? ''),
        };
      }),
    );

  it('clause pages link to the next and the previous clause', async () => {
    const i = clauses.findIndex((c, k) => clauses[k + 1]?.doc === c.doc);
    expect(i, 'a document with two clauses').toBeGreaterThanOrEqual(0);
    const [here, next] = [clauses[i], clauses[i + 1]];

    const page = await open(base + here.url);
    expect(await page.locator('[data-pagefind-body]').count(), 'clause text marked for the index').toBe(1);

    await Promise.all([page.waitForURL((u) => pathOf(u.href) === next.url), page.locator('a[rel~="next"]').first().click()]);
    expect(pathOf(page.url())).toBe(next.url);

    await Promise.all([page.waitForURL((u) => pathOf(u.href) === here.url), page.locator('a[rel~="prev"]').first().click()]);
    expect(pathOf(page.url())).toBe(here.url);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('a permalink with a paragraph anchor targets that paragraph', async () => {
    const c = clauses.find((x) => x.text.includes('\n')) ?? clauses[0];
    const anchor = c.text.includes('\n') ? 'p2' : 'p1';
    const page = await open(`${base}${c.url}#${anchor}`);
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
    await page.close();
  });

  it('复制引用 copies a citation naming the document and the clause URL', async () => {
    const c = clauses[0];
    const page = await open(base + c.url);
    const button = page.locator('.clause-actions button[data-copy-kind="citation"]', { hasText: '复制引用' });
    expect(await button.count(), 'one 复制引用 button for the clause').toBe(1);
    await button.waitFor({ state: 'visible' });
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await button.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).not.toBe('');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('《');
    expect(
      [c.url, encodeURI(c.url)].some((u) => copied.includes(u)),
      `citation names ${c.url}: ${copied}`,
    ).toBe(true);
    await page.close();
  });

  it('search: ?q= runs at once, results link to clause pages', async () => {
    const urls = new Set(clauses.map((c) => c.url));
    const q = clauses.flatMap((c) => c.keywords).find((k) => k.length >= 2) ?? clauses[0].text.slice(0, 2);
    const { page, count, partial } = await search(q);
    expect(count, `hits for ${q}`).toBeGreaterThan(0);
    const items = page.locator('#search-results > li');
    expect(await items.count()).toBe(Math.min(count + partial, 20));
    expect(new URL(page.url()).searchParams.get('q')).toBe(q);

    const href = await items.first().locator('a[href]').first().getAttribute('href');
    expect(href, 'relative link').toMatch(/^(?![a-z]+:|\/)/);
    const target = new URL(href!, page.url()).href;
    expect(urls.has(pathOf(target)), `${target} is a clause page`).toBe(true);
    await Promise.all([page.waitForURL((u) => pathOf(u.href) === pathOf(target)), items.first().locator('a[href]').first().click()]);
    expect(await page.locator('[data-pagefind-body]').count()).toBe(1);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('search: typing updates the results and the URL', async () => {
    const q = clauses[0].text.replace(/[^\p{Script=Han}]/gu, '').slice(0, 2);
    const { page } = await search('');
    expect(await page.locator('#search-results').getAttribute('data-count')).toBe('0');
    await page.locator('#search-results').evaluate((el) => el.removeAttribute('data-count'));
    await page.locator('#search-input').fill(q);
    await page.waitForSelector(DONE, { state: 'attached' });
    expect(new URL(page.url()).searchParams.get('q')).toBe(q);
    expect(Number(await page.locator('#search-results').getAttribute('data-count'))).toBeGreaterThan(0);
    await page.close();
  });

  it('search: no hits is final too, and the query is only text', async () => {
    // Pagefind shortens a Latin term that matches nothing to a prefix that may match; rare Han
    // characters that occur nowhere give no hit.
    const none = await search('龘靐齉');
    expect(none.count).toBe(0);
    expect(await none.page.locator('#search-results > li').count()).toBe(0);
    await none.page.close();

    const evil = '<img src=x onerror="window.__pwned=1">工会';
    const { page } = await search(evil);
    expect(await page.locator('main img, #search-results script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#search-input').inputValue()).toBe(evil);
    // Excerpts keep <mark> and nothing else.
    const tags = await page.locator('#search-results .result-excerpt *').evaluateAll((els) => [...new Set(els.map((e) => e.localName))]);
    expect(tags.filter((t) => t !== 'mark')).toEqual([]);
    await page.close();
  });

  it('search: each result names its document and clause, links to the paragraph of its first match with ?h=, and excerpts the raw text', async () => {
    const byUrl = new Map(clauses.map((c) => [c.url, c]));
    const documents = new Map(
      ((await (await fetch(`${base}/data/documents.json`)).json()) as { id: string; title: string; descriptiveTitle?: true }[]).map((d) => [d.id, d]),
    );
    const q = '职工之家';
    const { page, count, partial } = await search(q);
    expect(count).toBeGreaterThan(0);
    expect(partial, 'a one-word query has no partial matches').toBe(0);
    expect(await page.locator('#search-status').textContent()).toContain(`找到 ${count} 条`);
    const results = await shownResults(page);
    expect(results).toHaveLength(Math.min(count, 20));
    for (const r of results) {
      const url = new URL(r.href, page.url());
      const clause = byUrl.get(pathOf(url.href));
      expect(clause, `${r.href} is a clause page`).toBeDefined();
      // Labelled with the document's name: an official title in 《》 (inner marks 〈〉), a description without.
      const doc = documents.get(clause!.doc)!;
      const marked = `《${doc.title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
      expect(r.label.startsWith(doc.descriptiveTitle ? doc.title : marked), `${r.label} names ${doc.title}`).toBe(true);
      expect(url.searchParams.get('h'), 'what to highlight there').toBe(q);
      const m = /^[^?#]+\?h=[^#]+#p(\d+)$/.exec(r.href);
      expect(m, `?h= before #pN in ${r.href}`).not.toBeNull();
      expect(clause!.text.split('\n')[Number(m![1]) - 1], 'the fragment names a paragraph with the match').toContain(q);
      // The excerpt is the raw text, cut with …… and nothing inserted, with the query marked.
      const parts = r.excerpt.split('……').filter(Boolean);
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(clause!.text, r.excerpt).toContain(part);
      expect(r.marks.length).toBeGreaterThan(0);
      expect(r.marks.every((mark) => mark === q)).toBe(true);
    }
    await page.close();
  });

  it('search: the clause page highlights the folded match on arrival and shows the targeted paragraph', async () => {
    const { page } = await search('会站家');
    const link = page.locator('#search-results > li > a[href*="#p"]').first();
    const href = (await link.getAttribute('href'))!;
    const target = new URL(href, page.url());
    await Promise.all([page.waitForURL((u) => pathOf(u.href) === pathOf(target.href)), link.click()]);
    const found = await page.evaluate(() => ({
      hash: location.hash.slice(1),
      marks: [...document.querySelectorAll('.clause-body mark.hit')].map((m) => ({ text: m.textContent ?? '', in: m.closest('[id]')?.id })),
    }));
    expect(found.marks.length).toBeGreaterThan(0);
    for (const mark of found.marks) expect(mark.text.replace(/[\p{P}\p{S}\s]/gu, '')).toBe('会站家');
    expect(
      found.marks.some((mark) => mark.in === found.hash),
      `a mark in #${found.hash}`,
    ).toBe(true);
    const box = await page.locator(`[id="${found.hash}"] mark.hit`).first().boundingBox();
    const height = await page.evaluate(() => innerHeight);
    expect(box && box.y >= 0 && box.y + box.height <= height, 'the first mark is in view').toBe(true);

    // Only marks were added: the text is the one the page shows without ?h=.
    const marked = await page.locator('.clause-body').textContent();
    await page.goto(`${target.origin}${target.pathname}`);
    expect(await page.locator('.clause-body mark').count()).toBe(0);
    expect(await page.locator('.clause-body').textContent()).toBe(marked);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('search: traditional characters find what simplified ones do', async () => {
    const simplified = await search('集体协商');
    const traditional = await search('集體協商');
    expect(simplified.count).toBeGreaterThan(0);
    expect(traditional.count).toBe(simplified.count);
    await Promise.all([simplified.page.close(), traditional.page.close()]);
  });

  it('search: &n= renders that many results at once, and 显示更多结果 adds 20 more', async () => {
    const all = await search('工会', base, '&n=1000');
    expect(all.count).toBeGreaterThan(40);
    expect(await all.page.locator('#search-results > li').count()).toBe(Math.min(all.count + all.partial, 1000));
    expect(await all.page.locator('#search-more').isHidden()).toBe(all.count + all.partial <= 1000);
    await all.page.close();

    const { page, count } = await search('工会');
    expect(await page.locator('#search-results > li').count()).toBe(20);
    const more = page.locator('#search-more');
    expect(await more.textContent()).toBe('显示更多结果');
    expect(await researched(page, () => more.click())).toBe(count);
    expect(await page.locator('#search-results > li').count()).toBe(40);
    await page.close();
  });

  it('search: results with only some of the words come last, marked 部分匹配, under their own heading, counted apart', async () => {
    const { page, count, partial } = await search('集体协商指导员培训', base, '&n=1000');
    const results = await shownResults(page);
    const tiers = results.map((r) => Number(r.tier));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers).toContain(3);
    for (const r of results) expect(r.text.includes('部分匹配'), r.label).toBe(r.tier === '3');
    expect(tiers.filter((t) => t < 3)).toHaveLength(count);
    expect(tiers.filter((t) => t === 3)).toHaveLength(partial);
    expect(results.map((r) => r.partialHeading)).toEqual(results.map((_, i) => (i === count ? `只含部分词语的条文（${partial} 条）` : null)));
    await page.close();
  });

  /** A clause's heading and text without punctuation, symbols or spaces (as the search folds it, without width or case). */
  const bare = (c: Clause) => `${c.heading ?? ''}${c.text}`.replace(/[\p{P}\p{S}\s]/gu, '');
  /** The clause a result's link opens. */
  const clauseOf = (href: string, page: Page) => clauses.find((c) => c.url === pathOf(new URL(href, page.url()).href));

  it('search: 「职工之家 建设」 counts only the results with both words, each holding both, the others after them', async () => {
    const { page, count, partial } = await search('职工之家 建设', base, '&n=1000');
    expect(count).toBeGreaterThan(0);
    expect(partial).toBeGreaterThan(0);
    expect(await page.locator('#search-status').textContent()).toBe(`找到 ${count} 条；另有 ${partial} 条只含部分词语。`);
    const results = await shownResults(page);
    expect(results).toHaveLength(count + partial);
    for (const [i, r] of results.entries()) {
      const text = bare(clauseOf(r.href, page)!);
      const both = text.includes('职工之家') && text.includes('建设');
      expect(both, `${i + 1}. ${r.label}: both words exactly where it is counted`).toBe(i < count);
    }
    // The first 20 results show at once, the heading over the partial ones among them.
    const first = await search('职工之家 建设');
    expect(await first.page.locator('#search-results > li').count()).toBe(Math.min(20, count + partial));
    expect(await first.page.locator('#search-results > li:nth-child(' + (count + 1) + ') h2').textContent()).toBe(`只含部分词语的条文（${partial} 条）`);
    await Promise.all([page.close(), first.page.close()]);
  });

  it('search: the transcriptions of one text are one result, led by the first in reading order, linking each', async () => {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const order = new Map(clauses.map((c, i) => [c.id, i]));
    const { page, count } = await search('集体协商', base, '&n=1000');
    const results = await shownResults(page);
    expect(results).toHaveLength(count);
    const leads = results.map((r) => clauseOf(r.href, page)!);
    const grouped = results.filter((r) => r.versions.length > 0);
    expect(grouped.length, 'plan clauses in both transcriptions').toBeGreaterThan(0);
    for (const [i, r] of results.entries()) {
      const lead = leads[i]!;
      const versions = lead.links.filter((l) => l.rel === 'version').map((l) => byId.get(l.id)!);
      // No other result is a transcription of this one.
      for (const v of versions) expect(leads.includes(v), `${lead.id} and ${v.id} are one result`).toBe(false);
      if (versions.length === 0) {
        expect(r.versions, lead.id).toEqual([]);
        continue;
      }
      // It links every transcription, in reading order, and says how they differ.
      const all = [lead, ...versions].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      expect(
        r.versions.map((h) => clauseOf(h, page)!.id),
        lead.id,
      ).toEqual(all.map((c) => c.id));
      expect(r.text, lead.id).toMatch(/两个转录本(文字一致|有 \d+ 处文字差异|仅有 \d+ 处标点差异)/);
      expect(r.compare, `${lead.id} links its comparison`).toMatch(/^\.\.\/compare\/[^/]+\.html$/);
      // Led by the first transcription where that one holds the words.
      if (bare(all[0]!).includes('集体协商')) expect(lead.id).toBe(all[0]!.id);
    }
    const compare = grouped[0]!.compare!;
    expect(await fetch(new URL(compare, page.url())).then((res) => res.status)).toBe(200);
    await page.close();
  });

  it('search: a long dictionary compound also finds its parts apart, counted, after the clauses holding it whole', async () => {
    const q = '和谐劳动关系';
    const { page, count } = await search(q, base, '&n=1000');
    const results = await shownResults(page);
    expect(results).toHaveLength(count);
    const whole = results.map((r) => bare(clauseOf(r.href, page)!).includes(q));
    const firstApart = whole.indexOf(false);
    expect(firstApart, 'some clauses hold the parts apart').toBeGreaterThan(0);
    expect(
      whole.slice(firstApart).every((w) => !w),
      'every whole match comes first',
    ).toBe(true);
    for (const r of results.slice(firstApart)) {
      const text = bare(clauseOf(r.href, page)!);
      expect(text.includes('和谐') && text.includes('劳动关系'), r.label).toBe(true);
      expect(r.text).toContain(`“${q}”分开出现`);
      // The clause page is asked to highlight the parts (adjacent ones as one run).
      const h = new URL(r.href, page.url()).searchParams.get('h') ?? '';
      expect(h.includes('和谐') && h.includes('劳动关系') && !h.includes(q), h).toBe(true);
    }
    await page.close();
  });

  it('search: a search without full results suggests dropping a word, with counts, the term index and examples', async () => {
    const alone = await search('职工之家');
    const { page, count, partial } = await search('职工之家 龘靐');
    expect([count, partial]).toEqual([0, alone.count]);
    await alone.page.close();
    expect(await page.locator('#search-empty').isVisible()).toBe(true);
    const drops = await page
      .locator('#search-drop li')
      .evaluateAll((lis) => lis.map((li) => ({ text: li.textContent, href: li.querySelector('a')!.getAttribute('href') })));
    expect(drops).toEqual([{ text: `去掉“龘靐”：职工之家（${partial} 条）`, href: `index.html?q=${encodeURIComponent('职工之家')}` }]);
    const terms = page.locator('#search-empty a', { hasText: '术语索引' });
    expect(await terms.getAttribute('href')).toBe('../terms/index.html');
    const examples = await page.locator('#search-empty .search-examples a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(examples.length).toBeGreaterThan(2);
    for (const href of examples) {
      const q = new URL(href, page.url()).searchParams.get('q')!;
      const example = await search(q);
      expect(example.count, `example ${q}`).toBeGreaterThan(0);
      await example.page.close();
    }
    await Promise.all([page.waitForURL((u) => pathOf(u.href).endsWith('/terms/index.html')), terms.click()]);
    await page.close();

    const none = await search('龘靐齉');
    expect(await none.page.locator('#search-empty').isVisible()).toBe(true);
    expect(await none.page.locator('#search-drop li').count()).toBe(0);
    expect(await none.page.locator('#search-empty .search-drop-box').isVisible()).toBe(false);
    await none.page.close();
  });

  it('search: filters by document, kind and year narrow the results, with counts, and stay in the URL', async () => {
    const { page, count } = await search('工会');
    await page.locator('#search-filters').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    for (const name of ['doc', 'kind', 'year']) {
      expect(await page.locator(`#search-filters input[type=checkbox][name="${name}"]`).count(), name).toBeGreaterThan(0);
    }
    const box = page.locator('#search-filters input[name="doc"]').first();
    const value = (await box.getAttribute('value'))!;
    const expected = Number((await box.locator('xpath=..').locator('.count').textContent())!.replace(/\D/g, ''));
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(count);

    expect(await researched(page, () => box.check())).toBe(expected);
    const params = new URL(page.url()).searchParams;
    expect(params.get('q')).toBe('工会');
    expect(params.getAll('doc')).toEqual([value]);
    for (const r of await shownResults(page)) expect(r.href.startsWith(`../${value}/`), r.href).toBe(true);

    await page.reload();
    await page.waitForSelector(DONE, { state: 'attached' });
    expect(Number(await page.locator('#search-results').getAttribute('data-count'))).toBe(expected);
    expect(await page.locator(`#search-filters input[name="doc"][value="${value}"]`).isChecked()).toBe(true);
    await page.close();
  });

  it('search: / focuses the box, arrows move through the results, Escape returns to the box, Enter follows', async () => {
    const { page, count } = await search('职工之家');
    expect(count).toBeGreaterThan(2);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('href'));
    const links = await page.locator('#search-results > li > a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focused()).toBe('search-input');
    expect(await page.locator('#search-input').inputValue(), '/ is not typed').toBe('职工之家');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    const first = new URL(links[0]!, page.url()).href;
    await Promise.all([page.waitForURL((u) => u.href === first), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('search: a submitted query runs, and an empty one shows a hint and zero results', async () => {
    const { page, count } = await search('');
    expect(count).toBe(0);
    expect(await page.locator('#search-hint').isVisible()).toBe(true);
    await page.locator('#search-input').evaluate((el) => ((el as HTMLInputElement).value = '集体协商'));
    expect(await researched(page, () => page.locator('#search-form button[type="submit"]').click())).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('集体协商');
    expect(await page.locator('#search-hint').isHidden()).toBe(true);
    await page.close();
  });

  it('the header search box leads to the results from every page depth', async () => {
    const deepest = clauses.reduce((a, c) => (c.url.split('/').length > a.url.split('/').length ? c : a));
    const docUrl = `/${deepest.doc}/index.html`;
    for (const url of ['/index.html', docUrl, deepest.url, '/no/such/page.html']) {
      const page = await context.newPage();
      await page.goto(base + url);
      await page.locator('.site-header input[name="q"]').fill('职工之家');
      await Promise.all([page.waitForURL((u) => pathOf(u.href) === '/search/index.html'), page.locator('.site-header input[name="q"]').press('Enter')]);
      await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('q'), url).toBe('职工之家');
      expect(Number(await page.locator('#search-results').getAttribute('data-count')), url).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('search works when the site is served under a path prefix', async () => {
    prefixDir = await mkdtemp(join(tmpdir(), 'tiaowen-prefix-'));
    await symlink(SITE, join(prefixDir, 'tiaowen'), 'dir');
    const started = await serveSite(prefixDir);
    prefixServer = started.proc;
    const root = `${started.base}/tiaowen`;
    const q = clauses.flatMap((c) => c.keywords).find((k) => k.length >= 2) ?? clauses[0].text.slice(0, 2);
    const { page, count } = await search(q, root);
    expect(count).toBeGreaterThan(0);
    const href = await page.locator('#search-results > li a[href]').first().getAttribute('href');
    const target = new URL(href!, page.url());
    expect(target.pathname.startsWith('/tiaowen/')).toBe(true);
    const res = await page.goto(target.href);
    expect(res?.status()).toBe(200);
    await page.close();
  });

  it('search: fetches the files of one build, the lexicon (with the layout) revalidated, the rest under its version or by their content hash', async () => {
    const lexicon = JSON.parse(gunzipSync(readFileSync(join(SITE, 'search', 'lexicon.bin'))).toString()) as {
      version: string;
      words?: string;
      shards: number;
      layout: { packs: { hash: string }[] };
    };
    expect(lexicon.version).toMatch(/^[0-9a-f]{16}$/);
    const q = clauses.flatMap((c) => c.keywords).find((k) => k.length >= 2)!;

    const requested: string[] = [];
    const onRequest = (r: { url(): string }) => void (/\/search\/(words|packs|layout)/.test(r.url()) && requested.push(r.url()));
    context.on('request', onRequest);
    const fresh = await search(q);
    context.off('request', onRequest);
    await fresh.page.close();
    // The word shards (where the vocabulary is not in the lexicon) under the version; the packs of display data by the names the layout gives them.
    const words = requested.filter((url) => url.includes('/search/words/'));
    const packs = requested.filter((url) => url.includes('/search/packs/'));
    expect(requested.filter((url) => url.includes('/search/layout'))).toEqual([]);
    if (lexicon.words === undefined) expect(words.length).toBeGreaterThan(0);
    else expect(words).toEqual([]);
    for (const url of words) expect(new URL(url).searchParams.get('v'), url).toBe(lexicon.version);
    const listed = lexicon.layout.packs.map((p) => `/search/packs/${p.hash}.bin`);
    expect(packs.length).toBeGreaterThan(0);
    for (const url of packs) expect(listed, url).toContain(new URL(url).pathname.replace(/^.*(\/search\/)/, '$1'));
  });

  it('pages make no request outside the site', () => {
    const foreign = external.filter((u) => !u.startsWith('http://127.0.0.1:'));
    expect(foreign).toEqual([]);
  });
});
