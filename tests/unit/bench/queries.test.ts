import { describe, expect, it } from 'vitest';
import { fold, isOnlyPunctuation, toTraditional } from '../../../scripts/bench/fold';
import { createRng } from '../../../scripts/bench/rng';
import {
  clauseText,
  compoundCandidates,
  generateQueries,
  identifierQueries,
  makeCorpus,
  pickCompound,
  relevantIds,
  sampleSubstring,
  toFullWidth,
  type CorpusClause,
} from '../../../scripts/bench/queries';

const CLAUSES: CorpusClause[] = [
  { id: 'a/1', url: '/a/1.html', heading: '加强基层工会建设', text: '各级工会要加强职工之家建设，推进会、站、家一体化。\n开通12351职工服务热线。' },
  { id: 'a/2', url: '/a/2.html', text: '根据《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）精神，开展集体协商指导员培训。' },
  { id: 'a/3', url: '/a/3.html', text: '充分利用网站、微博、微信、QQ群等现代传媒手段，推出28个VR工会展馆，累计访问量达1.5亿人次。' },
  { id: 'b/1', url: '/b/1.html', heading: '农民工', text: '依法维护农民工合法权益，重点解决农民工欠薪问题，建立健全欠薪保障机制。' },
  { id: 'b/2', url: '/b/2.html', text: '深化集体协商，提高集体合同质量。加强劳动法律监督，发挥工会劳动保护监督检查员作用。' },
  { id: 'b/3', url: '/b/3.html', text: '职工书屋、职工之家和户外劳动者服务站点覆盖所有乡镇（街道）。' },
];
const corpus = makeCorpus(CLAUSES);
const TERMS = ['职工之家', '会站家', '集体协商', '集体合同', '农民工', '劳动法律监督', '职工书屋', '不在语料里的词'];
/** A toy segmenter: two characters a word, punctuation dropped. */
const words = (text: string) => text.split(/[\p{P}\p{S}\s]+/u).flatMap((run) => run.match(/.{1,2}/gu) ?? []);
const options = (seed: number) => ({ seed, words, terms: TERMS, toTraditional, counts: { substrings: 30, compounds: 8, terms: 5, traditional: 9 } });

describe('ground truth', () => {
  it('is the clauses whose folded heading and text contain the folded query', () => {
    expect(relevantIds({ q: '职工之家' }, corpus)).toEqual(['a/1', 'b/3']);
    expect(relevantIds({ q: '会站家' }, corpus)).toEqual(['a/1']);
    expect(relevantIds({ q: '鲁会[2014]79号' }, corpus)).toEqual(['a/2']);
    expect(relevantIds({ q: '１２３５１' }, corpus)).toEqual(['a/1']);
    expect(relevantIds({ q: 'qq群' }, corpus)).toEqual(['a/3']);
  });

  it('counts the heading as part of the clause', () => {
    expect(clauseText(CLAUSES[0]!)).toContain('加强基层工会建设');
    expect(relevantIds({ q: '基层工会建设' }, corpus)).toEqual(['a/1', 'a/2']);
  });

  it('takes the simplified original of a traditional query, not the query', () => {
    expect(relevantIds({ q: '集體協商', truth: '集体协商' }, corpus)).toEqual(['a/2', 'b/2']);
  });

  it('needs every word of a compound, anywhere in the clause', () => {
    expect(relevantIds({ q: '农民工欠薪', words: ['农民工', '欠薪'] }, corpus)).toEqual(['b/1']);
    expect(relevantIds({ q: '集体协商指导员培训', words: ['集体协商', '指导员', '培训'] }, corpus)).toEqual(['a/2']);
  });

  it('is empty for a query that folds to nothing', () => {
    expect(relevantIds({ q: '、、' }, corpus)).toEqual([]);
  });
});

