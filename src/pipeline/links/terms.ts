/**
 * The term index (术语索引): domain terms and the corpus's strongest keywords, with every
 * clause that uses each and the sentence it stands in.
 *
 * The terms are
 * - every term of the domain dictionary that a clause uses, except stopwords (the field
 *   labels 牵头单位 / 参加单位 are not subjects), matched by plain substring search in any
 *   of its printed spellings (会站家 and 会、站、家), so 基层工会 is also found inside
 *   基层工会联合会;
 * - every term the site has published (content/published-terms.txt), while a clause uses it;
 * - the keywords (TF-IDF, see segment.ts) that name a subject across the library. A keyword
 *   is an ordinary word, so it is only taken where segmentation finds it as a word: 人大 in
 *   积极参与人大立法, not inside 产业工人大军.
 *
 * A keyword that is a generic word (generic.ts: common in general Chinese, as 参加, 标准, 全国,
 * 年度, 领导, 特别, or a formula word of statutes, as 本法, 依法) is never a term, published or
 * not: TF-IDF over clauses makes such words keywords wherever a few clauses repeat them, and
 * before this rule they were most of the keyword terms. A published term that is no longer a
 * term (a generic word, or a word made a stopword) keeps its page, which says so, as a retired
 * term ({@link termPages}); it leaves the index and data/terms.json.
 *
 * Terms are published pages, and adding texts must not take one away. So the keyword rule is
 * monotone in added sources: a word is a keyword term when, at some stage of the library's
 * growth, it was one of the library's strongest keywords. The stages are the library's
 * prefixes, source file by source file in reading order (new sources sort after the old
 * ones); at a stage of p clauses the word must be a keyword of at least
 * {@link MIN_KEYWORD_CLAUSES} and at least {@link MIN_KEYWORD_SHARE} × p of them, in at least
 * {@link MIN_KEYWORD_TEXTS} different texts (two transcriptions of one text count once; with
 * three clauses, a word such as 原则上 gets in because the annex restates its opinion), and
 * stand in no more than {@link MAX_KEYWORD_SHARE} × p of them (工会, 职工 and 服务 stand in
 * nearly every clause and index nothing). Adding a source adds a stage and changes none of
 * the earlier ones, so no keyword term is lost — where the keywords of the earlier clauses
 * stay what they were.
 *
 * They do not quite: keywords are TF-IDF over the whole library, and a text added changes the
 * weight of every word it uses, so a word that was a keyword of exactly three clauses can
 * drop to two (adding copies of the seeds or three statutes took 4 to 8 of 344 terms away
 * that way). A build cannot see which terms an earlier build published, so those are listed
 * in content/published-terms.txt and kept while used; the list is only added to, after review,
 * with `UPDATE=1` (tests/unit/pipeline/links/published.test.ts).
 *
 * Why a share at all: keywords of any 3 clauses became terms by the thousand as the library
 * grew (344, 1,988 and 3,167 terms at 1×, 10× and 100× the seed library in the scale
 * benchmark, half the site's bytes in term uses). Taking the share at each stage instead of
 * only at the end keeps that bound and never drops a term: in the synthetic libraries 344,
 * 504 and 545 terms (9.8 uses per clause at 100×; the share at the end alone gave 344, 291
 * and 284). A word entering at a stage of p clauses needs p/100 keyword places out of 8p, so
 * each doubling of the library lets in at most 1,600 new keyword terms, and in practice far
 * fewer: the strongest keywords of a grown library are mostly already terms.
 *
 * Each use is the clause and the first of its sentences (heading and text split after
 * 。！？； and at line breaks) that holds the term, exactly as printed. Terms are in pinyin
 * order (Intl.Collator zh); each has a stable ASCII id made from the term alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClauseRecord, TermEntry } from '../../model';
import { termUrl } from '../../urls';

export interface TermInput {
  clauses: ClauseRecord[];
  /** The domain dictionary's terms (canonical spellings). */
  domainTerms: string[];
  /** Printed spellings of domain terms other than the canonical one (会站家 → 会、站、家). */
  variants: ReadonlyMap<string, readonly string[]>;
  /** Words that are never terms. */
  stopwords: ReadonlySet<string>;
  /** The words of a text (segmented, punctuation dropped, canonical spellings). */
  words: (text: string) => string[];
  /** Whether two documents are transcriptions of one text. */
  sameText: (docA: string, docB: string) => boolean;
  /** Terms published before (see {@link publishedTerms}): each keeps its page while a clause uses it. */
  published?: ReadonlySet<string>;
  /** Words that name no subject (generic.ts): never keyword terms (default: none). */
  generic?: (word: string) => boolean;
}

