import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/pipeline/decode';
import {
  DEFAULT_FREQ,
  DICTIONARY_FILE,
  dictionaryEntries,
  domainTerms,
  findRepoRoot,
  jiebaUserDict,
  parseDictionary,
  parseStopwords,
  stopwords,
} from '../../../src/pipeline/segment';
import { SEEDS } from './helpers';

const root = process.cwd();
const segmentModuleDir = join(root, 'src/pipeline');

/** The terms the dictionary must hold (the project brief's list). */
const REQUIRED = `会站家 职工之家 小三级工会 新就业形态 新就业形态劳动者 产业工人队伍建设改革 集体协商指导员
  集体协商 工资集体协商 劳模工匠 大国工匠 职工书屋 电子职工书屋 困难职工 农民工 欠薪 工会驿站 司机之家
  户外劳动者服务站点 智慧工会 职代会 厂务公开 一函两书 12351 会员实名制 枢纽型社会组织 基层工会
  基层工会联合会 工会经费 送温暖 金秋助学 劳动关系 和谐劳动关系 劳动争议 劳动法律监督 四化 强三性 去四化
  群团组织 牵头单位 参加单位 工会主席 产业工会 职工代表大会 十四五 五一劳动奖状 工人先锋号 安康杯
  创新工作室 疗休养`
  .split(/\s+/)
  .filter(Boolean);

/** The library's texts with the narrow-column hard wraps of 003 (and all other whitespace) removed. */
function seedsWithoutWhitespace(): string[] {
  const dir = SEEDS;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/\s+/g, ''));
}

describe('content/dictionary.txt', () => {
  it('parses without errors and holds between 100 and 300 terms', () => {
    const terms = domainTerms();
    expect(terms.length).toBeGreaterThanOrEqual(100);
    expect(terms.length).toBeLessThanOrEqual(300);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('contains every required domain term', () => {
    const terms = new Set(domainTerms());
    expect(REQUIRED.filter((t) => !terms.has(t))).toEqual([]);
  });

  it('lists only terms that occur in the texts of the library', () => {
    const seeds = seedsWithoutWhitespace();
    const missing = dictionaryEntries()
      .map((e) => e.word)
      .filter((w) => !seeds.some((s) => s.includes(w)));
    expect(missing).toEqual([]);
  });

  it('lists 会、站、家 as a variant spelling of 会站家', () => {
    const variant = dictionaryEntries().find((e) => e.word === '会、站、家');
    expect(variant?.canonical).toBe('会站家');
    expect(domainTerms()).toContain('会站家');
    expect(domainTerms()).not.toContain('会、站、家');
  });

  it('has only multi-character terms with lowercase tags', () => {
    for (const e of dictionaryEntries()) {
      expect([...e.word].length, e.word).toBeGreaterThanOrEqual(2);
      expect(e.tag, e.word).toMatch(/^[a-z]+$/);
    }
  });
});

describe('parseDictionary', () => {
  it('reads word, frequency and tag and skips comments and blank lines', () => {
    const text = '# heading\n\n会站家 j\n职代会 20 j  # abbreviation\n劳动关系 300\n十四五\n';
    expect(parseDictionary(text, 'd.txt')).toEqual([
      { word: '会站家', canonical: '会站家', tag: 'j', line: 3 },
      { word: '职代会', canonical: '职代会', freq: 20, tag: 'j', line: 4 },
      { word: '劳动关系', canonical: '劳动关系', freq: 300, tag: 'nz', line: 5 },
      { word: '十四五', canonical: '十四五', tag: 'nz', line: 6 },
    ]);
  });

  it('accepts Windows line endings', () => {
    expect(parseDictionary('会站家 j\r\n职代会 j\r\n').map((e) => e.word)).toEqual(['会站家', '职代会']);
  });

  it('names file and line for a term listed twice', () => {
    expect(() => parseDictionary('会站家\n职代会\n会站家 j\n', 'content/dictionary.txt')).toThrow(
      'content/dictionary.txt:3: "会站家" is listed twice (first on line 1)',
    );
  });

  it('names file and line for malformed entries', () => {
    const bad: [string, string][] = [
      ['会 j', 'd.txt:1: "会" is a single character; domain terms have at least two'],
      ['会站家 0 j', 'd.txt:1: bad frequency "0" (expected a positive integer)'],
      ['会站家 many j', 'd.txt:1: bad frequency "many" (expected a positive integer)'],
      ['会站家 10 J', 'd.txt:1: bad tag "J" (expected lowercase letters, e.g. nz)'],
      ['会 站 家 j', 'd.txt:1: expected "word [freq] [tag]", found 4 fields'],
      ['“” n', 'd.txt:1: "“”" is punctuation only'],
    ];
    for (const [line, message] of bad) {
      expect(() => parseDictionary(`${line}\n`, 'd.txt'), line).toThrow(message);
      expect(() => parseDictionary(`${line}\n`, 'd.txt')).toThrow(SourceError);
    }
  });
});

describe('jiebaUserDict', () => {
  it('writes every entry as "word freq tag", the default frequency where none is given', () => {
    const entries = parseDictionary('# c\n会站家 j\n职代会 20 j\n十四五\n');
    expect(jiebaUserDict(entries)).toBe(`会站家 ${DEFAULT_FREQ} j\n职代会 20 j\n十四五 ${DEFAULT_FREQ} nz\n`);
  });

  it('turns the real dictionary into lines of exactly three fields', () => {
    const lines = jiebaUserDict(dictionaryEntries()).trimEnd().split('\n');
    expect(lines.length).toBe(dictionaryEntries().length);
    for (const line of lines) expect(line.split(' '), line).toHaveLength(3);
  });
});

describe('content/stopwords.txt', () => {
  it('parses one word a line and ignores comments', () => {
    expect(parseStopwords('# c\n加强\n\n推进 # verb\r\n')).toEqual(['加强', '推进']);
  });

  it('holds the field labels and common policy verbs', () => {
    expect(stopwords()).toEqual(expect.arrayContaining(['牵头单位', '参加单位', '加强', '推进', '一是']));
  });
});

describe('findRepoRoot', () => {
  const outside = mkdtempSync(join(tmpdir(), 'tiaowen-root-test-'));

  it('finds the repository from the working directory', () => {
    expect(findRepoRoot([root])).toBe(root);
    expect(findRepoRoot([join(root, 'tests/unit/pipeline')])).toBe(root);
  });

  it("finds the repository from the segment module's own directory when the working directory is elsewhere", () => {
    expect(findRepoRoot([outside, segmentModuleDir])).toBe(root);
  });

  it('finds the repository from the working directory when the module was bundled elsewhere', () => {
    // As in Astro's build: the module may run from a chunk outside src/.
    expect(findRepoRoot([root, join(outside, 'dist/.prerender/chunks')])).toBe(root);
  });

  it('resolves with the default starting points inside vitest', () => {
    expect(findRepoRoot()).toBe(root);
  });

  it('says where it looked when there is no dictionary', () => {
    expect(() => findRepoRoot([outside])).toThrow(`cannot find ${DICTIONARY_FILE} in or above ${outside}`);
  });

  it('is where this test file says the repository is', () => {
    expect(findRepoRoot([dirname(fileURLToPath(import.meta.url))])).toBe(root);
  });
});
