/**
 * What the basket exports, as pure functions over its entries: plain text and Markdown with
 * each passage's citation, and the plan of the Word document (docx.ts turns it into a .docx).
 * `root` is the site root the links start from (entries.ts `entryLink`); null gives citations
 * without links, as the offline copy's copy buttons do.
 */
import { type BasketEntry, citedAs } from './entries';

/** The title of an export. */
export const EXPORT_TITLE = '材料汇编';

/** The heading of a passage: its short name and, for a clause with one, its heading. */
export function entryHeading(entry: BasketEntry): string {
  const name = entry.label || entry.cite;
  return entry.heading ? `${name} ${entry.heading}` : name;
}

/** A passage's paragraphs: its text split on line breaks, empty lines dropped. */
export function entryParagraphs(entry: BasketEntry): string[] {
  return entry.text.split('\n').filter((p) => p.trim() !== '');
}

/** The basket as plain text: the title, then each passage under its heading, its citation after it in brackets. */
export function basketText(entries: readonly BasketEntry[], root: string | null): string {
  const parts = [EXPORT_TITLE];
  for (const e of entries) parts.push([entryHeading(e), ...entryParagraphs(e), `（出处：${citedAs(e, root)}）`].join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/**
 * Markdown-escape a text: the characters that mark up inline text, and what would make a line
 * a heading, quote, list item or rule. Chinese text passes through unchanged otherwise.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * The basket as Markdown: the title as heading 1, each passage under a heading 2, its citation
 * (with its link, where there is one) a footnote at the passage's end.
 */
export function basketMarkdown(entries: readonly BasketEntry[], root: string | null): string {
  const out = [`# ${EXPORT_TITLE}`];
  const notes: string[] = [];
  entries.forEach((e, i) => {
    const n = i + 1;
    const paragraphs = entryParagraphs(e).map(escapeMarkdown);
    if (!paragraphs.length) paragraphs.push('');
    paragraphs[paragraphs.length - 1] += `[^${n}]`;
    out.push(`## ${escapeMarkdown(entryHeading(e))}`, ...paragraphs);
    const link = citedAs(e, root).slice(e.cite.length).trim();
    notes.push(`[^${n}]: ${escapeMarkdown(e.cite)}${link ? ` <${link}>` : ''}`);
  });
  return `${[...out, ...notes].join('\n\n')}\n`;
}

/** One passage of the Word document. */
export interface DocxPassage {
  heading: string;
  paragraphs: string[];
  /** The footnote at the passage's end: its citation and, where there is one, its link. */
  footnote: string;
}

/** What the Word document holds, in order. */
export interface DocxPlan {
  title: string;
  passages: DocxPassage[];
}

/** The plan of the Word document of the basket: its title, then each passage with its heading and footnote. */
export function docxPlan(entries: readonly BasketEntry[], root: string | null): DocxPlan {
  return {
    title: EXPORT_TITLE,
    passages: entries.map((e) => ({ heading: entryHeading(e), paragraphs: entryParagraphs(e), footnote: citedAs(e, root) })),
  };
}

/** The name of an exported file: 材料汇编-YYYY-MM-DD.ext. */
export function exportFileName(day: string, ext: string): string {
  return `${EXPORT_TITLE}-${day}.${ext}`;
}
