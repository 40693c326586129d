import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashedPath } from '../../src/integrations/assets';
import {
  absoluteUrl,
  citeFileUrl,
  clauseAnchor,
  clauseUrl,
  comparisonUrl,
  documentUrl,
  FAVICON_URL,
  isTermsUrl,
  outlineAnchor,
  relativeUrl,
  routeSlug,
  searchHref,
  TERMS_URL,
  termUrl,
  toFileUrl,
  unitUrl,
} from '../../src/urls';

describe('page URLs', () => {
  it('gives a clause page a file named after the last key of its id, in folders of the others', () => {
    expect(clauseUrl('luhui-2014-79/1/1')).toBe('/luhui-2014-79/1/1.html');
  });

  it('gives a document page the index file of a folder named after the document', () => {
    expect(documentUrl('luhui-2014-79')).toBe('/luhui-2014-79/index.html');
  });

  it('puts a document page and its clause pages under one folder, so relative links between them stay short', () => {
    expect(relativeUrl(clauseUrl('doc/1/2'), documentUrl('doc'))).toBe('../index.html');
  });

  it('puts terms, units and comparisons in folders of their own', () => {
    expect(termUrl('t1a2b')).toBe('/terms/t1a2b.html');
    expect(unitUrl('u12345678')).toBe('/units/u12345678.html');
    expect(comparisonUrl('a--b')).toBe('/compare/a--b.html');
  });

  it('names the citation files of a document by its id and the format as extension', () => {
    expect(citeFileUrl('doc', 'json')).toBe('/cite/doc.json');
    expect(citeFileUrl('doc', 'bib')).toBe('/cite/doc.bib');
  });

  it('every page URL already names a file, so toFileUrl leaves it as it is', () => {
    for (const url of [clauseUrl('d/1'), documentUrl('d'), termUrl('t'), unitUrl('u'), comparisonUrl('a--b')]) {
      expect(toFileUrl(url)).toBe(url);
    }
  });
});

describe('the site icon', () => {
  it('is the one icon in public/assets, named as the build names its hashed files, so a changed icon gets a new name', () => {
    const folder = new URL('../../public/assets/', import.meta.url);
    const name = FAVICON_URL.split('/').pop()!;
    expect(FAVICON_URL).toBe(hashedPath('/assets/favicon.svg', readFileSync(new URL(name, folder))));
    expect(readdirSync(folder).filter((f) => f.startsWith('favicon'))).toEqual([name]);
  });
});

describe('routeSlug', () => {
  it('drops the leading slash and the .html of a page URL, keeping index', () => {
    expect(routeSlug(documentUrl('doc'))).toBe('doc/index');
    expect(routeSlug(clauseUrl('doc/1/2'))).toBe('doc/1/2');
  });
});

describe('isTermsUrl', () => {
  it('counts the term index and every term page as the terms section, and nothing else', () => {
    expect(isTermsUrl(TERMS_URL)).toBe(true);
    expect(isTermsUrl(termUrl('x'))).toBe(true);
    expect(isTermsUrl(unitUrl('x'))).toBe(false);
    expect(isTermsUrl('/termsx/index.html')).toBe(false);
  });
});

