/**
 * The built files, read as files: the open data says what the pages show, and every link
 * of every page is relative and resolves to a file (and fragment) of the site, so the site
 * also works opened from disk. Reads the shared built site (support/site.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord } from '../../src/model';
import { parsedHtml } from './support/parsed-html';
import { sharedSite, SKIP_E2E } from './support/site';

let SITE = '';

const classes = (el: Element): string[] => (el.properties.className as string[] | undefined) ?? [];
const textOf = (node: Element | Root): string => {
  let s = '';
  visit(node, (n) => {
    if (n.type === 'text') s += n.value;
  });
  return s;
};
const find = (tree: Root, test: (el: Element) => boolean): Element | undefined => {
  let hit: Element | undefined;
  visit(tree, 'element', (el) => {
    if (!hit && test(el)) hit = el;
  });
  return hit;
};
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  });

describe.skipIf(SKIP_E2E)('the built files', () => {
  let clauses: ClauseRecord[] = [];
  let documents: DocumentRecord[] = [];
  const page = parsedHtml;
  /** The ids of a page's elements, read once per page (a page may be the target of thousands of fragment links). */
  const ids = new Map<string, Set<unknown>>();
  const idsOf = (file: string): Set<unknown> => {
    let found = ids.get(file);
    if (!found) {
      found = new Set();
      visit(page(file), 'element', (el) => void found!.add(el.properties.id));
      ids.set(file, found);
    }
    return found;
  };

  beforeAll(() => {
    SITE = sharedSite();
    clauses = JSON.parse(readFileSync(path.join(SITE, 'data/clauses.json'), 'utf8'));
    documents = JSON.parse(readFileSync(path.join(SITE, 'data/documents.json'), 'utf8'));
  });

  it('publish every clause of every document, as many as each document counts', () => {
    expect(clauses.length).toBeGreaterThan(200);
    for (const d of documents) expect(clauses.filter((c) => c.doc === d.id)).toHaveLength(d.clauseCount);
  });

  it('show on each clause page exactly the heading and text the open data gives', () => {
    for (const c of clauses) {
      const tree = page(path.join(SITE, c.url));
      const body = find(tree, (el) => classes(el).includes('clause-body'));
      expect(body, c.url).toBeDefined();
      const blocks = body!.children.filter((n): n is Element => n.type === 'element');
      const lines = blocks.flatMap((b) => {
        if (b.tagName !== 'figure') return [textOf(b)];
        return b.children.filter((n): n is Element => n.type === 'element' && !classes(n).some((c) => c === 'figure-missing' || c === 'para-link')).map(textOf);
      });
      expect(lines.join('\n'), c.url).toBe(c.text);
      if (c.heading) expect(textOf(find(tree, (el) => el.properties.id === 'clause-title')!), c.url).toContain(c.heading);
    }
  });

  it('link only relatively, to files and fragments that exist, so the site works from disk', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(SITE)) {
      const tree = page(file);
      visit(tree, 'element', (el) => {
        for (const attr of ['href', 'src', 'action'] as const) {
          const value = el.properties[attr];
          if (typeof value !== 'string' || value === '') continue;
          const where = `${path.relative(SITE, file)}: ${attr}="${value}"`;
          if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) {
            broken.push(`${where} is not relative`);
            continue;
          }
          const [target, fragment] = value.split('#');
          if (path.basename(file) === '404.html' && !target.startsWith('#')) continue; // 404 resolves its links at run time
          const resolved = target === '' ? file : path.resolve(path.dirname(file), target.split('?')[0]);
          if (!existsSync(resolved) || (!resolved.endsWith('.html') && !/\.(css|js|json|svg|zip|bib|csv|pf_meta|pagefind|bin)$/.test(resolved))) {
            broken.push(`${where} does not name a file of the site`);
            continue;
          }
          if (fragment && resolved.endsWith('.html') && !idsOf(resolved).has(decodeURIComponent(fragment))) {
            broken.push(`${where}: no element #${fragment}`);
          }
        }
      });
    }
    expect(broken).toEqual([]);
  });
});
