import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { Clause, Text } from '../../../src/model';
import { renderClauseBody } from '../../../src/site/render';

const t = (value: string): Text => ({ type: 'text', value, spans: [] });
const clause: Clause = {
  type: 'clause',
  key: '1',
  marker: t('1.'),
  number: '1',
  line: 1,
  children: [
    { type: 'paragraph', children: [t('甲<b>乙</b>&丙')] },
    { type: 'field', label: '牵头单位', separator: '：', items: ['组织部'], value: t('组织部'), labelText: t('牵头单位：') },
  ],
};

describe('clause bodies', () => {
  it('anchor every block as p1, p2… with a link to itself', () => {
    const html = renderClauseBody(clause);
    expect(html).toMatch(/<p id="p1"><a class="para-link" href="#p1"[^>]*><\/a>/);
    expect(html).toMatch(/<p class="field" id="p2"><a class="para-link" href="#p2"/);
  });

  it('prefix anchors and their links where several bodies share a page', () => {
    const html = renderClauseBody(clause, { idPrefix: 'c7-' });
    expect(html).toContain('id="c7-p1"');
    expect(html).toContain('href="#c7-p2"');
    expect(html).not.toContain('id="p1"');
  });

  it('escape source text, so markup in it is shown, never run', () => {
    expect(renderClauseBody(clause)).toContain('甲&#x3C;b>乙&#x3C;/b>&#x26;丙');
  });
});

describe('mention links in clause bodies', () => {
  const notice: Clause = {
    type: 'clause',
    key: '0',
    marker: null,
    number: null,
    line: 1,
    children: [
      { type: 'paragraph', children: [t('现将《甲意见》（鲁会〔2014〕79号）转发。又见鲁会〔2014〕79号附件。')] },
      { type: 'paragraph', children: [t('落实《<script>alert(1)</script>》')] },
      { type: 'field', label: '依据', separator: '：', items: ['《甲意见》'], value: t('《甲意见》'), labelText: t('依据：') },
    ],
  };
  const cites = [
    { text: '《甲意见》', url: '/opinion/index.html' },
    { text: '鲁会〔2014〕79号', url: '/opinion/index.html' },
    { text: '《<script>alert(1)</script>》', url: '/other/1.html' },
  ];
  const from = '/notice/2/3.html';
  const textOf = (html: string) => {
    let s = '';
    visit(fromHtml(html, { fragment: true }), 'text', (n) => void (s += n.value));
    return s;
  };
  const citeLinks = (html: string) => [...html.matchAll(/<a class="cite" href="([^"]*)">(.*?)<\/a>/g)].map((m) => ({ href: m[1], html: m[2] }));

  it('keep every character of the text when mentions become links', () => {
    const linked = renderClauseBody(notice, { from, cites });
    expect(citeLinks(linked).length).toBe(5);
    expect(textOf(linked)).toBe(textOf(renderClauseBody(notice)));
  });

  it('link every occurrence of a mention, relative to the page the body is shown on', () => {
    expect(citeLinks(renderClauseBody(notice, { from, cites })).map((l) => l.href)).toEqual([
      '../../opinion/index.html',
      '../../opinion/index.html',
      '../../opinion/index.html',
      '../../other/1.html',
      '../../opinion/index.html',
    ]);
  });

  it('keep markup in a mention as text inside its link', () => {
    const html = renderClauseBody(notice, { from, cites });
    expect(html).not.toContain('<script>');
    expect(citeLinks(html)[3].html).toBe('《&#x3C;script>alert(1)&#x3C;/script>》');
  });

  it('link nothing without the page the body is shown on', () => {
    expect(renderClauseBody(notice, { cites })).toBe(renderClauseBody(notice));
  });

  it('link the longest mention where mentions overlap', () => {
    const html = renderClauseBody(notice, { from, cites: [...cites, { text: '鲁会〔2014〕79号附件', url: '/annex/index.html' }] });
    expect(citeLinks(html).map((l) => l.html)).toContain('鲁会〔2014〕79号附件');
    expect(textOf(html)).toBe(textOf(renderClauseBody(notice)));
  });
});

