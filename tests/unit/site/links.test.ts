/**
 * Which link a copy button gives: the canonical site (TIAOWEN_SITE, scripts/lib/site-url.mjs)
 * when the build had one, else the address the page was opened at (src/browser/site/links.ts
 * `pageLink`), and none from disk.
 */
import { describe, expect, it } from 'vitest';
import { canonicalSite, linkRule } from '../../../scripts/lib/site-url.mjs';
import * as site from '../../../src/browser/site/links';
import { citationText } from '../../../src/site/citation';
import { canonicalUrl } from '../../../src/urls';

describe('the canonical site from TIAOWEN_SITE', () => {
  it('is undefined when the variable is unset or empty', () => {
    expect(canonicalSite({})).toBeUndefined();
    expect(canonicalSite({ TIAOWEN_SITE: '  ' })).toBeUndefined();
  });

  it('ends in a slash and keeps a path', () => {
    expect(canonicalSite({ TIAOWEN_SITE: 'https://law.example.cn' })).toBe('https://law.example.cn/');
    expect(canonicalSite({ TIAOWEN_SITE: 'https://example.cn/tiaowen' })).toBe('https://example.cn/tiaowen/');
    expect(canonicalSite({ TIAOWEN_SITE: 'http://10.0.0.5:8080/lib/' })).toBe('http://10.0.0.5:8080/lib/');
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => canonicalSite({ TIAOWEN_SITE: 'law.example.cn' })).toThrow(/TIAOWEN_SITE/);
    expect(() => canonicalSite({ TIAOWEN_SITE: 'file:///srv/site/' })).toThrow(/http/);
    expect(() => canonicalSite({ TIAOWEN_SITE: 'https://x.cn/?a=1' })).toThrow(/query/);
  });

  it('is named in the line the build prints, or the rule without it', () => {
    expect(linkRule('https://x.cn/')).toBe('Links: canonical site https://x.cn/ (TIAOWEN_SITE); copied links, citations and printed permalinks start with it');
    expect(linkRule(undefined)).toMatch(/^Links: no canonical site set \(TIAOWEN_SITE\); copied links use the address a page is opened at/);
  });

  it('gives a page its canonical URL, or none without a site', () => {
    expect(canonicalUrl('https://x.cn/lib/', '/gonghuifa-2021/12.html')).toBe('https://x.cn/lib/gonghuifa-2021/12.html');
    expect(canonicalUrl(undefined, '/gonghuifa-2021/12.html')).toBeUndefined();
  });
});

describe('the link a copy button gives (site/links.ts pageLink)', () => {
  const opened = 'http://127.0.0.1:4410/gonghuifa-2021/12.html?h=%E5%B7%A5%E4%BC%9A#p1';

  it('is the canonical URL where the build had a canonical site, wherever the page was opened', () => {
    const canonical = 'https://x.cn/lib/gonghuifa-2021/12.html';
    expect(site.pageLink(canonical, opened, '')).toBe(canonical);
    expect(site.pageLink(canonical, opened, 'p2')).toBe(`${canonical}#p2`);
    expect(site.pageLink(canonical, 'file:///home/a/tiaowen/gonghuifa-2021/12.html', 'p1-3')).toBe(`${canonical}#p1-3`);
  });

  it('is the address the page was opened at, without its query and fragment, where there is none', () => {
    expect(site.pageLink(null, opened, '')).toBe('http://127.0.0.1:4410/gonghuifa-2021/12.html');
    expect(site.pageLink(undefined, opened, 'p2')).toBe('http://127.0.0.1:4410/gonghuifa-2021/12.html#p2');
    expect(site.pageLink('', 'https://intranet.example/a/b/lib/x/1.html', null)).toBe('https://intranet.example/a/b/lib/x/1.html');
  });

  it('is none from disk without a canonical site', () => {
    expect(site.pageLink(null, 'file:///home/a/tiaowen/gonghuifa-2021/12.html#p2', 'p2')).toBeNull();
  });

  it('makes the citation as the build does, and without a link the citation alone', () => {
    const link = 'http://127.0.0.1:4410/gonghuifa-2021/12.html#p2';
    const cite = '《中华人民共和国工会法》第十二条第二款';
    expect(site.copiedText('citation', cite, link)).toBe(citationText(cite, link));
    expect(site.copiedText('citation', cite, null)).toBe(cite);
    expect(site.copiedText('link', cite, link)).toBe(link);
    expect(site.copiedText('link', cite, null)).toBeNull();
  });

  it('dates a citation by the reader’s own day', () => {
    expect(site.isoDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