/** Fewest clauses of which a word must be a keyword to be a term. */
export const MIN_KEYWORD_CLAUSES = 3;
/**
 * Smallest share of a stage's clauses of which a word must be a keyword to become a term there
 * (where that is more than MIN_KEYWORD_CLAUSES): each stage takes only the strongest keywords,
 * so the number of keyword terms, and with it the uses listed per clause, grows far slower
 * than the library. Below 300 clauses it changes nothing.
 */
export const MIN_KEYWORD_SHARE = 0.01;
/** Fewest texts in whose clauses a word must be a keyword to be a term. */
export const MIN_KEYWORD_TEXTS = 2;
/** Largest share of a stage's clauses a keyword term may stand in there. */
export const MAX_KEYWORD_SHARE = 0.15;

/** Pinyin order for Chinese (ICU's zh collation); ties in code-unit order. */
const collator = new Intl.Collator('zh');
/** Compare two terms in pinyin order. */
export function comparePinyin(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A term's stable ASCII id: `t` and the first 8 hex digits of the SHA-256 of the term. */
export function termId(term: string): string {
  return `t${createHash('sha256').update(term, 'utf8').digest('hex').slice(0, 8)}`;
}

/**
 * The sentences of a text as printed: split after 。！？； (and ; ! ?, with any closing quotes
 * or brackets that follow) and at line breaks, trimmed, empty ones dropped.
 */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.match(/[^。！？；;!?]+(?:[。！？；;!?]+[”’」』）)]*)?|[。！？；;!?]+[”’」』）)]*/g) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A term to look for: its spellings, and whether a match must also be a word of the sentence. */
interface Candidate {
  term: string;
  spellings: string[];
  asWord: boolean;
}

/**
 * The words that pass a keyword term's lower bounds at some stage of the library's growth, with
 * those stages: the end (exclusive clause index) of each prefix of the library, source file by
 * source file in reading order, in which the word is a keyword of at least MIN_KEYWORD_CLAUSES
 * clauses and MIN_KEYWORD_SHARE of the prefix's clauses, in at least MIN_KEYWORD_TEXTS texts.
 */
function keywordStages(clauses: readonly ClauseRecord[], sameText: TermInput['sameText']): Map<string, number[]> {
  const textOf = new Map<string, string>();
  for (const c of clauses) {
    if (textOf.has(c.doc)) continue;
    const twin = [...textOf.keys()].find((d) => sameText(d, c.doc));
    textOf.set(c.doc, twin === undefined ? c.doc : textOf.get(twin)!);
  }
  const uses = new Map<string, { clauses: number; texts: Set<string> }>();
  const stages = new Map<string, number[]>();
  const check = (end: number) => {
    const fewest = Math.max(MIN_KEYWORD_CLAUSES, Math.ceil(MIN_KEYWORD_SHARE * end));
    for (const [k, u] of uses)
      if (u.clauses >= fewest && u.texts.size >= MIN_KEYWORD_TEXTS) {
        const list = stages.get(k);
        if (list) list.push(end);
        else stages.set(k, [end]);
      }
  };
  clauses.forEach((c, i) => {
    if (i > 0 && c.source !== clauses[i - 1].source) check(i);
    for (const k of c.keywords) {
      let u = uses.get(k);
      if (!u) uses.set(k, (u = { clauses: 0, texts: new Set() }));
      u.clauses++;
      u.texts.add(textOf.get(c.doc)!);
    }
  });
  check(clauses.length);
  return stages;
}

