/**
 * Related clauses: for each clause, the clauses of other documents on the same subject.
 *
 * Each clause is a TF-IDF vector over the content words of its heading and text (the
 * 牵头单位 / 参加单位 lines of work-division items left out: they name departments, not a
 * subject):
 *   weight = (1 + ln tf) × ln(N / df) × boost,
 * tf the count in the clause, df the number of clauses using the word, N the number of
 * clauses, boost {@link DOMAIN_BOOST} for terms of the domain dictionary (as for keywords:
 * a shared 和谐劳动关系 says more about the subject than a shared 经验) and 1 otherwise;
 * vectors are normalised, and two clauses are as related as the cosine of theirs.
 * A clause's related clauses are the best five in other documents that score at least
 * {@link RELATED_THRESHOLD} and share at least {@link MIN_SHARED} words, one of them at least not
 * a generic word (generic.ts: common in general Chinese, as 法律, 规定, 部门, 监督, or a formula
 * word of statutes, as 本法, 依法, 责令): in a sample of 20 pairs, a third shared only such words
 * (法律、行政法规 between a safety-law article on trade associations and the labour law's
 * penalty rule), leaving out the
 * other transcription of the same text and pairs already linked otherwise. The reason shown
 * is the shared words that add most to the score.
 *
 * A clause left with no related clause gets its best candidate as its one related clause (and
 * is added to that clause's list, where it has room) when the pair scores at least
 * {@link FALLBACK_THRESHOLD} and shares at least {@link MIN_SHARED} specific words (not
 * generic, and used by at most {@link FALLBACK_SPECIFIC_SHARE} of the clauses), one of them a
 * domain term: 12351 and 热线 between the report's hotline and the annex's petition work,
 * 困难职工 and 帮扶 between the report and the plan. The long clauses of plans and reports
 * rarely reach the main threshold (their many words dilute every vector), while a shared
 * domain term that few clauses use says what they have in common.
 *
 * A clause still left with none that is an item of a list whose title ends in a colon
 * (三、女职工在孕期禁忌从事的劳动范围：) completes that title's sentence, so it is compared once more,
 * under the main rule, with the title read before it ({@link listTitle}), and gets the best such
 * clause, shown from both sides as a fallback is (the pregnancy-list items and the article that
 * introduces the list).
 */
import type { ClauseRecord, RelatedClause } from '../../model';

export interface RelatedInput {
  clauses: ClauseRecord[];
  /** The content words of a text: segmented, without punctuation, stopwords, numbers or single characters. */
  words: (text: string) => string[];
  /** The domain dictionary's terms (canonical spellings), weighted up. */
  domainTerms: ReadonlySet<string>;
  /** Pairs of clause ids already linked otherwise (versions, assignments): not shown as related. */
  linked: (a: string, b: string) => boolean;
  /** Whether two documents are transcriptions of one text: their clauses are versions, not related. */
  sameText: (docA: string, docB: string) => boolean;
  /** Words that name no subject (generic.ts: 参加, 标准, 本法, 依法): a pair sharing only these is not related (default: none). */
  generic?: (word: string) => boolean;
  /** The clauses each clause is compared with in full, by index (default: {@link candidatePairs}). */
  candidates?: (vectors: readonly Vector[]) => number[][];
}

/**
 * Lowest cosine similarity shown as related. Chosen by reading the pairs of the seed library:
 * above 0.15 nearly every pair is on one subject (和谐劳动关系, 困难职工帮扶, 模范职工之家);
 * between 0.10 and 0.15 about half share only general words (基层、组织、工会, 联系、职工).
 */
export const RELATED_THRESHOLD = 0.15;
/** Fewest shared words a related pair must have: one word in common (选树, 党建) is a coincidence, not a subject. */
export const MIN_SHARED = 2;
/** Lowest score of a clause's fallback related clause (see {@link isFallback}). */
export const FALLBACK_THRESHOLD = 0.1;
/** Largest share of the clauses that may use a word counted as specific by the fallback (工会, 职工, 工会工作 are not). */
export const FALLBACK_SPECIFIC_SHARE = 0.05;
/** Most related clauses per clause. */
export const MAX_RELATED = 5;
/** Most shared words given as the reason. */
export const MAX_SHARED = 5;
/** Factor on the weight of domain terms. */
export const DOMAIN_BOOST = 2;

/**
 * Whether two clauses with this score and these shared words are related: at least
 * {@link RELATED_THRESHOLD}, {@link MIN_SHARED} shared words, and one of them not generic.
 * Generic words stay in the vectors: they dilute the weight of a rare word two texts share by
 * chance (资质, 挂靠 in a safety-law article and a food-liability rule), which, left out, makes
 * such pairs look closer than they are.
 */
