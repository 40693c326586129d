/**
 * A read-only view of the library for the pages: look-ups by id, the clauses of each
 * document, and per-clause facts the pages show (enclosing steps, position, citation).
 */
import type { Assignment, ClauseRecord, DocumentRecord, Library, TermEntry, VersionComparison } from '../model';
import { groupBy } from '../collections';
import { clausePosition, documentCitation, isUniqueNumber } from './citation';
import { clauseSteps, type PathStep } from './structure';

export interface LibraryView {
  library: Library;
  documents: DocumentRecord[];
  doc(id: string): DocumentRecord | undefined;
  clause(id: string): ClauseRecord | undefined;
  /** The clauses of a document in reading order. */
  clausesOf(docId: string): ClauseRecord[];
  /** The enclosing parts/sections/tables of a clause, outermost first. */
  steps(clause: ClauseRecord): PathStep[];
  /** The clause's place in its document: 第七条, 二、（三）一是, 序言… */
  position(clause: ClauseRecord): string;
  /** The document's one name, the same on every page: its title (or, untitled, its description), with its transcription label. */
  name(doc: DocumentRecord): string;
  /** How citations name the document: 《title》（文号）, or the description alone (see citation.ts). */
  citedAs(doc: DocumentRecord): string;
  /** A clause as links name it: 《title》第七条, with the transcription label after (（转录本甲）). */
  label(clause: ClauseRecord): string;
  /** The clause's citation in official form (without URL): 《title》（文号）第七条. */
  citation(clause: ClauseRecord): string;
  /** Documents found (library.comparisons) to be other transcriptions of the text of this one. */
  versionsOf(doc: DocumentRecord): DocumentRecord[];
  /** The assignment of an annex item or indicator row (by its clause id), if it was linked. */
  assignmentOf(item: string): Assignment | undefined;
  /** The assignments that a clause is the target of. */
  assignmentsTo(clause: string): Assignment[];
  term(id: string): TermEntry | undefined;
  /** The term index's entry for a word, if the word is a term. */
  termOf(word: string): TermEntry | undefined;
  comparison(id: string): VersionComparison | undefined;
}

const views = new WeakMap<Library, LibraryView>();

export function libraryView(library: Library): LibraryView {
  const cached = views.get(library);
  if (cached) return cached;

  const docs = new Map(library.documents.map((d) => [d.id, d]));
  const clauses = new Map(library.clauses.map((c) => [c.id, c]));
  const byDoc = groupBy(library.clauses, (c) => c.doc);
  const assignmentOf = new Map(library.assignments.map((a) => [a.item, a]));
  const assignmentsTo = groupBy(library.assignments, (a) => a.clause);
  const terms = new Map(library.terms.map((t) => [t.id, t]));
  const termsByWord = new Map(library.terms.map((t) => [t.term, t]));
  const comparisons = new Map(library.comparisons.map((c) => [c.id, c]));
  const stepCache = new Map<string, PathStep[]>();
  const positionCache = new Map<string, string>();

  const steps = (clause: ClauseRecord): PathStep[] => {
    let s = stepCache.get(clause.id);
    if (!s) {
      s = clauseSteps(clause, docs.get(clause.doc)?.outline ?? []);
      stepCache.set(clause.id, s);
    }
    return s;
  };
  const inTable = (c: ClauseRecord) => steps(c).some((s) => s.level === 'table');
  const parentKey = (c: ClauseRecord) => c.id.slice(0, c.id.lastIndexOf('/'));

  const position = (clause: ClauseRecord): string => {
    const hit = positionCache.get(clause.id);
    if (hit) return hit;
    const siblings = byDoc.get(clause.doc) ?? [];
    const numbers = siblings.filter((c) => !inTable(c)).map((c) => c.number);
    const same = siblings.filter((c) => c.number === clause.number && parentKey(c) === parentKey(clause));
    const doc = docs.get(clause.doc);
    // An unnumbered passage after unit N (key "Na") is placed after that unit.
    const previous = /\da$/.test(clause.id) ? siblings[siblings.indexOf(clause) - 1] : undefined;
    const p = clausePosition({
      after: previous ? position(previous) : undefined,
      number: clause.number,
      steps: steps(clause),
      kind: doc?.kind,
      uniqueNumber: isUniqueNumber(clause.number, numbers),
      occurrence: same.length > 1 ? same.indexOf(clause) + 1 : undefined,
    });
    positionCache.set(clause.id, p);
    return p;
  };
  const name = (doc: DocumentRecord): string => (doc.version ? `${doc.title}（${doc.version}）` : doc.title);
  const citedAs = (doc: DocumentRecord, withNumber = true): string => {
    const parent = doc.annexOf ? docs.get(doc.annexOf) : undefined;
    const annexWord = doc.furniture.some((f) => f.role === 'annexMarker' && f.text.trim().startsWith('附录')) ? '附录' : '附件';
    return documentCitation(doc, { withNumber, annexOf: parent, annexWord });
  };
  const label = (clause: ClauseRecord): string => {
    const doc = docs.get(clause.doc);
    if (!doc) return `${clause.doc}${position(clause)}`;
    return citedAs(doc, false) + position(clause) + (doc.version ? `（${doc.version}）` : '');
  };

  const view: LibraryView = {
    library,
    documents: library.documents,
    doc: (id) => docs.get(id),
    clause: (id) => clauses.get(id),
    clausesOf: (id) => byDoc.get(id) ?? [],
    steps,
    position,
    name,
    citedAs,
    label,
    citation: (clause) => {
      const doc = docs.get(clause.doc);
      return (doc ? citedAs(doc) : clause.doc) + position(clause);
    },
    versionsOf: (doc) => library.comparisons.flatMap((c) => (c.a === doc.id ? [c.b] : c.b === doc.id ? [c.a] : [])).flatMap((id) => docs.get(id) ?? []),
    assignmentOf: (item) => assignmentOf.get(item),
    assignmentsTo: (clause) => assignmentsTo.get(clause) ?? [],
    term: (id) => terms.get(id),
    termOf: (word) => termsByWord.get(word),
    comparison: (id) => comparisons.get(id),
  };
  views.set(library, view);
  return view;
}