/** The published terms file, relative to the repository root: one `<id><TAB><term>` per line. */
export const PUBLISHED_TERMS_FILE = 'content/published-terms.txt';

/** Parse a published terms file: the terms, in file order (blank lines and # comments skipped). */
export function parsePublishedTerms(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t').at(-1)!.trim());
}

/** The terms the site has published, from PUBLISHED_TERMS_FILE under root (none if it is missing). */
export function publishedTerms(root: string): Set<string> {
  const file = join(root, PUBLISHED_TERMS_FILE);
  return new Set(existsSync(file) ? parsePublishedTerms(readFileSync(file, 'utf8')) : []);
}

/**
 * A look-up of the texts that may contain any of some spellings, by index in reading order:
 * those holding the spelling's rarest pair of characters (every text, for a one-character
 * spelling). Saves reading every text for every term in a large library.
 */
export function unitsWith(texts: readonly string[]): (spellings: readonly string[]) => number[] {
  const postings = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const chars = [...text];
    const seen = new Set<string>();
    for (let k = 0; k + 1 < chars.length; k++) seen.add(chars[k] + chars[k + 1]);
    for (const pair of seen) {
      const list = postings.get(pair);
      if (list) list.push(i);
      else postings.set(pair, [i]);
    }
  });
  const all = texts.map((_, i) => i);
  return (spellings) => {
    const found = new Set<number>();
    for (const spelling of spellings) {
      const chars = [...spelling];
      if (chars.length < 2) return all;
      let rarest: number[] | undefined;
      for (let k = 0; k + 1 < chars.length; k++) {
        const list = postings.get(chars[k] + chars[k + 1]) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const i of rarest!) found.add(i);
    }
    return [...found].sort((a, b) => a - b);
  };
}

/** The term index, in pinyin order (see {@link termPages}). */
export function termIndex(input: TermInput): TermEntry[] {
  return termPages(input).index;
}

/**
 * The term pages: the index, and the retired terms. A retired term is a published term (see
 * {@link publishedTerms}) a clause still uses that is no longer a term: a keyword term that is a
 * generic word (generic.ts: 参加, 标准, 全国), or a term that has become a stopword. Its page
 * stays, saying so (links are forever), but it is in neither the index nor data/terms.json.
 * Both lists are in pinyin order.
 */
