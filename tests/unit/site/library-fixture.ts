/** A small library built by hand for the page-data tests: records as the pipeline makes them, URLs from src/urls.ts. */
import type { ClauseRecord, DocumentRecord, Library, TermEntry, Unit } from '../../../src/model';
import { clauseUrl, documentUrl, termUrl, unitUrl } from '../../../src/urls';

/** A document record with the given id and fields. */
export function doc(id: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    url: documentUrl(id),
    title: `${id}的标题`,
    titleEditorial: false,
    kind: '实施意见',
    source: `${id}.txt`,
    furniture: [],
    outline: [],
    clauseCount: 0,
    ...extra,
  };
}

/** A clause record of the document named by the first segment of its id. */
export function clause(id: string, number: string | null, extra: Partial<ClauseRecord> = {}): ClauseRecord {
  const d = id.slice(0, id.indexOf('/'));
  return { id, url: clauseUrl(id), source: `${d}.txt`, doc: d, number, path: [], text: `${id}的正文。`, keywords: [], links: [], ...extra };
}

/** A term entry used by the given clauses (each with its sentence). */
export function term(id: string, word: string, uses: [clause: string, sentence: string][], spellings = [word]): TermEntry {
  return { term: word, id, url: termUrl(id), spellings, uses: uses.map(([c, sentence]) => ({ clause: c, sentence })) };
}

/** A unit leading and joining the given items. */
export function unit(id: string, name: string, leads: string[], joins: string[] = []): Unit {
  return { id, url: unitUrl(id), name, leads, joins };
}

/** A library of the given records; bodies render as `<p>id from</p>`, so a test sees which page asked. */
export function library(parts: Partial<Library> & Pick<Library, 'documents' | 'clauses'>): Library {
  return {
    renderBody: (id, options) => `<p>${id} ${options?.from ?? ''}</p>`,
    trees: new Map(),
    diagnostics: [],
    comparisons: [],
    assignments: [],
    units: [],
    terms: [],
    mentions: new Map(),
    related: new Map(),
    ...parts,
  };
}
