/**
 * Nothing is lost: for every source, the parse tree accounts for every character.
 * Each text node's value is exactly its source spans; the spans never overlap; and every
 * character of the source outside them is whitespace (line breaks, blank lines, the spaces
 * that pad hard-wrapped newspaper columns).
 *
 * The open data (data/documents.json, data/clauses.json) is held to the same standard from
 * what it publishes alone: read in reading order, its pieces rebuild the source. Reading order
 * comes from the records: documents and clauses in array order (each clause names its `doc`),
 * outline entries in outline order, a clause placed after the divisions of its `path`, and
 * furniture at the start of its `line` (which may fall inside a clause's text, where a page
 * break interrupts a paragraph). One place the records leave open: a division that holds
 * no clause, between two clauses of one parent, cannot be placed; it is read before the next
 * clause that needs a later division (no source has one today, or the rebuild would fail).
 */
import { describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, OutlineEntry } from '../../../src/model';
import { parsed, seeds, textsOf, repositoryLibrary } from './helpers';

const nonSpace = (s: string) => [...s].filter((c) => !/\s/.test(c));
/** A division as a clause's `path` names it (records.ts divisionLabel), from its outline entry. */
const label = (e: OutlineEntry) => (e.title === null ? `${e.number ?? ''}${e.level === 'part' ? '、' : ''}〔标题未载〕` : `${e.marker ?? ''}${e.title}`);

/** Outline entries in reading order (outer before inner), each with the path of labels down to it. */
const flatOutline = (entries: OutlineEntry[], above: string[] = []): { entry: OutlineEntry; path: string[] }[] =>
  entries.flatMap((entry) => {
    const path = [...above, label(entry)];
    return [{ entry, path }, ...flatOutline(entry.children, path)];
  });

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((x, i) => x === b[i]);

/** A document's outline entries and clauses in reading order, as the printed text of each. */
function bodyInReadingOrder(doc: DocumentRecord, clauses: ClauseRecord[]): string[] {
  const outline = flatOutline(doc.outline);
  const out: string[] = [];
  let next = 0;
  let open: string[] = [];
  const openNext = () => {
    const { entry, path } = outline[next++];
    out.push([entry.markup ?? '', entry.marker ?? '', entry.title ?? '', ...(entry.columns ?? [])].join(''));
    open = path;
  };
  for (const c of clauses) {
    // A clause lies inside the divisions of its path: open the next ones until they are open.
    while (!isPrefix(c.path, open) && next < outline.length) openNext();
    out.push([c.markup ?? '', c.marker ?? '', c.heading ?? '', c.text].join(''));
  }
  while (next < outline.length) openNext();
  return out;
}

/** A source's characters that are not whitespace, rebuilt from its documents and clauses as published, in reading order. */
function rebuildSource(source: string, documents: DocumentRecord[], clauses: ClauseRecord[]): string {
  const lineStart: number[] = [0];
  for (const line of source.split('\n')) lineStart.push(lineStart.at(-1)! + nonSpace(line).length);
  let out = '';
  for (const doc of documents) {
    const body = nonSpace(
      bodyInReadingOrder(
        doc,
        clauses.filter((c) => c.doc === doc.id),
      ).join(''),
    );
    let b = 0;
    // Furniture stands at the start of its line: read the body up to there first (a page's
    // furniture can stand inside a paragraph that runs on to the next page).
    for (const f of doc.furniture) {
      const take = Math.max(0, Math.min(body.length - b, lineStart[f.line - 1] - out.length));
      out += body.slice(b, (b += take)).join('') + nonSpace(f.text).join('');
    }
    out += body.slice(b).join('');
  }
  return out;
}

/** The first index where two strings differ, or -1. */
const firstDifference = (a: string, b: string) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
};

const counts = (chars: string[]) => chars.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());

describe.each(seeds())('source %s', (file) => {
  const { tree } = parsed(file);
  const texts = tree.children.flatMap(textsOf);

  it('keeps every text node exactly equal to the source characters it came from', () => {
    for (const t of texts) expect(t.spans.map((s) => tree.text.slice(s.start, s.end)).join('')).toBe(t.value);
  });

  it('uses no source character twice', () => {
    const spans = texts.flatMap((t) => t.spans).sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
  });

  it('accounts for every character that is not whitespace, in source order', () => {
    const spans = texts.flatMap((t) => t.spans).sort((a, b) => a.start - b.start);
    const covered = spans.map((s) => tree.text.slice(s.start, s.end)).join('');
    expect(nonSpace(covered).join('')).toBe(nonSpace(tree.text).join(''));
  });
});

describe('the open data', () => {
  const lib = repositoryLibrary();

  it.each(seeds())('holds every non-whitespace character of %s in its clauses and document fields', async (file) => {
    const { tree } = parsed(file);
    const docs = lib.documents.filter((d) => d.source === file);
    const chars: string[] = [];
    const outline = (entries: (typeof docs)[number]['outline']) => {
      for (const e of entries) {
        chars.push(...nonSpace([e.markup ?? '', e.marker ?? '', e.title ?? '', ...(e.columns ?? [])].join('')));
        outline(e.children);
      }
    };
    for (const d of docs) {
      for (const f of d.furniture) chars.push(...nonSpace(f.text));
      outline(d.outline);
    }
    for (const c of lib.clauses.filter((c) => c.source === file)) chars.push(...nonSpace([c.markup ?? '', c.marker ?? '', c.heading ?? '', c.text].join('')));
    expect(counts(chars)).toEqual(counts(nonSpace(tree.text)));
  });

  it.each(seeds())('rebuilds %s character by character from its document fields and clauses read in reading order', (file) => {
    const { tree } = parsed(file);
    const rebuilt = rebuildSource(
      tree.text,
      lib.documents.filter((d) => d.source === file),
      lib.clauses.filter((c) => c.source === file),
    );
    const source = nonSpace(tree.text).join('');
    const at = firstDifference(rebuilt, source);
    const near = (s: string) => (at < 0 ? '' : s.slice(Math.max(0, at - 15), at + 25));
    expect(near(rebuilt), `first difference at character ${at} of ${source.length}`).toBe(near(source));
    expect(rebuilt.length).toBe(source.length);
  });
});
