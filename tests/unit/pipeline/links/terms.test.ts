/**
 * The term index: properties that hold for any library, the five seed sources' exact term
 * list, and small synthetic cases (among them: a growing library never loses a term).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../scripts/bench/rng';
import { buildLibrary } from '../../../../src/library';
import type { ClauseRecord, Library, TermEntry } from '../../../../src/model';
import {
  comparePinyin,
  markTerm,
  MAX_KEYWORD_SHARE,
  MIN_KEYWORD_CLAUSES,
  parsePublishedTerms,
  PUBLISHED_TERMS_FILE,
  sentences,
  termGroups,
  termId,
  termIndex,
  termInitial,
  termPages,
  unitsWith,
} from '../../../../src/pipeline/links/terms';
import { genericWords } from '../../../../src/pipeline/links/generic';
import { libraryHeadings } from '../../../../src/pipeline/links/index';
import { dictionaryEntries, domainTerms, keywordCandidates, stopwords, words } from '../../../../src/pipeline/segment';
import { ROOT, seedSourcesAlone, repositoryLibrary } from '../helpers';

let library: Library;
let byId: Map<string, ClauseRecord>;
let byTerm: Map<string, TermEntry>;
const domain = new Set<string>();
/** Heading and text of a clause, the text a term is looked for in. */
const fullText = (c: ClauseRecord) => [c.heading ?? '', c.text].join('\n');

beforeAll(() => {
  library = repositoryLibrary();
  byId = new Map(library.clauses.map((c) => [c.id, c]));
  byTerm = new Map(library.terms.map((t) => [t.term, t]));
  for (const t of domainTerms()) domain.add(t);
}, 60_000);

