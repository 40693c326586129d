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
 * the lowest IDF among them is above 7.5).
 *
 * The test looks at the word alone, never at the library: a word's being generic does not change
 * as texts are added, so it keeps the term index monotone (see terms.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseStopwords } from '../segment';

/** Words with a general-language IDF below this are generic. */
export const GENERIC_IDF = 7;
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

/** The words of content/generic-words.txt under root (none if it is missing). */
export function listedGenericWords(root: string): Set<string> {
  const file = join(root, GENERIC_WORDS_FILE);
  return new Set(existsSync(file) ? parseStopwords(readFileSync(file, 'utf8')) : []);
}

/** The generic-word test over a general IDF table, a list and the domain terms (never generic). */
export function genericTest(idf: ReadonlyMap<string, number>, listed: ReadonlySet<string>, domainTerms: ReadonlySet<string>): (word: string) => boolean {
  return (word) => !domainTerms.has(word) && (listed.has(word) || ORDINAL.test(word) || (idf.get(word) ?? Infinity) < GENERIC_IDF);
}

/** The library's generic-word test: nodejieba's IDF table and content/generic-words.txt under root. */
export function genericWords(root: string, domainTerms: ReadonlySet<string>): (word: string) => boolean {
  return genericTest(generalIdf(root), listedGenericWords(root), domainTerms);
}
