import { describe, expect, it } from 'vitest';
import type { Clause, ClauseContent, Text } from '../../../src/model';
import { lineAnchor } from '../../../src/browser/anchors';
import { paragraphAnchors, paragraphPlaces, publishedAnchors } from '../../../src/pipeline/anchors';
import { anchorLinkLabel } from '../../../src/site/paragraphs';

const t = (value: string): Text => ({ type: 'text', value, spans: [] });
const para = (value: string, item?: string): ClauseContent => ({ type: 'paragraph', children: [t(value)], ...(item ? { item } : {}) });
const article = (...children: ClauseContent[]): Clause => ({
  type: 'clause',
  key: '12',
  marker: t('第十二条 '),
  number: '第十二条',
  system: 'article',
  line: 1,
  children,
});

/** 第十二条: 款 1 with items （一）（二）, 款 2, 款 3 with item （一）. */
const twelve = article(
  para('县级以上地方建立地方各级总工会。'),
  para('（一）甲；', '（一）'),
  para('（二）乙。', '（二）'),
  para('同一企业、事业单位中的会员，组织在一个基层工会组织中。'),
  para('工会依照下列规定：'),
  para('（一）丙。', '（一）'),
);

describe('paragraph anchors', () => {
  it('number an article’s 款 p1, p2, … and each item p{款}-{its ordinal within the 款}', () => {
    expect(paragraphAnchors(twelve)).toEqual(['p1', 'p1-1', 'p1-2', 'p2', 'p3', 'p3-1']);
  });

  it('number the blocks of any other clause p1…pN, fields included, as before', () => {
    const plain: Clause = {
      type: 'clause',
      key: '1',
      marker: t('1.'),
      number: '1',
      line: 1,
      children: [
        para('甲'),
        para('（一）乙', '（一）'),
        { type: 'field', label: '牵头单位', separator: '：', items: ['组织部'], value: t('组织部'), labelText: t('牵头单位：') },
      ],
    };
    expect(paragraphAnchors(plain)).toEqual(['p1', 'p2', 'p3']);
  });

  it('count the items of each 款 from one again, whatever their printed numbers', () => {
    const odd = article(para('甲'), para('（三）乙', '（三）'), para('丙'), para('（五）丁', '（五）'), para('（六）戊', '（六）'));
    expect(paragraphAnchors(odd)).toEqual(['p1', 'p1-1', 'p2', 'p2-1', 'p2-2']);
  });

  it('put an item printed before any 款 under the first', () => {
    expect(paragraphAnchors(article(para('（一）甲', '（一）'), para('乙')))).toEqual(['p1-1', 'p1']);
  });

  it('are published only where they differ from p1…pN', () => {
    expect(publishedAnchors(twelve)).toEqual(['p1', 'p1-1', 'p1-2', 'p2', 'p3', 'p3-1']);
    expect(publishedAnchors(article(para('甲'), para('乙')))).toBeUndefined();
    expect(publishedAnchors({ children: [para('甲')] })).toBeUndefined();
  });

  it('give the anchor of a text line from the published anchors, or p{line+1} without them', () => {
    expect(lineAnchor(['p1', 'p1-1', 'p2'], 1)).toBe('p1-1');
    expect(lineAnchor(undefined, 1)).toBe('p2');
  });
});

describe('the names of paragraph links', () => {
  const places = paragraphPlaces(twelve);

  it('call an article’s 款 第N款 and its items 第N款第（三）项', () => {
    expect(places.map(anchorLinkLabel)).toEqual([
      '第一款的链接',
      '第一款第（一）项的链接',
      '第一款第（二）项的链接',
      '第二款的链接',
      '第三款的链接',
      '第三款第（一）项的链接',
    ]);
  });

  it('call the blocks of other clauses 第N段, as before', () => {
    expect(paragraphPlaces({ children: [para('甲'), para('乙')] }).map(anchorLinkLabel)).toEqual(['第一段的链接', '第二段的链接']);
  });

  it('drop the punctuation after an item number printed as 1.', () => {
    expect(anchorLinkLabel(paragraphPlaces(article(para('甲'), para('1.乙', '1.')))[1]!)).toBe('第一款第1项的链接');
  });
});