describe('the term index of the library', () => {
  it('holds every domain term some clause prints, in any of its spellings, except stopwords', () => {
    const stop = new Set(stopwords());
    const spellings = (term: string) => [
      term,
      ...dictionaryEntries()
        .filter((e) => e.canonical === term)
        .map((e) => e.word),
    ];
    for (const term of domainTerms()) {
      const printed = library.clauses.some((c) => spellings(term).some((s) => fullText(c).includes(s)));
      expect(byTerm.has(term), term).toBe(printed && !stop.has(term));
    }
    expect(byTerm.has('牵头单位')).toBe(false);
    expect(byTerm.get('会站家')?.spellings).toEqual(['会站家', '会、站、家']);
  });

  it('adds keywords shared across texts, but not the words that stand in nearly every clause', () => {
    const published = new Set(parsePublishedTerms(readFileSync(path.join(ROOT, PUBLISHED_TERMS_FILE), 'utf8')));
    const keywordTerms = library.terms.filter((t) => !domain.has(t.term));
    expect(keywordTerms.length).toBeGreaterThan(20);
    // the stages of the library's growth: the ends of its prefixes, source by source
    const ends = [...library.clauses.keys()].filter((i) => i > 0 && library.clauses[i].source !== library.clauses[i - 1].source);
    ends.push(library.clauses.length);
    const order = new Map(library.clauses.map((c, i) => [c.id, i]));
    for (const t of keywordTerms) {
      if (published.has(t.term)) continue; // kept while used, whatever the keywords say now
      expect(library.clauses.filter((c) => c.keywords.includes(t.term)).length, t.term).toBeGreaterThanOrEqual(MIN_KEYWORD_CLAUSES);
      const rareAt = (end: number) => t.uses.filter((u) => order.get(u.clause)! < end).length <= MAX_KEYWORD_SHARE * end;
      expect(ends.some(rareAt), t.term).toBe(true);
    }
    for (const word of ['工会', '职工']) expect(byTerm.has(word), word).toBe(false);
  });

  it('holds no generic word (参加, 标准, 全国): those published before are retired terms, outside the index', () => {
    const generic = genericWords(ROOT, domain, libraryHeadings(library.documents), (t) => keywordCandidates(t));
    expect(library.terms.filter((t) => generic(t.term)).map((t) => t.term)).toEqual([]);
    const index = new Set(library.terms.map((t) => t.term));
    for (const t of library.retiredTerms ?? []) expect(index.has(t.term), t.term).toBe(false);
    expect((library.retiredTerms ?? []).map((t) => t.term)).toEqual(expect.arrayContaining(['参加', '标准', '全国', '年度', '领导', '特别']));
    for (const w of ['参加', '标准', '全国', '年度', '领导', '强省', '特别']) expect(index.has(w), w).toBe(false);
  });

  it('holds the core subjects the headings of the library name: 工资 (第五章 工资), 就业 (促进就业), 安全 (安全生产法)', () => {
    const index = new Set(library.terms.map((t) => t.term));
    for (const w of ['工资', '就业', '安全']) expect(index.has(w), w).toBe(true);
  });

  it('lists for each use a sentence of the clause, exactly as printed, that holds the term', () => {
    for (const t of library.terms)
      for (const { clause, sentence } of t.uses) {
        const c = byId.get(clause)!;
        expect(c, clause).toBeDefined();
        expect(
          t.spellings.some((s) => sentence.includes(s)),
          `${t.term} in ${sentence}`,
        ).toBe(true);
        expect((c.heading ?? '').includes(sentence) || c.text.includes(sentence), `${clause}: ${sentence}`).toBe(true);
        expect(sentence).not.toMatch(/\n/);
      }
  });

  it('lists every clause that prints a domain term, once, in reading order', () => {
    const order = new Map(library.clauses.map((c, i) => [c.id, i]));
    for (const t of library.terms) {
      const ids = t.uses.map((u) => u.clause);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => order.get(a)! - order.get(b)!));
      if (!domain.has(t.term)) continue;
      const expected = library.clauses.filter((c) => t.spellings.some((s) => fullText(c).includes(s))).map((c) => c.id);
      expect(ids, t.term).toEqual(expected);
    }
  });

  it('lists every clause that uses a keyword term as a word, and only clauses that print it', () => {
    const wordsOf = new Map(library.clauses.map((c) => [c.id, new Set(words(fullText(c)))]));
    for (const t of library.terms) {
      if (domain.has(t.term)) continue;
      const ids = new Set(t.uses.map((u) => u.clause));
      for (const c of library.clauses) {
        if (wordsOf.get(c.id)!.has(t.term)) expect(ids.has(c.id), `${t.term} in ${c.id}`).toBe(true);
        if (ids.has(c.id)) expect(fullText(c)).toContain(t.term);
      }
    }
  });

  it('links each keyword of a clause that is a term to a term page listing that clause', () => {
    for (const c of library.clauses)
      for (const kw of c.keywords) {
        const t = byTerm.get(kw);
        if (t)
          expect(
            t.uses.map((u) => u.clause),
            `${kw} of ${c.id}`,
          ).toContain(c.id);
      }
  });

  it('is in pinyin order', () => {
    expect(comparePinyin('帮扶', '工会')).toBeLessThan(0);
    expect(comparePinyin('工会', '职工')).toBeLessThan(0);
    const terms = library.terms.map((t) => t.term);
    expect(terms).toEqual([...terms].sort(new Intl.Collator('zh').compare));
    const at = (term: string) => terms.indexOf(term);
    expect(at('帮扶中心')).toBeGreaterThanOrEqual(0);
    expect(at('帮扶中心')).toBeLessThan(at('工会干部'));
    expect(at('工会干部')).toBeLessThan(at('职工之家'));
  });

  it('gives each term a unique ASCII id made from the term alone: t and 8 hex digits of its SHA-256', () => {
    const ids = library.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of library.terms) {
      expect(t.id).toMatch(/^t[0-9a-f]{8}$/);
      expect(t.id).toBe(termId(t.term));
      expect(t.url).toBe(`/terms/${t.id}.html`);
    }
    expect(termId('工会')).toBe(`t${createHash('sha256').update('工会').digest('hex').slice(0, 8)}`);
  });

  it('groups the index under initials that each come once, in order', () => {
    const groups = termGroups(library.terms);
    const initials = groups.map((g) => g.initial);
    expect(new Set(initials).size).toBe(initials.length);
    expect(groups.flatMap((g) => g.terms)).toEqual(library.terms);
    const letters = initials.filter((i) => /^[A-Z]$/.test(i));
    expect(letters).toEqual([...letters].sort());
    expect(letters.length).toBeGreaterThan(15);
  });
});

describe('the five seed sources', () => {
  it('alone give the 344 terms of the published list, without reading that list', () => {
    const seeds = buildLibrary(seedSourcesAlone());
    const versions = new Set(seeds.comparisons.map((c) => [c.a, c.b].sort().join('\n')));
    const variants = new Map<string, string[]>();
    for (const e of dictionaryEntries()) if (e.word !== e.canonical) variants.set(e.canonical, [...(variants.get(e.canonical) ?? []), e.word]);
    const terms = termIndex({
      clauses: seeds.clauses,
      domainTerms: domainTerms(),
      variants,
      stopwords: new Set(stopwords()),
      words,
      sameText: (a, b) => versions.has([a, b].sort().join('\n')),
      published: new Set(),
    }).map((t) => t.term);
    expect(terms).toHaveLength(344);
    const published = new Set(parsePublishedTerms(readFileSync(path.join(ROOT, PUBLISHED_TERMS_FILE), 'utf8')));
    expect(terms.filter((t) => !published.has(t))).toEqual([]);
  }, 60_000);
});

