/**
 * End-to-end: words a user separates with a space are searched as separate words, online
 * (over http, Pagefind) and from the offline bundle (file://), in Chromium.
 *
 * The queries are pairs whose joined form is itself a word (工会组织, 基层工会, 劳动关系 …),
 * typed with a space, a full-width space or a run of spaces. Through the search contract
 * (docs/contracts.md): `data-count` is the number of results (the transcriptions of one text
 * are one) whose clause holds every word, counted here from the open data with the
 * benchmark's own folding; the results holding the words together as typed come first; a
 * quoted query finds the joined form only; a word that no clause holds makes no full match and
 * the status line names it. One page load per site; every further query is submitted through
 * the search box. Reads the shared built site (support/site.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKey } from '../../scripts/bench/metrics';
import { searchUrl } from '../../scripts/bench/browser';
import { fold } from '../../scripts/bench/fold';
import { BUNDLE_PATH, unzipBundle } from '../../scripts/lib/bundle.mjs';
import { serveSite } from '../../scripts/lib/local-site';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

/** Queries of separated words, each with its words: the joined forms are words of the segmenter's vocabulary. */
const SEPARATED: readonly [string, string[]][] = [
  ['工会 组织', ['工会', '组织']],
  ['基层\u3000工会', ['基层', '工会']],
  ['劳动  关系', ['劳动', '关系']],
  ['企业 工会', ['企业', '工会']],
  ['职工 代表', ['职工', '代表']],
  ['集体 协商', ['集体', '协商']],
  ['组织 工会', ['组织', '工会']],
];
const QUOTED = '“工会 组织”';
const UNKNOWN = '工会 龘靐';
const DONE = '#search-results[aria-busy="false"][data-count]';

interface Clause {
  id: string;
  url: string;
  heading?: string | null;
  text: string;
  links: { rel: string; id: string }[];
}

/** What the page shows once a search is final: its counts, status and the first link of each result. */
interface Shown {
  count: number;
  partial: number;
  status: string;
  links: string[];
}

describe.skipIf(SKIP_E2E)('words separated by a space, online and from the offline bundle', () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let dir = '';
  let clauses: Clause[] = [];
  /** FOLD(heading + text) by clause id. */
  const folded = new Map<string, string>();
  /** The result a clause belongs to: the first of its transcriptions. */
  const resultOf = new Map<string, string>();
  const byPage = new Map<string, Clause>();
  const shown: Record<'online' | 'offline', Map<string, Shown>> = { online: new Map(), offline: new Map() };

  /** Open the search page on the first query, then submit every other one through its box. */
  async function readAll(page: Page, base: string, queries: string[]): Promise<Map<string, Shown>> {
    const out = new Map<string, Shown>();
    for (const [i, q] of queries.entries()) {
      if (i === 0) await page.goto(searchUrl(base, q, 1000));
      else {
        await page.evaluate((q) => {
          const input = document.getElementById('search-input') as HTMLInputElement;
          document.getElementById('search-results')!.removeAttribute('data-count');
          input.value = q;
          input.form!.requestSubmit();
        }, q);
      }
      await page.waitForSelector(DONE, { state: 'attached', timeout: 60_000 });
      const read = await page.evaluate(() => {
        const list = document.getElementById('search-results')!;
        return {
          count: Number(list.getAttribute('data-count')),
          partial: Number(list.getAttribute('data-partial')),
          status: document.getElementById('search-status')!.textContent ?? '',
          links: [...list.children].map((li) => (li.querySelector('a[href]') as HTMLAnchorElement | null)?.href ?? ''),
        };
      });
      // Links as site paths (/doc/…/n.html), whichever the site's base.
      out.set(q, { ...read, links: read.links.map((href) => (href.startsWith(base) ? `/${href.slice(base.length)}` : href)) });
    }
    return out;
  }

  beforeAll(async () => {
    const site = sharedSite();
    clauses = JSON.parse(readFileSync(join(site, 'data', 'clauses.json'), 'utf8'));
    for (const c of clauses) {
      folded.set(c.id, fold(c.heading ? `${c.heading}\n${c.text}` : c.text));
      byPage.set(pageKey(c.url), c);
      if (resultOf.has(c.id)) continue;
      for (const id of [c.id, ...c.links.filter((l) => l.rel === 'version').map((l) => l.id)]) if (!resultOf.has(id)) resultOf.set(id, c.id);
    }
    const queries = [...SEPARATED.map(([q]) => q), QUOTED, UNKNOWN];
    browser = await borrowChromium();
    let base = '';
    ({ proc: server, base } = await serveSite(site));
    const page = await browser.newPage();
    shown.online = await readAll(page, `${base}/`, queries);
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-separated-'));
    const offline = await unzipBundle(join(site, BUNDLE_PATH), dir);
    shown.offline = await readAll(page, pathToFileURL(`${offline}/`).href, queries);
    await page.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The results (first transcriptions) whose clauses hold every one of the words. */
  const holding = (words: string[]) => new Set(clauses.filter((c) => words.every((w) => folded.get(c.id)!.includes(fold(w)))).map((c) => resultOf.get(c.id)!));
  /** The clause a result link leads to. */
  const clauseAt = (href: string) => byPage.get(pageKey(href));

  describe.each(['online', 'offline'] as const)('%s', (where) => {
    it.each(SEPARATED)('counts for %s every result that holds each word, more than hold the joined form', (q, words) => {
      const s = shown[where].get(q)!;
      const every = holding(words);
      expect(every.size, `${q}: the words also stand apart somewhere`).toBeGreaterThan(holding([words.join('')]).size);
      expect(s.count, q).toBe(every.size);
      const full = s.links.slice(0, s.count).map((href) => clauseAt(href));
      expect(
        full.every((c) => c && words.every((w) => folded.get(c.id)!.includes(w))),
        `${q}: every full result holds each word`,
      ).toBe(true);
    });

    it('ranks first the results where the words stand together as typed', () => {
      for (const [q, words] of SEPARATED) {
        const s = shown[where].get(q)!;
        const together = holding([words.join('')]).size;
        const leads = s.links.slice(0, s.count).map((href) => folded.get(clauseAt(href)!.id)!.includes(words.join('')));
        expect(leads, q).toEqual(leads.map((_, i) => i < together));
      }
    });

    it('finds the joined form only for a quoted query', () => {
      expect(shown[where].get(QUOTED)!.count).toBe(holding(['工会组织']).size);
      expect(shown[where].get(QUOTED)!.partial).toBe(0);
    });

    it('finds no full match where a word occurs nowhere, and says which word that is', () => {
      const s = shown[where].get(UNKNOWN)!;
      expect(s.count).toBe(0);
      expect(s.partial).toBe(holding(['工会']).size);
      expect(s.status).toContain('“龘靐”');
    });
  });

  it('gives the same results from the offline bundle as online', () => {
    const ids = (m: Map<string, Shown>) => [...m].map(([q, s]) => [q, s.count, s.partial, s.status, s.links.map((h) => clauseAt(h)?.id ?? h)]);
    expect(ids(shown.offline)).toEqual(ids(shown.online));
  });
});
