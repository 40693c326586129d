/**
 * End-to-end: the implementation matrix (落实分工) and the term pages' documents in time order,
 * in Chromium, on the shared built site (support/site.ts).
 *
 * The matrix of the Shandong opinion (luhui-2014-79, carried out by the items of its annex) is
 * checked against the open data: one row per clause of the opinion in reading order, each with
 * the work items whose `implemented-by` link points at it (items with unit fields) and their
 * printed units, a clause without items flagged. Its CSV, reached from the document page and
 * from the home page's open data, is read back with a CSV parser and must say the same; so
 * must a unit's CSV. The table fits a 390 px phone (it scrolls in its own focusable region),
 * prints whole, and axe finds nothing on it, light or dark. SKIP_E2E=1 skips the file.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type LocalServer } from '../../scripts/lib/local-site';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const OPINION = 'luhui-2014-79';
const ANNEX = 'luhui-2014-79-annex';
const LEAD = ['牵头单位', '牵头部门', '责任单位', '责任部门', '负责单位'];
const JOIN = ['参加单位', '参加部门', '配合单位', '配合部门'];

interface Clause {
  id: string;
  url: string;
  doc: string;
  text: string;
  links: { rel: string; id: string }[];
  fields?: { label: string; items: string[] }[];
}
interface Doc {
  id: string;
  url: string;
  date?: string;
  docNumber?: string;
  annexOf?: string;
}
interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}

const units = (c: Clause, labels: string[]) => (c.fields ?? []).filter((f) => labels.includes(f.label)).flatMap((f) => f.items);
const isWorkItem = (c: Clause) => units(c, LEAD).length + units(c, JOIN).length > 0;
/** A site-relative path from an href of the page. */
const pathOf = (href: string, page: string) => decodeURIComponent(new URL(href, page).pathname);

