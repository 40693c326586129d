import { describe, expect, it } from 'vitest';
import { breadcrumbLinks } from '../../../src/site/breadcrumbs';

describe('breadcrumbLinks', () => {
  it('links every item with a page relative to the current page, keeping fragments', () => {
    expect(breadcrumbLinks('/d/1/2.html', [{ label: '文库', url: '/index.html' }, { label: '一、', url: '/d/index.html#s1' }, { label: '第二条' }])).toEqual([
      { label: '文库', href: '../../index.html', current: false },
      { label: '一、', href: '../index.html#s1', current: false },
      { label: '第二条', href: undefined, current: true },
    ]);
  });

  it('links neither an item without a page nor the last item, even when it names a URL', () => {
    expect(breadcrumbLinks('/a.html', [{ label: '部分' }, { label: '本页', url: '/a.html' }]).map((c) => c.href)).toEqual([undefined, undefined]);
  });
});