export function isRelated(score: number, shared: readonly string[], generic: (word: string) => boolean = () => false): boolean {
  return score >= RELATED_THRESHOLD && shared.length >= MIN_SHARED && shared.some((w) => !generic(w));
}

/**
 * Whether a pair that is not related may stand as the fallback related clause of a clause that
 * has none: at least {@link FALLBACK_THRESHOLD}, and {@link MIN_SHARED} shared specific words
 * (`specific`: not generic, used by few clauses), one of them a domain term.
 */
export function isFallback(score: number, shared: readonly string[], specific: (word: string) => boolean, domain: (word: string) => boolean): boolean {
  const words = shared.filter(specific);
  return score >= FALLBACK_THRESHOLD && words.length >= MIN_SHARED && words.some(domain);
}

/** A clause's normalised TF-IDF weights, by word. */
export type Vector = Map<string, number>;

/** The title of the list a clause is an item of: its last outline title when that ends in a colon (：, :), else undefined. */
export function listTitle(clause: ClauseRecord): string | undefined {
  const title = clause.path.at(-1);
  return title !== undefined && /[：:]\s*$/u.test(title) ? title : undefined;
}

/** The text a clause is about: heading and text without its labelled fields (牵头单位：…). */
export function subjectText(clause: ClauseRecord): string {
  const labels = (clause.fields ?? []).map((f) => f.label);
  const lines = clause.text.split('\n').filter((line) => !labels.some((l) => line.startsWith(l)));
  return [clause.heading ?? '', ...lines].join('\n');
}

/** Normalised TF-IDF vectors (weight (1 + ln tf) × ln(N / df) × boost(word)) of a list of word lists. */
export function tfidfVectors(docs: readonly string[][], boost: (word: string) => number = () => 1): Vector[] {
  const df = documentFrequencies(docs);
  return docs.map((doc) => tfidfVector(doc, df, docs.length, boost));
}

/** Word → the number of word lists that use it. */
export function documentFrequencies(docs: readonly string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const w of new Set(doc)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/** The normalised TF-IDF vector of one word list among `n` with frequencies `df` (a word in none counts as used once). */
export function tfidfVector(doc: readonly string[], df: ReadonlyMap<string, number>, n: number, boost: (word: string) => number = () => 1): Vector {
  const tf = new Map<string, number>();
  for (const w of doc) tf.set(w, (tf.get(w) ?? 0) + 1);
  const v: Vector = new Map();
  for (const [w, count] of tf) {
    const weight = (1 + Math.log(count)) * Math.log(n / Math.max(1, df.get(w) ?? 0)) * boost(w);
    if (weight > 0) v.set(w, weight);
  }
  const norm = Math.hypot(...v.values());
  for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

/** The cosine of two normalised vectors, and the shared words by what each adds to it (most first, ties in code-unit order). */
export function compareVectors(a: Vector, b: Vector): { score: number; shared: string[] } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const terms: [string, number][] = [];
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y !== undefined) terms.push([w, x * y]);
  }
  terms.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  return { score: terms.reduce((s, [, x]) => s + x, 0), shared: terms.map(([w]) => w) };
}

/** How many of a clause's heaviest words pick the clauses it is compared with. */
export const STRONGEST_WORDS = 10;
/** How many clauses, picked by those words, each clause is compared with in full. */
export const SHORTLIST = 40;
/** A word used by more clauses than this picks none: it says little about a subject, and following it costs the most. */
export const MAX_FOLLOWED = 250;

/**
 * For each vector, the others worth comparing it with in full: every vector using one of its
 * `strongest` heaviest words is scored by the part of the dot product those words give, the
 * best `keep` of them are kept, and each pair kept from one side is kept for the other too. A clause's closest clauses share what weighs most in it,
 * so they are on the shortlist, while the work stays near-linear in the number of clauses
 * (a word is followed only where it is among a clause's heaviest, and only if at most
 * MAX_FOLLOWED clauses use it). On the seed library the
 * related clauses found this way equal those found by comparing every pair (tested).
 */
