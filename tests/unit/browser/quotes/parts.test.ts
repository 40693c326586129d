/** The steps of the quote check, one by one: numbers, citations, runs, chains and clipping. */
import { describe, expect, it } from 'vitest';
import { candidate, chainRuns, follow, GAP, qualifies, splitChain } from '../../../../src/browser/quotes/chain';
import { findCitations, parseNumber, passageNextTo } from '../../../../src/browser/quotes/citations';
import { buildShingles, findRuns } from '../../../../src/browser/quotes/runs';
import { clipRun, isAlternative } from '../../../../src/browser/quotes/select';
import { passageDiff } from '../../../../src/browser/quotes/diff';
import { foldWithMap } from '../../../../src/browser/fold';

describe('article numbers', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十七', 37],
    ['一百零二', 102],
    ['12', 12],
    ['１２', 12],
  ])('reads %s as %i', (s, n) => expect(parseNumber(s)).toBe(n));

  it('reads nothing from a word that is no number', () => expect(parseNumber('若干')).toBeNull());
});

describe('citations in a draft', () => {
  it('finds a title with its 文号 and article, with its span', () => {
    const draft = '依照《示例意见》（鲁会〔2014〕79号）第十二条第二款规定';
    const [c] = findCitations(draft);
    expect(c).toMatchObject({ title: '示例意见', number: '鲁会〔2014〕79号', article: 12 });
    expect(draft.slice(c!.from, c!.to)).toBe('《示例意见》（鲁会〔2014〕79号）第十二条第二款');
  });

  it('finds a 文号 followed by an article', () => {
    expect(findCitations('按照鲁会〔2014〕79号第3条')).toMatchObject([{ number: '按照鲁会〔2014〕79号', article: 3 }]);
  });

  it('finds no citation in a title without an article', () => {
    expect(findCitations('学习《示例法》的体会')).toEqual([]);
  });

  it('takes the passage that starts just after a citation, else the one that ends just before', () => {
    const passages = [
      { from: 0, to: 20 },
      { from: 30, to: 50 },
    ];
    expect(passageNextTo({ from: 24, to: 28 }, passages)).toBe(1);
    expect(passageNextTo({ from: 22, to: 23 }, [{ from: 0, to: 20 }])).toBe(0);
    expect(passageNextTo({ from: 100, to: 110 }, passages)).toBe(-1);
  });
});

describe('runs shared with the library', () => {
  it('finds each maximal run once, not once per shingle', () => {
    const text = 'abcdefgh\u0000xxabcdyy';
    const runs = findRuns('zabcdefq', text, buildShingles(text));
    expect(runs).toEqual([
      { d: 1, c: 0, len: 6 },
      { d: 1, c: 11, len: 4 },
    ]);
  });

  it('does not run across the end of a clause', () => {
    const text = 'abcd\u0000efgh';
    expect(findRuns('abcdefgh', text, buildShingles(text))).toEqual([
      { d: 0, c: 0, len: 4 },
      { d: 4, c: 5, len: 4 },
    ]);
  });
});

describe('chains of runs', () => {
  it('trims a run that overlaps the one before it and measures the gaps', () => {
    expect(follow({ d: 0, c: 0, len: 6 }, { d: 4, c: 7, len: 5 })).toEqual({ run: { d: 6, c: 9, len: 3 }, gap: 3 });
  });

  it('does not chain runs farther apart than the longest gap', () => {
    expect(follow({ d: 0, c: 0, len: 6 }, { d: 7 + GAP, c: 7, len: 5 })).toBeNull();
  });

  it('reports a chain only when it is long enough and mostly matching', () => {
    expect(qualifies(candidate(0, [{ d: 0, c: 0, len: 9 }]))).toBe(false);
    expect(qualifies(candidate(0, [{ d: 0, c: 0, len: 10 }]))).toBe(true);
    expect(
      qualifies(
        candidate(0, [
          { d: 0, c: 0, len: 5 },
          { d: 7, c: 7, len: 5 },
        ]),
      ),
    ).toBe(true);
    expect(
      qualifies(
        candidate(0, [
          { d: 0, c: 0, len: 4 },
          { d: 12, c: 12, len: 6 },
        ]),
      ),
    ).toBe(false);
  });

  it('splits a chain where a gap has grown too long', () => {
    const parts = splitChain(0, [
      { d: 0, c: 0, len: 10 },
      { d: 30, c: 30, len: 10 },
    ]);
    expect(parts.map((p) => [p.d0, p.d1])).toEqual([
      [0, 10],
      [30, 40],
    ]);
  });
});

describe('choosing passages', () => {
  it('keeps the parts of a run outside the draft ranges already taken', () => {
    expect(clipRun({ d: 0, c: 100, len: 20 }, [[5, 10]])).toEqual([
      { d: 0, c: 100, len: 5 },
      { d: 10, c: 110, len: 10 },
    ]);
  });

  it('takes the same span in another clause as an alternative, but not a part of it', () => {
    const best = candidate(0, [{ d: 0, c: 0, len: 20 }]);
    expect(isAlternative(best, candidate(1, [{ d: 0, c: 50, len: 20 }]))).toBe(true);
    expect(isAlternative(best, candidate(1, [{ d: 0, c: 50, len: 12 }]))).toBe(false);
  });
});

describe('the differences of a passage', () => {
  it('shows the clause text where they agree and both texts where they differ, punctuation kept', () => {
    const clause = '依法维护职工的合法权益。';
    const draft = '依法保障职工的合法权益';
    const a = foldWithMap(clause);
    const b = foldWithMap(draft);
    const runs = passageDiff(
      { raw: clause, folded: a.folded, start: a.start, end: a.end, from: 0, to: a.folded.length },
      { raw: draft, folded: b.folded, start: b.start, end: b.end, from: 0, to: b.folded.length },
    );
    expect(runs).toEqual([
      { op: 'equal', text: '依法' },
      { op: 'change', del: '维护', ins: '保障' },
      { op: 'equal', text: '职工的合法权益' },
    ]);
  });
});

describe('chaining keeps a whole run', () => {
  it('keeps a run whole as a passage of its own when it was cut short to follow a chain', () => {
    // 4 characters at 0 in the library, then the draft's same start as a 29-character run 7 characters on (close enough to chain).
    const runs = [
      { d: 0, c: 0, len: 4 },
      { d: 0, c: 7, len: 29 },
    ];
    const candidates = chainRuns(runs, new Int32Array(50));
    expect(candidates.map((c) => c.runs.length === 1 && c.matched === 29 && c.c0 === 7).some(Boolean)).toBe(true);
  });
});
