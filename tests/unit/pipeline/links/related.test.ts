/**
 * Related clauses: properties over any library, checks read on the five seed sources (related
 * clauses found among their clauses alone), and small synthetic cases.
 *
 * The real-library checks call relatedClauses with the transcriptions declared in the
 * metadata (`work`) as one text, which is what version detection must find; the
 * library's own `related` (made with the detected versions) is checked for the
 * properties that do not depend on them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord, Library, RelatedClause } from '../../../../src/model';
import {
  candidatePairs,
  compareVectors,
  FALLBACK_THRESHOLD,
  isFallback,
  MAX_RELATED,
  MAX_SHARED,
  MIN_SHARED,
  isRelated,
  listTitle,
  RELATED_THRESHOLD,
  relatedClauses,
  subjectText,
  tfidfVectors,
} from '../../../../src/pipeline/links/related';
import { dictionaryEntries, domainTerms, keywordCandidates } from '../../../../src/pipeline/segment';
import { genericWords } from '../../../../src/pipeline/links/generic';
import { libraryHeadings } from '../../../../src/pipeline/links/index';
import { ROOT, fromSeeds, repositoryLibrary } from '../helpers';

let library: Library;
let related: Map<string, RelatedClause[]>;
/** Related clauses among the five seed sources' clauses alone. */
let seedRelated: Map<string, RelatedClause[]>;
let byId: Map<string, ClauseRecord>;
let workOf: Map<string, string>;
const linkedPairs = new Set<string>();
const pair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

beforeAll(() => {
  library = repositoryLibrary();
  byId = new Map(library.clauses.map((c) => [c.id, c]));
  workOf = new Map(library.documents.map((d) => [d.id, d.work ?? d.id]));
  for (const c of library.clauses) for (const l of c.links) if (l.rel !== 'related') linkedPairs.add(pair(c.id, l.id));
  related = relatedClauses(relatedInput(library.clauses));
  seedRelated = relatedClauses(relatedInput(library.clauses.filter(fromSeeds)));
}, 60_000);

/** What relatedClauses reads, for some clauses of the library. */
const relatedInput = (clauses: ClauseRecord[]) => ({
  clauses,
  words: (text: string) => keywordCandidates(text),
  domainTerms: new Set(domainTerms()),
  linked: (a: string, b: string) => linkedPairs.has(pair(a, b)),
  sameText: (a: string, b: string) => workOf.get(a) === workOf.get(b),
});

