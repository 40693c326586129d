/**
 * The benchmark's query set and its ground truth. Pure: everything comes from the corpus
 * (the open data's clauses), a seeded RNG, and the functions passed in (word segmentation,
 * the domain terms, a simplified → traditional converter), so a seed gives the same queries
 * on every run.
 *
 * Classes:
 * - substrings: substrings of 2–6 characters sampled uniformly over the characters of the
 *   clause texts (never across a line break; not only punctuation; at least 2 characters
 *   after folding);
 * - compounds: two words of ≥ 2 characters (with a Han character) of one clause that are not
 *   adjacent in it, typed together without a space, plus hand-written ones; relevant are the
 *   clauses containing every word;
 * - terms: domain terms (content/dictionary.txt) that occur in some clause;
 * - identifiers: 文号 found in the clauses written with each kind of bracket, numbers and
 *   Latin abbreviations, and a few hand-written ones;
 * - folding: the same text typed differently: without enumeration commas, with spaces or
 *   quotes inside, with full-width digits and letters, in another letter case, in 《》;
 * - traditional: sampled substrings (Taiwan standard) and domain terms (Hong Kong standard)
 *   converted with opencc-js; relevant are the clauses containing the simplified original;
 * - separated: a word of a clause that segmentation keeps whole (工会组织), typed as two words
 *   of its own separated by a space, a full-width space or a run of spaces (工会 组织), now and
 *   then in the other order, plus hand-written ones; only where the two words also stand apart
 *   in some clause. A space means separate words, so relevant are the clauses containing each
 *   word, anywhere and in any order, not only the joined form.
 *
 * A query whose ground truth is empty (it occurs in no clause) is dropped and reported.
 */
import { fold, isOnlyPunctuation } from './fold';
import { createRng, subSeed, type Rng } from './rng';

export const CLASSES = ['substrings', 'compounds', 'terms', 'identifiers', 'folding', 'traditional', 'separated'] as const;
export type QueryClass = (typeof CLASSES)[number];

export interface CorpusClause {
  id: string;
  url: string;
  text: string;
  heading?: string | null;
}

export interface Query {
  class: QueryClass;
  /** The query as typed. */
  q: string;
  /** Ground truth: the clauses FOLD-contain this (simplified) string… */
  truth?: string;
  /** …or every one of these words (compounds). */
  words?: string[];
  /** Where the query came from (clause id, "hand", "dictionary"). */
  origin: string;
}

export interface Corpus {
  clauses: readonly CorpusClause[];
  /** FOLD(heading + "\n" + text) of each clause. */
  folded: string[];
}

/** The text of a clause that the benchmark searches: its heading and its text. */
export function clauseText(c: CorpusClause): string {
  return c.heading ? `${c.heading}\n${c.text}` : c.text;
}

export function makeCorpus(clauses: readonly CorpusClause[]): Corpus {
  return { clauses, folded: clauses.map((c) => fold(clauseText(c))) };
}

/** The ids of the clauses relevant to a query (see the module comment). */
export function relevantIds(query: Pick<Query, 'truth' | 'words' | 'q'>, corpus: Corpus): string[] {
  const needles = (query.words ?? [query.truth ?? query.q]).map(fold);
  if (needles.some((n) => n === '')) return [];
  return corpus.clauses.filter((_, i) => needles.every((n) => corpus.folded[i]!.includes(n))).map((c) => c.id);
}

const HAN = /\p{Script=Han}/u;
const ASCII_ALNUM = /[0-9A-Za-z]/;

export interface GenerateOptions {
  seed: number;
  /** nodejieba words() of a text (src/pipeline/segment.ts), without punctuation tokens. */
  words: (text: string) => string[];
  /** The domain terms (src/pipeline/segment.ts domainTerms()). */
  terms: readonly string[];
  /** Simplified → traditional converters. */
  toTraditional: { tw: (s: string) => string; hk: (s: string) => string };
  /** Queries per generated class (defaults: substrings 150, compounds 40, terms 40, traditional 60, separated 30). */
  counts?: Partial<Record<'substrings' | 'compounds' | 'terms' | 'traditional' | 'separated', number>>;
}

