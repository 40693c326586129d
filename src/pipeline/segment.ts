/**
 * Word segmentation at build time: nodejieba (cppjieba) with the domain dictionary in
 * content/dictionary.txt, and TF-IDF keywords for clauses.
 *
 * ## The dictionary
 * content/dictionary.txt is a jieba user dictionary (`word [freq] [tag]` a line) that may
 * also hold `#` comments and blank lines. It is parsed and checked here (see
 * {@link parseDictionary}); nodejieba is given a cleaned copy, written to a temporary file
 * that is removed as soon as nodejieba has read it. A term printed with enumeration commas
 * (会、站、家) is a *variant* of the term without them (会站家): segmentation keeps both
 * whole, and {@link canonicalTerm} maps the variant to the plain spelling, which is what
 * keywords and {@link domainTerms} use.
 * content/stopwords.txt (one word a line, `#` comments) lists words never used as keywords.
 *
 * Both files are found from the repository root, the nearest directory above
 * `process.cwd()` or above this module's own file that holds content/dictionary.txt. The
 * module runs inside vitest (import.meta.url is the source file) and inside Astro's build
 * (Vite SSR; the module may be bundled into a chunk elsewhere, so the working directory,
 * which is the project root for `astro build`, is tried first).
 *
 * ## nodejieba is loaded once per process
 * nodejieba holds one global segmenter; `load({ userDict })` is meant to be called once per
 * process, before the first cut. This module loads it lazily on the first call that needs
 * it, and records that in a process-wide flag (on `globalThis`), so that even two copies of
 * this module (Vite may instantiate a module more than once) never load it twice. Edits to
 * the dictionary therefore take effect in a new process only (restart `astro dev`).
 * nodejieba is a native addon; it is required at run time through `createRequire`, so no
 * bundler ever tries to inline it, and it is not loaded at all by code that only reads the
 * dictionary.
 *
 * ## HMM
 * nodejieba 3.x's `cut(sentence, useHMM)` defaults to useHMM = false (its typings call the
 * flag `strict`); this module always passes `true`, so unknown words are found by the HMM.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceError } from './decode';

type Jieba = typeof import('nodejieba');

/** Paths of the content files, relative to the repository root. */
export const DICTIONARY_FILE = 'content/dictionary.txt';
export const STOPWORDS_FILE = 'content/stopwords.txt';

// ───────────────────────────────────────────────────────────────────── repository root

/** This module's directory, or null where import.meta.url is not a file URL. */
function moduleDir(): string | null {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
}

/**
 * The repository root: the nearest directory at or above one of `starts` (tried in order)
 * that holds content/dictionary.txt. Defaults: the working directory, then this module's
 * directory. Throws if there is none.
 */
export function findRepoRoot(starts: (string | null | undefined)[] = [process.cwd(), moduleDir()]): string {
  const tried: string[] = [];
  for (const start of starts) {
    if (!start) continue;
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, DICTIONARY_FILE))) return dir;
      const parent = dirname(dir);
      if (parent === dir || dir === parsePath(dir).root) break;
      dir = parent;
    }
    tried.push(resolve(start));
  }
  throw new Error(`cannot find ${DICTIONARY_FILE} in or above ${tried.join(' or ')}`);
}

// ───────────────────────────────────────────────────────────────────────── dictionary

export interface DictionaryEntry {
  /** The term as printed (may be a variant such as 会、站、家). */
  word: string;
  /** The term's canonical spelling: `word` without enumeration commas (会站家). */
  canonical: string;
  freq?: number;
  tag: string;
  /** 1-based line in the dictionary file. */
  line: number;
}

const DEFAULT_TAG = 'nz';
/**
 * The frequency given to entries without one. jieba's dictionary has a median frequency of
 * 3 (sum ≈ 6.0e7); at that weight a term made of two common words (劳动 + 关系, 民主 + 管理,
 * 组织 + 部) loses to the two words. 50 keeps every term of the dictionary whole in the
 * seeds without gluing unrelated neighbours together (职工运用 still cuts as 职工/运用, not
 * 职/工运/用).
 */
export const DEFAULT_FREQ = 50;
/** Terms with this tag (organisations, departments) are kept whole but not boosted as keywords. */
const NO_BOOST_TAGS = new Set(['nt']);
/** Enumeration commas inside a term mark a variant spelling. */
const VARIANT_MARKS = /、/g;

/**
 * Parse a dictionary in the format of content/dictionary.txt. Throws a SourceError
 * (`<file>:<line>: …`) on a malformed line, a one-character term or a duplicate.
 */
