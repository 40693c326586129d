/**
 * Cross-linking, the pipeline's last step before the pages: versions, assignments,
 * references, related clauses and the term index, and from them each clause's `links`.
 */
import type { ClauseRecord, CrossLinks, DocumentRecord, Link, OutlineEntry } from '../../model';
import { findAssignments, unitIndex } from './assignments';
import { findMentions } from './references';
import { genericWords } from './generic';
import { relatedClauses } from './related';
import { findRepoRoot } from '../segment';
import { publishedTerms, termPages } from './terms';
import { compareVersions } from './versions';

export interface CrossLinkInput {
  documents: DocumentRecord[];
  clauses: ClauseRecord[];
  /** The words of a text (jieba, punctuation dropped): where the term index finds keyword terms. */
  words: (text: string) => string[];
  /** The words that can carry a subject (words minus stopwords, numbers…): what related clauses compare. */
  subjectWords: (text: string) => string[];
  /** The domain dictionary's terms (canonical spellings), their variant spellings, and the stopwords. */
  domainTerms: string[];
  variants: Map<string, string[]>;
  stopwords: Set<string>;
  /** The terms the site has published (default: content/published-terms.txt), kept while used. */
  publishedTerms?: ReadonlySet<string>;
  /** Words that name no subject, neither relating clauses nor made terms (default: generic.ts over the repository's lists and the documents' headings). */
  generic?: (word: string) => boolean;
}

/** The headings of a library's documents: each title, and the titles of its parts, chapters and sections (outline), in order. */
export function libraryHeadings(documents: readonly DocumentRecord[]): string[] {
  const out: string[] = [];
  const walk = (entries: readonly OutlineEntry[]) => {
    for (const e of entries) {
      if (e.title) out.push(e.title);
      walk(e.children);
    }
  };
  for (const d of documents) {
    out.push(d.title);
    walk(d.outline);
  }
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Find every cross-link of the library. */
export function crossLink(input: CrossLinkInput): CrossLinks {
  const { documents, clauses } = input;
  const comparisons = compareVersions(documents, clauses);
  // Transcriptions of one text, found from their content, share a `work` (read by the home
  // page's grouping and by the references, which never cite the other transcription).
  for (const { a, b } of comparisons) {
    const [docA, docB] = [a, b].map((id) => documents.find((d) => d.id === id)!);
    docB.work = docA.work ??= docA.id;
  }
  const assignments = findAssignments(documents, clauses);
  const units = unitIndex(clauses);
  const mentions = findMentions(documents, clauses);
  const linked = new Set<string>();
  for (const c of comparisons) for (const r of c.rows) if (r.a && r.b) linked.add(pairKey(r.a, r.b));
  for (const a of assignments) linked.add(pairKey(a.item, a.clause));
  const versions = new Set(comparisons.map((c) => pairKey(c.a, c.b)));
  const sameText = (a: string, b: string) => versions.has(pairKey(a, b));
  const domainTerms = new Set(input.domainTerms);
  const published = input.publishedTerms ?? publishedTerms(findRepoRoot());
  const generic = input.generic ?? genericWords(findRepoRoot(), domainTerms, libraryHeadings(documents), input.subjectWords);
  const { index: terms, retired: retiredTerms } = termPages({
    clauses,
    domainTerms: input.domainTerms,
    variants: input.variants,
    stopwords: input.stopwords,
    words: input.words,
    sameText,
    published,
    generic,
  });
  const related = relatedClauses({
    clauses,
    words: input.subjectWords,
    domainTerms,
    generic,
    linked: (a, b) => linked.has(pairKey(a, b)),
    sameText,
  });
  return { comparisons, assignments, units, terms, retiredTerms, mentions, related };
}

/** Each clause's links (docs/contracts.md rels), in the order version, implements, implemented-by, cites, related. */
export function clauseLinks(links: CrossLinks): Map<string, Link[]> {
  const out = new Map<string, Link[]>();
  const add = (from: string, rel: Link['rel'], id: string) => {
    let list = out.get(from);
    if (!list) out.set(from, (list = []));
    if (!list.some((l) => l.rel === rel && l.id === id)) list.push({ rel, id });
  };
  for (const c of links.comparisons)
    for (const r of c.rows)
      if (r.a && r.b) {
        add(r.a, 'version', r.b);
        add(r.b, 'version', r.a);
      }
  for (const a of links.assignments) add(a.item, 'implements', a.clause);
  for (const a of links.assignments) add(a.clause, 'implemented-by', a.item);
  for (const [id, list] of links.mentions) for (const m of list) if (m.target) add(id, 'cites', m.target);
  for (const [id, list] of links.related) for (const r of list) add(id, 'related', r.id);
  return out;
}
