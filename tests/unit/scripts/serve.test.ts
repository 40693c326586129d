import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControl, contentType, createStaticServer, resolvePath } from '../../../scripts/serve.mjs';

let root: string;
let base: string;
let server: import('node:http').Server;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tiaowen-serve-'));
  await mkdir(join(root, 'search'));
  await mkdir(join(root, 'pagefind'));
  await writeFile(join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(join(root, 'search', 'index.html'), '<h1>search</h1>');
  await writeFile(join(root, '404.html'), '<h1>not here</h1>');
  await writeFile(join(root, 'pagefind', 'pagefind.zh-cn_1.pf_meta'), 'x');
  await writeFile(join(root, 'a b.html'), 'space');
  server = createStaticServer(root);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(root, { recursive: true, force: true });
});

describe('cacheControl', () => {
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  it('lets a browser keep for good the files whose name (or query string) carries a hash of their content', () => {
    expect(cacheControl('/search/packs/340d11db398fd567.bin')).toBe(IMMUTABLE);
    expect(cacheControl('/pagefind/index/und_1a2b3c4.pf_index')).toBe(IMMUTABLE);
    expect(cacheControl('/pagefind/fragment/und_1a2b3c4.pf_fragment')).toBe(IMMUTABLE);
    expect(cacheControl('/pagefind/pagefind.und_4c7ab97b366.pf_meta')).toBe(IMMUTABLE);
    for (const path of [
      '/assets/favicon.8b1ec0ffee.svg',
      '/assets/site.cabd4d5302.css',
      '/assets/site.b8f38c1761.js',
      '/search/app.963d53657a.js',
      '/basket/app.28cc94c9ae.js',
      '/quotes/app.79504c4507.js',
    ])
      expect(cacheControl(path), path).toBe(IMMUTABLE);
    expect(cacheControl('/search/words/3.bin', '?v=0123abcd')).toBe(IMMUTABLE);
  });

  it('has every other file revalidated: pages, scripts, styles, the lexicon, open data and shards asked for without a version', () => {
    for (const path of [
      '/index.html',
      '/search/index.html',
      '/search/app.js',
      '/quotes/data.js',
      '/search/offline-index.js',
      '/terms/t0123abcd.html',
      '/search/lexicon.bin',
      '/assets/site.css',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.unknown.pagefind',
      '/data/clauses.json',
      '/assets/favicon.svg',
    ])
      expect(cacheControl(path), path).toBe('no-cache');
    expect(cacheControl('/search/words/3.bin')).toBe('no-cache');
  });
});

describe('resolvePath', () => {
  it('maps directories to index.html and refuses to leave the root', () => {
    expect(resolvePath('/site', '/')).toBe('/site/index.html');
    expect(resolvePath('/site', '/search/')).toBe('/site/search/index.html');
    expect(resolvePath('/site', '/a/../b.html')).toBe('/site/b.html');
    expect(resolvePath('/site', '/../etc/passwd')).toBeNull();
    expect(resolvePath('/site', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolvePath('/site', '/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolvePath('/site', '/../site2/x.html')).toBeNull();
    expect(resolvePath('/site', '/%E0%A4%A')).toBeNull();
    expect(resolvePath('/site', '/a%00b')).toBeNull();
  });
  it('knows the content types', () => {
    expect(contentType('x.html')).toMatch(/^text\/html/);
    expect(contentType('x.wasm')).toBe('application/wasm');
    for (const ext of ['pf_meta', 'pf_index', 'pf_fragment', 'pf_filter']) expect(contentType(`a.${ext}`)).toBe('application/octet-stream');
  });
});

describe('the server', () => {
  it('serves files with their content type and caching', async () => {
    const res = await fetch(`${base}/search/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('search');
    const pf = await fetch(`${base}/pagefind/pagefind.zh-cn_1.pf_meta`);
    expect(pf.headers.get('content-type')).toBe('application/octet-stream');
    expect(pf.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/a%20b.html`)).status).toBe(200);
  });
  it('answers a revalidation of an unchanged file with 304 and no body, and of a changed one with the file', async () => {
    const first = await fetch(`${base}/index.html`);
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    const again = await fetch(`${base}/index.html`, { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe('no-cache');
    await writeFile(join(root, 'index.html'), '<h1>home, rebuilt</h1>');
    const changed = await fetch(`${base}/index.html`, { headers: { 'if-none-match': tag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('<h1>home, rebuilt</h1>');
    expect(changed.headers.get('etag')).not.toBe(tag);
  });
  it('redirects a directory without its slash', async () => {
    const res = await fetch(`${base}/search?q=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/search/?q=1');
  });
  it('answers 404 with 404.html', async () => {
    const res = await fetch(`${base}/nope.html`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('not here');
  });
  it('does not serve files outside the root', async () => {
    // Sent raw: fetch() would normalise the dots away.
    for (const path of ['/../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd']) {
      const status = await new Promise<number>((done, fail) => {
        const u = new URL(base);
        request({ host: u.hostname, port: u.port, path }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        })
          .on('error', fail)
          .end();
      });
      expect([400, 404]).toContain(status);
    }
  });
  it('answers a path that starts with two slashes from the root, never sends it to another host, and keeps serving', async () => {
    // Sent raw: such a path once made the URL parser throw and took the server down.
    const raw = (path: string) =>
      new Promise<{ status: number; location?: string }>((done, fail) => {
        const u = new URL(base);
        request({ host: u.hostname, port: u.port, path }, (res) => {
          res.resume();
          done({ status: res.statusCode ?? 0, location: res.headers.location });
        })
          .on('error', fail)
          .end();
      });
    expect(await raw('//')).toEqual({ status: 200, location: undefined });
    expect(await raw('//search/index.html')).toEqual({ status: 200, location: undefined });
    const away = await raw('//search');
    expect(away.status).toBe(301);
    expect(away.location).toBe('/search/');
    expect((await raw('//example.com/x.html')).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});