describe('termInitial', () => {
  it('files a term under the pinyin initial of its first character', () => {
    const samples: [string, string][] = [
      ['安康杯', 'A'],
      ['帮扶', 'B'],
      ['参加', 'C'],
      ['党建', 'D'],
      ['儿童', 'E'],
      ['法律', 'F'],
      ['工会', 'G'],
      ['会员', 'H'],
      ['集体协商', 'J'],
      ['开发区', 'K'],
      ['劳模', 'L'],
      ['民主管理', 'M'],
      ['农民工', 'N'],
      ['欧洲', 'O'],
      ['培训', 'P'],
      ['企业', 'Q'],
      ['人大', 'R'],
      ['社会化', 'S'],
      ['提案', 'T'],
      ['维权', 'W'],
      ['宣传', 'X'],
      ['一函两书', 'Y'],
      ['职工', 'Z'],
      ['阿里', 'A'],
      ['八小时', 'B'],
      ['座谈', 'Z'],
      // the first and last characters of some letters: 零 and 琳 are L, 呣 M, 咑 D, 喔 O
      ['零工', 'L'],
      ['琳', 'L'],
      ['呣', 'M'],
      ['妈妈', 'M'],
      ['募集', 'M'],
      ['拿', 'N'],
      ['咑', 'D'],
      ['喔', 'O'],
      ['丷', 'B'],
    ];
    for (const [term, initial] of samples) expect(termInitial(term), term).toBe(initial);
  });

  it('files digits under 0–9 and other scripts under 其他', () => {
    expect(termInitial('12351')).toBe('0–9');
    expect(termInitial('QQ群')).toBe('其他');
  });
});

describe('sentences', () => {
  it('splits after 。！？； and at line breaks, keeping closing quotes and every character', () => {
    const text = '推进“会、站、家”一体化。加强“职工之家”建设；完善机制！\n牵头单位：组织部\n是否可行？“六有”。”';
    expect(sentences(text)).toEqual(['推进“会、站、家”一体化。', '加强“职工之家”建设；', '完善机制！', '牵头单位：组织部', '是否可行？', '“六有”。”']);
    expect(sentences(text).join('')).toBe(text.replace(/\n/g, ''));
  });

  it('also splits after half-width ; ! ?', () => {
    expect(sentences('建设工会;服务职工!对吗?好')).toEqual(['建设工会;', '服务职工!', '对吗?', '好']);
  });
});

describe('markTerm', () => {
  it('marks every place a spelling stands, preferring the longest, and gives the sentence back unchanged', () => {
    const sentence = '按照“会、站、家”一体化的思路，建设会站家和职工之家。';
    const parts = markTerm(sentence, ['会站家', '会、站、家']);
    expect(parts.map((p) => p.text).join('')).toBe(sentence);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['会、站、家', '会站家']);
    const nested = markTerm('基层工会联合会', ['工会', '基层工会']);
    expect(nested).toEqual([
      { text: '基层工会', mark: true },
      { text: '联合会', mark: false },
    ]);
  });
});