describe('related clauses in the library', () => {
  it('finds related clauses for at least a quarter of the clauses of every document of the five seed sources', () => {
    for (const doc of library.documents.filter(fromSeeds)) {
      const clauses = library.clauses.filter((c) => c.doc === doc.id);
      const withRelated = clauses.filter((c) => seedRelated.has(c.id));
      expect(withRelated.length, doc.id).toBeGreaterThan(clauses.length / 4);
    }
  });

  it('never relates a clause to its own document, the other transcription of its text, or a clause it is already linked to', () => {
    for (const [id, list] of related) {
      const clause = byId.get(id)!;
      for (const r of list) {
        const other = byId.get(r.id)!;
        expect(other, r.id).toBeDefined();
        expect(other.doc).not.toBe(clause.doc);
        expect(workOf.get(other.doc), `${id} → ${r.id}`).not.toBe(workOf.get(clause.doc));
        expect(linkedPairs.has(pair(id, r.id)), `${id} → ${r.id}`).toBe(false);
      }
    }
  });

  it('gives at most five, best first, each above the threshold (a fallback one above the fallback threshold) with two to five shared words', () => {
    for (const list of related.values()) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(MAX_RELATED);
      for (const r of list) {
        expect(r.score).toBeGreaterThanOrEqual(FALLBACK_THRESHOLD);
        expect(r.shared.length).toBeGreaterThanOrEqual(MIN_SHARED);
        expect(r.shared.length).toBeLessThanOrEqual(MAX_SHARED);
      }
      const scores = list.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it("gives as shared words only words that both clauses print (in one of their spellings: 会站家 as 会、站、家), a list item's list title counted as its own", () => {
    const spellings = (word: string) => [
      word,
      ...dictionaryEntries()
        .filter((e) => e.canonical === word)
        .map((e) => e.word),
    ];
    const prints = (text: string, word: string) => spellings(word).some((s) => text.includes(s));
    const read = (c: ClauseRecord) => `${listTitle(c) ?? ''}\n${subjectText(c)}`;
    for (const [id, list] of related) {
      const text = read(byId.get(id)!);
      for (const r of list) {
        const other = read(byId.get(r.id)!);
        for (const word of r.shared) {
          expect(prints(text, word), `${word} in ${id}`).toBe(true);
          expect(prints(other, word), `${word} in ${r.id}`).toBe(true);
        }
      }
    }
  });

  it('is symmetric but for the cut at five: where B is related to A and not A to B, B has five clauses at least as close (or A is a list item scored with its list title)', () => {
    for (const [a, list] of related)
      for (const r of list) {
        const back = related.get(r.id) ?? [];
        const mirror = back.find((x) => x.id === a);
        if (mirror) {
          expect(mirror.score).toBe(r.score);
          expect(mirror.shared).toEqual(r.shared);
        } else {
          expect(back.length, `${r.id} should list ${a}`).toBe(MAX_RELATED);
          if (listTitle(byId.get(a)!) === undefined) expect(back[MAX_RELATED - 1].score).toBeGreaterThanOrEqual(r.score);
        }
      }
  });

  it('relates clauses on one subject in different documents of the five seed sources, as read: 和谐劳动关系 in the plan and in the implementation opinion', () => {
    const list = seedRelated.get('plan14-a/7/24')!.map((r) => r.id);
    expect(list).toContain('luhui-2014-79/3/12');
    const reason = seedRelated.get('plan14-a/7/24')!.find((r) => r.id === 'luhui-2014-79/3/12')!.shared;
    expect(reason).toContain('劳动争议');
  });

  it('never relates two clauses of the library that share only generic words (法律、行政法规; 本法、依法)', () => {
    const generic = genericWords(ROOT, new Set(domainTerms()), libraryHeadings(library.documents), (t) => keywordCandidates(t));
    for (const [id, list] of library.related)
      for (const r of list) {
        const read = (c: ClauseRecord) => `${listTitle(c) ?? ''}\n${subjectText(c)}`;
        const other = new Set(keywordCandidates(read(byId.get(r.id)!)));
        const shared = keywordCandidates(read(byId.get(id)!)).filter((w) => other.has(w));
        expect(
          shared.some((w) => !generic(w)),
          `${id} → ${r.id}: ${r.shared.join('、')}`,
        ).toBe(true);
      }
  });

  it("keeps the library's own related clauses within the rules that do not depend on version detection", () => {
    for (const [id, list] of library.related) {
      expect(list.length).toBeLessThanOrEqual(MAX_RELATED);
      for (const r of list) {
        expect(byId.get(r.id)!.doc).not.toBe(byId.get(id)!.doc);
        expect(r.score).toBeGreaterThanOrEqual(FALLBACK_THRESHOLD);
      }
      const links = byId
        .get(id)!
        .links.filter((l) => l.rel === 'related')
        .map((l) => l.id);
      expect(links).toEqual(list.map((r) => r.id));
    }
  });
});

/** A synthetic clause whose text is space-separated words (the test's `words` splits on spaces). */
const clause = (id: string, doc: string, text: string, extra: Partial<ClauseRecord> = {}): ClauseRecord => ({
  id,
  url: `/${id}.html`,
  source: 'test.txt',
  doc,
  number: null,
  path: [],
  text,
  keywords: [],
  links: [],
  ...extra,
});
const spaceWords = (text: string) => text.split(/\s+/).filter(Boolean);
const run = (clauses: ClauseRecord[], opts: { linked?: [string, string][]; same?: [string, string][]; domain?: string[] } = {}) =>
  relatedClauses({
    clauses,
    words: spaceWords,
    domainTerms: new Set(opts.domain ?? []),
    linked: (a, b) => (opts.linked ?? []).some(([x, y]) => pair(x, y) === pair(a, b)),
    sameText: (a, b) => (opts.same ?? []).some(([x, y]) => pair(x, y) === pair(a, b)),
  });

/** Filler clauses on other subjects, so that the words under test are rare (high idf). */
const filler = Array.from({ length: 8 }, (_, i) => clause(`f/${i}`, `f${i}`, `其他${i} 话题${i} 内容${i}`));

describe('relatedClauses on synthetic clauses', () => {
  it('relates two clauses of different documents that share their subject words, with those words as the reason', () => {
    const out = run([clause('a/1', 'a', '劳动争议 调解 仲裁 工作'), clause('b/1', 'b', '劳动争议 调解 仲裁 机制'), ...filler]);
    expect(out.get('a/1')?.map((r) => r.id)).toEqual(['b/1']);
    expect(out.get('b/1')?.map((r) => r.id)).toEqual(['a/1']);
    expect([...out.get('a/1')![0].shared].sort()).toEqual(['仲裁', '劳动争议', '调解']);
  });

  it('leaves out clauses of the same document, of the other transcription, and pairs linked otherwise', () => {
    const text = '劳动争议 调解 仲裁';
    const clauses = [
      clause('a/1', 'a', text),
      clause('a/2', 'a', text),
      clause('a2/1', 'a2', text),
      clause('b/1', 'b', text),
      clause('c/1', 'c', text),
      ...filler,
    ];
    const out = run(clauses, { same: [['a', 'a2']], linked: [['a/1', 'b/1']] });
    expect(out.get('a/1')?.map((r) => r.id)).toEqual(['c/1']);
    expect(out.get('b/1')?.map((r) => r.id)).toEqual(['a/2', 'a2/1', 'c/1']);
  });

  it('does not relate clauses that share a single word, however rare', () => {
    const out = run([clause('a/1', 'a', '劳动争议'), clause('b/1', 'b', '劳动争议'), ...filler]);
    expect(out.size).toBe(0);
  });

  it('does not relate clauses that share only generic words, however close they are', () => {
    const clauses = [clause('a/1', 'a', '依法 责令 改正 罚款'), clause('b/1', 'b', '依法 责令 改正 罚款'), ...filler];
    const input = { clauses, words: spaceWords, domainTerms: new Set<string>(), linked: () => false, sameText: () => false };
    expect(
      relatedClauses(input)
        .get('a/1')
        ?.map((r) => r.id),
    ).toEqual(['b/1']);
    expect(
      relatedClauses({ ...input, generic: (w) => w !== '罚款' })
        .get('a/1')
        ?.map((r) => r.id),
    ).toEqual(['b/1']);
    expect(relatedClauses({ ...input, generic: () => true }).size).toBe(0);
    expect(isRelated(0.9, ['依法', '责令'], () => true)).toBe(false);
    expect(isRelated(0.9, ['依法', '罚款'], (w) => w === '依法')).toBe(true);
    expect(isRelated(0.1, ['依法', '罚款'])).toBe(false);
  });

  it('gives a clause with no related clause its best candidate when they share two specific words, one a domain term, from both sides', () => {
    const many = Array.from({ length: 40 }, (_, i) => clause(`g/${i}`, `g${i}`, `其他${i} 话题${i} 内容${i}`));
    const long = (p: string) => Array.from({ length: 24 }, (_, i) => `${p}${i}`).join(' ');
    const clauses = [clause('a/1', 'a', `困难职工 帮扶 ${long('甲')}`), clause('b/1', 'b', `困难职工 帮扶 ${long('乙')}`), ...many];
    const out = run(clauses, { domain: ['困难职工'] });
    const score = out.get('a/1')?.[0].score ?? 0;
    expect(score).toBeGreaterThanOrEqual(FALLBACK_THRESHOLD);
    expect(score).toBeLessThan(RELATED_THRESHOLD);
    expect(out.get('a/1')?.map((r) => r.id)).toEqual(['b/1']);
    expect(out.get('b/1')?.map((r) => r.id)).toEqual(['a/1']);
    expect([...out.get('a/1')![0].shared].sort()).toEqual(['困难职工', '帮扶']);
    // without a shared domain term, or when the words are not specific (used by too many clauses), none
    expect(run(clauses).size).toBe(0);
    // in 12 clauses, two are more than 5 %: the words are not specific, though the pair scores in the fallback band
    const short = (p: string) => Array.from({ length: 18 }, (_, i) => `${p}${i}`).join(' ');
    const small = [clause('a/1', 'a', `困难职工 帮扶 ${short('甲')}`), clause('b/1', 'b', `困难职工 帮扶 ${short('乙')}`), ...many.slice(0, 10)];
    const vectors = tfidfVectors(
      small.map((c) => spaceWords(c.text)),
      (w) => (w === '困难职工' ? 2 : 1),
    );
    expect(compareVectors(vectors[0], vectors[1]).score).toBeGreaterThanOrEqual(FALLBACK_THRESHOLD);
    expect(compareVectors(vectors[0], vectors[1]).score).toBeLessThan(RELATED_THRESHOLD);
    expect(run(small, { domain: ['困难职工'] }).size).toBe(0);
  });

  it('gives no fallback to a clause that has a related clause, nor past its room to the other clause of the pair', () => {
    const many = Array.from({ length: 40 }, (_, i) => clause(`g/${i}`, `g${i}`, `其他${i} 话题${i} 内容${i}`));
    const long = (p: string) => Array.from({ length: 14 }, (_, i) => `${p}${i}`).join(' ');
    const clauses = [
      clause('a/1', 'a', `困难职工 帮扶 ${long('甲')}`),
      clause('b/1', 'b', `困难职工 帮扶 劳动争议 调解 仲裁 ${long('乙')}`),
      clause('c/1', 'c', '劳动争议 调解 仲裁'),
      ...many,
    ];
    const out = run(clauses, { domain: ['困难职工'] });
    expect(out.get('b/1')?.map((r) => r.id)).toEqual(['c/1', 'a/1']);
    expect(out.get('a/1')?.map((r) => r.id)).toEqual(['b/1']);
    expect(out.get('c/1')?.map((r) => r.id)).toEqual(['b/1']);
  });

  it('compares a list item left with none once more with its list title read before it, and shows the best pair from both sides', () => {
    const title = '三、 女职工 孕期 禁忌 从事 劳动 范围 ：';
    const item = (path: string[]) => clause('annex/3/2', 'annex', '抗癌药物 己烯雌酚 麻醉剂 作业', { path });
    const article = clause('rule/4', 'rule', '用人单位 遵守 女职工 禁忌 从事 劳动 范围 告知');
    const out = run([item(['附录', title]), article, ...filler]);
    expect(out.get('annex/3/2')?.map((r) => r.id)).toEqual(['rule/4']);
    expect(out.get('rule/4')?.map((r) => r.id)).toEqual(['annex/3/2']);
    expect(out.get('annex/3/2')![0].score).toBeGreaterThanOrEqual(RELATED_THRESHOLD);
    expect(out.get('annex/3/2')![0].shared).toContain('禁忌');
    // the same item under a title that does not end in a colon, or with the title further up the path, gets none
    expect(run([item([title.replace(' ：', '')]), article, ...filler]).size).toBe(0);
    expect(run([item([title, '（一）']), article, ...filler]).size).toBe(0);
  });

  it("reads as a list title only a clause's last outline title that ends in a colon", () => {
    const at = (path: string[]) => listTitle(clause('a/1', 'a', '', { path }));
    expect(at(['附录', '三、女职工在孕期禁忌从事的劳动范围：'])).toBe('三、女职工在孕期禁忌从事的劳动范围：');
    expect(at(['下列情形之一的:'])).toBe('下列情形之一的:');
    expect(at(['三、女职工在孕期禁忌从事的劳动范围：', '（一）'])).toBeUndefined();
    expect(at(['第一章 总则'])).toBeUndefined();
    expect(at([])).toBeUndefined();
  });

  it('takes as fallback a pair above the fallback threshold with two specific shared words, one a domain term', () => {
    const specific = (w: string) => w !== '工会';
    const domain = (w: string) => w === '困难职工' || w === '工会';
    expect(isFallback(0.12, ['困难职工', '帮扶'], specific, domain)).toBe(true);
    expect(isFallback(0.08, ['困难职工', '帮扶'], specific, domain)).toBe(false);
    expect(isFallback(0.12, ['帮扶', '慰问'], specific, domain)).toBe(false);
    expect(isFallback(0.12, ['困难职工', '工会'], specific, domain)).toBe(false);
  });

  it('does not relate clauses whose shared words weigh too little against the rest of their text', () => {
    const long = (p: string) => Array.from({ length: 30 }, (_, i) => `${p}${i}`).join(' ');
    const out = run([clause('a/1', 'a', `劳动争议 调解 ${long('甲')}`), clause('b/1', 'b', `劳动争议 调解 ${long('乙')}`), ...filler]);
    expect(out.size).toBe(0);
  });

  it('ignores the 牵头单位 / 参加单位 lines of work-division items', () => {
    const fields = [
      { label: '牵头单位', items: ['组织部'] },
      { label: '参加单位', items: ['财务部', '女职工部'] },
    ];
    const item = (id: string, doc: string, text: string) => clause(id, doc, `${text}\n牵头单位 组织部\n参加单位 财务部 女职工部`, { fields });
    const out = run([item('a/1', 'a', '建会 入会'), item('b/1', 'b', '帮扶 救助'), ...filler]);
    expect(out.size).toBe(0);
  });

  it('keeps the five best, breaking ties in reading order', () => {
    const same = '劳动争议 调解 仲裁';
    const clauses = [clause('a/1', 'a', same), ...['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((d) => clause(`${d}/1`, d, same)), ...filler];
    const out = run(clauses);
    expect(out.get('a/1')?.map((r) => r.id)).toEqual(['b/1', 'c/1', 'd/1', 'e/1', 'f/1']);
    expect(out.get('h/1')?.map((r) => r.id)).toEqual(['a/1', 'b/1', 'c/1', 'd/1', 'e/1']);
  });

  it('gives shared domain terms more weight than shared ordinary words', () => {
    const clauses = [clause('a/1', 'a', '集体协商 工作 推进'), clause('b/1', 'b', '集体协商 工作 推进'), ...filler];
    const plain = run(clauses).get('a/1')![0];
    const boosted = run(clauses, { domain: ['集体协商'] }).get('a/1')![0];
    expect(boosted.shared[0]).toBe('集体协商');
    expect(boosted.score).toBeCloseTo(plain.score, 10); // identical texts stay identical
    const v = tfidfVectors([['集体协商', '工作'], ['其他']], (w) => (w === '集体协商' ? 2 : 1))[0];
    expect(v.get('集体协商')).toBeCloseTo(2 * v.get('工作')!, 10);
  });
});

describe('compareVectors', () => {
  it('scores identical vectors 1 and disjoint ones 0, and orders shared words by what they add', () => {
    const [a, b, c] = tfidfVectors([['甲', '乙', '乙'], ['甲', '乙', '乙'], ['丙'], ['丁']]);
    expect(compareVectors(a, b).score).toBeCloseTo(1, 10);
    expect(compareVectors(a, b).shared).toEqual(['乙', '甲']);
    expect(compareVectors(a, c)).toEqual({ score: 0, shared: [] });
  });
});

describe('candidatePairs', () => {
  it('leads, on the five seed sources, to the same related clauses as comparing every pair of their clauses, with a short list per clause', () => {
    const everyPair = relatedClauses({
      ...relatedInput(library.clauses.filter(fromSeeds)),
      candidates: (vectors) => vectors.map((_, i) => vectors.map((_, j) => j).filter((j) => j !== i)),
    });
    expect([...seedRelated]).toEqual([...everyPair]);
  });

  it('shortlists through the heaviest words only, and from both sides of a pair', () => {
    // 稀有 is in two clauses, 常见 in four: 稀有 weighs more wherever it is used.
    const docs = [['稀有', '常见'], ['稀有', '常见', '甲'], ['常见', '乙'], ['常见', '丙'], ['其他']];
    const candidates = candidatePairs(tfidfVectors(docs), 1, 5);
    expect(candidates[0]).toEqual([1]); // through 稀有; 常见 alone picks nothing
    expect(candidates[1]).toEqual([0]); // its heaviest word is 甲, used nowhere else: kept from 0's side
    expect(candidates[2]).toEqual([]);
    expect(candidates[4]).toEqual([]);
  });
});