export function parseDictionary(text: string, file: string = DICTIONARY_FILE): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/(^|\s)#.*$/u, '').trim();
    if (!content) return;
    const fields = content.split(/\s+/u);
    if (fields.length > 3) throw new SourceError(file, `expected "word [freq] [tag]", found ${fields.length} fields`, { line });
    const [word, second, third] = fields as [string, string?, string?];
    let freq: number | undefined;
    let tag = DEFAULT_TAG;
    if (third !== undefined) {
      freq = parseFreq(second!, file, line);
      tag = third;
    } else if (second !== undefined) {
      if (/^\d+$/.test(second)) freq = parseFreq(second, file, line);
      else tag = second;
    }
    if (!/^[a-z]+$/.test(tag)) throw new SourceError(file, `bad tag "${tag}" (expected lowercase letters, e.g. nz)`, { line });
    if ([...word].length < 2) throw new SourceError(file, `"${word}" is a single character; domain terms have at least two`, { line });
    if (/^[\p{P}\p{S}]+$/u.test(word)) throw new SourceError(file, `"${word}" is punctuation only`, { line });
    const previous = seen.get(word);
    if (previous !== undefined) throw new SourceError(file, `"${word}" is listed twice (first on line ${previous})`, { line });
    seen.set(word, line);
    const entry: DictionaryEntry = { word, canonical: word.replace(VARIANT_MARKS, ''), tag, line };
    if (freq !== undefined) entry.freq = freq;
    entries.push(entry);
  });
  return entries;
}

function parseFreq(field: string, file: string, line: number): number {
  const n = Number(field);
  if (!/^\d+$/.test(field) || !Number.isSafeInteger(n) || n < 1) {
    throw new SourceError(file, `bad frequency "${field}" (expected a positive integer)`, { line });
  }
  return n;
}

/**
 * The dictionary in the form cppjieba reads: `word freq tag` on every line, nothing else
 * (cppjieba takes a two-field line as `word tag`, has no comments, and stores a line of
 * four or more fields as an empty word).
 */
export function jiebaUserDict(entries: readonly DictionaryEntry[]): string {
  return entries.map((e) => `${e.word} ${e.freq ?? DEFAULT_FREQ} ${e.tag}`).join('\n') + '\n';
}

/** Parse a stopword list: one word a line, `#` comments, blank lines ignored. */
export function parseStopwords(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/(^|\s)#.*$/u, '').trim())
    .filter(Boolean);
}

interface Lexicon {
  root: string;
  entries: DictionaryEntry[];
  /** word as printed → canonical spelling, for every entry. */
  canonical: Map<string, string>;
  /** Canonical spellings, in dictionary order, without repeats. */
  terms: string[];
  termSet: Set<string>;
  /** Canonical spellings that get the keyword boost (domain terms not tagged `nt`). */
  boosted: Set<string>;
  stopwords: Set<string>;
}

let lexicon: Lexicon | undefined;

function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const root = findRepoRoot();
  const entries = parseDictionary(readFileSync(join(root, DICTIONARY_FILE), 'utf8'));
  const canonical = new Map(entries.map((e) => [e.word, e.canonical]));
  const terms = [...new Set(entries.map((e) => e.canonical))];
  const stopPath = join(root, STOPWORDS_FILE);
  const stopwords = new Set(existsSync(stopPath) ? parseStopwords(readFileSync(stopPath, 'utf8')) : []);
  const boosted = new Set(entries.filter((e) => !NO_BOOST_TAGS.has(e.tag)).map((e) => e.canonical));
  lexicon = { root, entries, canonical, terms, termSet: new Set(terms), boosted, stopwords };
  return lexicon;
}

/** The domain terms (canonical spellings: 会站家, not 会、站、家), in dictionary order. */
export function domainTerms(): string[] {
  return [...getLexicon().terms];
}

/** The dictionary entries as parsed, variants included. */
export function dictionaryEntries(): DictionaryEntry[] {
  return getLexicon().entries.map((e) => ({ ...e }));
}

/** Whether a word (either spelling) is a domain term. */
export function isDomainTerm(word: string): boolean {
  const lex = getLexicon();
  return lex.termSet.has(lex.canonical.get(word) ?? word);
}

/** The canonical spelling of a token: 会、站、家 → 会站家; any other token is returned as is. */
export function canonicalTerm(token: string): string {
  return getLexicon().canonical.get(token) ?? token;
}

/** The stopwords of content/stopwords.txt. */
export function stopwords(): string[] {
  return [...getLexicon().stopwords];
}

// ──────────────────────────────────────────────────────────────────────────── nodejieba

/** Process-wide record of the user dictionary nodejieba was loaded with. */
const LOADED = Symbol.for('tiaowen.segment.nodejieba-user-dict');
type LoadFlag = { [LOADED]?: string };

let jiebaInstance: Jieba | undefined;

