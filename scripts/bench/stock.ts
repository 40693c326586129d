/**
 * The baseline: stock Pagefind over the same pages.
 *
 * Copies every HTML page of the built site (except `pagefind/` and `search/`) into a
 * temporary folder, indexes it with Pagefind's Node API with default options
 * (`createIndex()`, `addDirectory`, `writeFiles`), and writes a minimal search page that
 * follows the search contract of CONTRACTS.md with stock `pagefind.search(q)`.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The stock search page. `<html lang="zh-CN">` as a Chinese site would have it, which makes
 * Pagefind split the query with Intl.Segmenter. Reads `?q=` (and `?n=`, results to render,
 * default 20) on load; a submitted form runs a new query in place. Results follow the search
 * contract: `ol#search-results`, `aria-busy`, `data-count`, first `<a href>` to the page.
 */
export const STOCK_SEARCH_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>搜索（stock Pagefind）</title></head>
<body>
<form id="search-form" role="search"><input id="search-input" name="q" type="search"><button type="submit">搜索</button></form>
<ol id="search-results" aria-busy="true"></ol>
<script type="module">
const list = document.getElementById('search-results');
const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const params = new URLSearchParams(location.search);
const n = Math.max(1, parseInt(params.get('n') ?? '', 10) || 20);
let seq = 0;
const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
async function run(q) {
  const my = ++seq;
  list.setAttribute('aria-busy', 'true');
  list.removeAttribute('data-count');
  const search = q.trim() ? await pagefind.search(q) : null;
  const results = search?.results ?? [];
  const datas = await Promise.all(results.slice(0, n).map((r) => r.data()));
  if (my !== seq) return;
  list.replaceChildren(...datas.map((d) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta?.title ?? d.url;
    li.append(a);
    return li;
  }));
  list.setAttribute('data-count', String(results.length));
  list.setAttribute('aria-busy', 'false');
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  history.replaceState(null, '', url);
  run(input.value);
});
input.value = params.get('q') ?? '';
run(input.value);
</script>
</body>
</html>
`;

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) {
      if (rel === 'pagefind' || rel === 'search') continue;
      out.push(...(await htmlFiles(path, root)));
    } else if (entry.isFile() && entry.name.endsWith('.html')) out.push(rel);
  }
  return out;
}

export interface StockSite {
  dir: string;
  pagesCopied: number;
  /** Pages in the stock index (from pagefind-entry.json). */
  pagesIndexed: number;
  /** Copied pages that mark content with data-pagefind-body. */
  pagesWithBody: number;
}

/** Build the stock site from `dist` into `dir` (which must not exist or be empty). */
export async function buildStockSite(dist: string, dir: string): Promise<StockSite> {
  const files = await htmlFiles(dist);
  let pagesWithBody = 0;
  for (const rel of files) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await cp(join(dist, rel), join(dir, rel));
    if ((await readFile(join(dist, rel), 'utf8')).includes('data-pagefind-body')) pagesWithBody++;
  }
  const check = <T extends { errors: string[] }>(r: T, step: string): T => {
    if (r.errors.length) throw new Error(`stock Pagefind failed to ${step}: ${r.errors.join('; ')}`);
    return r;
  };
  let pagesIndexed = 0;
  try {
    const { index } = check(await pagefind.createIndex(), 'create an index');
    if (!index) throw new Error('stock Pagefind returned no index');
    check(await index.addDirectory({ path: dir }), 'index the pages');
    check(await index.writeFiles({ outputPath: join(dir, 'pagefind') }), 'write the index');
    const entry = JSON.parse(await readFile(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, { page_count?: number }>;
    };
    pagesIndexed = Object.values(entry.languages ?? {}).reduce((a, l) => a + (l.page_count ?? 0), 0);
  } finally {
    await pagefind.close();
  }
  await mkdir(join(dir, 'search'), { recursive: true });
  await writeFile(join(dir, 'search', 'index.html'), STOCK_SEARCH_PAGE);
  return { dir, pagesCopied: files.length, pagesIndexed, pagesWithBody };
}
