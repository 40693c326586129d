/**
 * The term index, the term pages and the related clauses of the built site, read as files
 * against the open data (data/terms.json, data/clauses.json). Reads the shared built site
 * (support/site.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { parsedHtml } from './support/parsed-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord } from '../../src/model';
import { sharedSite, SKIP_E2E } from './support/site';

let SITE = '';

interface TermRecord {
  term: string;
  url: string;
  clauses: string[];
}

const classes = (el: Element): string[] => (el.properties.className as string[] | undefined) ?? [];
const textOf = (node: Element | Root): string => {
  let s = '';
  visit(node, (n) => {
    if (n.type === 'text') s += n.value;
  });
  return s;
};
const all = (tree: Element | Root, test: (el: Element) => boolean): Element[] => {
  const hits: Element[] = [];
  visit(tree, 'element', (el) => {
    if (test(el)) hits.push(el);
  });
  return hits;
};
const byClass = (tree: Element | Root, name: string) => all(tree, (el) => classes(el).includes(name));
/** The site-relative path a relative link of the page at `from` leads to (without query or fragment). */
const resolve = (from: string, href: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), href.replace(/[?#].*$/, '')));
const hrefs = (el: Element | Root) => all(el, (a) => a.tagName === 'a').map((a) => String(a.properties.href));

describe.skipIf(SKIP_E2E)('the term index and related clauses in the built site', () => {
  let terms: TermRecord[] = [];
  let clauses: ClauseRecord[] = [];
  let clauseById: Map<string, ClauseRecord>;
  const page = (url: string): Root => parsedHtml(path.join(SITE, url));

  beforeAll(() => {
    SITE = sharedSite();
    terms = JSON.parse(readFileSync(path.join(SITE, 'data/terms.json'), 'utf8'));
    clauses = JSON.parse(readFileSync(path.join(SITE, 'data/clauses.json'), 'utf8'));
    clauseById = new Map(clauses.map((c) => [c.id, c]));
  });

  it('publish data/terms.json as the contract says: terms with the ids of the clauses using them', () => {
    expect(terms.length).toBeGreaterThan(100);
    for (const t of terms) {
      expect(Object.keys(t).sort()).toEqual(['clauses', 'term', 'url']);
      expect(t.clauses.length, t.term).toBeGreaterThan(0);
      for (const id of t.clauses) expect(clauseById.has(id), `${t.term}: ${id}`).toBe(true);
      expect(existsSync(path.join(SITE, t.url)), t.url).toBe(true);
    }
  });

  it('list on the index page every term of data/terms.json, in its order, with its number of clauses', () => {
    const tree = page('/terms/index.html');
    const items = all(tree, (el) => el.tagName === 'li' && el.children.some((c) => c.type === 'element' && c.tagName === 'a')).filter(
      (li) => byClass(li, 'term-count').length > 0,
    );
    expect(items.map((li) => resolve('/terms/index.html', hrefs(li)[0]))).toEqual(terms.map((t) => t.url));
    expect(items.map((li) => textOf(byClass(li, 'term-count')[0]).replace(/\D/g, ''))).toEqual(terms.map((t) => String(t.clauses.length)));
    const jumps = hrefs(byClass(tree, 'term-initials')[0]);
    for (const href of jumps)
      expect(
        all(tree, (el) => el.properties.id === href.slice(1)),
        href,
      ).toHaveLength(1);
  });

  it('show on each term page every clause using it, linked, with its sentence as printed and the term marked', () => {
    for (const t of terms) {
      const tree = page(t.url);
      expect(textOf(all(tree, (el) => el.tagName === 'h1')[0])).toBe(t.term);
      const uses = byClass(tree, 'term-uses').flatMap((ol) => ol.children.filter((n): n is Element => n.type === 'element'));
      expect(uses.map((li) => resolve(t.url, hrefs(li)[0]))).toEqual(t.clauses.map((id) => clauseById.get(id)!.url));
      uses.forEach((li, i) => {
        const c = clauseById.get(t.clauses[i])!;
        const sentence = textOf(byClass(li, 'term-sentence')[0]);
        expect(`${c.heading ?? ''}\n${c.text}`, t.url).toContain(sentence);
        const marks = all(li, (el) => el.tagName === 'mark').map((m) => textOf(m));
        expect(marks.length, `${t.term} in ${c.id}`).toBeGreaterThan(0);
        for (const m of marks) expect(m.replace(/、/g, ''), t.url).toBe(t.term);
      });
    }
  });

  it('keep the page of a published term that is no longer indexed (参加), saying so, outside the index and data/terms.json', () => {
    const published = readFileSync(path.join(process.cwd(), 'content/published-terms.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t') as [string, string]);
    const indexed = new Set(terms.map((t) => t.url));
    const retired = published.filter(([id]) => !indexed.has(`/terms/${id}.html`));
    expect(retired.map(([, term]) => term)).toEqual(expect.arrayContaining(['参加', '标准', '全国', '年度', '领导', '特别']));
    const indexPage = readFileSync(path.join(SITE, 'terms/index.html'), 'utf8');
    for (const [id, term] of retired) {
      const url = `/terms/${id}.html`;
      expect(existsSync(path.join(SITE, url)), `${term}: ${url}`).toBe(true);
      expect(indexPage.includes(`${id}.html`), `${term} linked from the index`).toBe(false);
      const tree = page(url);
      expect(textOf(all(tree, (el) => el.tagName === 'h1')[0])).toBe(term);
      expect(textOf(byClass(tree, 'term-retired')[0])).toContain('不再把它列为术语');
      expect(
        hrefs(tree).some((h) => h.includes('search/index.html?q=')),
        url,
      ).toBe(true);
      expect(byClass(tree, 'term-uses').length, url).toBeGreaterThan(0);
    }
  });

  it('link each clause to its related clauses as data/clauses.json lists them, with the shared key terms', () => {
    let shown = 0;
    for (const c of clauses) {
      const related = c.links.filter((l) => l.rel === 'related').map((l) => clauseById.get(l.id)!.url);
      const section = byClass(page(c.url), 'related-links')[0];
      if (related.length === 0) {
        expect(section, c.url).toBeUndefined();
        continue;
      }
      shown++;
      const items = byClass(section, 'related-list')[0].children.filter((n): n is Element => n.type === 'element');
      expect(
        items.map((li) => resolve(c.url, hrefs(li)[0])),
        c.url,
      ).toEqual(related);
      for (const li of items) expect(textOf(byClass(li, 'related-reason')[0])).toMatch(/^共同关键词：\S+(、\S+)+$/);
    }
    expect(shown).toBeGreaterThan(clauses.length / 3);
  });

  it('link a keyword of a clause to its term page where there is one, and to the search otherwise', () => {
    const termUrl = new Map(terms.map((t) => [t.term, t.url]));
    for (const c of clauses.slice(0, 60)) {
      const links = all(byClass(page(c.url), 'keywords')[0] ?? ({ type: 'root', children: [] } as Root), (el) => el.tagName === 'a');
      for (const a of links) {
        const word = textOf(a);
        const href = String(a.properties.href);
        const url = termUrl.get(word);
        if (url) expect(resolve(c.url, href), `${word} on ${c.url}`).toBe(url);
        else expect(href, `${word} on ${c.url}`).toMatch(/search\/index\.html\?q=/);
      }
    }
  });
});
