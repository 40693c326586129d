import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../../scripts/bench/fold';
import { createRng } from '../../../scripts/bench/rng';
import {
  HAND_SEPARATED,
  SEPARATORS,
  type CorpusClause,
  generateQueries,
  makeCorpus,
  relevantIds,
  separatedQueries,
  standApart,
  wordSplits,
} from '../../../scripts/bench/queries';

const CLAUSES: CorpusClause[] = [
  { id: 'a/1', url: '/a/1.html', text: '加强工会组织建设，健全基层工会。' },
  { id: 'a/2', url: '/a/2.html', text: '把职工组织到工会中来。' },
  { id: 'a/3', url: '/a/3.html', heading: '基层', text: '发挥工会作用，协调劳动关系。' },
  { id: 'a/4', url: '/a/4.html', text: '劳动者的社会关系。第四十五条，2014年。' },
  { id: 'a/5', url: '/a/5.html', text: '完善组织机构。' },
  { id: 'a/6', url: '/a/6.html', text: '机构改革要依靠职工组织。' },
];
const corpus = makeCorpus(CLAUSES);
/** A toy segmenter: the longest word of a small vocabulary at each place, else one character. */
const VOCAB = [
  '工会组织',
  '基层工会',
  '劳动关系',
  '组织机构',
  '第四十五',
  '机构',
  '工会',
  '组织',
  '基层',
  '劳动',
  '关系',
  '建设',
  '职工',
  '加强',
  '健全',
  '第四',
  '十五',
];
const words = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const w = VOCAB.find((v) => text.startsWith(v, i));
    if (w) {
      out.push(w);
      i += w.length;
    } else {
      if (/\p{Script=Han}/u.test(text[i]!)) out.push(text[i]!);
      i += 1;
    }
  }
  return out;
};

describe('separated words in the benchmark', () => {
  it('are judged by each word, anywhere in the clause and in any order, not by the joined form', () => {
    expect(relevantIds({ q: '工会 组织', words: ['工会', '组织'] }, corpus)).toEqual(['a/1', 'a/2']);
    expect(relevantIds({ q: '组织　工会', words: ['组织', '工会'] }, corpus)).toEqual(['a/1', 'a/2']);
    expect(relevantIds({ q: '工会组织' }, corpus)).toEqual(['a/1']);
    // The heading counts as part of the clause, as for every class.
    expect(relevantIds({ q: '基层 工会', words: ['基层', '工会'] }, corpus)).toEqual(['a/1', 'a/3']);
  });

  it('cut a word only into words the segmenter keeps whole, numerals left out', () => {
    expect(wordSplits('工会组织', words)).toEqual([['工会', '组织']]);
    expect(wordSplits('第四十五', words)).toEqual([]);
    expect(wordSplits('工会', words)).toEqual([]);
  });

  it('are asked only where the two words also stand apart in some clause', () => {
    expect(standApart(corpus, '工会', '组织')).toBe(true);
    expect(standApart(corpus, '劳动', '关系')).toBe(true); // a/4: 劳动者的社会关系
    expect(standApart(corpus, '第四', '十五')).toBe(false); // only ever joined: 第四十五
  });

  it('are typed with a space, a full-width space or a run of spaces, and each comes from a word of its clause', () => {
    const qs = separatedQueries(corpus, createRng(7), 5, words);
    expect(qs.slice(0, HAND_SEPARATED.length).map((q) => q.words)).toEqual(HAND_SEPARATED);
    for (const q of qs) {
      expect(q.class).toBe('separated');
      const [a, b] = q.words as [string, string];
      expect(SEPARATORS).toContain(q.q.slice(a.length, q.q.length - b.length));
      if (q.origin === 'hand') continue;
      const text = CLAUSES.find((c) => c.id === q.origin)!.text;
      expect(text.includes(a + b) || text.includes(b + a)).toBe(true);
      expect(relevantIds(q, corpus)).toContain(q.origin);
    }
    expect(qs.filter((q) => q.origin !== 'hand').length).toBeGreaterThan(0);
  });

  it('are part of the seeded query set, the same for the same seed', () => {
    const options = { seed: 3, words, terms: [], toTraditional, counts: { substrings: 5, compounds: 2, terms: 0, traditional: 2, separated: 4 } };
    const pick = () =>
      generateQueries(corpus, options)
        .queries.filter((q) => q.class === 'separated')
        .map((q) => q.q);
    expect(pick().length).toBeGreaterThan(HAND_SEPARATED.length);
    expect(pick()).toEqual(pick());
  });
});
