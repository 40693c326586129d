/**
 * End-to-end: the built site in real Chromium.
 *
 * Builds the site once with `scripts/build.mjs` into a private folder (`.build-e2e-<pid>/`,
 * so that a build running meanwhile in the same checkout cannot change the site under test;
 * set E2E_SKIP_BUILD=1 to test the existing dist/ instead), serves it with scripts/serve.mjs
 * on a free port, and drives Debian's chromium through playwright-core
 * (CHROMIUM_PATH overrides /usr/bin/chromium). Everything is checked through the published
 * interfaces: the open data (data/clauses.json) names the clause pages, and the search page
 * is read through its contract (#search-results, aria-busy, data-count).
 *
 * Chromium missing is a failure, not a skip: install it with `apt-get install -y chromium`.
 * SKIP_E2E=1 skips the whole file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SKIP_BUILD = process.env.E2E_SKIP_BUILD === '1';
const SITE = SKIP_BUILD ? join(ROOT, 'dist') : join(ROOT, `.build-e2e-${process.pid}`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DONE = '#search-results[aria-busy="false"][data-count]';

interface Clause {
  id: string;
  url: string;
  doc: string;
  text: string;
  keywords: string[];
}

/** Start scripts/serve.mjs on a free port; resolve with its base URL. */
function serve(dir: string): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), dir], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        proc.stdout?.off('data', onData);
        done({ proc, base: m[1] });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => fail(new Error(`serve.mjs exited (${code}) before listening:\n${out}`)));
  });
}

/** The path of a page URL, decoded, without query or hash. */
const pathOf = (url: string) => decodeURIComponent(new URL(url).pathname);

describe.skipIf(process.env.SKIP_E2E === '1')('the built site in Chromium', () => {
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
    if (!SKIP_BUILD) {
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', SITE], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
    }
    if (!existsSync(join(SITE, 'search', 'index.html'))) throw new Error(`${SITE}/search/index.html is missing: build the site`);

    ({ proc: server, base } = await serve(SITE));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
    if (!SKIP_BUILD) await rm(SITE, { recursive: true, force: true });
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

  /** Run a search through the contract; return the page and the final count. */
  async function search(q: string, root = base): Promise<{ page: Page; count: number }> {
    const page = await open(`${root}/search/index.html?q=${encodeURIComponent(q)}`);
    await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
    const count = Number(await page.locator('#search-results').getAttribute('data-count'));
    return { page, count };
  }

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
    const button = page.locator('button[data-copy]', { hasText: '复制引用' });
    expect(await button.count(), 'one 复制引用 button with data-copy').toBe(1);
    await button.waitFor({ state: 'visible' });
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await button.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).not.toBe('');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('《');
    expect([c.url, encodeURI(c.url)].some((u) => copied.includes(u)), `citation names ${c.url}: ${copied}`).toBe(true);
    await page.close();
  });

  it('search: ?q= runs at once, results link to clause pages', async () => {
    const urls = new Set(clauses.map((c) => c.url));
    const q = clauses.flatMap((c) => c.keywords).find((k) => k.length >= 2) ?? clauses[0].text.slice(0, 2);
    const { page, count } = await search(q);
    expect(count, `hits for ${q}`).toBeGreaterThan(0);
    const items = page.locator('#search-results > li');
    expect(await items.count()).toBe(Math.min(count, 20));
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

  it('search works when the site is served under a path prefix', async () => {
    prefixDir = await mkdtemp(join(tmpdir(), 'tiaowen-prefix-'));
    await symlink(SITE, join(prefixDir, 'tiaowen'), 'dir');
    const started = await serve(prefixDir);
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

  it('pages make no request outside the site', () => {
    const foreign = external.filter((u) => !u.startsWith('http://127.0.0.1:'));
    expect(foreign).toEqual([]);
  });
});
