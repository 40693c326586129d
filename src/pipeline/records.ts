/**
 * Records: the parse tree and a source's metadata as the flat documents and clauses of the
 * open data (data/documents.json, data/clauses.json).
 */
import type { Clause, ClauseContent, ClauseRecord, Division, DocumentMeta, DocumentNode, DocumentRecord, Furniture, OutlineEntry } from '../model';
import { isoDate } from './furniture';
import { clauseUrl, documentUrl } from '../urls';
import { clauseId, placeClauses } from './ids';

/** The plain text of a clause body as the page shows it: one line per paragraph, field or figure line. */
export function clauseText(children: ClauseContent[]): string {
  return children
    .flatMap((c) => {
      if (c.type === 'paragraph') return [c.children.map((t) => t.value).join('')];
      if (c.type === 'field') return [c.labelText.value + c.value.value];
      return [c.caption.value, c.credit?.value ?? ''].filter(Boolean);
    })
    .join('\n');
}

/** How a division appears in a clause's path: its marker and title as printed, or a note where the source has no heading. */
export function divisionLabel(d: Division): string {
  if (d.title === null) return `${d.number ?? ''}${d.level === 'part' ? '、' : ''}〔标题未载〕`;
  return `${d.marker?.value ?? ''}${d.title.value}`;
}

const furnitureOf = (doc: DocumentNode, role: string): Furniture[] => doc.furniture.filter((f) => f.role === role);
const first = (doc: DocumentNode, role: string): string | undefined => furnitureOf(doc, role)[0]?.text.value;
/** Strip a bracketed label ([摘要], 收稿日期:) or enclosing brackets from a furniture value. */
const unlabel = (s: string | undefined): string | undefined =>
  s
    ?.replace(/^[[【][^\]】]*[\]】]\s*/, '')
    .replace(/^[^:：]{1,6}[:：]\s*/, '')
    .trim();
const unbracket = (s: string | undefined): string | undefined => s?.replace(/^[（(](.*)[）)]$/, '$1').trim();

/** The document's title: from the source where it prints one (joining wrapped lines), else the metadata's, marked editorial. */
export function documentTitle(doc: DocumentNode, meta: DocumentMeta): { title: string; titleEditorial: boolean } {
  const lines = furnitureOf(doc, 'title').map((f) => f.text.value);
  if (lines.length > 0) {
    const issuer = first(doc, 'issuerLine')?.replace(/\s+/g, '') ?? '';
    return { title: issuer + lines.join(''), titleEditorial: false };
  }
  if (!meta.title) throw new Error(`document ${meta.id} has no title in the source and none in its metadata`);
  return { title: meta.title, titleEditorial: true };
}

function outline(nodes: (Division | Clause)[], docId: string, keys: string[]): OutlineEntry[] {
  return nodes
    .filter((n): n is Division => n.type === 'division')
    .map((d) => {
      const path = [...keys, d.key];
      const entry: OutlineEntry = {
        level: d.level,
        id: clauseId(docId, path),
        marker: d.marker?.value ?? null,
        number: d.number,
        title: d.title?.value ?? null,
        children: outline(d.children, docId, path),
      };
      if (d.columns) entry.columns = d.columns.map((c) => c.value);
      if (d.markup) entry.markup = d.markup.value;
      return entry;
    });
}

/** The date of a statute's latest adoption or revision note that adopts, amends or revises it (not the date it takes effect). */
function lastRevision(doc: DocumentNode): string | undefined {
  const dates = furnitureOf(doc, 'adoption')
    .filter((f) => /通过|修正|修订|公布|发布|批准|印发/.test(f.text.value))
    .map((f) => /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(f.text.value))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  return dates.sort().at(-1);
}

/** The published record of a document. */
export function documentRecord(doc: DocumentNode, meta: DocumentMeta, source: string, clauseCount: number): DocumentRecord {
  const { title, titleEditorial } = documentTitle(doc, meta);
  const { id, kind, leadHeadings: _lead, title: _title, ...rest } = meta;
  const record: DocumentRecord = {
    id,
    url: documentUrl(id),
    title,
    titleEditorial,
    kind,
    source,
    ...rest,
    furniture: doc.furniture.map((f) => ({ role: f.role, text: f.text.value, line: f.line })),
    outline: outline(doc.children, id, []),
    clauseCount,
  };
  const docNumber = first(doc, 'docNumber');
  if (docNumber) record.docNumber = docNumber;
  const date = isoDate(first(doc, 'date') ?? '') ?? lastRevision(doc);
  if (date) record.date = date;
  const author = first(doc, 'author');
  if (author) record.author = author;
  const affiliation = unbracket(first(doc, 'affiliation'));
  if (affiliation) record.affiliation = affiliation;
  const abstract = unlabel(first(doc, 'abstract'));
  if (abstract) record.abstract = abstract;
  const keywords = unlabel(first(doc, 'keywords'));
  if (keywords)
    record.keywords = keywords
      .split(/[;；]/)
      .map((k) => k.trim())
      .filter(Boolean);
  const addressees = unlabel(first(doc, 'addressees'));
  if (addressees) record.addressees = first(doc, 'addressees')!.replace(/[:：]$/, '');
  const received = unlabel(first(doc, 'received'));
  if (received) record.received = received;
  const authorNote = unlabel(first(doc, 'authorNote'));
  if (authorNote) record.authorNote = authorNote;
  const editor = unbracket(first(doc, 'editor'));
  if (editor) record.editor = unlabel(editor);
  return record;
}

/** The published records of a document's clauses, in reading order. */
export function clauseRecords(doc: DocumentNode, docId: string, source: string): ClauseRecord[] {
  return placeClauses(doc, docId).map(({ clause, divisions, id }) => {
    const record: ClauseRecord = {
      id,
      url: clauseUrl(id),
      source,
      doc: docId,
      number: clause.number,
      path: divisions.map(divisionLabel),
      text: clauseText(clause.children),
      keywords: [],
      links: [],
    };
    if (clause.heading) record.heading = clause.heading.value;
    if (clause.marker) record.marker = clause.marker.value;
    if (clause.markup) record.markup = clause.markup.value;
    if (clause.columns) record.columns = clause.columns;
    const fields = clause.children.filter((c) => c.type === 'field');
    if (fields.length > 0) record.fields = fields.map((f) => ({ label: f.label, items: f.items }));
    return record;
  });
}
