/**
 * Generic words: words that say nothing about a clause's subject, so that two clauses sharing
 * them are not on one subject, and a reader would not look them up as terms.
 *
 * A word is generic when
 * - it is common in general Chinese: its IDF in nodejieba's IDF table (cppjieba's idf.utf8, the
 *   table jieba's own keyword extractor reads, computed over a large general corpus) is below
 *   {@link GENERIC_IDF}. That is the 2,817 commonest words of the table's 258,826 (1.1 %), each
 *   standing in more than about one document in 1,100 of the corpus:
 *   参加, 标准, 全国, 年度, 领导, 特别, 时间, 系统, 规定, 法律, 部门, 解决. Words the table
 *   lacks (劳动争议, 职工之家, the library's own compounds) are not common there and pass;
 * - or it is listed in content/generic-words.txt: the formula words of statutes (本法, 依法,
 *   责令, 追究), rare in general text but used by every law whatever its subject;
 * - or it is an ordinal reference ({@link ORDINAL}: 第十条, 第二款, 第三): the same number names
 *   a different place in every text.
 * A term of the domain dictionary is never generic (none of them is common in general Chinese:
 * the lowest IDF among them is above 7.5). Nor is a heading subject, unless listed or an
 * ordinal: a word that a heading of the library's own texts names as its subject
 * ({@link headingSubjects}). Common words in general Chinese can be the very subjects of union
 * and labour texts: the labour law's 第五章 is headed 工资, its 第二章 促进就业, and a whole law
 * is the 安全生产法. A heading names its subject in a label of a word or two (工资, 监督检查,
 * 申请和受理), where plans and reports head their parts with sentences of aims (加快智慧工会建设,
 * 打造工会工作升级版) whose common words say nothing in particular; so only the words of a
 * heading with at most {@link MAX_LABEL_WORDS} content words count, place names left out
 * (中华人民共和国, 上海市 say where a text applies, not what it is about), and not the very
 * commonest words ({@link MIN_SUBJECT_IDF}: 规定 in 一般规定, 组织 in 组织制度). Of the generic
 * words the index once listed, only 特别 stands in a heading, in the four-word
 * 女职工劳动保护特别规定. On the library this frees 工资, 就业, 安全, 监督, 检查, 申请 and 总体.
 *
 * Apart from the headings, the test looks at the word alone, never at the library. Texts added
 * only add headings, so a word can only stop being generic as the library grows, never become
 * so: the term index stays monotone (see terms.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseStopwords } from '../segment';

/** Words with a general-language IDF below this are generic. */
export const GENERIC_IDF = 7;
/** Most content words (place names left out) of a heading whose words are heading subjects: a label, not a sentence. */
export const MAX_LABEL_WORDS = 2;
/**
 * Lowest general-language IDF of a heading subject. The 535 commonest words of general Chinese
 * (IDF below this: 规定, 组织, 机构, 一般, 生产) frame headings (一般规定, 组织制度, 工作机构)
 * rather than name a subject, and stay generic there too.
 */
export const MIN_SUBJECT_IDF = 5.5;
/** The list of generic words the IDF table cannot know, relative to the repository root. */
export const GENERIC_WORDS_FILE = 'content/generic-words.txt';

/** An ordinal reference as the segmenter cuts it: 第 and a Chinese number, perhaps with 条, 款, 项, 章, 节 or 级. */
export const ORDINAL = /^第[零〇一二三四五六七八九十百千两]+[条款项章节级]?$/u;

/** Parse an IDF table (`word idf` a line, as cppjieba's idf.utf8): word → IDF; malformed lines are skipped. */
export function parseIdfTable(text: string): Map<string, number> {
  const idf = new Map<string, number>();
  for (const line of text.split(/\r\n?|\n/)) {
    const [word, value] = line.trim().split(/\s+/);
    const x = Number(value);
    if (word && value !== undefined && Number.isFinite(x)) idf.set(word, x);
  }
  return idf;
}

let generalTable: Map<string, number> | undefined;

/** nodejieba's general-language IDF table, read once per process (the package under the repository root). */
export function generalIdf(root: string): Map<string, number> {
  if (generalTable) return generalTable;
  const require = createRequire(join(root, 'package.json'));
  // nodejieba's index.js only names its dictionary files; the native addon loads on first use.
  const file = (require('nodejieba') as { DEFAULT_IDF_DICT: string }).DEFAULT_IDF_DICT;
  generalTable = parseIdfTable(readFileSync(file, 'utf8'));
  return generalTable;
}

/** Parse a jieba dictionary (`word freq tag` a line, as cppjieba's jieba.dict.utf8): word → tag; lines without a tag are skipped. */
export function parseTagTable(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const line of text.split(/\r\n?|\n/)) {
    const [word, , tag] = line.trim().split(/\s+/);
    if (word && tag) tags.set(word, tag);
  }
  return tags;
}

let placeNames: Set<string> | undefined;

/** The words nodejieba's general dictionary tags as place names (ns: 中华人民共和国, 上海市, 山东省), read once per process. */
export function generalPlaceNames(root: string): Set<string> {
  if (placeNames) return placeNames;
  const require = createRequire(join(root, 'package.json'));
  const file = (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
  placeNames = new Set([...parseTagTable(readFileSync(file, 'utf8'))].filter(([, tag]) => tag === 'ns').map(([word]) => word));
  return placeNames;
}

/**
 * The heading subjects of some headings (document titles, chapter and part titles): the
 * content words of each heading that has at most {@link MAX_LABEL_WORDS} of them once place
 * names are left out (工资; 促进就业 → 就业; 中华人民共和国安全生产法 → 安全, 生产), and none of
 * a longer heading.
 */
export function headingSubjects(headings: Iterable<string>, words: (text: string) => string[], place: (word: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const heading of headings) {
    const label = [...new Set(words(heading))].filter((w) => !place(w));
    if (label.length <= MAX_LABEL_WORDS) for (const w of label) out.add(w);
  }
  return out;
}

/** The words of content/generic-words.txt under root (none if it is missing). */
export function listedGenericWords(root: string): Set<string> {
  const file = join(root, GENERIC_WORDS_FILE);
  return new Set(existsSync(file) ? parseStopwords(readFileSync(file, 'utf8')) : []);
}

/**
 * The generic-word test over a general IDF table, a list, the domain terms (never generic) and
 * the heading subjects (not generic unless listed, an ordinal, or among the very commonest words).
 */
export function genericTest(
  idf: ReadonlyMap<string, number>,
  listed: ReadonlySet<string>,
  domainTerms: ReadonlySet<string>,
  subjects: ReadonlySet<string> = new Set(),
): (word: string) => boolean {
  return (word) => {
    if (domainTerms.has(word)) return false;
    if (listed.has(word) || ORDINAL.test(word)) return true;
    const x = idf.get(word) ?? Infinity;
    return x < GENERIC_IDF && !(subjects.has(word) && x >= MIN_SUBJECT_IDF);
  };
}

/**
 * The library's generic-word test: nodejieba's IDF table, content/generic-words.txt under root,
 * and the heading subjects of the given headings (their content words by `words`).
 */
export function genericWords(
  root: string,
  domainTerms: ReadonlySet<string>,
  headings: Iterable<string> = [],
  words: (text: string) => string[] = () => [],
): (word: string) => boolean {
  const place = generalPlaceNames(root);
  return genericTest(
    generalIdf(root),
    listedGenericWords(root),
    domainTerms,
    headingSubjects(headings, words, (w) => place.has(w)),
  );
}
