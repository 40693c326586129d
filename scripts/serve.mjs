#!/usr/bin/env node
/**
 * A tiny static file server for the built site (node:http, no dependencies).
 *
 * Usage: node scripts/serve.mjs [dir]          (default dir: dist)
 * Env:   PORT (default 4321; 0 picks a free port), HOST (default 127.0.0.1)
 *
 * - `/dir/` serves `/dir/index.html`; `/dir` (a directory) redirects to `/dir/`.
 * - A missing file gets /404.html (if the site has one) with status 404.
 * - Paths never leave the served directory.
 * - Files named by a hash of their content may be cached for good; every other file is revalidated
 *   (`cacheControl`), and an unchanged one (its ETag sent back in If-None-Match) gets 304.
 * Prints "Serving <dir> at http://HOST:PORT/" once listening (tests wait for that line).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { argsOrExit } from './lib/cli.mjs';

/** Content types by file extension. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/**
 * The files whose name (or, for the word shards, query string) carries a hash of their content:
 * they never change under that name, so a browser may keep them for good (README, Cache headers).
 */
const IMMUTABLE = [
  /^\/search\/packs\/[0-9a-f]+\.bin$/,
  /^\/pagefind\/(index|fragment)\/[^/]+$/,
  /^\/pagefind\/[^/]+\.pf_meta$/,
  /^\/(assets|search|basket|quotes)\/[a-z]+\.[0-9a-f]{10}\.(css|js|svg)$/,
];

/** The Cache-Control header of a file served at this path and query: immutable where the name carries a hash, else revalidated on every use. */
export function cacheControl(pathname, search = '') {
  const hashed = IMMUTABLE.some((re) => re.test(pathname)) || (/^\/search\/words\//.test(pathname) && /[?&]v=/.test(search));
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** A file's entity tag: its size and modification time, which change whenever a build rewrites it. */
export function etag(info) {
  return `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
}

/** The content type of a file path. */
export function contentType(path) {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a request path to a file under `root`, or null if it would leave `root` or is malformed.
 * @param {string} root absolute directory
 * @param {string} urlPath e.g. "/search/" or "/a%20b.html"
 */
export function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, '.' + (decoded.startsWith('/') ? decoded : `/${decoded}`));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return decoded.endsWith('/') ? join(file, 'index.html') : file;
}

async function fileStat(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * Create the server for directory `dir` (not yet listening).
 * @param {string} dir
 */
export function createStaticServer(dir) {
  const root = resolve(dir);
  return createServer(async (req, res) => {
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'text/plain; charset=utf-8', 'Method Not Allowed', { allow: 'GET, HEAD' });
    }
    // The request target is a path: one that starts with `//` names no host, and the URL parser
    // must not read it as one (nor throw on `//`, which would end the server).
    let url;
    try {
      url = new URL(`http://localhost/${(req.url ?? '/').replace(/^\/+/, '')}`);
    } catch {
      return send(400, 'text/plain; charset=utf-8', 'Bad Request');
    }
    const file = resolvePath(root, url.pathname);
    if (!file) return send(400, 'text/plain; charset=utf-8', 'Bad Request');
    let info = await fileStat(file);
    if (info?.isDirectory()) {
      return send(301, 'text/plain; charset=utf-8', 'Moved Permanently', {
        location: `${url.pathname}/${url.search}`,
      });
    }
    if (info?.isFile()) {
      const tag = etag(info);
      const headers = { etag: tag, 'last-modified': info.mtime.toUTCString(), 'cache-control': cacheControl(url.pathname, url.search) };
      // A browser revalidating a file it holds gets 304 and no body when the file is unchanged.
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(tag)) {
        res.writeHead(304, headers);
        return res.end();
      }
      res.writeHead(200, { 'content-type': contentType(file), 'content-length': info.size, ...headers });
      if (req.method === 'HEAD') return res.end();
      return createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    }
    const notFound = join(root, '404.html');
    info = await fileStat(notFound);
    if (info?.isFile()) {
      res.writeHead(404, { 'content-type': TYPES['.html'], 'content-length': info.size });
      if (req.method === 'HEAD') return res.end();
      return createReadStream(notFound).pipe(res);
    }
    return send(404, 'text/plain; charset=utf-8', 'Not Found');
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { positionals } = argsOrExit(() => parseArgs({ options: {}, allowPositionals: true }), 'serve', 'node scripts/serve.mjs [dir]');
  const dir = positionals[0] ?? 'dist';
  const info = await fileStat(resolve(dir));
  if (!info?.isDirectory()) {
    console.error(`[serve] ${dir}/ does not exist: build the site first (npm run build).`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createStaticServer(dir);
  server.on('error', (err) => {
    console.error(`[serve] ${err.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`[serve] Serving ${dir}/ at http://${host}:${actual}/ (search: http://${host}:${actual}/search/)`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
