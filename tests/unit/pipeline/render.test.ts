import { describe, expect, it } from 'vitest';
import type { Clause, Text } from '../../../src/model';
import { renderClauseBody } from '../../../src/pipeline/render';

const t = (value: string): Text => ({ type: 'text', value, spans: [] });
const clause: Clause = {
  type: 'clause', key: '1', marker: t('1.'), number: '1', line: 1,
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
