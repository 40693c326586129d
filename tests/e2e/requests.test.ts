/**
 * No request leaves the site, online or offline: no web fonts, CDNs or analytics.
 *
 * In Chromium every request of a sample of every page type and of some searches is routed
 * (support/page-loads.ts, whose walks security.test.ts reads too): online, anything not to the
 * local server is aborted and fails the test; from disk (file://), anything that is not a file.
 * Then the built files are read for absolute http(s) URLs in the places that make a browser
 * fetch something.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteFiles } from './support/hardening';
import { loadedPages, QUERIES } from './support/page-loads';
import { parsedHtml } from './support/parsed-html';
import { sharedSite, SKIP_E2E } from './support/site';

/** An absolute URL that a browser would fetch from another host. */
const REMOTE = /^\s*(?:https?:)?\/\//i;

/** The remote URLs in CSS text: url(…) and @import. */
function remoteUrlsInCss(css: string): string[] {
  const found: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/gi)) {
    const url = m[2] ?? m[4] ?? '';
    if (REMOTE.test(url)) found.push(url);
  }
  return found;
}

/** The remote URLs a script text hands to fetch, import, workers, sockets, beacons or a src. */
function remoteUrlsInScript(js: string): string[] {
  const remote = '[`\'"]((?:https?:)?//[^`\'"]*)';
  const patterns = [
    String.raw`\b(?:fetch|import|importScripts|sendBeacon|Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*` + remote,
    String.raw`\.open\s*\(\s*['"][A-Z]+['"]\s*,\s*` + remote, // XMLHttpRequest
    String.raw`\.(?:src|href|action)\s*=\s*` + remote,
  ];
  return patterns.flatMap((p) => [...js.matchAll(new RegExp(p, 'gi'))].map((m) => m[1]!));
}

/** Attributes whose URL the browser fetches, or navigates to on a click or a submit. */
const URL_ATTRIBUTES = ['src', 'href', 'xLinkHref', 'action', 'formAction', 'poster', 'data', 'background', 'srcSet', 'imageSrcSet', 'ping'];

/** The remote URLs in an HTML (or SVG) text or tree: URL attributes, meta refresh, inline styles and scripts. */
function remoteUrlsInHtml(html: string | Root, space: 'html' | 'svg' = 'html'): string[] {
  const found: string[] = [];
  visit(typeof html === 'string' ? fromHtml(html, { space }) : html, 'element', (el: Element) => {
    for (const attr of URL_ATTRIBUTES) {
      const value = el.properties[attr];
      const values = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/,\s+/) : [];
      found.push(...values.filter((v) => REMOTE.test(v)));
    }
    const content = el.properties.content;
    if (el.tagName === 'meta' && typeof content === 'string' && /url\s*=\s*(?:https?:)?\/\//i.test(content)) found.push(content);
    if (typeof el.properties.style === 'string') found.push(...remoteUrlsInCss(el.properties.style));
    const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    if (el.tagName === 'style') found.push(...remoteUrlsInCss(text));
    if (el.tagName === 'script') found.push(...remoteUrlsInScript(text));
  });
  return found;
}

describe.skipIf(SKIP_E2E)('requests', () => {
  let siteDir = '';

  beforeAll(() => {
    siteDir = sharedSite();
  });

  it('pages on a server request nothing but the server, searches included', async () => {
    const walk = await loadedPages(siteDir, 'server');
    const searches = walk.urls.filter((u) => u.startsWith('/search/'));
    expect(searches.length).toBeGreaterThan(QUERIES.length);
    for (const url of searches) expect(walk.pages.get(url)?.count, `${url} searched`).toBeDefined();
    expect(walk.blocked).toEqual([]);
    // The guard saw the pages' own requests: stylesheet, script, the search index.
    expect(walk.seen.some((u) => /\/assets\/site\.[0-9a-f]{10}\.css$/.test(u))).toBe(true);
    expect(walk.seen.some((u) => u.includes('/pagefind/'))).toBe(true);
    console.info(`[requests] online: ${walk.urls.length} pages, ${walk.seen.length} requests, ${walk.blocked.length} blocked`);
  });

  it('pages opened from disk request nothing but files', async () => {
    const walk = await loadedPages(siteDir, 'disk');
    expect(walk.blocked).toEqual([]);
    expect(walk.seen.some((u) => /\/assets\/site\.[0-9a-f]{10}\.css$/.test(u))).toBe(true);
    console.info(`[requests] file://: ${walk.urls.length} pages, ${walk.seen.length} requests, ${walk.blocked.length} blocked`);
  });

  it('no built file names a remote URL where a browser would fetch it', () => {
    const found: string[] = [];
    for (const file of siteFiles(siteDir, ['.html', '.css', '.js', '.svg'])) {
      const full = path.join(siteDir, file);
      const text = () => readFileSync(full, 'utf8');
      const urls = file.endsWith('.html')
        ? remoteUrlsInHtml(parsedHtml(full))
        : file.endsWith('.css')
          ? remoteUrlsInCss(text())
          : file.endsWith('.js')
            ? remoteUrlsInScript(text())
            : remoteUrlsInHtml(text(), 'svg');
      found.push(...urls.map((u) => `${file}: ${u}`));
    }
    expect(found).toEqual([]);
  });

  it('the scan finds remote URLs in each of the places it reads', () => {
    expect(remoteUrlsInCss('@import "https://cdn.example/x.css"; a { background: url(//cdn.example/i.png) }')).toHaveLength(2);
    expect(remoteUrlsInCss('a { background: url("data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\'/>") }')).toEqual([]);
    expect(
      remoteUrlsInScript(
        'fetch("https://stats.example/hit"); import(`https://cdn.example/m.js`); img.src = "//t.example/p.gif"; x.open("GET", "https://a.example/")',
      ),
    ).toHaveLength(4);
    expect(remoteUrlsInScript('new URL(`https://example.com${path}`); var credit = "by <https://github.com/x>"')).toEqual([]);
    const html =
      '<link rel="stylesheet" href="https://fonts.example/css"><script src="https://cdn.example/a.js"></script>' +
      '<img srcset="a.png 1x, https://cdn.example/b.png 2x"><div style="background:url(https://x.example/i.png)"></div>' +
      '<meta http-equiv="refresh" content="0; url=https://x.example/">' +
      '<p data-copy="https://tiaowen.example.org/a.html">本条链接：https://tiaowen.example.org/a.html</p>';
    expect(remoteUrlsInHtml(html)).toHaveLength(5);
  });
});