export interface QuerySet {
  queries: Query[];
  /** Candidate queries that occur in no clause, so have no ground truth. */
  dropped: Query[];
}

/** Sample a substring of 2–6 characters uniformly over the characters of the corpus. */
export function sampleSubstring(texts: readonly string[], cumulative: readonly number[], rng: Rng): { text: string; index: number } | null {
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (total === 0) return null;
  const at = Math.floor(rng.next() * total);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  const chars = [...texts[lo]!];
  const start = at - (lo === 0 ? 0 : cumulative[lo - 1]!);
  const len = rng.int(2, 6);
  if (start + len > chars.length) return null;
  const text = chars.slice(start, start + len).join('');
  if (/[\n\r]/.test(text) || isOnlyPunctuation(text) || [...fold(text)].length < 2) return null;
  return { text, index: lo };
}

function substringSampler(corpus: Corpus) {
  const texts = corpus.clauses.map(clauseText);
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of texts) cumulative.push((sum += [...t].length));
  return (rng: Rng) => sampleSubstring(texts, cumulative, rng);
}

/** Draw until `count` distinct queries were made or the attempts run out. */
function draw(count: number, make: () => Omit<Query, 'class'> | null, cls: QueryClass, seen = new Set<string>()): Query[] {
  const out: Query[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 200; attempt++) {
    const q = make();
    if (!q || seen.has(q.q)) continue;
    seen.add(q.q);
    out.push({ class: cls, ...q });
  }
  return out;
}

export function substringQueries(corpus: Corpus, rng: Rng, count: number): Query[] {
  const sample = substringSampler(corpus);
  return draw(
    count,
    () => {
      const s = sample(rng);
      return s && { q: s.text, truth: s.text, origin: corpus.clauses[s.index]!.id };
    },
    'substrings',
  );
}

/** Words of a clause usable in a compound: ≥ 2 characters, with a Han character. */
export function compoundCandidates(words: readonly string[]): { word: string; at: number }[] {
  return words.map((word, at) => ({ word, at })).filter(({ word }) => [...word].length >= 2 && HAN.test(word));
}

/** Two non-adjacent, different words of one clause, typed together (reading order). */
export function pickCompound(clauseWords: readonly string[], clauseFolded: string, rng: Rng): string[] | null {
  const cands = compoundCandidates(clauseWords);
  if (cands.length < 2) return null;
  const [a, b] = rng.sample(cands, 2).sort((x, y) => x.at - y.at) as [{ word: string; at: number }, { word: string; at: number }];
  if (b.at - a.at < 2) return null;
  const fa = fold(a.word);
  const fb = fold(b.word);
  if (fa === fb || fa.includes(fb) || fb.includes(fa)) return null;
  if (clauseFolded.includes(fa + fb)) return null; // that would be a substring query
  return [a.word, b.word];
}

/** Hand-written compounds: the query and the words it is made of. */
export const HAND_COMPOUNDS: readonly (readonly [string, readonly string[]])[] = [
  ['农民工欠薪', ['农民工', '欠薪']],
  ['集体协商指导员培训', ['集体协商', '指导员', '培训']],
  ['职工之家建设', ['职工之家', '建设']],
  ['基层工会经费', ['基层工会', '经费']],
  ['女职工权益保护', ['女职工', '权益', '保护']],
  ['工会干部培训', ['工会干部', '培训']],
  ['厂务公开职代会', ['厂务公开', '职代会']],
  ['劳模工匠人才', ['劳模', '工匠', '人才']],
];

export function compoundQueries(corpus: Corpus, rng: Rng, count: number, words: (text: string) => string[]): Query[] {
  const cache = new Map<number, string[]>();
  const generated = draw(
    count,
    () => {
      const i = rng.int(0, corpus.clauses.length - 1);
      let ws = cache.get(i);
      if (!ws) cache.set(i, (ws = words(clauseText(corpus.clauses[i]!))));
      const pair = pickCompound(ws, corpus.folded[i]!, rng);
      return pair && { q: pair.join(''), words: pair, origin: corpus.clauses[i]!.id };
    },
    'compounds',
  );
  const seen = new Set(generated.map((q) => q.q));
  const hand = HAND_COMPOUNDS.filter(([q]) => !seen.has(q)).map(([q, ws]): Query => ({ class: 'compounds', q, words: [...ws], origin: 'hand' }));
  return [...generated, ...hand];
}

