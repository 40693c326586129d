/**
 * The basket's Word document, made in the browser with the docx library from the plan of
 * export.ts: official-document style (GB/T 9704 in outline) — A4 with its margins, the title in
 * 黑体 二号 centred, each passage's heading in 黑体 三号, its text in 仿宋 三号 at a fixed 28 pt
 * line with a two-character indent, and its citation (with its link, where there is one) as a
 * footnote at the passage's end. Fonts are named only; Word takes them from the reader's system.
 */
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { DocxPlan } from './export';

/** The body font (仿宋) and the heading font (黑体), by name. */
export const BODY_FONT = '仿宋';
export const HEADING_FONT = '黑体';

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const TITLE_SIZE = 44;
const TEXT_SIZE = 32;
const NOTE_SIZE = 28;
/** A fixed 28 pt line (in twentieths of a point), and two 三号 characters of indent. */
const LINE = 560;
const INDENT = 640;
/** Millimetres in twentieths of a point. */
const mm = (n: number) => Math.round((n * 1440) / 25.4);

/** The docx Document of a plan. */
export function docxDocument(plan: DocxPlan): Document {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: LINE }, children: [new TextRun(plan.title)] }),
  ];
  plan.passages.forEach((p, i) => {
    const id = i + 1;
    footnotes[id] = { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(p.footnote)] })] };
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(p.heading)] }));
    const texts = p.paragraphs.length ? p.paragraphs : [''];
    texts.forEach((text, j) => {
      const runs = [new TextRun(text)];
      children.push(new Paragraph({ indent: { firstLine: INDENT }, children: j === texts.length - 1 ? [...runs, new FootnoteReferenceRun(id)] : runs }));
    });
  });
  const run = (font: string, size: number) => ({ font, size });
  return new Document({
    title: plan.title,
    creator: '条文通',
    styles: {
      default: {
        document: { run: run(BODY_FONT, TEXT_SIZE), paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } } },
        title: { run: { ...run(HEADING_FONT, TITLE_SIZE), color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: {
          run: { ...run(HEADING_FONT, TEXT_SIZE), bold: false, color: '000000' },
          paragraph: { spacing: { before: LINE / 2, line: LINE, lineRule: LineRuleType.EXACT } },
        },
        footnoteText: { run: run(BODY_FONT, NOTE_SIZE), paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } } },
      },
    },
    footnotes,
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        children,
      },
    ],
  });
}

/** The .docx file of a plan, as a Blob (in the browser). */
export function docxBlob(plan: DocxPlan): Promise<Blob> {
  return Packer.toBlob(docxDocument(plan));
}