export function candidatePairs(vectors: readonly Vector[], strongest = STRONGEST_WORDS, keep = SHORTLIST): number[][] {
  const postings = new Map<string, { j: number; x: number }[]>();
  vectors.forEach((v, j) => {
    for (const [w, x] of v) {
      const list = postings.get(w);
      if (list) list.push({ j, x });
      else postings.set(w, [{ j, x }]);
    }
  });
  const partial = new Float64Array(vectors.length);
  const lists = vectors.map((v, i) => {
    const heaviest = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, strongest);
    const touched: number[] = [];
    for (const [w, x] of heaviest) {
      const list = postings.get(w)!;
      if (list.length > MAX_FOLLOWED) continue;
      for (const { j, x: y } of list) {
        if (j === i) continue;
        if (partial[j] === 0) touched.push(j);
        partial[j] += x * y;
      }
    }
    const best = touched.sort((a, b) => partial[b] - partial[a] || a - b).slice(0, keep);
    for (const j of touched) partial[j] = 0;
    return best;
  });
  // A pair shortlisted from one side is compared from both, so relatedness stays symmetric.
  const out = lists.map((list) => new Set(list));
  lists.forEach((list, i) => list.forEach((j) => out[j].add(i)));
  return out.map((set) => [...set].sort((a, b) => a - b));
}

/** Clause id → up to five related clauses in other documents, best first (ties in reading order). */
export function relatedClauses(input: RelatedInput): Map<string, RelatedClause[]> {
  const { clauses, linked, sameText } = input;
  const boost = (w: string) => (input.domainTerms.has(w) ? DOMAIN_BOOST : 1);
  const generic = input.generic ?? (() => false);
  const wordLists = clauses.map((c) => input.words(subjectText(c)));
  const docFreq = documentFrequencies(wordLists);
  const vectors = wordLists.map((doc) => tfidfVector(doc, docFreq, clauses.length, boost));
  const candidates = (input.candidates ?? candidatePairs)(vectors);
  const df = new Map<string, number>();
  for (const v of vectors) for (const w of v.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const specific = (w: string) => !generic(w) && (df.get(w) ?? 0) <= FALLBACK_SPECIFIC_SHARE * clauses.length;
  const domain = (w: string) => input.domainTerms.has(w);
  const out = new Map<string, RelatedClause[]>();
  const fallbacks: { from: string; to: RelatedClause }[] = [];
  const comparable = (clause: ClauseRecord, other: ClauseRecord) =>
    other.doc !== clause.doc && !sameText(clause.doc, other.doc) && !linked(clause.id, other.id);
  clauses.forEach((clause, i) => {
    const found: (RelatedClause & { order: number })[] = [];
    let fallback: (RelatedClause & { order: number }) | undefined;
    for (const j of candidates[i]) {
      const other = clauses[j];
      if (!comparable(clause, other)) continue;
      const { score, shared } = compareVectors(vectors[i], vectors[j]);
      const pair = { id: other.id, score, shared: shared.slice(0, MAX_SHARED), order: j };
      if (isRelated(score, shared, generic)) found.push(pair);
      else if (isFallback(score, shared, specific, domain) && (!fallback || score > fallback.score || (score === fallback.score && j < fallback.order)))
        fallback = pair;
    }
    found.sort((p, q) => q.score - p.score || p.order - q.order);
    if (found.length > 0)
      out.set(
        clause.id,
        found.slice(0, MAX_RELATED).map(({ id, score, shared }) => ({ id, score, shared })),
      );
    else if (fallback) fallbacks.push({ from: clause.id, to: { id: fallback.id, score: fallback.score, shared: fallback.shared } });
    else {
      const title = listTitle(clause);
      if (title === undefined) return;
      // Read with its list's title, the item is compared with every clause: such items are few,
      // and the title's words may point past the item's own shortlist.
      const read = tfidfVector([...input.words(title), ...wordLists[i]], docFreq, clauses.length, boost);
      let best: RelatedClause | undefined;
      clauses.forEach((other, j) => {
        if (!comparable(clause, other)) return;
        const { score, shared } = compareVectors(read, vectors[j]);
        if (isRelated(score, shared, generic) && (!best || score > best.score)) best = { id: other.id, score, shared: shared.slice(0, MAX_SHARED) };
      });
      if (best) fallbacks.push({ from: clause.id, to: best });
    }
  });
  // A fallback pair is shown from both sides: after the clause's own related clauses (which all
  // score higher), where it has room.
  for (const { from, to } of fallbacks) out.set(from, [to]);
  for (const { from, to } of fallbacks) {
    const list = out.get(to.id) ?? [];
    if (list.length < MAX_RELATED && !list.some((r) => r.id === from))
      out.set(
        to.id,
        [...list, { id: from, score: to.score, shared: to.shared }].sort((p, q) => q.score - p.score),
      );
  }
  return out;
}
