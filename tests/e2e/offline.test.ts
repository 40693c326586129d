/**
 * End-to-end: the offline bundle, unpacked and opened from disk (file://) in Chromium.
 *
 * Takes the shared built site (support/site.ts), unpacks its zip (download/tiaowen-offline.zip)
 * into a temporary folder with the build's own unzip helper. Every page's links, stylesheets,
 * scripts and forms name files of the bundle, read from the page files; the first and last page
 * of each shape (support/page-walk.ts) load from disk with the stylesheet applied, without
 * console errors or failed requests. The search page runs offline through the
 * search contract, copying gives the canonical online URLs where the build had a canonical site
 * (TIAOWEN_SITE) and otherwise citations without a link (tests/e2e/citing.test.ts has the rest), and a
 * sample of the search benchmark's queries gives the same results from disk as over http
 * (the full comparison is `npm run bench:search -- --offline`).
 *
 * Where Debian's firefox-esr is installed (FIREFOX_PATH overrides /usr/bin/firefox-esr), the
 * same bundle is checked in Firefox, driven over WebDriver BiDi (scripts/lib/firefox.ts):
 * the pages of each shape, the sample's results, and copying. Without it that part is skipped and says so.
 * SKIP_E2E=1 skips the file.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listing, readListing, searchUrl } from '../../scripts/bench/browser';
import { toTraditional } from '../../scripts/bench/fold';
import { compareOnlineOffline, differences } from '../../scripts/bench/offline';
import { CLASSES, generateQueries, makeCorpus, type CorpusClause } from '../../scripts/bench/queries';
import { BUNDLE_FOLDER, BUNDLE_PATH, formatSize, listFiles, unzipBundle } from '../../scripts/lib/bundle.mjs';
import { FIREFOX, Firefox } from '../../scripts/lib/firefox';
import { serveSite } from '../../scripts/lib/local-site';
import { domainTerms, words } from '../../src/pipeline/segment';
import { COPY_PROBE, type Copy } from './support/copy-probe';
import { PAGE_TYPES } from './support/hardening';
import { brokenTargets, pagesOfEachShape, type PageFile, readPage, readPages } from './support/page-walk';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

let SITE = '';
const DONE = '#search-results[aria-busy="false"][data-count]';
/** The canonical online site, if the build had one (TIAOWEN_SITE, scripts/lib/site-url.mjs). */
let CANONICAL: string | undefined;

