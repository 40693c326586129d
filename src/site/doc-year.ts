/**
 * The year of a document, from its metadata: its date (成文日期, adoption, publication year),
 * else the year in its 文号 (鲁会〔2014〕79号), else that of the document it is an annex to.
 * Used to put documents in time order (the term pages' 提法 over time).
 */
import type { DocumentRecord } from '../model';

/** Where a document's year was read from. */
export type YearSource = 'date' | 'docNumber' | 'annexOf';

export interface DocumentYear {
  year: number;
  /** The full date (YYYY-MM-DD) where the year came from one, for ordering within a year. */
  date?: string;
  source: YearSource;
}

/** The year in a 文号: the four digits in 〔〕, [], （） or () (劳社部发[2008]3号 → 2008), or undefined. */
export function docNumberYear(docNumber: string | undefined): number | undefined {
  const m = docNumber && /[〔[（(［【](\d{4})[〕\]）)］】]/.exec(docNumber);
  return m ? Number(m[1]) : undefined;
}

/** The year of a document, or undefined where its metadata gives none; `docs` looks up the document it is an annex to. */
export function documentYear(doc: DocumentRecord, docs: (id: string) => DocumentRecord | undefined, seen = new Set<string>()): DocumentYear | undefined {
  const m = doc.date ? /^(\d{4})(?:-\d{2}-\d{2})?/.exec(doc.date) : null;
  if (m) return { year: Number(m[1]), date: /^\d{4}-\d{2}-\d{2}$/.test(doc.date!) ? doc.date : undefined, source: 'date' };
  const fromNumber = docNumberYear(doc.docNumber);
  if (fromNumber !== undefined) return { year: fromNumber, source: 'docNumber' };
  const parent = doc.annexOf && !seen.has(doc.id) ? docs(doc.annexOf) : undefined;
  const inherited = parent && documentYear(parent, docs, seen.add(doc.id));
  return inherited && { year: inherited.year, date: inherited.date, source: 'annexOf' };
}

/**
 * Which of two years comes first: by year, then by full date where both have one; 0 where
 * neither is known to come first. An unknown year comes after every known one.
 */
export function compareYears(a: DocumentYear | undefined, b: DocumentYear | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.year !== b.year) return a.year - b.year;
  return a.date && b.date ? (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) : 0;
}