export function termQueries(corpus: Corpus, rng: Rng, count: number, terms: readonly string[]): Query[] {
  const occurring = [...new Set(terms)].filter((t) => relevantIds({ q: t }, corpus).length > 0);
  return rng.sample(occurring, count).map((t) => ({ class: 'terms', q: t, truth: t, origin: 'dictionary' }));
}

const BRACKETS: readonly [string, string][] = [
  ['〔', '〕'],
  ['[', ']'],
  ['(', ')'],
  ['（', '）'],
  ['【', '】'],
  ['', ''],
];
/** 文号 as printed: issuer, 〔year〕, number, 号. */
const DOC_NUMBER = /[\p{Script=Han}]{1,6}〔(\d{4})〕(\d+)号/gu;
/** Identifiers named in the issue that may or may not be in a clause (checked, else dropped). */
export const HAND_IDENTIFIERS: readonly string[] = [
  '鲁会〔2014〕79号',
  '鲁会[2014]79号',
  '鲁会(2014)79号',
  '临会办〔2014〕99号',
  '总工发〔2014〕22号',
  '12351',
  '１２３５１',
  '2095-7416',
  'D412.6',
];

/** Full-width forms of ASCII letters and digits. */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function identifierQueries(corpus: Corpus): Query[] {
  const all = corpus.clauses.map(clauseText).join('\n');
  const out: Query[] = HAND_IDENTIFIERS.map((q) => ({ class: 'identifiers', q, truth: q, origin: 'hand' }));
  const issuer = (m: string) => m.slice(0, m.indexOf('〔'));
  // The shortest issuer prefix that a 文号 carries: 鲁会〔2014〕79号 inside 意见》（鲁会〔…
  const docNumbers = new Set<string>();
  for (const m of all.matchAll(DOC_NUMBER)) {
    const name = issuer(m[0]);
    const short = /(鲁会|临会办|总工发|鲁工发|鲁总发|国发|中发|鲁政发|鲁发|工发)$/u.exec(name)?.[1] ?? name.slice(-3);
    docNumbers.add(`${short}\u0000${m[1]}\u0000${m[2]}`);
  }
  for (const key of docNumbers) {
    const [name, year, num] = key.split('\u0000') as [string, string, string];
    for (const [open, close] of BRACKETS) {
      const q = `${name}${open}${year}${close}${num}号`;
      out.push({ class: 'identifiers', q, truth: q, origin: 'corpus' });
    }
  }
  // The longest numbers (4+ digits, or with a decimal point), as printed and full-width, and
  // the Latin abbreviations.
  const numbers = new Set<string>();
  for (const m of all.matchAll(/(?<![0-9.])(?:\d{4,}|\d+\.\d+)(?![0-9])/g)) numbers.add(m[0]);
  const longest = [...numbers].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, 6);
  longest.forEach((n, i) => {
    out.push({ class: 'identifiers', q: n, truth: n, origin: 'corpus' });
    if (i < 3) out.push({ class: 'identifiers', q: toFullWidth(n), truth: n, origin: 'corpus' });
  });
  for (const m of new Set(all.match(/(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])/g) ?? [])) {
    out.push({ class: 'identifiers', q: m, truth: m, origin: 'corpus' });
  }
  return dedupe(out);
}

/** Hand-written folding queries: the query and the simplified text it stands for. */
export const HAND_FOLDING: readonly (readonly [string, string])[] = [
  ['会站家', '会站家'],
  ['会、站、家', '会站家'],
  ['会 站 家', '会站家'],
  ['职工 之家', '职工之家'],
  ['职工\u3000之家', '职工之家'],
  ['"职工之家"', '职工之家'],
  ['“职工之家”', '职工之家'],
  ['《工会法》', '工会法'],
  ['工会法', '工会法'],
  ['《中国工人》', '中国工人'],
  ['QQ群', 'QQ群'],
  ['qq群', 'QQ群'],
  ['ＱＱ群', 'QQ群'],
  ['Qq群', 'QQ群'],
  ['vr', 'VR'],
  ['ＶＲ', 'VR'],
  ['oa', 'OA'],
  ['２０２５年', '2025年'],
  ['鲁会（2014）79号', '鲁会〔2014〕79号'],
  ['鲁会【2014】79号', '鲁会〔2014〕79号'],
];