const ALL = { all: 1000, timeoutMs: 30_000 };
/** A link out of the bundle is allowed only to the canonical online site, where the build had one. */
const outsideAllowed = (url: string) => CANONICAL !== undefined && url.startsWith(CANONICAL);
interface Clause extends CorpusClause {
  doc: string;
}
describe.skipIf(SKIP_E2E)('the offline bundle, opened from disk', () => {
  let dir = '';
  let offline = '';
  let offlineBase = '';
  let server: ChildProcess | undefined;
  let onlineBase = '';
  let browser: Browser | undefined;
  let zip: Uint8Array;
  let clauses: Clause[] = [];
  let pages: string[] = [];
  /** Every page as read from its file, and the pages a browser opens (support/page-walk.ts). */
  let read: PageFile[] = [];
  let walked: string[] = [];
  let sample: string[] = [];

  beforeAll(async () => {
    SITE = sharedSite();
    zip = readFileSync(join(SITE, BUNDLE_PATH));
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-offline-'));
    offline = await unzipBundle(join(SITE, BUNDLE_PATH), dir);
    CANONICAL = /指向在线版：<a href="(https?:[^"]+)index\.html">/.exec(readFileSync(join(offline, 'index.html'), 'utf8'))?.[1];
    offlineBase = pathToFileURL(`${offline}/`).href;
    clauses = JSON.parse(readFileSync(join(offline, 'data', 'clauses.json'), 'utf8'));
    pages = (await listFiles(offline)).filter((p) => p.endsWith('.html'));
    read = readPages(offline, pages);
    walked = pagesOfEachShape(read);
    // A sample of the search benchmark: its first 9 queries of each class, and two more.
    const { queries } = generateQueries(makeCorpus(clauses), { seed: 20251122, words, terms: domainTerms(), toTraditional });
    sample = [...CLASSES.flatMap((c) => queries.filter((q) => q.class === c).slice(0, 9)).map((q) => q.q), '家', '2014'];
    ({ proc: server, base: onlineBase } = await serveSite(SITE));
    onlineBase += '/';
    browser = await borrowChromium();
  });

  /** The sample's results online (Chromium, over http), read once. */
  let online: Promise<Awaited<ReturnType<typeof compareOnlineOffline>>> | undefined;
  const compared = () => (online ??= compareOnlineOffline(browser!, onlineBase, offlineBase, sample, ALL));

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A page whose console errors, uncaught errors and failed requests are collected. */
  async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    // A request the next navigation cuts short (the favicon) is aborted, not failed.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${page.url()}: request failed: ${r.url()} (${r.failure()?.errorText})`);
    });
    return { page, problems };
  }

  it('unpacks into one folder with index.html at its top, without the zip or the online search index', () => {
    const names = Object.keys(unzipSync(zip));
    expect(names.every((n) => n.startsWith(`${BUNDLE_FOLDER}/`))).toBe(true);
    expect(names).toContain(`${BUNDLE_FOLDER}/index.html`);
    expect(names).toContain(`${BUNDLE_FOLDER}/search/offline-index.js`);
    expect(names.filter((n) => /\.zip$|\/pagefind\//.test(n))).toEqual([]);
  });

  it('says on the online home page how large the zip is and when it was made, and on its own home page that it is the offline copy of that date', () => {
    const online = readFileSync(join(SITE, 'index.html'), 'utf8');
    const copy = readFileSync(join(offline, 'index.html'), 'utf8');
    const link = /<a href="download\/tiaowen-offline\.zip" download>[^<]*<\/a>（ZIP 文件，([^，]+)，(\d{4}年\d+月\d+日)生成）/.exec(online);
    expect(link, 'download link with size and date').not.toBeNull();
    expect(link![1]).toBe(formatSize(zip.length));
    expect(copy).not.toContain('tiaowen-offline.zip');
    expect(copy).toContain(`这是条文通的离线版，${link![2]}生成`);
  });

  it('links every page only to files of the bundle, read from its file', () => {
    expect(pages.length).toBeGreaterThan(clauses.length);
    const broken = read.flatMap((page) => brokenTargets(page, offlineBase, (url) => existsSync(fileURLToPath(url)), outsideAllowed));
    console.log(`offline bundle: ${pages.length} pages read, ${read.reduce((n, p) => n + p.targets.length, 0)} links checked`);
    expect(broken).toEqual([]);
  });

  it('reads a missing file, a link outside the bundle and a script as broken, which a browser walk would also find', () => {
    const page = readPage(
      'a/b.html',
      '<link rel="stylesheet" href="../assets/site.css"><a href="c.html#p2">c</a><a href="https://example.org/">x</a><script src="../gone.js"></script>',
    );
    const exists = (url: URL) => ['/s/assets/site.css', '/s/a/c.html'].includes(url.pathname);
    expect(brokenTargets(page, 'file:///s/', exists)).toEqual(['a/b.html → https://example.org/ (outside the site)', 'a/b.html → ../gone.js']);
    expect(page.shape).toContain('script[src]');
  });

  it('opens the first and last page of each shape from disk with its stylesheet, without console errors or failed requests', async () => {
    expect(walked.length).toBeGreaterThan(PAGE_TYPES.length);
    const { page, problems } = await watchedPage();
    const unstyled: string[] = [];
    const missing: string[] = [];
    for (const path of walked) {
      await page.goto(new URL(path, offlineBase).href, { waitUntil: 'load' });
      const { accent, targets } = await page.evaluate(() => ({
        // Only the site's stylesheet defines --accent.
        accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
        targets: [
          ...[...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map((el) => el.href),
          ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((el) => el.src),
          ...[...document.querySelectorAll<HTMLFormElement>('form[action]')].map((el) => el.action),
        ],
      }));
      if (!accent) unstyled.push(path);
      // What the page names once its scripts ran (the search page adds the offline index).
      for (const target of targets) {
        const url = new URL(target);
        if (url.protocol === 'file:' && !existsSync(fileURLToPath(url))) missing.push(`${path} → ${target}`);
        if (url.protocol !== 'file:' && !outsideAllowed(target)) missing.push(`${path} → ${target} (outside the bundle)`);
      }
    }
    await page.close();
    console.log(`offline bundle: ${walked.length} pages of ${pages.length} (${new Set(read.map((p) => p.shape)).size} shapes) opened from file://`);
    expect({ unstyled, missing, problems }).toEqual({ unstyled: [], missing: [], problems: [] });
  });

  it('searches from disk through the search contract, and its results open clause pages', async () => {
    const { page, problems } = await watchedPage();
    for (const [q, some] of [
      ['职工之家', true],
      ['集體協商', true],
      ['鲁会〔2014〕79号', true],
      ['ζζζ', false],
    ] as const) {
      await page.goto(searchUrl(offlineBase, q));
      await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
      const count = Number(await page.locator('#search-results').getAttribute('data-count'));
      const partial = Number(await page.locator('#search-results').getAttribute('data-partial'));
      const links = await page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => li.querySelector('a[href]')?.getAttribute('href') ?? ''));
      expect(count > 0, q).toBe(some);
      expect(links.length, q).toBe(Math.min(count + partial, 20));
      if (!some) continue;
      const target = new URL(links[0]!, page.url());
      expect(existsSync(fileURLToPath(new URL(target.pathname, target))), links[0]).toBe(true);
      await Promise.all([page.waitForURL((u) => u.pathname === target.pathname), page.locator('#search-results > li a[href]').first().click()]);
      expect(await page.locator('.clause-body').count(), target.pathname).toBe(1);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('copies a clause link and citation as the canonical online URL, or without one the citation alone', async () => {
    const { page, problems } = await watchedPage();
    const clause = clauses[7]!;
    await page.goto(new URL(clause.url.slice(1), offlineBase).href);
    expectCanonicalCopies((await page.evaluate(COPY_PROBE)) as Copy[], clause);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('counts, groups transcriptions, finds compounds apart and suggests from disk as it does online', async () => {
    // Everything the page shows of a result list: counts, every link of every result, the partial heading, the suggestions.
    const read = async (base: string) => {
      const page = await browser!.newPage();
      const out = [];
      for (const q of ['职工之家 建设', '集体协商', '和谐劳动关系', '职工之家 龘靐']) {
        await page.goto(searchUrl(base, q, ALL.all));
        await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
        out.push(
          await page.evaluate(() => {
            const list = document.getElementById('search-results')!;
            return {
              count: list.getAttribute('data-count'),
              partial: list.getAttribute('data-partial'),
              status: document.getElementById('search-status')!.textContent,
              results: [...list.children].map((li) => ({
                links: [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
                heading: li.querySelector('h2')?.textContent ?? null,
                text: li.textContent ?? '',
              })),
              drop: [...document.querySelectorAll('#search-drop li')].map((li) => li.textContent),
              empty: !document.getElementById('search-empty')!.hidden,
            };
          }),
        );
      }
      await page.close();
      return out;
    };
    const [online, fromDisk] = [await read(onlineBase), await read(offlineBase)];
    const [both, plan, compound, none] = fromDisk;
    expect(Number(both!.partial), 'partial matches of 职工之家 建设').toBeGreaterThan(0);
    expect(both!.results[Number(both!.count)]!.heading).toBe(`只含部分词语的条文（${both!.partial} 条）`);
    expect(plan!.results.some((r) => r.links[0]!.startsWith('../plan14-a/') && r.links.some((h) => h.startsWith('../plan14-b/')))).toBe(true);
    expect(compound!.results.some((r) => r.text.includes('“和谐劳动关系”分开出现'))).toBe(true);
    expect([none!.count, none!.empty, none!.drop.length]).toEqual(['0', true, 1]);
    expect(fromDisk).toEqual(online);
  });

  it('gives from disk the same results as online for a sample of the benchmark queries, traditional ones and filters included', async () => {
    const result = await compared();
    expect(result.errors).toEqual([]);
    expect(result.differ).toEqual([]);
    expect(result.online.filter((l) => l.count > 0).length).toBeGreaterThan(sample.length - 2);

    // Filters, from the URL.
    const docs = [...new Set(clauses.map((c) => c.doc))];
    const filtered = [`职工&doc=${docs[0]}`, '工会&kind=规划', '集體協商&year=2014', `农民工&doc=${docs[1]}&doc=${docs[2]}`];
    const read = async (base: string) => {
      const page = await browser!.newPage();
      const out = [];
      for (const f of filtered) {
        await page.goto(`${searchUrl(base, f.split('&')[0]!, ALL.all)}&${f.split('&').slice(1).join('&')}`);
        await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
        out.push(await page.evaluate(readListing));
      }
      await page.close();
      return out;
    };
    const [online, fromDisk] = [await read(onlineBase), await read(offlineBase)];
    expect(online.every((l) => l.count > 0)).toBe(true);
    expect(differences(filtered, { base: onlineBase, listings: online }, { base: offlineBase, listings: fromDisk })).toEqual([]);
    console.log(`offline bundle: ${sample.length + filtered.length} queries compared online and from disk`);
  });

  it('leaves the offline data alone online: the search page served over http loads Pagefind, not search/offline-index.js', async () => {
    const { page, problems } = await watchedPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(searchUrl(onlineBase, '职工之家'));
    await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
    expect(requested.some((u) => u.includes('/pagefind/'))).toBe(true);
    expect(requested.filter((u) => u.includes('offline-index'))).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('falls back to the offline index where Pagefind does not load: the unpacked bundle served over http', async () => {
    const copy = await serveSite(offline);
    try {
      const page = await browser!.newPage();
      const counts = [];
      for (const base of [onlineBase, `${copy.base}/`]) {
        await page.goto(searchUrl(base, '集體協商'));
        await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
        counts.push(Number(await page.locator('#search-results').getAttribute('data-count')));
      }
      await page.close();
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBe(counts[0]);
    } finally {
      copy.proc.kill();
    }
  });

  /**
   * Copying gave exactly the buttons' texts: the clause's canonical URL, and a citation naming
   * it; without a canonical site no link button shows and the citations name no URL, saying why.
   */
  function expectCanonicalCopies(probed: Copy[], clause: Clause): void {
    const all = probed.filter((c) => c.shown && (c.kind === 'link' || c.kind === 'citation'));
    if (!CANONICAL) {
      expect(all.length).toBeGreaterThan(1);
      for (const c of all) {
        expect(c.kind, `${c.paragraph ?? 'clause'}`).toBe('citation');
        expect(c.data).toBeNull();
        expect(c.copied).toMatch(/^[《\S]/);
        expect(c.copied).not.toMatch(/file:|https?:/);
        expect(c.status).toContain('（离线版没有网址，未附链接）');
      }
      expect(all.filter((c) => c.paragraph === null).map((c) => c.label)).toEqual(['复制引用']);
      return;
    }
    const expected = new URL(clause.url.slice(1), CANONICAL).href;
    for (const c of all) expect(c.copied, `${c.paragraph ?? 'clause'} ${c.kind}`).toBe(c.data);
    // The whole clause's pair…
    const copies = all.filter((c) => c.paragraph === null);
    expect(copies.map((c) => c.label)).toEqual(['复制链接', '复制引用']);
    expect(copies[0]!.copied).toBe(expected);
    expect(copies[1]!.copied).toContain(expected);
    // …and each paragraph's pair, whose link ends in the paragraph's anchor.
    const paragraphs = all.filter((c) => c.paragraph !== null);
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const c of paragraphs) {
      if (c.kind === 'link') expect(c.copied).toBe(`${expected}#${c.paragraph}`);
      else expect(c.copied).toContain(`${expected}#${c.paragraph}`);
    }
  }

  describe.skipIf(!existsSync(FIREFOX))('in Firefox', () => {
    let firefox: Firefox | undefined;
    beforeAll(async () => {
      firefox = await Firefox.launch();
    }, 120_000);
    afterAll(async () => {
      await firefox?.close();
    });

    it('opens the first and last page of each shape from disk with its stylesheet and without errors', async () => {
      const unstyled: string[] = [];
      for (const path of walked) {
        await firefox!.navigate(new URL(path, offlineBase).href);
        if (!(await firefox!.evaluate<string>(`getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()`))) unstyled.push(path);
      }
      console.log(`offline bundle: ${walked.length} pages opened from file:// in Firefox ${firefox!.version}`);
      expect({ unstyled, errors: firefox!.errors }).toEqual({ unstyled: [], errors: [] });
    });

    it('gives from disk the same results as online for the sample of benchmark queries', async () => {
      const listings = [];
      await firefox!.navigate(searchUrl(offlineBase, sample[0]!, ALL.all));
      for (const q of sample) {
        // Submit through the page's search box, as a reader does; the page keeps &n=.
        await firefox!.evaluate(`(() => {
          document.getElementById('search-results').removeAttribute('data-count');
          const input = document.getElementById('search-input');
          input.value = ${JSON.stringify(q)};
          input.form.requestSubmit();
        })()`);
        listings.push(await firefox!.waitFor<Listing>(`(() => document.querySelector(${JSON.stringify(DONE)}) && (${readListing})())()`));
      }
      const { online: fromHttp } = await compared();
      expect(differences(sample, { base: onlineBase, listings: fromHttp }, { base: offlineBase, listings })).toEqual([]);
      expect(firefox!.errors).toEqual([]);
    });

    it('copies a clause link and citation as the canonical online URL, or without one the citation alone', async () => {
      const clause = clauses[7]!;
      await firefox!.navigate(new URL(clause.url.slice(1), offlineBase).href);
      expectCanonicalCopies(await firefox!.evaluate<Copy[]>(COPY_PROBE), clause);
      expect(firefox!.errors).toEqual([]);
    });
  });
});

if (!existsSync(FIREFOX))
  console.log(`offline bundle: no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH): the Firefox checks are skipped`);
