/**
 * A walk over every page of a built site that opens only some of them in a browser.
 *
 * Every page is read from its file: the files its links, stylesheets, scripts, forms and images
 * name, and its shape, the set of its element kinds (tag, classes and attribute names). The
 * pages hold no inline script, so what a browser runs on a page depends on its shape: pages of
 * one shape load the same stylesheet and scripts over the same structure. A browser therefore
 * opens the first and the last page of each shape, and the targets of all the others are
 * checked from their files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** What the walk reads of a page's file. */
export interface PageFile {
  /** The page, relative to the site's folder (`a/b.html`). */
  path: string;
  /** Its element kinds, sorted and joined: two pages with the same shape run the same code. */
  shape: string;
  /** Every URL the page names in a[href], link[href], script[src], form[action], img[src] or source[src], as written. */
  targets: string[];
}

/** The attribute that names a URL, per element. */
const URL_ATTRIBUTE: Record<string, string> = { a: 'href', link: 'href', script: 'src', form: 'action', img: 'src', source: 'src' };

/** Read a page's shape and the URLs it names from its HTML. */
export function readPage(path: string, html: string): PageFile {
  const kinds = new Set<string>();
  const targets: string[] = [];
  visit(fromHtml(html), 'element', (el: Element) => {
    const classes = ((el.properties.className as string[] | undefined) ?? []).filter((c) => !c.startsWith('astro-')).sort();
    const names = Object.keys(el.properties)
      .filter((k) => k !== 'className')
      .sort();
    kinds.add(`${el.tagName}${classes.map((c) => `.${c}`).join('')}[${names.join(',')}]`);
    const attribute = URL_ATTRIBUTE[el.tagName];
    const value = attribute === undefined ? undefined : el.properties[attribute];
    if (typeof value === 'string') targets.push(value);
  });
  return { path, shape: [...kinds].sort().join(' '), targets };
}

/** Read every named page of a site's folder. */
export function readPages(dir: string, paths: string[]): PageFile[] {
  return paths.map((p) => readPage(p, readFileSync(join(dir, p), 'utf8')));
}

/** The pages a browser opens: the first and the last (in path order) of each shape. */
export function pagesOfEachShape(pages: PageFile[]): string[] {
  const byShape = new Map<string, string[]>();
  for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const group = byShape.get(page.shape) ?? [];
    group.push(page.path);
    byShape.set(page.shape, group);
  }
  return [...byShape.values()].flatMap((group) => [...new Set([group[0]!, group[group.length - 1]!])]).sort();
}

/**
 * The targets of a page opened from `base` (a file: URL of the site's folder) that name no file
 * of the site, or leave it: a missing file, or any other scheme than file: unless `allowed`
 * accepts it. Fragments and queries are left off before the file is looked up.
 */
export function brokenTargets(page: PageFile, base: string, exists: (url: URL) => boolean, allowed: (url: string) => boolean = () => false): string[] {
  const from = new URL(page.path, base);
  return page.targets.flatMap((target) => {
    const url = new URL(target, from);
    if (url.protocol !== 'file:') return allowed(url.href) ? [] : [`${page.path} → ${target} (outside the site)`];
    url.hash = '';
    url.search = '';
    return exists(url) ? [] : [`${page.path} → ${target}`];
  });
}