export function foldingQueries(corpus: Corpus, rng: Rng): Query[] {
  const out: Query[] = HAND_FOLDING.map(([q, truth]) => ({ class: 'folding', q, truth, origin: 'hand' }));
  const seen = new Set(out.map((q) => q.q));
  const texts = corpus.clauses.map(clauseText);
  // Enumerations typed without their commas: 2–3 characters either side of a 、 or ，.
  const marks: { clause: number; at: number }[] = [];
  texts.forEach((t, clause) => {
    const chars = [...t];
    chars.forEach((ch, at) => {
      if ((ch === '、' || ch === '，' || ch === ',') && HAN.test(chars[at - 1] ?? '') && HAN.test(chars[at + 1] ?? '')) marks.push({ clause, at });
    });
  });
  out.push(
    ...draw(
      15,
      () => {
        const { clause, at } = rng.pick(marks);
        const chars = [...texts[clause]!];
        const window = chars.slice(Math.max(0, at - rng.int(1, 3)), at + 1 + rng.int(1, 3)).join('');
        if (/[\n\r]/.test(window)) return null;
        const q = window.replace(/[、，,]/g, '');
        return { q, truth: window, origin: corpus.clauses[clause]!.id };
      },
      'folding',
      seen,
    ),
  );
  // A space typed inside a sampled phrase of Han characters.
  const sample = substringSampler(corpus);
  out.push(
    ...draw(
      10,
      () => {
        const s = sample(rng);
        if (!s || [...s.text].length < 3 || ![...s.text].every((c) => HAN.test(c))) return null;
        const chars = [...s.text];
        const cut = rng.int(1, chars.length - 1);
        return { q: `${chars.slice(0, cut).join('')} ${chars.slice(cut).join('')}`, truth: s.text, origin: corpus.clauses[s.index]!.id };
      },
      'folding',
      seen,
    ),
  );
  // Digits and letters typed full-width, in text around them.
  const alnum: { clause: number; at: number }[] = [];
  texts.forEach((t, clause) => [...t].forEach((ch, at) => ASCII_ALNUM.test(ch) && alnum.push({ clause, at })));
  out.push(
    ...draw(
      10,
      () => {
        const { clause, at } = rng.pick(alnum);
        const chars = [...texts[clause]!];
        const window = chars.slice(Math.max(0, at - rng.int(0, 2)), at + rng.int(2, 5)).join('');
        if (/[\n\r]/.test(window) || isOnlyPunctuation(window) || [...fold(window)].length < 2) return null;
        return { q: toFullWidth(window), truth: window, origin: corpus.clauses[clause]!.id };
      },
      'folding',
      seen,
    ),
  );
  return out;
}

export function traditionalQueries(
  corpus: Corpus,
  rng: Rng,
  count: number,
  terms: readonly string[],
  toTraditional: GenerateOptions['toTraditional'],
): Query[] {
  const sample = substringSampler(corpus);
  const nTerms = Math.round(count / 3);
  const substrings = draw(
    count - nTerms,
    () => {
      const s = sample(rng);
      if (!s) return null;
      const q = toTraditional.tw(s.text);
      return q === s.text ? null : { q, truth: s.text, origin: corpus.clauses[s.index]!.id };
    },
    'traditional',
  );
  const changed = [...new Set(terms)].filter((t) => toTraditional.hk(t) !== t && relevantIds({ q: t }, corpus).length > 0);
  const termQs = rng.sample(changed, nTerms).map((t): Query => ({ class: 'traditional', q: toTraditional.hk(t), truth: t, origin: 'dictionary' }));
  return dedupe([...substrings, ...termQs]);
}