export function termPages(input: TermInput): { index: TermEntry[]; retired: TermEntry[] } {
  const { clauses, stopwords } = input;
  const generic = input.generic ?? (() => false);
  const units = clauses.map((c) => ({ id: c.id, sentences: sentences([c.heading ?? '', c.text].join('\n')) }));
  const domain = new Set(input.domainTerms);
  const stages = keywordStages(clauses, input.sameText);
  const published = input.published ?? new Set<string>();
  const keywordTerms = [...new Set([...stages.keys(), ...published])].filter((term) => !domain.has(term));
  const candidates: Candidate[] = [
    ...input.domainTerms.map((term) => ({ term, spellings: [term, ...(input.variants.get(term) ?? [])], asWord: false })),
    ...keywordTerms.map((term) => ({ term, spellings: [term], asWord: true })),
  ];
  /** Whether a candidate is never indexed: a stopword, or a keyword term that is a generic word. */
  const excluded = (c: Candidate) => stopwords.has(c.term) || (c.asWord && generic(c.term));

  const wordCache = new Map<string, Set<string>>();
  const wordsOf = (sentence: string) => {
    let set = wordCache.get(sentence);
    if (!set) wordCache.set(sentence, (set = new Set(input.words(sentence))));
    return set;
  };
  const position = new Map(clauses.map((c, i) => [c.id, i]));
  /** Whether a term with these uses (in reading order) stands in at most MAX_KEYWORD_SHARE of the clauses at one of its stages. */
  const rareEnough = (uses: TermEntry['uses'], ends: readonly number[]) => {
    let before = 0;
    for (const end of ends) {
      while (before < uses.length && position.get(uses[before].clause)! < end) before++;
      if (before <= MAX_KEYWORD_SHARE * end) return true;
    }
    return false;
  };
  const where = unitsWith(units.map((u) => u.sentences.join('\n')));
  const ids = new Map<string, string>();
  const index: TermEntry[] = [];
  const retired: TermEntry[] = [];
  for (const candidate of candidates) {
    const { term, spellings, asWord } = candidate;
    const out = excluded(candidate) ? (published.has(term) ? retired : undefined) : index;
    if (!out) continue;
    const uses: TermEntry['uses'] = [];
    for (const unit of where(spellings).map((i) => units[i])) {
      const sentence = unit.sentences.find((s) => spellings.some((sp) => s.includes(sp)) && (!asWord || wordsOf(s).has(term)));
      if (sentence !== undefined) uses.push({ clause: unit.id, sentence });
    }
    if (uses.length === 0) continue;
    if (out === index && asWord && !published.has(term) && !rareEnough(uses, stages.get(term) ?? [])) continue;
    const id = termId(term);
    const other = ids.get(id);
    if (other !== undefined) throw new Error(`term ids collide: "${other}" and "${term}" both get ${id}`);
    ids.set(id, term);
    out.push({ term, id, url: termUrl(id), spellings, uses });
  }
  const order = (a: TermEntry, b: TermEntry) => comparePinyin(a.term, b.term);
  return { index: index.sort(order), retired: retired.sort(order) };
}

/**
 * Where each pinyin initial begins in ICU's zh collation: CLDR's pinyin tailoring sorts the
 * index characters U+FDD0 + letter (made for alphabetic indexes) just before the first Han
 * character of each letter. No pinyin starts with I, U or V.
 */
const PINYIN_INITIALS = [...'ABCDEFGHJKLMNOPQRSTWXYZ'];

/** The index heading a term is listed under: its pinyin initial (A–Z), 0–9 for digits, 其他 otherwise. */
export function termInitial(term: string): string {
  const first = String.fromCodePoint(term.codePointAt(0) ?? 0);
  if (/\p{Nd}/u.test(first)) return '0–9';
  if (!/\p{Script=Han}/u.test(first)) return '其他';
  return PINYIN_INITIALS.filter((letter) => collator.compare(`\uFDD0${letter}`, first) <= 0).pop() ?? 'A';
}

/** Terms (in pinyin order) grouped under their initials, in that order. */
export function termGroups<T extends { term: string }>(terms: readonly T[]): { initial: string; terms: T[] }[] {
  const groups: { initial: string; terms: T[] }[] = [];
  for (const t of terms) {
    const initial = termInitial(t.term);
    const last = groups[groups.length - 1];
    if (last?.initial === initial) last.terms.push(t);
    else groups.push({ initial, terms: [t] });
  }
  return groups;
}

/** A sentence cut into runs, each marked where it is one of the spellings (longest spelling first at each place). */
export function markTerm(sentence: string, spellings: readonly string[]): { text: string; mark: boolean }[] {
  const sorted = [...spellings].filter(Boolean).sort((a, b) => b.length - a.length);
  const parts: { text: string; mark: boolean }[] = [];
  let plain = '';
  for (let i = 0; i < sentence.length;) {
    const hit = sorted.find((s) => sentence.startsWith(s, i));
    if (hit) {
      if (plain) parts.push({ text: plain, mark: false });
      parts.push({ text: hit, mark: true });
      plain = '';
      i += hit.length;
    } else {
      plain += sentence[i];
      i++;
    }
  }
  if (plain) parts.push({ text: plain, mark: false });
  return parts;
}