describe('query generation', () => {
  it('gives the same query set for the same seed', () => {
    expect(generateQueries(corpus, options(5))).toEqual(generateQueries(corpus, options(5)));
  });

  it('gives other samples for another seed', () => {
    const a = generateQueries(corpus, options(5))
      .queries.filter((q) => q.class === 'substrings')
      .map((q) => q.q);
    const b = generateQueries(corpus, options(6))
      .queries.filter((q) => q.class === 'substrings')
      .map((q) => q.q);
    expect(a).not.toEqual(b);
  });

  it('samples substrings of 2 to 6 characters that occur, never across a line and never of punctuation only', () => {
    const subs = generateQueries(corpus, options(9)).queries.filter((q) => q.class === 'substrings');
    expect(subs.length).toBe(30);
    for (const q of subs) {
      expect([...q.q].length).toBeGreaterThanOrEqual(2);
      expect([...q.q].length).toBeLessThanOrEqual(6);
      expect(q.q).not.toMatch(/\n/);
      expect(isOnlyPunctuation(q.q)).toBe(false);
      expect(clauseText(CLAUSES.find((c) => c.id === q.origin)!)).toContain(q.q);
    }
    expect(new Set(subs.map((q) => q.q)).size).toBe(subs.length);
  });

  it('rejects a sample that runs past the end of its clause', () => {
    const texts = ['工会'];
    // Always start at the last character: a sample of ≥ 2 characters cannot fit.
    const rng = { ...createRng(1), next: () => 0.99 };
    expect(sampleSubstring(texts, [2], rng)).toBeNull();
  });

  it('builds compounds from two non-adjacent words of one clause, typed together', () => {
    const ws = ['农民', '工欠', '薪问', '题', '保障', '机制'];
    expect(compoundCandidates(ws).map((c) => c.word)).toEqual(['农民', '工欠', '薪问', '保障', '机制']);
    const folded = fold(ws.join(''));
    for (let seed = 0; seed < 50; seed++) {
      const pair = pickCompound(ws, folded, createRng(seed));
      if (!pair) continue;
      const [a, b] = pair as [string, string];
      expect(ws.indexOf(b) - ws.indexOf(a)).toBeGreaterThan(1);
      expect(folded.includes(a + b)).toBe(false);
    }
  });

  it('gives every generated compound a ground truth that holds for its own clause', () => {
    const compounds = generateQueries(corpus, options(3)).queries.filter((q) => q.class === 'compounds');
    expect(compounds.length).toBeGreaterThan(0);
    for (const q of compounds) {
      expect(q.words!.join('')).toBe(q.q);
      if (q.origin !== 'hand') expect(relevantIds(q, corpus)).toContain(q.origin);
    }
  });

  it('writes each document number found with every kind of bracket', () => {
    const qs = identifierQueries(corpus).map((q) => q.q);
    expect(qs).toEqual(
      expect.arrayContaining(['鲁会〔2014〕79号', '鲁会[2014]79号', '鲁会(2014)79号', '鲁会（2014）79号', '鲁会【2014】79号', '鲁会201479号']),
    );
    expect(qs).toEqual(expect.arrayContaining(['12351', toFullWidth('12351'), 'QQ', 'VR']));
  });

  it('sets apart candidate queries that occur in no clause', () => {
    const { queries, dropped } = generateQueries(corpus, options(1));
    expect(dropped.map((q) => q.q)).toEqual(expect.arrayContaining(['临会办〔2014〕99号', '2095-7416', 'D412.6']));
    for (const q of queries) expect(relevantIds(q, corpus).length).toBeGreaterThan(0);
    expect(queries.some((q) => q.q === '不在语料里的词')).toBe(false);
  });

  it('writes traditional queries that differ from their simplified truth', () => {
    const trad = generateQueries(corpus, options(2)).queries.filter((q) => q.class === 'traditional');
    expect(trad.length).toBeGreaterThan(0);
    for (const q of trad) {
      expect(q.q).not.toBe(q.truth);
      expect(fold(q.q)).toBe(fold(q.truth!));
    }
  });

  it('types folding queries differently from the text they stand for', () => {
    const folding = generateQueries(corpus, options(4)).queries.filter((q) => q.class === 'folding');
    expect(folding.map((q) => q.q)).toEqual(expect.arrayContaining(['会站家', '职工 之家', 'ＱＱ群']));
    for (const q of folding.filter((q) => q.origin !== 'hand')) expect(q.q).not.toBe(q.truth);
  });

  it('turns ASCII letters and digits full-width and nothing else', () => {
    expect(toFullWidth('VR展馆2025年')).toBe('ＶＲ展馆２０２５年');
  });
});
