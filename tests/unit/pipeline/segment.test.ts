import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  canonicalTerm,
  cut,
  cutForSearch,
  dictionaryEntries,
  domainTerms,
  isDomainTerm,
  isWordToken,
  keywordCandidates,
  keywords,
  stopwords,
  words,
} from '../../../src/pipeline/segment';
import { SEED_SOURCES } from './helpers';

const root = process.cwd();

/** The five seed sources' paragraphs: 003's narrow-column hard wraps ("  \n") joined, as layout repair does. */
function seedParagraphs(): { file: string; text: string }[] {
  const dir = join(root, 'seeds');
  return [...SEED_SOURCES].flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .replace(/ {2}\n/g, '')
      .split('\n')
      .filter((text) => text.trim() !== '')
      .map((text) => ({ file, text })),
  );
}

/** [start, end) of each token. */
function tokenSpans(tokens: string[]): [number, number, string][] {
  let p = 0;
  return tokens.map((t) => [p, (p += t.length), t]);
}

const PUNCTUATION_ONLY = /^[\s\p{P}\p{S}]*$/u;

// Clause 19 of the five-year plan (seed 000) and clause 29 of the annex (seed 004).
const CLAUSE_19 =
  '加强服务阵地建设。推进“会、站、家”一体化建设,加强枢纽型社会组织平台功能建设。培育壮大基层工会服务阵地,拓展服务项目,整合社会资源,推动开放共享,实现区域内职工活动与服务基本覆盖。';
const CLAUSE_29 = '加快构建服务职工工作体系，按照“会、站、家”一体化的思路，把组建工会、创办职工服务站、建设“职工之家”统一起来，着力打造服务型工会。';
const COUNSELLORS =
  '集体协商指导员队伍建设。加强专职集体协商指导员队伍建设,力争到2025年底,基本实现专职集体协商指导员队伍对县级以上工会组织的全覆盖;加强对从事集体协商工作的工会干部、专职集体协商指导员和职工方协商代表的培训力度。';
const HOTLINE = '全面建成运行12351工会服务职工热线,已建工会驿站18.42万个,已建设1800家司机之家。';
const TRANSFER = '依法推动各类企业、机关、事业单位普遍建立工会组织。\n牵头单位：组织部\n参加单位：省直机关工会';

