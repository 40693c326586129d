/**
 * Properties of the parser on any text, however odd: texts made at random from the pieces
 * official texts are built of (markers of every numbering system, headings, markdown and
 * comments, 文号, dates, fields, quotations, line breaks) must parse without an error, lose no
 * character, use none twice, and give every clause an id of its own.
 */
import { describe, expect, it } from 'vitest';
import { placeClauses } from '../../../src/pipeline/ids';
import { parseSource } from '../../../src/pipeline/parse';
import { textsOf } from './helpers';

const PIECES = [
  '第一章',
  '第二章 总则',
  '第一条 ',
  '第三条',
  '一、',
  '（一）',
  '(二)',
  '1.',
  '2、',
  '（1）',
  '①',
  '一是',
  '# 标题',
  '## 小节',
  '<!-- x -->',
  '附件',
  '附录：',
  '某某文件',
  '鲁会〔2014〕79号',
  '2014年12月8日',
  '（此件公开发布）',
  '牵头单位：组织部',
  '（财政部负责）',
  '“引文开始',
  '引文结束。”',
  '正文内容。',
  '标题',
  '各单位：',
  '\t',
  '\n',
  '\n\n',
  '  ',
  '总 则',
  '。',
  '：',
  '(上接第2版)',
  '具体指标\t发展目标',
  '1.指标\t目标',
];

/** A text of random pieces, from a seeded generator (the same texts on every run). */
function texts(count: number, seed = 7): string[] {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  return Array.from({ length: count }, () => {
    let s = '';
    for (let k = 1 + next(40); k > 0; k--) s += PIECES[next(PIECES.length)] + (next(3) === 0 ? '\n' : '');
    return s;
  });
}

const nonSpace = (s: string) => s.replace(/\s/g, '');

describe('the parser on 3,000 random texts', () => {
  const cases = texts(3000);

  it('keeps every character that is not whitespace, once, in source order', () => {
    for (const s of cases) {
      const { tree } = parseSource('random.txt', s);
      const spans = tree.children
        .flatMap(textsOf)
        .flatMap((t) => t.spans)
        .sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i].start, JSON.stringify(s)).toBeGreaterThanOrEqual(spans[i - 1].end);
      expect(nonSpace(spans.map((sp) => s.slice(sp.start, sp.end)).join('')), JSON.stringify(s)).toBe(nonSpace(s));
    }
  });

  it('gives every clause of a document an id of its own', () => {
    for (const s of cases) {
      const { tree } = parseSource('random.txt', s);
      for (const doc of tree.children) {
        const ids = placeClauses(doc, 'doc').map((p) => p.id);
        expect(new Set(ids).size, JSON.stringify(s)).toBe(ids.length);
      }
    }
  });
});
