import { describe, expect, it } from 'vitest';
import { ELLIPSIS, type Segment, makeExcerpt, markSegments } from '../../../../src/browser/search/excerpt';

const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
/** The excerpt's text without its ellipses. */
const inner = (segments: Segment[]) =>
  segments
    .filter((s) => !s.ellipsis)
    .map((s) => s.text)
    .join('');

// A long paragraph of the kind the library holds (about 240 characters).
const LONG =
  '依法推动各类企业、机关、事业单位普遍建立工会组织。会员25人以上单位应当单独建立基层工会委员会，25人以下单位一般通过联合基层工会实现组织覆盖。' +
  '要按时换届，严格履行民主程序，依法选举工会委员会和经费审查委员会。女会员10人以上单位应建立女职工委员会，不足10人的设女职工委员；女职工委员会与工会委员会同时建立。' +
  '基层工会要建立健全各项组织制度和工作制度，自觉接受工会会员和会员代表的监督。符合条件的基层工会，依法取得法人资格。';

const rangeOf = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`${needle} not in text`);
  return { start, end: start + needle.length };
};

describe('excerpts', () => {
  it('shows a short paragraph whole, with its matches marked and no ellipsis', () => {
    const text = '以建设职工之家为载体，推进会、站、家一体化建设。';
    const { segments } = makeExcerpt(text, [rangeOf(text, '职工之家')]);
    expect(plain(segments)).toBe(text);
    expect(marked(segments)).toEqual(['职工之家']);
    expect(segments.some((s) => s.ellipsis)).toBe(false);
  });

  it('cuts a long paragraph to a window of 60 to 90 characters around the first match', () => {
    const r = rangeOf(LONG, '经费审查委员会');
    const { segments, start, end } = makeExcerpt(LONG, [r]);
    expect(end - start).toBeGreaterThanOrEqual(60);
    expect(end - start).toBeLessThanOrEqual(90);
    expect(start).toBeLessThanOrEqual(r.start);
    expect(end).toBeGreaterThanOrEqual(r.end);
    expect(marked(segments)).toEqual(['经费审查委员会']);
  });

  it('puts an ellipsis exactly where the text was cut', () => {
    const middle = makeExcerpt(LONG, [rangeOf(LONG, '经费审查委员会')]);
    expect(middle.segments[0]).toEqual({ text: ELLIPSIS, ellipsis: true });
    expect(middle.segments[middle.segments.length - 1]).toEqual({ text: ELLIPSIS, ellipsis: true });

    const opening = makeExcerpt(LONG, [rangeOf(LONG, '企业')]);
    expect(opening.start).toBe(0);
    expect(opening.segments[0].ellipsis).toBeUndefined();
    expect(opening.segments[opening.segments.length - 1].ellipsis).toBe(true);

    const closing = makeExcerpt(LONG, [rangeOf(LONG, '法人资格')]);
    expect(closing.end).toBe(LONG.length);
    expect(closing.segments[closing.segments.length - 1].ellipsis).toBeUndefined();
    expect(closing.end - closing.start).toBeGreaterThanOrEqual(60);
    expect(LONG[closing.start - 1], 'the closing window begins a sentence').toMatch(/[。；]/);
  });

  it('copies the raw text between the ellipses unchanged, with no inserted spaces', () => {
    const { segments, start, end } = makeExcerpt(LONG, [rangeOf(LONG, '女职工委员会'), rangeOf(LONG, '工会委员会', LONG.indexOf('女职工委员会与'))]);
    expect(inner(segments)).toBe(LONG.slice(start, end));
    expect(inner(segments)).not.toMatch(/ /);
  });

  it('starts at the beginning of the sentence of the first match when it is close', () => {
    const r = rangeOf(LONG, '严格履行民主程序');
    const { start } = makeExcerpt(LONG, [r]);
    expect(LONG.slice(start, r.start)).toBe('要按时换届，');
    expect(LONG[start - 1]).toBe('。');
  });

  it('marks every match inside the window and none outside it', () => {
    const ranges = [...LONG.matchAll(/工会委员会/g)].map((m) => ({ start: m.index!, end: m.index! + 5 }));
    expect(ranges.length).toBeGreaterThan(2);
    const { segments, start, end } = makeExcerpt(LONG, ranges);
    const inside = ranges.filter((r) => r.start >= start && r.end <= end).length;
    expect(marked(segments).length).toBe(inside);
    expect(marked(segments).every((m) => m === '工会委员会')).toBe(true);
  });

  it('keeps a long match whole', () => {
    const r = { start: 10, end: 95 };
    const { start, end, segments } = makeExcerpt(LONG, [r]);
    expect(start).toBeLessThanOrEqual(10);
    expect(end).toBeGreaterThanOrEqual(95);
    expect(marked(segments)).toEqual([LONG.slice(10, 95)]);
  });

  it('never splits a character outside the basic plane', () => {
    const text = '𠮷'.repeat(120); // 240 UTF-16 units
    const { start, end, segments } = makeExcerpt(text, [{ start: 100, end: 102 }]);
    expect(start % 2).toBe(0);
    expect(end % 2).toBe(0);
    expect(inner(segments)).toBe(text.slice(start, end));
  });

  it('shows the opening of a paragraph without matches', () => {
    const { segments, start } = makeExcerpt(LONG, []);
    expect(start).toBe(0);
    expect(marked(segments)).toEqual([]);
    expect(inner(segments).length).toBeLessThanOrEqual(90);
    expect(LONG.startsWith(inner(segments))).toBe(true);
  });

  it('splits a heading into plain and marked text without cutting it', () => {
    const heading = '深化职工之家建设。';
    const segments = markSegments(heading, [rangeOf(heading, '职工之家')]);
    expect(segments).toEqual([{ text: '深化' }, { text: '职工之家', mark: true }, { text: '建设。' }]);
  });
});
