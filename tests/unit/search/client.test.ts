import { describe, expect, it } from 'vitest';
import * as client from '../../../src/pages/search/_client.js';

const { siteRoot, relativeHref, bestUrl, readState, writeState, pagefindFilters } = client;

describe('search page helpers', () => {
  it('finds the site root from the search page URL, under any prefix', () => {
    expect(siteRoot('http://h/search/index.html?q=1')).toBe('/');
    expect(siteRoot('http://h/search/')).toBe('/');
    expect(siteRoot('http://h/a/b/search/index.html')).toBe('/a/b/');
  });

  it('links results relatively', () => {
    expect(relativeHref('/luhui-2014-79/1/1.html', '/')).toBe('../luhui-2014-79/1/1.html');
    expect(relativeHref('/sub/luhui-2014-79/0.html#p2', '/sub/')).toBe('../luhui-2014-79/0.html#p2');
    expect(relativeHref('/other/x.html', '/sub/')).toBe('../other/x.html');
  });

  it('links a section only where the page has several', () => {
    expect(bestUrl({ url: '/a.html', sub_results: [{ url: '/a.html', locations: [1, 2, 3] }] })).toBe('/a.html');
    expect(bestUrl({ url: '/a.html', sub_results: [{ url: '/a.html#clause-title', locations: [1, 2] }] })).toBe('/a.html');
    expect(
      bestUrl({
        url: '/a.html',
        sub_results: [
          { url: '/a.html', locations: [1, 2, 3] },
          { url: '/a.html#p1', locations: [4] },
          { url: '/a.html#p2', locations: [5, 6] },
        ],
      }),
    ).toBe('/a.html#p2');
    expect(bestUrl({ url: '/a.html' })).toBe('/a.html');
  });

  it('reads and writes the state in the query string', () => {
    const state = readState('?q=%E5%B7%A5%E4%BC%9A&kind=%E9%80%9A%E7%9F%A5&kind=%E8%AE%BA%E6%96%87&document=&x=1');
    expect(state).toEqual({ q: '工会', filters: { kind: ['通知', '论文'] } });
    expect(readState(writeState(state))).toEqual(state);
    expect(writeState({ q: '', filters: {} })).toBe('');
    expect(readState('')).toEqual({ q: '', filters: {} });
    // The query is text: nothing in it is interpreted.
    expect(readState(writeState({ q: '<img src=x>&q=1', filters: {} })).q).toBe('<img src=x>&q=1');
  });

  it('asks Pagefind for any of the chosen values within a filter', () => {
    expect(pagefindFilters({ kind: ['通知', '论文'], document: [] })).toEqual({ kind: { any: ['通知', '论文'] } });
  });

  it('shows at least 20 results at once', () => {
    expect(client.PAGE_SIZE).toBeGreaterThanOrEqual(20);
  });
});
