/**
 * The one home of the site's URL patterns, and the helpers for a site that must work both
 * from a web server and from disk (file://). The pipeline stamps records with these URLs and
 * the pages link by them, so both layers import from here (and this file imports nothing).
 *
 * Every page knows its own site-relative URL (e.g. `/luhui-2014-79/1/1.html`); links are
 * computed relative to it and always name a file (`index.html`), never a bare directory.
 * A URL never changes once published: ids, not positions or texts, name the pages.
 */

/** Site-relative URLs of the pages and files other parts of the site link to. */
export const HOME_URL = '/index.html';
export const SEARCH_URL = '/search/index.html';
export const NOT_FOUND_URL = '/404.html';
export const DOCUMENTS_JSON_URL = '/data/documents.json';
export const CLAUSES_JSON_URL = '/data/clauses.json';
export const TERMS_URL = '/terms/index.html';
export const TERMS_JSON_URL = '/data/terms.json';
export const UNITS_URL = '/units/index.html';
export const COMPARE_INDEX_URL = '/compare/index.html';
/** The site's stylesheet and script, as the build names them before it puts their content's hash before the extension (src/integrations/assets.ts). */
export const STYLESHEET_URL = '/assets/site.css';
export const SCRIPT_URL = '/assets/site.js';
/** The site's icon, named as the build names its hashed files (src/integrations/assets.ts; tests/unit/urls.test.ts checks it), so it can be cached for good. */
export const FAVICON_URL = '/assets/favicon.bb3bad1517.svg';
/** The offline bundle, written by scripts/lib/bundle.mjs (which names the same path). */
export const OFFLINE_BUNDLE_URL = '/download/tiaowen-offline.zip';

/** The site-relative URL of a clause page (`luhui-2014-79/1/1` → `/luhui-2014-79/1/1.html`). */
export function clauseUrl(id: string): string {
  return `/${id}.html`;
}

/** The site-relative URL of a document page (`luhui-2014-79` → `/luhui-2014-79/index.html`). */
export function documentUrl(docId: string): string {
  return `/${docId}/index.html`;
}

/** The site-relative URL of a term page. */
export function termUrl(id: string): string {
  return `/terms/${id}.html`;
}

/** The site-relative URL of a unit page (a unit named in work-division items). */
export function unitUrl(id: string): string {
  return `/units/${id}.html`;
}

/** The site-relative URL of the comparison page of two transcriptions (id `<a>--<b>`). */
export function comparisonUrl(id: string): string {
  return `/compare/${id}.html`;
}

/** Where a document's CSL-JSON and BibTeX files are (site-relative). */
export function citeFileUrl(docId: string, format: 'json' | 'bib'): string {
  return `/cite/${docId}.${format}`;
}

/** Where the implementation matrix of a document (its clauses → work items → units) is published as CSV (site-relative). */
export function matrixCsvUrl(docId: string): string {
  return `/data/matrix/${docId}.csv`;
}

/** Where the work items of a unit (with the clauses they carry out) are published as CSV (site-relative). */
export function unitCsvUrl(unitId: string): string {
  return `/data/units/${unitId}.csv`;
}

/** The route slug of a page's site-relative URL (`/a/index.html` → `a/index`), as Astro's rest parameter wants it. */
export function routeSlug(url: string): string {
  return url.replace(/^\//, '').replace(/\.html$/, '');
}

/** Whether a site-relative URL is one of the term index's pages (the index or a term). */
export function isTermsUrl(url: string): boolean {
  return url.startsWith('/terms/');
}

/**
 * Normalise a site-relative path so that it names a file: a trailing slash becomes
 * `index.html`, and a last segment without an extension gets `.html`
 * (`/a/b/` → `/a/b/index.html`, `/a/b` → `/a/b.html`). Query and fragment are kept.
 */
export function toFileUrl(url: string): string {
  const { path, suffix } = splitSuffix(url);
  let p = path.startsWith('/') ? path : `/${path}`;
  if (p.endsWith('/')) p += 'index.html';
  else {
    const last = p.slice(p.lastIndexOf('/') + 1);
    if (!last.includes('.')) p += '.html';
  }
  return p + suffix;
}

/**
 * The relative URL that leads from the page at `fromUrl` to `toUrl`, both site-relative
 * (starting with `/`). `toUrl` may carry a `?query` and a `#fragment`; a link to the same
 * page with a fragment is just the fragment. Directory targets are made explicit
 * (`/a/` → `…/a/index.html`).
 *
 *   relativeUrl('/a/b/c.html', '/a/index.html') === '../index.html'
 */
export function relativeUrl(fromUrl: string, toUrl: string): string {
  const from = splitSuffix(toFileUrl(fromUrl)).path;
  const { path: target, suffix } = splitSuffix(toFileUrl(toUrl));

  if (target === from && suffix.startsWith('#')) return suffix;

  const fromDirs = from.split('/').slice(1, -1);
  const targetParts = target.split('/').slice(1);
  const targetDirs = targetParts.slice(0, -1);
  const file = targetParts[targetParts.length - 1];

  let common = 0;
  while (common < fromDirs.length && common < targetDirs.length && fromDirs[common] === targetDirs[common]) {
    common++;
  }
  const ups = '../'.repeat(fromDirs.length - common);
  const downs = targetDirs
    .slice(common)
    .map((d) => `${d}/`)
    .join('');
  return ups + downs + file + suffix;
}

/** A relative link from `fromUrl` to the search page, with the query `q` filled in (if given). */
export function searchHref(fromUrl: string, q?: string): string {
  const base = relativeUrl(fromUrl, SEARCH_URL);
  return q ? `${base}?q=${encodeURIComponent(q)}` : base;
}

/**
 * The absolute (canonical) URL of a site-relative URL on the site `site`
 * (e.g. Astro.site). A path in `site` is kept: `https://x.org/lib/` + `/a.html` →
 * `https://x.org/lib/a.html`.
 */
export function absoluteUrl(site: URL | string | undefined, url: string): string {
  if (!site) return url;
  const s = typeof site === 'string' ? site : site.href;
  const root = s.endsWith('/') ? s : `${s}/`;
  return root + url.replace(/^\/+/, '');
}

/**
 * The anchor (element id) of a clause on its document's page: the clause id without the
 * document id, prefixed with `c` and with `/` replaced by `.` (`luhui-2014-79/1/1` → `c1.1`).
 */
export function clauseAnchor(clauseId: string, docId: string): string {
  return `c${localPart(clauseId, docId)}`;
}

/** The anchor of an outline entry (part/section/table) on its document's page (`s1`, `s5.zb`). */
export function outlineAnchor(entryId: string, docId: string): string {
  return `s${localPart(entryId, docId)}`;
}

/**
 * The canonical URL of a site-relative URL: on the canonical site (TIAOWEN_SITE, Astro.site)
 * if the build has one, else undefined — then only the browser knows the address (the page
 * script copies the address the page was opened at).
 */
export function canonicalUrl(site: URL | string | undefined, url: string): string | undefined {
  return site ? absoluteUrl(site, url) : undefined;
}

function localPart(id: string, docId: string): string {
  const rest = id.startsWith(`${docId}/`) ? id.slice(docId.length + 1) : id;
  return rest.replace(/\//g, '.');
}

function splitSuffix(url: string): { path: string; suffix: string } {
  const i = url.search(/[?#]/);
  return i < 0 ? { path: url, suffix: '' } : { path: url.slice(0, i), suffix: url.slice(i) };
}