function jieba(): Jieba {
  if (jiebaInstance) return jiebaInstance;
  const lex = getLexicon();
  const require = createRequire(join(lex.root, 'package.json'));
  const nodejieba = require('nodejieba') as Jieba;
  const flag = globalThis as LoadFlag;
  if (flag[LOADED] === undefined) {
    // cppjieba aborts the whole process on a file it cannot open, so the file must exist;
    // it reads the file during load(), after which the copy can go.
    const dir = mkdtempSync(join(tmpdir(), 'tiaowen-jieba-'));
    const userDict = join(dir, 'user.dict.utf8');
    try {
      writeFileSync(userDict, jiebaUserDict(lex.entries));
      nodejieba.load({ userDict });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    flag[LOADED] = join(lex.root, DICTIONARY_FILE);
  }
  jiebaInstance = nodejieba;
  return nodejieba;
}

/**
 * Segment a text (nodejieba `cut` with HMM, domain dictionary loaded). Lossless: the tokens
 * joined give back the text, punctuation and whitespace tokens included.
 */
export function cut(text: string): string[] {
  if (text === '') return [];
  return jieba().cut(text, true);
}

/**
 * Segment for a search index (nodejieba `cutForSearch` with HMM): long words are followed
 * by the dictionary words inside them. A variant spelling of a domain term (会、站、家) is
 * followed by its canonical spelling (会站家), so either finds it.
 */
export function cutForSearch(text: string): string[] {
  if (text === '') return [];
  const lex = getLexicon();
  const out: string[] = [];
  for (const token of jieba().cutForSearch(text, true)) {
    out.push(token);
    const canonical = lex.canonical.get(token);
    if (canonical !== undefined && canonical !== token) out.push(canonical);
  }
  return out;
}

/** Whether a token is a word: not empty, not whitespace, not punctuation or symbols only. */
export function isWordToken(token: string): boolean {
  return token.length > 0 && !/^[\s\p{P}\p{S}\p{Z}\p{C}]+$/u.test(token);
}

/** The words of a text: cut(), without whitespace or punctuation tokens, in canonical spelling. */
export function words(text: string): string[] {
  return cut(text).filter(isWordToken).map(canonicalTerm);
}

// ───────────────────────────────────────────────────────────────────────────── keywords

export interface KeywordOptions {
  /** Keywords per text (default 8). */
  topN?: number;
  /** Factor applied to the score of domain terms, except those tagged `nt` (default 2). */
  domainBoost?: number;
  /** Further words never to use as keywords (added to content/stopwords.txt). */
  stopwords?: Iterable<string>;
}

const PURE_NUMBER = /^[\p{Nd}.．,，%％‰]+$/u;
/** Quantities with units, as the HMM glues them: 万人次, 亿元, 万家, 余万, 万多名, 余项. */
const QUANTITY = /^(?=.*[万亿余])[\p{Nd}.．余多几十百千万亿人家户个名元项次件种场所]+$/u;

/**
 * The keyword candidates of a text, in order: words() minus stopwords, single characters,
 * pure numbers and quantities (万人次, 亿元). Domain terms always pass the length and number
 * tests (12351 stays) but not the stopword list (a stopword wins: 牵头单位 is a field label).
 */
export function keywordCandidates(text: string, extraStopwords: ReadonlySet<string> = new Set()): string[] {
  const lex = getLexicon();
  return words(text).filter((w) => {
    if (lex.stopwords.has(w) || extraStopwords.has(w)) return false;
    if (lex.termSet.has(w)) return true;
    return [...w].length >= 2 && !PURE_NUMBER.test(w) && !QUANTITY.test(w);
  });
}

/**
 * Keywords for each text of a corpus (e.g. all clause texts of the library): the top N
 * candidates (see {@link keywordCandidates}) by TF-IDF computed over this corpus,
 *   score = tf × idf × boost,  idf = ln((1 + N) / (1 + df)) + 1,
 * where tf is the count in the text, df the number of texts containing the word, N the
 * number of texts, and boost is `domainBoost` for domain terms (except organisations and
 * departments, tagged `nt`) and 1 otherwise.
 * Ties are broken by first occurrence in the text, then by code-unit order, so the result
 * depends only on the input. Words are in canonical spelling (会站家).
 */
export function keywords(texts: readonly string[], opts: KeywordOptions = {}): string[][] {
  const topN = opts.topN ?? 8;
  const boost = opts.domainBoost ?? 2;
  if (!Number.isInteger(topN) || topN < 0) throw new RangeError(`topN must be a non-negative integer, got ${topN}`);
  if (!(boost > 0)) throw new RangeError(`domainBoost must be positive, got ${boost}`);
  const extra = new Set(opts.stopwords ?? []);
  const lex = getLexicon();

  const docs = texts.map((t) => keywordCandidates(t, extra));
  const df = new Map<string, number>();
  for (const doc of docs) for (const w of new Set(doc)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;

  return docs.map((doc) => {
    const stats = new Map<string, { tf: number; first: number }>();
    doc.forEach((w, i) => {
      const s = stats.get(w);
      if (s) s.tf++;
      else stats.set(w, { tf: 1, first: i });
    });
    const scored = [...stats].map(([word, { tf, first }]) => ({
      word,
      first,
      score: tf * (Math.log((1 + n) / (1 + df.get(word)!)) + 1) * (lex.boosted.has(word) ? boost : 1),
    }));
    scored.sort((a, b) => b.score - a.score || a.first - b.first || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return scored.slice(0, topN).map((s) => s.word);
  });
}