describe('cut', () => {
  it('cuts every dictionary term, in either spelling, as one word', () => {
    const broken = dictionaryEntries()
      .map((e) => e.word)
      .filter((w) => JSON.stringify(cut(w)) !== JSON.stringify([w]));
    expect(broken).toEqual([]);
  });

  it('keeps the terms whole inside sentences taken from the sources', () => {
    const cases: [string, string[]][] = [
      ['推进“会、站、家”一体化建设', ['会、站、家', '一体化']],
      ['深化并提升“会站家”一体化建设', ['会站家', '一体化']],
      ['会站家一体化', ['会站家', '一体化']],
      ['集体协商指导员培训', ['集体协商指导员', '培训']],
      ['不断加强“小三级工会”建设', ['小三级工会']],
      ['针对新就业形态劳动者,扎实开展新就业形态劳动者维权服务三年行动', ['新就业形态劳动者', '维权服务']],
      ['全力深化产业工人队伍建设改革', ['产业工人队伍建设改革']],
      ['管好用好12351工会服务职工热线', ['12351']],
      ['积极推行“一函两书”专项工作', ['一函两书']],
      ['在县以下建立区域（行业）性基层工会联合会', ['基层工会联合会']],
      ['指导企业依法开展工资集体协商', ['工资集体协商']],
      ['促进职代会与集体协商、工会劳动法律监督', ['职代会', '集体协商', '劳动法律监督']],
      ['是工会“强三性”“去四化”的关键', ['强三性', '去四化']],
      ['规范工会户外劳动者服务站点建设', ['户外劳动者服务站点']],
      ['全国工会电子职工书屋平台新增800万阅读量', ['电子职工书屋']],
      ['牵头单位：生产保护部\n参加单位：各产业工会、省直机关工会', ['牵头单位', '生产保护部', '参加单位', '产业工会', '省直机关工会']],
      ['表彰全国五一劳动奖状207个、奖章1035个,工人先锋号1044个', ['五一劳动奖状', '工人先锋号']],
      ['组织劳模和工人疗休养,启动职工互助保障提质扩面行动', ['疗休养', '职工互助保障']],
      ['“十四五”期间,重点选树宣传100名左右的劳模工匠先进典型', ['十四五', '劳模工匠']],
      ['建立健全工会系统欠薪报告制度', ['欠薪']],
    ];
    for (const [sentence, expected] of cases) {
      expect(cut(sentence), sentence).toEqual(expect.arrayContaining(expected));
    }
  });

  it('keeps every dictionary term whole wherever it occurs in the five seed sources, unless a longer or overlapping term takes it', () => {
    const terms = dictionaryEntries().map((e) => e.word);
    // Where jieba's reading beats ours: 职工运用 is 职工/运用, and 全总动员 would need 全总 so
    // frequent (> 4,000) that it would glue 全 and 总 elsewhere.
    const allowed: [string, string][] = [
      ['工运', '职工运用'],
      ['全总', '全总动员'],
    ];
    const failures: string[] = [];
    for (const { file, text } of seedParagraphs()) {
      const spans = tokenSpans(cut(text));
      for (const term of terms) {
        for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
          const end = i + term.length;
          if (spans.some(([s, e]) => s <= i && e >= end)) continue; // whole, or inside a longer token
          // Taken by an overlapping domain term, e.g. 基层工会/委员会 in 基层工会委员会.
          if (spans.some(([s, e, t]) => s < end && e > i && isDomainTerm(t))) continue;
          const context = text.slice(Math.max(0, i - 2), end + 2);
          if (allowed.some(([t, around]) => t === term && text.slice(Math.max(0, i - 4), end + 4).includes(around))) continue;
          failures.push(
            `${file}: ${term} in …${context}… → ${spans
              .filter(([s, e]) => e > i - 2 && s < end + 2)
              .map((x) => x[2])
              .join('/')}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives back the text when its tokens are joined', () => {
    for (const { text } of seedParagraphs()) expect(cut(text).join('')).toBe(text);
    expect(cut('')).toEqual([]);
  });

  it('uses the HMM for words in no dictionary', () => {
    const tokens = cut('作者简介: 李兴家(1970-),男');
    expect(tokens).toContain('李兴家');
    expect(tokens).toContain('1970');
  });
});

describe('cutForSearch', () => {
  it('adds the shorter dictionary words inside long words', () => {
    const tokens = cutForSearch('集体协商指导员培训');
    expect(tokens).toEqual(expect.arrayContaining(['集体协商指导员', '集体', '协商', '指导员', '培训']));
  });

  it('adds the canonical spelling after a variant spelling', () => {
    const tokens = cutForSearch('推进“会、站、家”一体化建设');
    const i = tokens.indexOf('会、站、家');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(tokens[i + 1]).toBe('会站家');
  });

  it('returns nothing for an empty text', () => {
    expect(cutForSearch('')).toEqual([]);
  });
});

describe('words', () => {
  it('never yields whitespace or punctuation-only tokens', () => {
    for (const { text } of seedParagraphs()) {
      for (const w of words(text)) expect(w, text.slice(0, 20)).not.toMatch(PUNCTUATION_ONLY);
    }
  });

  it('spells domain terms canonically', () => {
    expect(words(CLAUSE_29)).toContain('会站家');
    expect(words(CLAUSE_29)).not.toContain('会、站、家');
    expect(canonicalTerm('会、站、家')).toBe('会站家');
    expect(canonicalTerm('工会')).toBe('工会');
  });

  it('tells word tokens from whitespace and punctuation', () => {
    expect(['', ' ', '\n', '，', '“', '》、', '\u3000', '+'].filter(isWordToken)).toEqual([]);
    expect(['会、站、家', '12351', 'OA', '工会'].every(isWordToken)).toBe(true);
  });
});

describe('keywords', () => {
  const corpus = [CLAUSE_19, CLAUSE_29, COUNSELLORS, HOTLINE, TRANSFER];

  it('gives the same keywords on every run', () => {
    const first = keywords(corpus);
    expect(keywords(corpus)).toEqual(first);
    expect(keywords([...corpus])).toEqual(first);
  });

  it('does not depend on the order of the corpus', () => {
    const forward = keywords(corpus);
    expect(keywords([...corpus].reverse())).toEqual([...forward].reverse());
  });

  it('ranks the domain terms a clause is about among its keywords', () => {
    const [k19, k29, kCounsellors, kHotline] = keywords(corpus);
    expect(k19).toEqual(expect.arrayContaining(['会站家', '枢纽型社会组织', '服务阵地']));
    expect(k29).toEqual(expect.arrayContaining(['会站家', '职工服务站', '职工之家']));
    expect(kCounsellors!.slice(0, 3)).toEqual(expect.arrayContaining(['专职集体协商指导员']));
    expect(kCounsellors).toContain('集体协商指导员');
    expect(kHotline).toEqual(expect.arrayContaining(['12351', '工会驿站', '司机之家']));
  });

  it('returns at most eight keywords unless told otherwise', () => {
    for (const list of keywords(corpus)) expect(list.length).toBeLessThanOrEqual(8);
    expect(keywords(corpus).some((list) => list.length === 8)).toBe(true);
    for (const list of keywords(corpus, { topN: 3 })) expect(list.length).toBeLessThanOrEqual(3);
    expect(keywords(corpus, { topN: 0 })).toEqual(corpus.map(() => []));
  });

  it('never yields stopwords, field labels, single characters, numbers or punctuation', () => {
    const stop = new Set(stopwords());
    const texts = seedParagraphs().map((p) => p.text);
    for (const list of keywords(texts)) {
      for (const w of list) {
        expect(stop.has(w), w).toBe(false);
        expect([...w].length, w).toBeGreaterThanOrEqual(2);
        if (!isDomainTerm(w)) expect(w).not.toMatch(/^[\d.．%％]+$/u);
        expect(w).not.toMatch(PUNCTUATION_ONLY);
        expect(w).not.toMatch(/\s/u);
      }
    }
    expect(keywords(corpus)[4]).not.toContain('牵头单位');
  });

  it('drops quantities but keeps a number that is a domain term', () => {
    const candidates = keywordCandidates(HOTLINE);
    expect(candidates).toContain('12351');
    expect(candidates).not.toContain('18.42');
    expect(candidates).not.toContain('万个');
    expect(candidates).not.toContain('1800');
  });

  it('breaks ties by first occurrence, then by code-unit order', () => {
    // 驿站 and 书屋 have the same tf and df; neither is a domain term on its own.
    expect(keywords(['驿站书屋', '其他'], { topN: 2 })[0]).toEqual(['驿站', '书屋']);
    expect(keywords(['书屋驿站', '其他'], { topN: 2 })[0]).toEqual(['书屋', '驿站']);
  });

  it('boosts domain terms over ordinary words with the same counts, but not departments', () => {
    // 欠薪 is a domain term, 案件 is not: same tf and df.
    expect(keywords(['案件欠薪', '其他'], { topN: 1 })[0]).toEqual(['欠薪']);
    expect(keywords(['案件欠薪', '其他'], { topN: 1, domainBoost: 1 })[0]).toEqual(['案件']);
    // 组织部 is a department (tagged nt): no boost, so first occurrence decides.
    expect(keywords(['案件组织部', '其他'], { topN: 1 })[0]).toEqual(['案件']);
  });

  it('prefers words that are rare in the corpus', () => {
    const texts = ['工会驿站 职工书屋', '工会驿站 司机之家', '工会驿站 困难职工'];
    expect(keywords(texts, { topN: 1 }).map((k) => k[0])).toEqual(['职工书屋', '司机之家', '困难职工']);
  });

  it('handles empty input', () => {
    expect(keywords([])).toEqual([]);
    expect(keywords(['', '。'])).toEqual([[], []]);
  });

  it('accepts extra stopwords', () => {
    expect(keywords(corpus, { stopwords: ['会站家'] }).flat()).not.toContain('会站家');
  });

  it('rejects nonsensical options', () => {
    expect(() => keywords(corpus, { topN: -1 })).toThrow(RangeError);
    expect(() => keywords(corpus, { topN: 1.5 })).toThrow(RangeError);
    expect(() => keywords(corpus, { domainBoost: 0 })).toThrow(RangeError);
  });
});

describe('loading nodejieba', () => {
  it('loads the user dictionary once per process, even for a second copy of the module', async () => {
    cut('工会驿站'); // make sure this copy has loaded
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('tiaowen.segment.nodejieba-user-dict')]).toBe(join(root, 'content/dictionary.txt'));
    const nodejieba = createRequire(join(root, 'package.json'))('nodejieba') as { load: (...args: unknown[]) => unknown };
    const load = vi.spyOn(nodejieba, 'load');
    try {
      vi.resetModules();
      const fresh = await import('../../../src/pipeline/segment');
      expect(fresh.cut('推进“会、站、家”一体化建设')).toContain('会、站、家');
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  });

  it('exports the dictionary terms without loading the segmenter first', () => {
    expect(domainTerms()).toContain('小三级工会');
  });
});
