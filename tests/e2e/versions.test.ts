/**
 * The transcriptions compared, as built: each clause page of a compared document shows its
 * counterpart and a comparison that gives back both texts exactly, and the comparison page
 * lists every clause of both. Reads the shared built site (support/site.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { parsedHtml } from './support/parsed-html';
import { SKIP, visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord } from '../../src/model';
import { sharedSite, SKIP_E2E } from './support/site';

let SITE = '';

const classes = (el: Element): string[] => (el.properties.className as string[] | undefined) ?? [];
const all = (tree: Root | Element, test: (el: Element) => boolean): Element[] => {
  const out: Element[] = [];
  visit(tree, 'element', (el) => {
    if (test(el)) out.push(el);
  });
  return out;
};
/** The text of a node as a sighted reader sees it, leaving out the elements `skip` names and visually hidden text. */
const seen = (node: Element, skip: string[] = []): string => {
  let s = '';
  visit(node, (n) => {
    if (n.type === 'element' && (skip.includes(n.tagName) || classes(n).includes('visually-hidden'))) return SKIP;
    if (n.type === 'text') s += n.value;
  });
  return s;
};
/** Where a relative link on the page at `from` (site-relative) leads, site-relative. */
const resolve = (from: string, href: string) => new URL(href, `http://site${from}`).pathname;

describe.skipIf(SKIP_E2E)('the transcriptions compared, as built', () => {
  let clauses: ClauseRecord[] = [];
  const page = (url: string): Root => parsedHtml(path.join(SITE, url));
  const clause = (id: string) => clauses.find((c) => c.id === id)!;

  beforeAll(() => {
    SITE = sharedSite();
    clauses = JSON.parse(readFileSync(path.join(SITE, 'data/clauses.json'), 'utf8'));
  });

  it('links each clause page of a transcription to its counterpart, as the open data says', () => {
    const paired = clauses.filter((c) => c.links.some((l) => l.rel === 'version'));
    expect(paired.length).toBeGreaterThan(0);
    for (const c of paired) {
      const [section] = all(page(c.url), (el) => classes(el).includes('versions'));
      expect(section, c.id).toBeDefined();
      const targets = all(section, (el) => el.tagName === 'a').map((a) => resolve(c.url, String(a.properties.href)));
      for (const l of c.links.filter((link) => link.rel === 'version')) expect(targets).toContain(clause(l.id).url);
    }
  });

  it('shows a comparison that gives back both texts exactly: equal and deleted text make A, equal and inserted text make B', () => {
    let shown = 0;
    for (const a of clauses.filter((c) => c.links.some((l) => l.rel === 'version'))) {
      const b = clause(a.links.find((l) => l.rel === 'version')!.id);
      const tree = page(a.url);
      const texts = all(tree, (el) => classes(el).includes('diff-text') && !classes(el).includes('diff-heading'));
      if (a.text === b.text && a.heading === b.heading) {
        expect(texts, a.id).toEqual([]);
        continue;
      }
      shown++;
      // Transcription A is the one that comes first in the library.
      const [first, second] = clauses.indexOf(a) < clauses.indexOf(b) ? [a, b] : [b, a];
      expect(texts).toHaveLength(1);
      expect(seen(texts[0], ['ins'])).toBe(first.text);
      expect(seen(texts[0], ['del'])).toBe(second.text);
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('says so on the page of a clause only one transcription has', () => {
    const only = clauses.filter((c) => c.doc.startsWith('plan14') && !c.links.some((l) => l.rel === 'version'));
    expect(only.length).toBeGreaterThan(0);
    for (const c of only) {
      const [note] = all(page(c.url), (el) => classes(el).includes('version-absent'));
      expect(note && seen(note), c.id).toMatch(/^\s*本条仅见于/);
    }
  });

  it('lists every clause of both transcriptions on the comparison page, in reading order', () => {
    const url = '/compare/plan14-a--plan14-b.html';
    // Clause rows have cells; the header row and the rows naming a part have only headers.
    const rows = all(page(url), (el) => el.tagName === 'tr').filter((tr) => all(tr, (el) => el.tagName === 'td').length > 0);
    const column = (i: number) =>
      rows.flatMap((tr) => {
        const a = all(all(tr, (el) => el.tagName === 'td')[i], (el) => el.tagName === 'a')[0];
        return a ? [resolve(url, String(a.properties.href))] : [];
      });
    expect(column(0)).toEqual(clauses.filter((c) => c.doc === 'plan14-a').map((c) => c.url));
    expect(column(1)).toEqual(clauses.filter((c) => c.doc === 'plan14-b').map((c) => c.url));
  });

  it('lists the comparison on the page of comparisons', () => {
    const links = all(page('/compare/index.html'), (el) => el.tagName === 'a').map((a) => resolve('/compare/index.html', String(a.properties.href)));
    expect(links).toContain('/compare/plan14-a--plan14-b.html');
  });
});