describe.skipIf(SKIP_E2E)('the implementation matrix and the 提法 over time', () => {
  let server: LocalServer;
  let browser: Browser;
  let context: BrowserContext;
  let clauses: Clause[] = [];
  let documents: Doc[] = [];
  const byId = new Map<string, Clause>();

  beforeAll(async () => {
    server = await serveSite(sharedSite());
    browser = await borrowChromium();
    context = await browser.newContext({ locale: 'zh-CN' });
    clauses = (await (await fetch(`${server.base}/data/clauses.json`)).json()) as Clause[];
    documents = (await (await fetch(`${server.base}/data/documents.json`)).json()) as Doc[];
    for (const c of clauses) byId.set(c.id, c);
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  async function open(url: string, width = 1000): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 844 });
    const res = await page.goto(server.base + url);
    expect(res?.status(), url).toBe(200);
    return page;
  }

  /** The opinion's clauses, each with the work items that carry it out (from the open data). */
  const expected = () =>
    clauses
      .filter((c) => c.doc === OPINION)
      .map((c) => ({
        clause: c,
        items: c.links
          .filter((l) => l.rel === 'implemented-by')
          .map((l) => byId.get(l.id)!)
          .filter(isWorkItem),
      }));

  /** A CSV file of the site, as bytes and as rows read back by a CSV parser. */
  async function readCsv(url: string): Promise<{ bytes: Uint8Array; type: string | null; rows: string[][] }> {
    const res = await fetch(url);
    expect(res.status, url).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { bytes, type: res.headers.get('content-type'), rows: parse(Buffer.from(bytes), { bom: true }) as string[][] };
  }

  it('shows on the opinion’s page one row per clause with its count, its items and their printed units, and flags the clauses without items', async () => {
    const page = await open(`/${OPINION}/index.html`);
    const shown = await page.locator('#matrix .matrix-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        clause: tr.querySelector('th a')!.getAttribute('href')!,
        count: Number(tr.querySelector('td.num')!.textContent),
        flagged: tr.querySelector('.matrix-flag')?.textContent ?? null,
        items: [...tr.querySelectorAll('.matrix-items > li')].map((li) => ({
          href: li.querySelector('a')!.getAttribute('href')!,
          units: li.querySelector('.matrix-units')!.textContent!.replace(/\s+/g, ''),
        })),
      })),
    );
    const want = expected();
    expect(shown.map((r) => pathOf(r.clause, page.url()))).toEqual(want.map((w) => w.clause.url));
    for (const [i, w] of want.entries()) {
      const row = shown[i]!;
      expect(row.count, w.clause.id).toBe(w.items.length);
      expect(row.flagged, w.clause.id).toBe(w.items.length === 0 ? '无分工条目' : null);
      expect(
        row.items.map((it) => pathOf(it.href, page.url())),
        w.clause.id,
      ).toEqual(w.items.map((it) => it.url));
      for (const [k, item] of w.items.entries()) {
        const lead = units(item, LEAD).join('、');
        const join = units(item, JOIN).join('、');
        expect(row.items[k]!.units, item.id).toBe([lead && `牵头单位：${lead}`, join && `参加单位：${join}`].filter(Boolean).join('；'));
      }
    }
    const items = new Set(want.flatMap((w) => w.items.map((it) => it.id)));
    const names = new Set(want.flatMap((w) => w.items.flatMap((it) => [...units(it, LEAD), ...units(it, JOIN)])));
    const none = want.filter((w) => w.items.length === 0).length;
    const summary = await page.locator('#matrix .matrix-summary').textContent();
    expect(summary).toContain(`本文 ${want.length} 条中，${want.length - none} 条有分工条目，${none} 条没有`);
    expect(summary).toContain(`共 ${items.size} 项分工条目，涉及 ${names.size} 个单位`);
    console.info(`[matrix] ${OPINION}: ${want.length} clauses, ${want.length - none} with items, ${none} without, ${items.size} items, ${names.size} units`);
    await page.close();
  });

  it('links the matrix and its CSV from under the title, and the annex’s page and the home page’s open data to them', async () => {
    const page = await open(`/${OPINION}/index.html`);
    const note = page.locator('.doc-head .matrix-note');
    expect(await note.getByRole('link', { name: '落实分工表' }).getAttribute('href')).toBe('#matrix');
    const csv = pathOf((await note.getByRole('link', { name: '下载 CSV' }).getAttribute('href'))!, page.url());
    expect(csv).toBe(`/data/matrix/${OPINION}.csv`);
    await note.getByRole('link', { name: '落实分工表' }).click();
    expect(await page.evaluate(() => document.querySelector('#matrix')!.getBoundingClientRect().top)).toBeLessThan(50);
    await page.close();

    const annex = await open(`/${ANNEX}/index.html`);
    const links = await annex.locator('.doc-head .matrix-note a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.map((h) => new URL(h, annex.url()).pathname + new URL(h, annex.url()).hash)).toEqual([`/${OPINION}/index.html#matrix`, csv]);
    await annex.close();

    const home = await open('/index.html');
    const listed = await home.locator('#open-data a[type="text/csv"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(listed.map((h) => pathOf(h, home.url()))).toEqual([csv]);
    await home.close();
  });

  it('publishes the matrix as CSV, UTF-8 with a byte-order mark and a header row, that reads back to the table’s rows', async () => {
    const { bytes, type, rows } = await readCsv(`${server.base}/data/matrix/${OPINION}.csv`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(type).toBe('text/csv; charset=utf-8');
    const [header, ...body] = rows;
    expect(header).toEqual([
      '条文ID',
      '条文',
      '条文标题',
      '条文网址',
      '分工条目数',
      '分工条目ID',
      '分工条目',
      '分工条目内容',
      '牵头单位',
      '参加单位',
      '分工条目网址',
    ]);
    const col = (name: string) => header!.indexOf(name);
    const want = expected();
    expect([...new Set(body.map((r) => r[col('条文ID')]))]).toEqual(want.map((w) => w.clause.id));
    for (const w of want) {
      const lines = body.filter((r) => r[col('条文ID')] === w.clause.id);
      expect(
        lines.map((r) => r[col('条文网址')]),
        w.clause.id,
      ).toEqual(lines.map(() => w.clause.url));
      expect(
        lines.map((r) => Number(r[col('分工条目数')])),
        w.clause.id,
      ).toEqual(lines.map(() => w.items.length));
      if (w.items.length === 0) {
        expect(
          lines.map((r) => r[col('分工条目ID')]),
          w.clause.id,
        ).toEqual(['']);
        continue;
      }
      expect(
        lines.map((r) => r[col('分工条目ID')]),
        w.clause.id,
      ).toEqual(w.items.map((it) => it.id));
      for (const [k, item] of w.items.entries()) {
        const line = lines[k]!;
        expect(line[col('牵头单位')], item.id).toBe(units(item, LEAD).join('、'));
        expect(line[col('参加单位')], item.id).toBe(units(item, JOIN).join('、'));
        // The item's own words, as the open data holds them, without its field lines.
        const text = line[col('分工条目内容')]!;
        expect(text.length, item.id).toBeGreaterThan(0);
        expect(item.text.startsWith(text), item.id).toBe(true);
        expect(
          item.text
            .slice(text.length)
            .split('\n')
            .filter(Boolean)
            .every((l) => [...LEAD, ...JOIN].some((label) => l.startsWith(label))),
          item.id,
        ).toBe(true);
      }
    }
  });

  it('publishes each unit’s items as CSV, linked from its page, that reads back to the items whose fields name the unit', async () => {
    const index = await open('/units/index.html');
    const hrefs = await index.locator('.unit-table tbody th a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await index.close();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of [hrefs[0]!, hrefs[hrefs.length - 1]!]) {
      const page = await open(new URL(href).pathname);
      const name = (await page.locator('h1').textContent())!;
      const csvHref = await page.locator('.matrix-download a').getAttribute('href');
      const { bytes, rows } = await readCsv(new URL(csvHref!, page.url()).href);
      await page.close();
      expect([...bytes.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...body] = rows;
      expect(header![0]).toBe('单位');
      const naming = clauses.filter((c) => units(c, LEAD).includes(name) || units(c, JOIN).includes(name));
      expect(
        body.map((r) => r[2]),
        name,
      ).toEqual(naming.map((c) => c.id));
      expect(
        body.map((r) => r[1]),
        name,
      ).toEqual(naming.map((c) => (units(c, LEAD).includes(name) ? '牵头' : '参加')));
      expect(new Set(body.map((r) => r[0])), name).toEqual(new Set([name]));
    }
  });

  it('fits a 390 px phone: the page does not scroll sideways, and the table’s region takes the keyboard and scrolls', async () => {
    const page = await open(`/${OPINION}/index.html`, 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const region = page.getByRole('region', { name: '落实分工表' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    const wide = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
    const scrolled = await region.evaluate((el) => el.scrollLeft);
    // Where the table is wider than the screen, the arrow key scrolls it; where not, nothing is hidden.
    if (wide > 0) expect(scrolled).toBeGreaterThan(0);
    else expect(scrolled).toBe(0);
    await page.close();
  });

  it('prints the table whole: no scrolling region, no download link, nothing beyond the page width', async () => {
    const page = await open(`/${OPINION}/index.html`);
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => {
      const scroll = document.querySelector('.matrix-scroll')!;
      const table = document.querySelector('.matrix-table')!.getBoundingClientRect();
      return {
        overflow: getComputedStyle(scroll).overflowX,
        download: getComputedStyle(document.querySelector('#matrix .matrix-download')!).display,
        beyond: table.right - document.documentElement.clientWidth,
      };
    });
    expect(state.overflow).toBe('visible');
    expect(state.download).toBe('none');
    expect(state.beyond).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('axe finds no violation on the matrix (wide and on a phone), on the annex’s page and on a term page (on a phone), light or dark', async () => {
    const found: string[] = [];
    const term = (await (await fetch(`${server.base}/data/terms.json`)).json()) as { term: string; url: string; clauses: string[] }[];
    const busiest = [...term].sort((a, b) => b.clauses.length - a.clauses.length)[0]!;
    const sample: [string, number][] = [
      [`/${OPINION}/index.html`, 1000],
      [`/${OPINION}/index.html`, 390],
      [`/${ANNEX}/index.html`, 1000],
      [busiest.url, 390],
    ];
    for (const [url, width] of sample) {
      const ctx = await browser.newContext({ locale: 'zh-CN', bypassCSP: true, viewport: { width, height: 844 } });
      const page = await ctx.newPage();
      await page.goto(server.base + url);
      await page.addScriptTag({ content: AXE_SOURCE });
      // The dark scheme is CSS only (prefers-color-scheme): the same page is audited again under it.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const results = (await page.evaluate("axe.run({ resultTypes: ['violations'] }).then((r) => ({ violations: r.violations }))")) as AxeResults;
        for (const v of results.violations)
          found.push(`${colorScheme} ${width}px ${url}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      }
      await ctx.close();
    }
    expect(found).toEqual([]);
  });

  it('lists on a term page the documents using the term earliest first, unknown years last, with the first appearance marked', async () => {
    const docs = new Map(documents.map((d) => [d.url, d]));
    const yearOf = (d: Doc | undefined): number | undefined => {
      if (!d) return undefined;
      const m = /^(\d{4})/.exec(d.date ?? '') ?? /[〔[（(［【](\d{4})[〕\]）)］】]/.exec(d.docNumber ?? '');
      return m ? Number(m[1]) : yearOf(documents.find((p) => p.id === d.annexOf));
    };
    const terms = (await (await fetch(`${server.base}/data/terms.json`)).json()) as { term: string; url: string }[];
    const term = terms.find((t) => t.term === '职工之家')!;
    const page = await open(term.url);
    const entries = await page.locator('.term-timeline > li').evaluateAll((lis) =>
      lis.map((li) => ({
        year: li.querySelector('.term-year')!.textContent!,
        anchor: li.querySelector('a')!.getAttribute('href')!,
        first: li.querySelector('.term-first-mark')?.textContent ?? null,
      })),
    );
    // Each entry leads to the document's section, whose heading links the document page.
    const sections = await page.locator('.term-doc h2').evaluateAll((hs) => hs.map((h) => ({ id: h.id, href: h.querySelector('a')!.getAttribute('href')! })));
    const docOf = (anchor: string) => docs.get(pathOf(sections.find((s) => `#${s.id}` === anchor)!.href, page.url()));
    expect(entries.length).toBe(sections.length);
    const years = entries.map((e) => yearOf(docOf(e.anchor)));
    expect(entries.map((e) => e.year.replace(/（.*）$/, ''))).toEqual(years.map((y) => (y === undefined ? '年份不详' : `${y}年`)));
    const known = years.filter((y): y is number => y !== undefined);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(years.slice(known.length).every((y) => y === undefined)).toBe(true);
    expect(entries[0]!.first).toBe('首次出现');
    expect(entries.filter((e, i) => e.first && years[i] !== known[0])).toEqual([]);
    console.info(`[matrix] 提法 ${term.term}: ${entries.map((e) => `${e.year}${e.first ? '*' : ''}`).join(' → ')}`);
    await page.close();
  });
});