/** Hand-written separated words: pairs whose joined form is a word (工会组织, 基层工会, 劳动关系). */
export const HAND_SEPARATED: readonly (readonly string[])[] = [
  ['工会', '组织'],
  ['基层', '工会'],
  ['劳动', '关系'],
];
/** What a user types between separated words: a space, a full-width space, a run of spaces. */
export const SEPARATORS: readonly string[] = [' ', '\u3000', '  '];
const ONLY_HAN = /^\p{Script=Han}+$/u;
/** A numeral or a clause number, which a user does not type as a word of its own (第四, 十五, 八条). */
const NUMBERING = /^[第〇零一二两三四五六七八九十百千万亿条款项]+$/u;

/**
 * The ways to cut a word into two words of two characters or more that segmentation keeps
 * whole on their own (`words` of each gives it back alone), numerals left out.
 */
export function wordSplits(word: string, words: (text: string) => string[]): [string, string][] {
  const chars = [...word];
  const out: [string, string][] = [];
  for (let k = 2; k <= chars.length - 2; k++) {
    const a = chars.slice(0, k).join('');
    const b = chars.slice(k).join('');
    const whole = (w: string) => {
      const ws = words(w);
      return ws.length === 1 && ws[0] === w;
    };
    if (whole(a) && whole(b) && !NUMBERING.test(a) && !NUMBERING.test(b)) out.push([a, b]);
  }
  return out;
}

/** Whether some clause holds both words but not the two joined (in either order): where a space makes a difference. */
export function standApart(corpus: Corpus, a: string, b: string): boolean {
  const [fa, fb] = [fold(a), fold(b)];
  return corpus.folded.some((f) => f.includes(fa) && f.includes(fb) && !f.includes(fa + fb) && !f.includes(fb + fa));
}

export function separatedQueries(corpus: Corpus, rng: Rng, count: number, words: (text: string) => string[]): Query[] {
  const cache = new Map<number, string[]>();
  const query = (parts: readonly string[], origin: string): Omit<Query, 'class'> => ({ q: parts.join(rng.pick(SEPARATORS)), words: [...parts], origin });
  const hand = HAND_SEPARATED.map((parts): Query => ({ class: 'separated', ...query(parts, 'hand') }));
  const seen = new Set(hand.map((q) => q.words!.join('')));
  const generated = draw(
    count,
    () => {
      const i = rng.int(0, corpus.clauses.length - 1);
      let ws = cache.get(i);
      if (!ws) cache.set(i, (ws = words(clauseText(corpus.clauses[i]!))));
      const joined = ws.filter((w) => ONLY_HAN.test(w) && [...w].length >= 4 && [...w].length <= 6);
      if (joined.length === 0) return null;
      const word = rng.pick(joined);
      if (seen.has(word)) return null;
      const splits = wordSplits(word, words).filter(([a, b]) => standApart(corpus, a, b));
      if (splits.length === 0) return null;
      seen.add(word);
      const [a, b] = rng.pick(splits);
      return query(rng.next() < 0.25 ? [b, a] : [a, b], corpus.clauses[i]!.id);
    },
    'separated',
  );
  return dedupe([...hand, ...generated]);
}

function dedupe(queries: Query[]): Query[] {
  const seen = new Set<string>();
  return queries.filter((q) => !seen.has(q.q) && (seen.add(q.q), true));
}

/** The whole query set for a seed; queries without any relevant clause are set apart. */
export function generateQueries(corpus: Corpus, opts: GenerateOptions): QuerySet {
  const counts = { substrings: 150, compounds: 40, terms: 40, traditional: 60, separated: 30, ...opts.counts };
  const rng = (cls: string) => createRng(subSeed(opts.seed, cls));
  const candidates = [
    ...substringQueries(corpus, rng('substrings'), counts.substrings),
    ...compoundQueries(corpus, rng('compounds'), counts.compounds, opts.words),
    ...termQueries(corpus, rng('terms'), counts.terms, opts.terms),
    ...identifierQueries(corpus),
    ...foldingQueries(corpus, rng('folding')),
    ...traditionalQueries(corpus, rng('traditional'), counts.traditional, opts.terms, opts.toTraditional),
    ...separatedQueries(corpus, rng('separated'), counts.separated, opts.words),
  ];
  const queries: Query[] = [];
  const dropped: Query[] = [];
  for (const q of candidates) (relevantIds(q, corpus).length > 0 ? queries : dropped).push(q);
  return { queries, dropped };
}
