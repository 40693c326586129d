/**
 * Layout: from decoded source text to logical lines ("blocks").
 *
 * - Lines hard-wrapped in narrow columns end with spaces; they are rejoined.
 * - Leading and trailing whitespace of a line is layout, not text.
 * - Blank lines separate blocks; a non-blank line is a block of its own.
 * - Tab-separated lines are table rows, kept cell by cell.
 */
import type { Text } from '../model';
import { sliceText, textFromSpans, trimText } from './text';

export interface Block {
  text: Text;
  /** Table cells, for tab-separated lines with two or more non-empty cells. */
  cells?: Text[];
  /** 1-based source line where the block starts. */
  line: number;
  /** Number of blank lines before the block. */
  blankBefore: number;
}

interface Line {
  start: number;
  end: number;
  no: number;
}

/** Split text into lines with their character offsets (the newline is not part of a line). */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let no = 1;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const end = nl === -1 ? source.length : nl;
    lines.push({ start, end, no });
    if (nl === -1) break;
    start = nl + 1;
    no += 1;
  }
  return lines;
}

/** A line wrapped by the column layout ends in ASCII spaces and continues on the next line. */
function isSoftWrapped(source: string, line: Line): boolean {
  return line.end > line.start && source[line.end - 1] === ' ' && source.slice(line.start, line.end).trim() !== '';
}

/** Turn source text into blocks: rejoined logical lines, with table rows split into cells. */
export function toBlocks(source: string): Block[] {
  const lines = splitLines(source);
  const blocks: Block[] = [];
  let blank = 0;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    if (source.slice(first.start, first.end).trim() === '') {
      blank += 1;
      continue;
    }
    const group: Line[] = [first];
    while (isSoftWrapped(source, lines[i]) && i + 1 < lines.length && source.slice(lines[i + 1].start, lines[i + 1].end).trim() !== '') {
      i += 1;
      group.push(lines[i]);
    }
    const pieces = group.map((l) => trimText(textFromSpans(source, [{ start: l.start, end: l.end }])));
    const text = textFromSpans(
      source,
      pieces.flatMap((p) => p.spans),
    );
    const block: Block = { text, line: first.no, blankBefore: blank };
    const cells = splitCells(text);
    if (cells) block.cells = cells;
    blocks.push(block);
    blank = 0;
  }
  return blocks;
}

/** Split a tab-separated line into its cells, or return undefined if it is not a table row. */
function splitCells(text: Text): Text[] | undefined {
  if (!text.value.includes('\t')) return undefined;
  const cells: Text[] = [];
  let from = 0;
  for (let i = 0; i <= text.value.length; i++) {
    if (i === text.value.length || text.value[i] === '\t') {
      const cell = trimText(sliceText(text, from, i));
      if (cell.value !== '') cells.push(cell);
      from = i + 1;
    }
  }
  return cells.length >= 2 ? cells : undefined;
}

/** Characters that may end a sentence or a paragraph (possibly followed by a closing quote). */
const TERMINAL = /(?:[。！？；：:!?;…]|[。！？!?][”』」’"）)])$/;

/** Whether a paragraph's text ends where a sentence can end (so a page break did not split it). */
export function endsSentence(value: string): boolean {
  return TERMINAL.test(value.trimEnd());
}