/** A synthetic clause. */
const clause = (id: string, doc: string, text: string, keywords: string[] = [], heading?: string): ClauseRecord => ({
  id,
  url: `/${id}.html`,
  source: 'test.txt',
  doc,
  number: null,
  path: [],
  ...(heading ? { heading } : {}),
  text,
  keywords,
  links: [],
});
const run = (clauses: ClauseRecord[], opts: { domain?: string[]; same?: [string, string][] } = {}) =>
  termIndex({
    clauses,
    domainTerms: opts.domain ?? [],
    variants: new Map([['会站家', ['会、站、家']]]),
    stopwords: new Set(['牵头单位']),
    words: (text) => text.split(/[\s，。]+/).filter(Boolean),
    sameText: (a, b) => (opts.same ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
  });
/** Clauses moved into one source file (a stage of the library's growth ends with each source). */
const inSource = (source: string, clauses: ClauseRecord[]) => clauses.map((c) => ({ ...c, source }));

/**
 * A random library grown source by source (1–3 documents of 1–40 clauses each; words drawn
 * with skewed frequencies, so that some words stand in most clauses; keywords are some of a
 * clause's words), and the term index after each source: the terms lost from one step to the
 * next. `source` names the i-th source's file.
 */
function grow(seed: number, source: (i: number) => string) {
  const rng = createRng(seed);
  const vocabulary = Array.from({ length: 40 }, (_, i) => `词${i}`);
  const draw = () => vocabulary[Math.floor(vocabulary.length * rng.next() ** 2)];
  const clauses: ClauseRecord[] = [];
  const steps: { clauses: number; terms: number }[] = [];
  const lost: string[] = [];
  let before = new Set<string>();
  for (let i = 0; i < 30; i++) {
    for (let d = rng.int(1, 3); d > 0; d--) {
      const doc = `d${i}-${d}`;
      for (let k = rng.int(1, 40); k > 0; k--) {
        const text = [...new Set(Array.from({ length: rng.int(2, 6) }, draw))];
        clauses.push({ ...clause(`${doc}/${k}`, doc, text.join(' '), rng.sample(text, 2)), source: source(i) });
      }
    }
    const terms = new Set(run(clauses).map((t) => t.term));
    lost.push(...[...before].filter((t) => !terms.has(t)).map((t) => `${t} after ${clauses.length} clauses`));
    steps.push({ clauses: clauses.length, terms: terms.size });
    before = terms;
  }
  return { steps, lost };
}

/** Filler clauses, so that no keyword stands in more than its share of the clauses. */
const filler = Array.from({ length: 30 }, (_, i) => clause(`f/${i}`, 'f', `其他${i}`));

describe('termIndex on synthetic clauses', () => {
  it('finds a domain term in the heading or the text, in any spelling, with the sentence it stands in', () => {
    const out = run(
      [clause('a/1', 'a', '第一句。推进 “会、站、家” 一体化。'), clause('b/1', 'b', '无关。', [], '会站家 建设'), clause('c/1', 'c', '别的。'), ...filler],
      { domain: ['会站家', '不存在'] },
    );
    expect(out.map((t) => t.term)).toEqual(['会站家']);
    expect(out[0].uses).toEqual([
      { clause: 'a/1', sentence: '推进 “会、站、家” 一体化。' },
      { clause: 'b/1', sentence: '会站家 建设' },
    ]);
  });

  it('takes a keyword of three clauses in two texts as a term, and not one of two clauses or of one text', () => {
    const clauses = [
      clause('a/1', 'a', '劳模 宣传', ['劳模', '宣传', '培训']),
      clause('a/2', 'a', '劳模 宣传', ['劳模', '宣传']),
      clause('b/1', 'b', '劳模 培训', ['劳模', '培训']),
      clause('a2/1', 'a2', '宣传 劳模', ['宣传']),
      ...filler,
    ];
    const terms = (same: [string, string][]) => run(clauses, { same }).map((t) => t.term);
    expect(terms([])).toEqual(['劳模', '宣传']); // 培训 is a keyword of two clauses only
    expect(terms([['a', 'a2']])).toEqual(['劳模']); // a2 is a transcription of a: 宣传 is in one text only
  });

  it('past 300 clauses takes a new keyword only if it is a keyword of 1% of the clauses so far, and keeps the keyword terms of earlier stages', () => {
    const early = inSource('s1.txt', [...['a/1', 'a/2', 'b/1'].map((id) => clause(id, id.slice(0, 1), '劳模 宣传', ['劳模'])), ...filler]);
    const many = inSource(
      's2.txt',
      Array.from({ length: 400 }, (_, i) => clause(`g/${i}`, 'g', `其他${i}`)),
    );
    const late = inSource(
      's3.txt',
      ['c/1', 'c/2', 'c/3', 'd/1'].map((id) => clause(id, id.slice(0, 1), '宣传 培训', ['培训'])),
    );
    // 437 clauses: a new keyword must stand in ceil(4.37) = 5 of them; 培训 has 4. 劳模 has 3,
    // but was a term when the library had 33 clauses.
    expect(run([...early, ...many, ...late]).map((t) => t.term)).toEqual(['劳模']);
    const more = inSource('s3.txt', [clause('d/2', 'd', '培训', ['培训'])]);
    expect(run([...early, ...many, ...late, ...more]).map((t) => t.term)).toEqual(['劳模', '培训']);
    // the same clauses read as one source: one stage, where 劳模 is a keyword of too few
    expect(run(inSource('one.txt', [...early, ...many, ...late, ...more])).map((t) => t.term)).toEqual(['培训']);
  });

  it('never loses a term as sources are added: random libraries grown source by source', () => {
    const { steps, lost } = grow(20251122, (i) => `s${String(i).padStart(3, '0')}.txt`);
    expect(lost).toEqual([]);
    expect(steps.at(-1)!.clauses).toBeGreaterThan(600);
    expect(steps.at(-1)!.terms).toBeGreaterThan(5);
    // the test can fail: the keywords chosen at the end alone (every clause in one source) lose terms
    expect(grow(20251122, () => 'one.txt').lost.length).toBeGreaterThan(0);
  });

  it('keeps a published term while a clause uses it as a word, whatever the keywords say', () => {
    const clauses = [clause('a/1', 'a', '职工 书屋 建设'), clause('b/1', 'b', '建设 职工书屋'), ...filler];
    const published = (terms: string[]) =>
      termIndex({
        clauses,
        domainTerms: [],
        variants: new Map(),
        stopwords: new Set(),
        words: (t) => t.split(/\s+/),
        sameText: () => false,
        published: new Set(terms),
      });
    expect(published([]).map((t) => t.term)).toEqual([]);
    const kept = published(['书屋', '职工书屋', '读书']);
    expect(kept.map((t) => [t.term, t.uses.map((u) => u.clause)])).toEqual([
      ['书屋', ['a/1']],
      ['职工书屋', ['b/1']],
    ]);
  });

  it('never makes a generic word a term; a published one keeps its page as a retired term, with its uses', () => {
    const clauses = [
      clause('a/1', 'a', '参加 劳模 评选', ['参加', '劳模']),
      clause('a/2', 'a', '参加 劳模 表彰', ['参加', '劳模']),
      clause('b/1', 'b', '参加 劳模 宣传', ['参加', '劳模']),
      ...filler,
    ];
    const pages = (published: string[]) =>
      termPages({
        clauses,
        domainTerms: [],
        variants: new Map(),
        stopwords: new Set(),
        words: (t) => t.split(/\s+/),
        sameText: () => false,
        published: new Set(published),
        generic: (w) => w === '参加',
      });
    expect(pages([]).index.map((t) => t.term)).toEqual(['劳模']);
    expect(pages([]).retired).toEqual([]);
    const { index, retired } = pages(['参加', '劳模']);
    expect(index.map((t) => t.term)).toEqual(['劳模']);
    expect(retired.map((t) => [t.term, t.id, t.uses.map((u) => u.clause)])).toEqual([['参加', termId('参加'), ['a/1', 'a/2', 'b/1']]]);
  });

  it('finds a keyword term only where segmentation makes it a word: 人大 in 参与人大立法, not in 产业工人大军', () => {
    const clauses = [
      clause('a/1', 'a', '积极参与人大立法。', ['人大']),
      clause('a/2', 'a', '配合人大开展执法检查。', ['人大']),
      clause('b/1', 'b', '建设产业工人大军。争取人大、政协支持。', ['人大']),
      clause('c/1', 'c', '建设宏大的产业工人大军。'),
      ...filler,
    ];
    const out = termIndex({ clauses, domainTerms: [], variants: new Map(), stopwords: new Set(), words, sameText: () => false });
    expect(out.map((t) => t.term)).toEqual(['人大']);
    expect(out[0].uses).toEqual([
      { clause: 'a/1', sentence: '积极参与人大立法。' },
      { clause: 'a/2', sentence: '配合人大开展执法检查。' },
      { clause: 'b/1', sentence: '争取人大、政协支持。' },
    ]);
  });

  it('leaves out stopwords and keywords that stand in more than their share of the clauses', () => {
    const common = Array.from({ length: 10 }, (_, i) => clause(`c/${i}`, `d${i}`, '职工', ['职工']));
    const out = run([...common, clause('x/1', 'x', '牵头单位 组织部'), ...filler], { domain: ['牵头单位', '组织部'] });
    expect(out.map((t) => t.term)).toEqual(['组织部']);
  });

  it('orders terms by pinyin', () => {
    const out = run([clause('a/1', 'a', '职工 工会 帮扶'), ...filler], { domain: ['职工', '工会', '帮扶'] });
    expect(out.map((t) => t.term)).toEqual(['帮扶', '工会', '职工']);
  });
});

describe('unitsWith', () => {
  it('finds every text holding a spelling, in reading order, and skips texts that cannot hold it', () => {
    const where = unitsWith(['基层工会建设', '工会会员', '职工之家', '建设基层工会', '基层']);
    expect(where(['基层工会'])).toEqual([0, 3]);
    expect(where(['职工之家', '会员'])).toEqual([1, 2]);
    expect(where(['没有'])).toEqual([]);
    expect(where(['工'])).toEqual([0, 1, 2, 3, 4]);
  });
});
