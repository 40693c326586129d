/**
 * The quote check: a draft in, the passages it shares with the library out (each with its
 * clause and paragraph, exact or with its differences, and the other clauses that hold it),
 * and the citations it writes, each checked against the passage next to it.
 */
import { type FoldMap, foldWithMap } from '../fold';
import { type Candidate, chainRuns, isExact } from './chain';
import { citedClauses, type DraftCitation, findCitations, passageNextTo } from './citations';
import { buildCorpus, type Corpus, paragraphAt } from './corpus';
import type { QuoteData } from './data';
import { type DiffRun, passageDiff } from './diff';
import { widenToQuotes } from './edges';
import { buildShingles, findRuns, type ShingleIndex } from './runs';
import { selectPassages } from './select';

/** The longest draft checked (characters). */
export const MAX_DRAFT = 20000;

/** The data with everything the check builds from it once. */
export interface QuoteIndex {
  data: QuoteData;
  corpus: Corpus;
  shingles: ShingleIndex;
}

/** A place in the library: a clause and one of its paragraphs (indexes into the data). */
export interface Place {
  clause: number;
  para: number;
  match: 'exact' | 'differs';
}

/** A passage of the draft found in the library. */
export interface Passage extends Place {
  /** UTF-16 span in the draft. */
  from: number;
  to: number;
  /** The differences from the clause's text (only where `match` is differs). */
  diff?: DiffRun[];
  /** Other clauses that hold the passage. */
  alternatives: Place[];
}

/** How a citation in the draft checks out. */
export type CitationStatus = 'right' | 'wrong' | 'unknown' | 'alone';

/** A citation of the draft and its check. */
export interface CitationCheck extends DraftCitation {
  status: CitationStatus;
  /** The clauses it names (none where they are not in the library). */
  clauses: number[];
  /** Whether the library holds the document it names. */
  knownDocument: boolean;
  /** The passage next to it (index into `Report.passages`), or -1. */
  passage: number;
}

/** What the check finds in a draft. */
export interface Report {
  passages: Passage[];
  citations: CitationCheck[];
}

/** Build the corpus and the shingle index of the data (once per page). */
export function buildQuoteIndex(data: QuoteData): QuoteIndex {
  const corpus = buildCorpus(data);
  return { data, corpus, shingles: buildShingles(corpus.text) };
}

/** The place of a candidate: its clause and the paragraph it starts in. */
function placeOf(index: QuoteIndex, c: Candidate): Place {
  const clause = index.corpus.clauses[c.clause]!;
  return { clause: c.clause, para: paragraphAt(clause, clause.start[c.c0 - clause.at]!), match: isExact(c) ? 'exact' : 'differs' };
}

/** The spans of the titles in 《》 in a draft: a document's name there is no quotation. */
export function titleSpans(draft: string): [number, number][] {
  return [...draft.matchAll(/《[^《》\n]*》/g)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** A selected candidate as a passage: widened to quotation marks close around it, with its place, differences and alternatives. */
function passageOf(index: QuoteIndex, draft: string, d: FoldMap, best: Candidate, alternatives: Candidate[]): Passage {
  const { corpus } = index;
  const clause = corpus.clauses[best.clause]!;
  const lo = clause.at;
  const hi = clause.at + clause.start.length;
  const s = widenToQuotes(best, draft, d, lo, hi);
  const widened = s.d0 !== best.d0 || s.d1 !== best.d1;
  const place = placeOf(index, { ...best, c0: s.c0 });
  const match = isExact(best) && !widened ? 'exact' : 'differs';
  const passage: Passage = { ...place, match, from: d.start[s.d0]!, to: d.end[s.d1 - 1]!, alternatives: alternatives.map((a) => placeOf(index, a)) };
  if (match === 'differs') {
    passage.diff = passageDiff(
      { raw: clause.raw, folded: corpus.text.slice(lo, hi), start: clause.start, end: clause.end, from: s.c0 - lo, to: s.c1 - lo },
      { raw: draft, folded: d.folded, start: d.start, end: d.end, from: s.d0, to: s.d1 },
    );
  }
  return passage;
}

/** Check a draft against the library (passages within a title in 《》 are names, not quotations). */
export function checkDraft(draft: string, index: QuoteIndex): Report {
  const { corpus } = index;
  const d = foldWithMap(draft, corpus.t2s);
  const candidates = chainRuns(findRuns(d.folded, corpus.text, index.shingles), corpus.clauseOf);
  const titles = titleSpans(draft);
  const passages = selectPassages(candidates)
    .filter(({ best }) => !titles.some(([a, b]) => d.start[best.d0]! >= a && d.end[best.d1 - 1]! <= b))
    .map(({ best, alternatives }) => passageOf(index, draft, d, best, alternatives));
  const citations = findCitations(draft).map((c): CitationCheck => {
    const { docs, clauses } = citedClauses(c, index.data, corpus.t2s);
    const at = passageNextTo(c, passages);
    const p = passages[at];
    let status: CitationStatus;
    if (!clauses.length) status = 'unknown';
    else if (!p) status = 'alone';
    else status = [p, ...p.alternatives].some((x) => clauses.includes(x.clause)) ? 'right' : 'wrong';
    return { ...c, status, clauses, knownDocument: docs.length > 0, passage: at };
  });
  return { passages, citations };
}
