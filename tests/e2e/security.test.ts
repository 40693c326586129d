/**
 * Security: every page carries a Content-Security-Policy that allows only the site's own
 * files (and WebAssembly for the search), the pages cause no violation of it, online or from
 * disk; and text from the sources, however hostile, is shown as text: a site built from
 * tests/fixtures/security/hostile (markup and javascript: links in a title, headings and
 * clauses) runs none of it, and the search page treats ?q= as text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type LocalServer } from '../../scripts/lib/local-site';
import type { ClauseRecord, DocumentRecord } from '../../src/model';
import { pagesToVisit, siteFiles, watchCsp } from './support/hardening';
import { fixtureBuild } from './support/fixture-builds';
import { loadedPages } from './support/page-loads';
import { parsedHtml } from './support/parsed-html';
import { sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

const DONE = '#search-results[aria-busy="false"][data-count]';
/** What the hostile source writes, each of which must reach the reader as these very characters. */
const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[链接](javascript:alert(1))', '<a href="javascript:alert(1)">'];

const textOf = (el: Element): string => {
  let s = '';
  visit(el, 'text', (t) => void (s += t.value));
  return s;
};

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** A built page's policies, whether the first of them precedes all but `<meta charset>` in the head, and its inline scripts and styles. */
function pagePolicy(tree: Root): { metas: Element[]; first: boolean; scripts: string[]; styles: string[] } {
  const metas: Element[] = [];
  const scripts: string[] = [];
  const styles: string[] = [];
  let head: Element | undefined;
  visit(tree, 'element', (el) => {
    if (el.tagName === 'head') head = el;
    if (el.tagName === 'meta' && String(el.properties.httpEquiv).toLowerCase() === 'content-security-policy') metas.push(el);
    if (el.tagName === 'script' && !el.properties.src) scripts.push(textOf(el));
    if (el.tagName === 'style') styles.push(textOf(el));
  });
  const kids = (head?.children ?? []).filter((n): n is Element => n.type === 'element');
  const at = metas[0] ? kids.indexOf(metas[0]) : -1;
  const first = at >= 0 && kids.slice(0, at).every((k) => k.tagName === 'meta' && k.properties.charSet !== undefined);
  return { metas, first, scripts, styles };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe.skipIf(SKIP_E2E)('security', () => {
  let siteDir = '';
  let hostileDir = '';
  let server: LocalServer;
  let hostileServer: LocalServer;
  let browser: Browser;
  let pages: { type: string; url: string }[] = [];

  beforeAll(async () => {
    siteDir = sharedSite();
    pages = pagesToVisit(siteDir).pages;
    hostileDir = (await fixtureBuild('hostile')).dir;
    [server, hostileServer] = await Promise.all([serveSite(siteDir), serveSite(hostileDir)]);
    browser = await borrowChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
    hostileServer?.proc.kill();
  });

  /** A new page in a context of its own that records CSP violations and dialogs (dismissed). */
  async function watched(): Promise<{ page: Page; context: BrowserContext; violations: string[]; dialogs: string[] }> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
      void d.dismiss();
    });
    return { page, context, violations, dialogs };
  }

  describe('the Content-Security-Policy', () => {
    it('stands first in the head of every page and allows nothing but the site and WebAssembly', () => {
      const problems: string[] = [];
      const files = siteFiles(siteDir, ['.html']);
      for (const file of files) {
        const { metas, first } = pagePolicy(parsedHtml(path.join(siteDir, file)));
        if (metas.length !== 1) {
          problems.push(`${file}: ${metas.length} policies`);
          continue;
        }
        if (!first) problems.push(`${file}: the policy is not first in the head`);
        const policy = directives(String(metas[0]!.properties.content));
        const expectSources = (name: string, allowed: RegExp) => {
          const sources = policy.get(name);
          if (!sources) problems.push(`${file}: no ${name}`);
          else for (const s of sources) if (!allowed.test(s)) problems.push(`${file}: ${name} allows ${s}`);
        };
        expect(policy.get('default-src'), file).toEqual(["'none'"]);
        expectSources('script-src', /^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/);
        expectSources('style-src', /^('self'|'sha256-[A-Za-z0-9+/]+=*')$/);
        for (const [name, value] of [
          ['base-uri', "'none'"],
          ['object-src', "'none'"],
          ['form-action', "'self'"],
          ['connect-src', "'self'"],
          ['img-src', "'self'"],
        ]) {
          if (policy.get(name!)?.join(' ') !== value) problems.push(`${file}: ${name} is ${policy.get(name!)?.join(' ')}`);
        }
      }
      expect(files.length).toBeGreaterThan(200);
      expect(problems).toEqual([]);
    });

    it('allows by its hash every inline script and style of every page, and no other', () => {
      const problems: string[] = [];
      for (const file of siteFiles(siteDir, ['.html'])) {
        const tree = parsedHtml(path.join(siteDir, file));
        const { metas, scripts, styles } = pagePolicy(tree);
        const policy = directives(String(metas[0]?.properties.content ?? ''));
        const hashes = (name: string) => (policy.get(name) ?? []).filter((s) => s.startsWith("'sha256-"));
        const check = (name: string, texts: string[]) => {
          const needed = texts.map(sha256);
          for (const [i, h] of needed.entries()) if (!hashes(name).includes(h)) problems.push(`${file}: ${name} blocks inline ${texts[i]!.slice(0, 40)}`);
          for (const h of hashes(name)) if (!needed.includes(h)) problems.push(`${file}: ${name} allows ${h}, which matches nothing on the page`);
        };
        check('script-src', scripts);
        check('style-src', styles);
      }
      expect(problems).toEqual([]);
    });

    it('is not violated by any page type on a server, searches included', async () => {
      const walk = await loadedPages(siteDir, 'server');
      for (const { type, url } of pages) if (type === 'search') expect(walk.pages.get(url)?.count, 'the search works under the policy').toBeGreaterThan(0);
      // The served 404 page ran its (hashed) script: its links now lead to the site root.
      expect(walk.pages.get('/no/such/page.html')?.firstMainLink).toBe(`${walk.base}/index.html`);
      console.info(`[security] online: ${walk.urls.length} pages, ${walk.violations.length} violations`);
      expect(walk.violations).toEqual([]);
    });

    it('is not violated from disk, where pages keep their style and scripts', async () => {
      const walk = await loadedPages(siteDir, 'disk');
      for (const { type, url } of pages) {
        const loaded = walk.pages.get(url);
        expect(loaded?.footerBorder, `${url}: the stylesheet applies`).toBe('solid');
        if (type === 'clause') expect(loaded?.copyControls, `${url}: site.js ran`).toBe(true);
        if (type === 'search') expect(loaded?.count, `${url}: the search script ran and answered`).toBeDefined();
      }
      console.info(`[security] file://: ${walk.urls.length} pages, ${walk.violations.length} violations`);
      expect(walk.violations).toEqual([]);
    });

    it('is enforced: a script the page did not bring is refused and reported', async () => {
      const { page, context, violations } = await watched();
      await page.goto(server.base + pages[0]!.url);
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.append(s);
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      await expect.poll(() => violations.length).toBeGreaterThan(0);
      expect(ran).toBe(false);
      await context.close();
    });
  });

  describe('hostile source text', () => {
    let documents: DocumentRecord[] = [];
    let clauses: ClauseRecord[] = [];
    beforeAll(() => {
      documents = JSON.parse(readFileSync(path.join(hostileDir, 'data/documents.json'), 'utf8'));
      clauses = JSON.parse(readFileSync(path.join(hostileDir, 'data/clauses.json'), 'utf8'));
    });

    it('reaches the title, a heading and the clauses of the test build unchanged', () => {
      expect(documents[0]!.title).toContain('<script>alert(1)</script>');
      expect(clauses.some((c) => c.heading?.includes('<img src=x onerror=alert(1)>'))).toBe(true);
      expect(JSON.stringify(documents[0]!.outline)).toContain('<a href=\\"javascript:alert(1)\\">');
      const text = clauses.map((c) => c.text).join('\n');
      for (const p of PAYLOADS) expect(text, p).toContain(p);
    });

    it('becomes no element or attribute in any built page', () => {
      const found: string[] = [];
      for (const file of siteFiles(hostileDir, ['.html'])) {
        visit(fromHtml(readFileSync(path.join(hostileDir, file), 'utf8')), 'element', (el) => {
          if (el.tagName === 'script' && /alert/.test(textOf(el))) found.push(`${file}: <script>${textOf(el)}`);
          if (el.tagName === 'img') found.push(`${file}: <img>`);
          for (const [name, value] of Object.entries(el.properties)) {
            if (/^on/i.test(name)) found.push(`${file}: ${el.tagName} ${name}`);
            if (typeof value === 'string' && /^\s*javascript:/i.test(value)) found.push(`${file}: ${el.tagName} ${name}="${value}"`);
          }
        });
      }
      expect(siteFiles(hostileDir, ['.html']).length).toBeGreaterThan(4);
      expect(found).toEqual([]);
    });

    it('shows as text in the browser and runs nothing', async () => {
      const { page, context, violations, dialogs } = await watched();
      const doc = documents[0]!;
      for (const url of ['/index.html', doc.url, ...clauses.map((c) => c.url)]) {
        await page.goto(hostileServer.base + url);
        const shown = await page.evaluate(() => ({
          text: document.body.textContent ?? '',
          injected: document.querySelectorAll('main img, main script, [onerror], a[href^="javascript:" i]').length,
        }));
        expect(shown.injected, url).toBe(0);
        expect(shown.text, `${url}: the title`).toContain(doc.title);
        const own = url === doc.url ? clauses : clauses.filter((c) => c.url === url);
        for (const c of own) {
          for (const p of PAYLOADS) if (c.text.includes(p) || c.heading?.includes(p)) expect(shown.text, `${url}: ${p}`).toContain(p);
        }
      }
      await page.goto(hostileServer.base + doc.url);
      expect(await page.title()).toContain(doc.title);
      expect(await page.locator('h1').textContent()).toContain('<script>alert(1)</script>');
      expect(await page.locator('.division h3').first().textContent()).toContain('<img src=x onerror=alert(1)>');
      await context.close();
      expect(dialogs).toEqual([]);
      expect(violations).toEqual([]);
    });

    it('in ?q= of the search page stays text in the box and the status', async () => {
      const { page, context, violations, dialogs } = await watched();
      for (const root of [hostileServer.base, server.base]) {
        for (const q of ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)']) {
          await page.goto(`${root}/search/index.html?q=${encodeURIComponent(q)}`);
          await page.waitForSelector(DONE, { state: 'attached', timeout: 30_000 });
          expect(await page.locator('#search-input').inputValue()).toBe(q);
          // The library itself has none of these: the status says so, quoting the query.
          if (root === server.base) expect(await page.locator('#search-status').textContent()).toContain(`“${q}”`);
          expect(await page.locator('main img, main script:not([src]), [onerror], a[href^="javascript:" i]').count(), q).toBe(0);
        }
      }
      await context.close();
      expect(dialogs).toEqual([]);
      expect(violations).toEqual([]);
    });
  });
});