describe('relativeUrl', () => {
  it('climbs out of a clause page to the document index', () => {
    expect(relativeUrl('/a/b/c.html', '/a/index.html')).toBe('../index.html');
  });

  it('links from the home page down into a document', () => {
    expect(relativeUrl('/index.html', '/luhui-2014-79/index.html')).toBe('luhui-2014-79/index.html');
  });

  it('links between siblings in the same folder by file name only', () => {
    expect(relativeUrl('/doc/1/1.html', '/doc/1/2.html')).toBe('2.html');
  });

  it('links from a deep page to the site root', () => {
    expect(relativeUrl('/doc/5/zb/1.html', '/index.html')).toBe('../../../index.html');
  });

  it('crosses into a different branch of the tree', () => {
    expect(relativeUrl('/doc/1/1.html', '/other/2/3.html')).toBe('../../other/2/3.html');
  });

  it('turns a directory target into an explicit index.html', () => {
    expect(relativeUrl('/doc/1.html', '/search/')).toBe('../search/index.html');
    expect(relativeUrl('/index.html', '/')).toBe('index.html');
  });

  it('keeps the query and the fragment of the target', () => {
    expect(relativeUrl('/doc/0.html', '/search/index.html?q=a#x')).toBe('../search/index.html?q=a#x');
    expect(relativeUrl('/doc/index.html', '/doc/1/2.html#p3')).toBe('1/2.html#p3');
  });

  it('returns just the fragment for a link within the same page', () => {
    expect(relativeUrl('/doc/index.html', '/doc/index.html#c1.1')).toBe('#c1.1');
  });

  it('names the file itself for a link to the same page without a fragment', () => {
    expect(relativeUrl('/doc/index.html', '/doc/index.html')).toBe('index.html');
  });

  it('accepts page URLs written as directories or without an extension', () => {
    expect(relativeUrl('/search/', '/index.html')).toBe('../index.html');
    expect(relativeUrl('/doc/1/1', '/doc/index.html')).toBe('../index.html');
  });

  it('never produces an absolute or directory-only URL', () => {
    const pages = ['/index.html', '/a/index.html', '/a/0.html', '/a/1/1.html', '/a/5/zb/2.html', '/404.html'];
    for (const from of pages) {
      for (const to of pages) {
        const rel = relativeUrl(from, to);
        expect(rel.startsWith('/')).toBe(false);
        expect(rel.endsWith('/')).toBe(false);
        expect(new URL(rel, `http://x${from}`).pathname).toBe(to);
      }
    }
  });
});

describe('toFileUrl', () => {
  it('completes directories and extensionless paths to file names', () => {
    expect(toFileUrl('/')).toBe('/index.html');
    expect(toFileUrl('/a/b/')).toBe('/a/b/index.html');
    expect(toFileUrl('/a/b')).toBe('/a/b.html');
    expect(toFileUrl('/data/clauses.json')).toBe('/data/clauses.json');
    expect(toFileUrl('a/')).toBe('/a/index.html');
  });
});

describe('searchHref', () => {
  it('links to the search page with the query encoded', () => {
    expect(searchHref('/doc/1/1.html', '基层工会')).toBe('../../search/index.html?q=%E5%9F%BA%E5%B1%82%E5%B7%A5%E4%BC%9A');
  });

  it('links to the bare search page when there is no query', () => {
    expect(searchHref('/index.html')).toBe('search/index.html');
  });

  it('encodes characters that would break the query string', () => {
    expect(searchHref('/index.html', 'a&b #c')).toBe('search/index.html?q=a%26b%20%23c');
  });
});

describe('absoluteUrl', () => {
  it('joins the site and a site-relative URL', () => {
    expect(absoluteUrl('https://x.org', '/a/1.html')).toBe('https://x.org/a/1.html');
    expect(absoluteUrl(new URL('https://x.org/'), '/a/1.html')).toBe('https://x.org/a/1.html');
  });

  it('keeps a path prefix of the site', () => {
    expect(absoluteUrl('https://x.org/lib/', '/a/1.html')).toBe('https://x.org/lib/a/1.html');
    expect(absoluteUrl('https://x.org/lib', '/a/1.html')).toBe('https://x.org/lib/a/1.html');
  });

  it('returns the site-relative URL when no site is configured', () => {
    expect(absoluteUrl(undefined, '/a/1.html')).toBe('/a/1.html');
  });
});

describe('anchors on the document page', () => {
  it('derive from the id below the document', () => {
    expect(clauseAnchor('luhui-2014-79/1/1', 'luhui-2014-79')).toBe('c1.1');
    expect(clauseAnchor('luhui-2014-79/0', 'luhui-2014-79')).toBe('c0');
    expect(outlineAnchor('plan/5/zb', 'plan')).toBe('s5.zb');
  });

  it('stay distinct for keys that contain hyphens', () => {
    expect(clauseAnchor('d/1/3-2', 'd')).not.toBe(clauseAnchor('d/1-3/2', 'd'));
  });
});