describe('article bodies', () => {
  const article: Clause = {
    type: 'clause',
    key: '12',
    marker: t('第十二条 '),
    number: '第十二条',
    system: 'article',
    line: 1,
    children: [
      { type: 'paragraph', children: [t('第一款。')] },
      { type: 'paragraph', item: '（一）', children: [t('（一）甲；')] },
      { type: 'paragraph', item: '（二）', children: [t('（二）乙。')] },
      { type: 'paragraph', children: [t('第二款。')] },
    ],
  };
  const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  const labels = (html: string) => [...html.matchAll(/class="para-link"[^>]* aria-label="([^"]+)"/g)].map((m) => m[1]);

  it('anchor an article’s 款 as p{k} and its items as p{k}-{j}', () => {
    expect(ids(renderClauseBody(article))).toEqual(['p1', 'p1-1', 'p1-2', 'p2']);
    expect(ids(renderClauseBody(article, { idPrefix: 'c12-' }))).toEqual(['c12-p1', 'c12-p1-1', 'c12-p1-2', 'c12-p2']);
  });

  it('name an article’s ¶ links by 款 and 项', () => {
    expect(labels(renderClauseBody(article))).toEqual(['第一款的链接', '第一款第（一）项的链接', '第一款第（二）项的链接', '第二款的链接']);
  });

  it('name the ¶ links of other clauses by paragraph, as before', () => {
    expect(labels(renderClauseBody(clause))).toEqual(['第一段的链接', '第二段的链接']);
  });
});

describe('copy buttons of paragraphs', () => {
  const article: Clause = {
    type: 'clause',
    key: '12',
    marker: t('第十二条 '),
    number: '第十二条',
    system: 'article',
    line: 1,
    children: [
      { type: 'paragraph', children: [t('第一款。')] },
      { type: 'paragraph', item: '（三）', children: [t('（三）丙。')] },
      { type: 'paragraph', children: [t('第二款。')] },
    ],
  };
  const copy = { url: 'https://x.org/law/12.html', citation: '《中华人民共和国工会法》第十二条' };
  const buttons = (html: string) => [...html.matchAll(/<button[^>]*data-copy-kind="([^"]+)"[^>]* data-copy="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  const attributes = (html: string) =>
    [...html.matchAll(/<button([^>]*)>/g)].map((m) => Object.fromEntries([...m[1].matchAll(/ (data-copy[\w-]*)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
  const textOf = (html: string) => {
    let s = '';
    visit(fromHtml(html, { fragment: true }), 'text', (n) => void (s += n.value));
    return s;
  };

  it('give each paragraph its link and its citation', () => {
    expect(buttons(renderClauseBody(article, { copy }))).toEqual([
      ['link', 'https://x.org/law/12.html#p1'],
      ['citation', '《中华人民共和国工会法》第十二条第一款 https://x.org/law/12.html#p1'],
      ['link', 'https://x.org/law/12.html#p1-1'],
      ['citation', '《中华人民共和国工会法》第十二条第一款第（三）项 https://x.org/law/12.html#p1-1'],
      ['link', 'https://x.org/law/12.html#p2'],
      ['citation', '《中华人民共和国工会法》第十二条第二款 https://x.org/law/12.html#p2'],
    ]);
  });

  it('without a canonical site, carry no text but their paragraph’s anchor and citation, for the page script', () => {
    expect(attributes(renderClauseBody(article, { copy: { citation: copy.citation } }))).toEqual([
      { 'data-copy-kind': 'link', 'data-copy-anchor': 'p1', 'data-copy-label': '第一款的链接' },
      { 'data-copy-kind': 'citation', 'data-copy-anchor': 'p1', 'data-copy-cite': '《中华人民共和国工会法》第十二条第一款', 'data-copy-label': '第一款的引用' },
      { 'data-copy-kind': 'link', 'data-copy-anchor': 'p1-1', 'data-copy-label': '第一款第（三）项的链接' },
      {
        'data-copy-kind': 'citation',
        'data-copy-anchor': 'p1-1',
        'data-copy-cite': '《中华人民共和国工会法》第十二条第一款第（三）项',
        'data-copy-label': '第一款第（三）项的引用',
      },
      { 'data-copy-kind': 'link', 'data-copy-anchor': 'p2', 'data-copy-label': '第二款的链接' },
      { 'data-copy-kind': 'citation', 'data-copy-anchor': 'p2', 'data-copy-cite': '《中华人民共和国工会法》第十二条第二款', 'data-copy-label': '第二款的引用' },
    ]);
  });

  it('sit inside their paragraph, hidden until the script sets them up, with no text of their own', () => {
    const html = renderClauseBody(article, { copy });
    expect(html).toMatch(
      /<p id="p2">.*<span class="para-copy" data-copy-group="" data-pagefind-ignore="" hidden><button[^>]*><\/button><button[^>]*><\/button><\/span><\/p>$/,
    );
    expect(textOf(html)).toBe(textOf(renderClauseBody(article)));
  });

  it('go inside a figure’s caption, so the figure’s lines stay as they were', () => {
    const figure: Clause = {
      type: 'clause',
      key: '0',
      marker: null,
      number: null,
      line: 1,
      children: [{ type: 'figure', caption: t('图1'), credit: t('摄影：甲') }],
    };
    expect(renderClauseBody(figure, { copy: { ...copy, citation: '《论文》引言' } })).toMatch(/<figcaption>图1<span class="para-copy"/);
  });

  it('are left out unless asked for', () => {
    expect(renderClauseBody(article)).not.toContain('para-copy');
  });
});
