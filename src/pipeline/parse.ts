/**
 * Parse: from blocks to the tree source → document → part → section → clause → paragraphs,
 * table rows, fields and figures.
 *
 * The steps, each a small function:
 *  0. split text run in without line breaks into the blocks it would have had (runin.ts);
 *  1. split the source's blocks into documents (red headers, annex markers);
 *  2. take each document's front and back matter into furniture;
 *  3. classify body blocks (numbered, heading, table, field, figure, paragraph) and lift page
 *     furniture out of the flow;
 *  4. rejoin paragraphs split by page breaks;
 *  5. build the hierarchy, naming every node by its numbering (its `key`);
 *  6. infer divisions whose heading is on a page not in the source, and turn divisions without
 *     numbered units into clauses.
 */
import type { Clause, Diagnostic, Division, DivisionLevel, DocumentNode, Field, Furniture, Paragraph, SourceNode, Text } from '../model';
import {
  ADOPTION_NOTE,
  ANNEX_LIST,
  ANNEX_MARKER,
  ARTICLE_FIELD,
  ARTICLE_FIELDS,
  CONTINUED_FROM,
  DATE_LINE,
  DOC_NUMBER,
  FIELD,
  FIGURE_CAPTION,
  FIGURE_CREDIT,
  HTML_COMMENT,
  MARKDOWN_HEADING,
  MARKDOWN_TITLE,
  PUBLICATION_NOTE,
  RED_HEADER,
  RESPONSIBILITY_LABEL,
  RESPONSIBILITY_NOTE,
  SOURCE_LINE,
  SPACED_ISSUER,
  pageFurnitureRole,
} from './furniture';
import { type Block, endsSentence, toBlocks } from './layout';
import { placeClauses } from './ids';
import { splitRunIn } from './runin';
import { type Marker, type SystemName, SYSTEMS, SYSTEM_TABLE, parseMarker, readMarker } from './numbering';
import { toChineseNumeral } from './numerals';
import { concatText, sliceText, trimText } from './text';

export interface ParseResult {
  tree: SourceNode;
  diagnostics: Diagnostic[];
}

/** Parse a decoded source into its tree; warnings name file:line. */
export function parseSource(file: string, source: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, message: string) => diagnostics.push({ file, line, message });
  const blocks = splitRunIn(toBlocks(source));
  const documents = splitDocuments(blocks).map((docBlocks, index) => parseDocument(docBlocks, index, warn));
  return { tree: { type: 'source', file, text: source, children: documents }, diagnostics };
}

type Warn = (line: number, message: string) => void;

/** Split blocks into documents: a red header (…文件) or an annex marker (附件) opens a new one. */
export function splitDocuments(blocks: Block[]): Block[][] {
  const docs: Block[][] = [];
  let current: Block[] = [];
  for (const b of blocks) {
    const v = b.text.value;
    if ((RED_HEADER.test(v) || ANNEX_MARKER.test(v)) && current.length > 0) {
      docs.push(current);
      current = [];
    }
    current.push(b);
  }
  if (current.length > 0) docs.push(current);
  return docs;
}

function furniture(role: string, text: Text, line: number): Furniture {
  return { role, text, line };
}

/** Whether a line reads like a title: short, not a sentence, not numbered, not page furniture. */
function titleLike(v: string): boolean {
  return (
    v.length > 0 &&
    v.length <= 60 &&
    !endsSentence(v) &&
    !parseMarker(v, ALL_SYSTEMS) &&
    ![CONTINUED_FROM, HTML_COMMENT, DOC_NUMBER, DATE_LINE, ADOPTION_NOTE].some((r) => r.test(v))
  );
}

/** Whether a line is the kind of front matter that follows a title (so the lines before it are the title). */
function followsTitle(v: string): boolean {
  return (
    ADOPTION_NOTE.test(v) ||
    DOC_NUMBER.test(v) ||
    DATE_LINE.test(v) ||
    HTML_COMMENT.test(v) ||
    SOURCE_LINE.test(v) ||
    parseMarker(v, ['volume', 'chapter', 'article']) !== null ||
    addresseeLine(v)
  );
}

/** Organisations a notice is addressed to, ending in a colon: 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： */
export function addresseeLine(v: string): boolean {
  return (
    v.length <= 300 &&
    /[会委部厅局院府室处办组司团队构位业校区县市省)）]\s*[:：]$/.test(v) &&
    !/[。；]/.test(v) &&
    !/^(?:为|根据|按照|依照|依据|现将|经|对|就|关于)/.test(v) &&
    !parseMarker(v, ALL_SYSTEMS)
  );
}

/**
 * Take front matter (headers, 文号, title, date, adoption notes, addressees, markdown title marks,
 * HTML comments; journal article fields) and back matter (signature, date, publication note).
 */
export function takeFrontAndBack(blocks: Block[]): { front: Furniture[]; body: Block[]; back: Furniture[] } {
  const front: Furniture[] = [];
  const back: Furniture[] = [];
  let i = 0;
  let end = blocks.length;
  const at = (k: number) => blocks[k]?.text.value ?? '';
  const take = (role: string) => {
    front.push(furniture(role, blocks[i].text, blocks[i].line));
    i += 1;
  };

  /** Notes that may stand under a title in any order: adoption notes, dates, comments, 来源 lines. */
  const takeNotes = () => {
    for (; i < blocks.length;) {
      const v = at(i);
      if (ADOPTION_NOTE.test(v)) take('adoption');
      else if (DATE_LINE.test(v)) take('date');
      else if (HTML_COMMENT.test(v)) take('markup');
      else if (SOURCE_LINE.test(v)) take('sourceLine');
      else return;
    }
  };

  /** An official document or annex: red header or annex marker, 文号, issuer line, title lines, notes, addressees. */
  const takeOfficialFront = () => {
    take(RED_HEADER.test(at(0)) ? 'header' : 'annexMarker');
    if (DOC_NUMBER.test(at(i))) take('docNumber');
    if (SPACED_ISSUER.test(at(i))) take('issuerLine');
    // Title lines: up to the date, the addressees, or the first numbered or sentence-ending block.
    for (let n = 0; i < blocks.length && n < 4; n++) {
      const v = at(i);
      if (DATE_LINE.test(v) || endsSentence(v) || parseMarker(v)) break;
      take('title');
    }
    takeNotes();
    if (addresseeLine(at(i))) take('addressees');
  };

  /** A journal article: title, author and affiliation before its bracketed fields ([摘要] …). */
  const takeJournalFront = (firstField: number) => {
    const roles = ['title', 'author', 'affiliation'];
    for (let k = 0; k < firstField; k++) take(roles[k] ?? 'frontMatter');
    while (i < blocks.length && ARTICLE_FIELD.test(at(i))) take(ARTICLE_FIELDS[ARTICLE_FIELD.exec(at(i))![1]]);
  };

  /** Any other text: a markdown title, or title lines that front matter follows; then notes, 文号 and addressees. */
  const takeTitleBlock = () => {
    while (HTML_COMMENT.test(at(i))) take('markup');
    if (MARKDOWN_TITLE.test(at(i))) {
      // The "# " is markup, the rest is a title line.
      const { text, line } = blocks[i];
      const mark = MARKDOWN_TITLE.exec(text.value)![0].length;
      front.push(furniture('markup', sliceText(text, 0, mark), line), furniture('title', trimText(sliceText(text, mark)), line));
      i += 1;
    } else {
      let n = 0;
      while (n < 3 && titleLike(at(i + n))) n += 1;
      if (n === 0 || !followsTitle(at(i + n))) return;
      for (let k = 0; k < n; k++) take('title');
    }
    takeNotes();
    if (DOC_NUMBER.test(at(i))) take('docNumber');
    takeNotes();
    if (addresseeLine(at(i))) take('addressees');
  };

  /** Back matter: publication notes and comments at the very end, then a signature and a date. */
  const takeBack = () => {
    const last = (k: number) => blocks[end - k]?.text.value ?? '';
    const keep = (role: string, k: number) => back.push(furniture(role, blocks[end - k].text, blocks[end - k].line));
    while (end - i >= 2 && (PUBLICATION_NOTE.test(last(1)) || HTML_COMMENT.test(last(1)))) {
      keep(PUBLICATION_NOTE.test(last(1)) ? 'publication' : 'markup', 1);
      end -= 1;
    }
    if (end - i >= 2 && DATE_LINE.test(last(1)) && !/[（(]/.test(last(1)) && last(2).length <= 30 && !endsSentence(last(2)) && !parseMarker(last(2))) {
      keep('signature', 2);
      keep('date', 1);
      end -= 2;
    }
  };

  const firstField = blocks.findIndex((b, k) => k < 12 && ARTICLE_FIELD.test(b.text.value));
  if (RED_HEADER.test(at(0)) || ANNEX_MARKER.test(at(0))) takeOfficialFront();
  else if (firstField > 0) takeJournalFront(firstField);
  else takeTitleBlock();
  takeBack();
  return { front, body: blocks.slice(i, end), back };
}

/** A classified body element. */
interface Element {
  kind: 'division' | 'numbered' | 'subitem' | 'caption' | 'headerRow' | 'row' | 'paragraph' | 'field' | 'figureCaption' | 'figureCredit';
  text: Text;
  cells?: Text[];
  marker?: Marker;
  /** Divisions: their level and rank (lower is outer), and their title (null: none printed). */
  level?: DivisionLevel;
  rank?: number;
  title?: Text | null;
  /** Markdown heading markup (## ) in front of the element, kept for the no-loss account. */
  markup?: Text;
  /** A paragraph inside a quotation that an earlier line opened. */
  quoted?: boolean;
  line: number;
}

/** How many “ quotation marks a line leaves open (negative where it closes more than it opens). */
function openQuotes(value: string): number {
  let n = 0;
  for (const ch of value) n += ch === '“' ? 1 : ch === '”' ? -1 : 0;
  return n;
}

/** Every numbering system, for telling numbered lines from titles. */
const ALL_SYSTEMS: SystemName[] = SYSTEM_TABLE.map((s) => s.name);

/** What a document's numbering systems do: which are divisions, which number its clauses, which are items inside a clause. */
export interface Profile {
  divisions: SystemName[];
  clauses: SystemName[];
  items: SystemName[];
  /** Whether the clauses are articles (第N条) of a statute, regulation, 办法 or 章程. */
  articles: boolean;
}

/** Division level of each division system. */
const LEVEL: Partial<Record<SystemName, DivisionLevel>> = {
  volume: 'volume',
  chapter: 'chapter',
  subsection: 'subsection',
  partOrdinal: 'part',
  part: 'part',
  section: 'section',
};

/** Find which numbering systems a document uses and which of them numbers its clauses. */
export function profileOf(body: Block[]): Profile {
  const starts = (system: SystemName) => body.filter((b) => readMarker(SYSTEMS[system], b.text.value.replace(MARKDOWN_HEADING, '')));
  if (starts('article').length >= 2) {
    return {
      divisions: ['volume', 'chapter', 'subsection', 'partOrdinal'],
      clauses: ['article'],
      items: ['section', 'arabic', 'arabicComma', 'parenArabic', 'circled'],
      articles: true,
    };
  }
  // Paragraph-initial 一是 counts as an item only in documents that set items as paragraphs
  // (some paragraph opens with 二是 or later); elsewhere 一是…二是… runs inline in a paragraph.
  const itemsAreParagraphs = starts('item').some((b) => parseMarker(b.text.value, ['item'])!.value >= 2);
  return {
    divisions: ['volume', 'chapter', 'subsection', 'partOrdinal', 'part', 'section'],
    clauses: ['arabic', 'arabicComma', ...(itemsAreParagraphs ? (['item'] as SystemName[]) : [])],
    items: ['parenArabic', 'circled'],
    articles: false,
  };
}

/** Characters that show a line is prose rather than a heading. */
const PROSE_PUNCTUATION = /[，。；：！？、,;:!?]/;

/** A short line without punctuation: in a statute, an unnumbered heading (总 则, 附 则). */
export function headingLine(value: string): boolean {
  return value.length > 0 && value.length <= 24 && !PROSE_PUNCTUATION.test(value) && !endsSentence(value);
}

/** The key of a division: its number (五、 → 5), or a letter for 编/章/节 (第二章 → zhang2) so it never equals an article's key. */
function divisionKeyPrefix(system: SystemName): string {
  return system === 'volume' ? 'bian' : system === 'chapter' ? 'zhang' : system === 'subsection' ? 'jie' : '';
}

/** Classify body blocks; page furniture is returned separately. */
export function classify(body: Block[], profile: Profile = profileOf(body)): { elements: Element[]; furniture: Furniture[] } {
  const out: Element[] = [];
  const lifted: Furniture[] = [];
  const numberedSystems = [...profile.divisions, ...profile.clauses, ...profile.items];
  /** Open “ quotation marks at the start of the block: a line inside a quotation is quoted text, never structure. */
  let quoteDepth = 0;
  for (let k = 0; k < body.length; k++) {
    const b = body[k];
    const quoted = quoteDepth > 0;
    quoteDepth = Math.max(0, quoteDepth + openQuotes(b.text.value));
    if (quoted && !b.cells) {
      out.push({ kind: 'paragraph', text: b.text, line: b.line, quoted: true });
      continue;
    }
    let text = b.text;
    let markup: Text | undefined;
    const heading = MARKDOWN_HEADING.exec(text.value);
    if (heading) {
      markup = sliceText(text, 0, heading[0].length);
      text = sliceText(text, heading[0].length);
    }
    const cont = CONTINUED_FROM.exec(text.value);
    if (cont) {
      if (markup) lifted.push(furniture('markup', markup, b.line));
      markup = undefined;
      lifted.push(furniture('continuedFrom', sliceText(text, 0, cont[0].length), b.line));
      text = trimText(sliceText(text, cont[0].length));
      if (text.value === '') continue;
    }
    const role = pageFurnitureRole(text.value) ?? (HTML_COMMENT.test(text.value) ? 'markup' : ANNEX_LIST.test(text.value) ? 'annexList' : null);
    if (role) {
      if (markup) lifted.push(furniture('markup', markup, b.line));
      lifted.push(furniture(role, text, b.line));
      continue;
    }
    const base = { text, line: b.line, markup };
    if (b.cells) {
      const marker = parseMarker(b.cells[0].value, ['arabic']);
      out.push(marker ? { ...base, kind: 'row', cells: b.cells, marker } : { ...base, kind: 'headerRow', cells: b.cells });
      continue;
    }
    const v = text.value;
    const next = body[k + 1]?.text.value ?? '';
    const marker = parseMarker(v, numberedSystems);
    if (FIELD.test(v)) out.push({ ...base, kind: 'field' });
    else if (FIGURE_CREDIT.test(v)) out.push({ ...base, kind: 'figureCredit' });
    else if (FIGURE_CAPTION.test(v) && FIGURE_CREDIT.test(next)) out.push({ ...base, kind: 'figureCaption' });
    else if (body[k + 1]?.cells && !parseMarker(v)) out.push({ ...base, kind: 'caption' });
    else if (marker && profile.divisions.includes(marker.system)) {
      const system = SYSTEMS[marker.system];
      let title: Text | null = trimText(sliceText(text, marker.raw.length));
      // A 第N章 printed alone takes its title from the next line.
      if (title.value === '' && marker.raw.startsWith('第') && headingLine(next) && !parseMarker(next, ALL_SYSTEMS)) {
        title = body[k + 1].text;
        k += 1;
      }
      const division: Element = { ...base, kind: 'division', marker, level: LEVEL[marker.system], rank: system.rank, title };
      // A title line that runs on into sentences (（一）加大稳岗支持力度。对不裁员…): the lead sentence is the title.
      const stop = title.value.indexOf('。');
      if (stop > 0 && stop < title.value.length - 1) {
        out.push({ ...division, title: sliceText(title, 0, stop + 1) }, { kind: 'paragraph', text: trimText(sliceText(title, stop + 1)), line: b.line });
      } else out.push(division);
    } else if (marker && profile.clauses.includes(marker.system)) out.push({ ...base, kind: 'numbered', marker });
    else if (marker && profile.items.includes(marker.system)) out.push({ ...base, kind: 'subitem', marker });
    else if (markup || (profile.articles && headingLine(v) && (/\S[ \u3000]\S/.test(v) || parseMarker(next, ALL_SYSTEMS)))) {
      // An unnumbered heading: a markdown heading, or a short unpunctuated line of a statute
      // that is letter-spaced (总 则) or that a numbered unit follows.
      out.push({ ...base, kind: 'division', level: 'heading', rank: markup ? markup.value.trim().length : SYSTEMS.chapter.rank, title: text });
    } else out.push({ ...base, kind: 'paragraph' });
  }
  return { elements: out.map(keepMarkup).flatMap(splitResponsibility), furniture: lifted };
}

/** Markdown heading marks stay with what they mark: kept apart on divisions, captions and numbered units, in the text elsewhere. */
function keepMarkup(el: Element): Element {
  if (!el.markup || ['division', 'caption', 'numbered'].includes(el.kind)) return el;
  const { markup, ...rest } = el;
  return { ...rest, text: concatText(markup, el.text) };
}

/** Split a responsibility note printed at the end of an item's paragraph off into a field element of its own. */
function splitResponsibility(el: Element): Element[] {
  if (el.kind !== 'paragraph' && el.kind !== 'numbered' && el.kind !== 'subitem') return [el];
  const m = RESPONSIBILITY_NOTE.exec(el.text.value);
  if (!m || m.index === 0) return [el];
  const body = trimText(sliceText(el.text, 0, m.index));
  return [
    { ...el, text: body },
    { kind: 'field', text: sliceText(el.text, m.index), line: el.line },
  ];
}

/** Furniture that shows a text was set in print pages (a newspaper's 上接第N版, a journal's 收稿日期 or 摘要). */
const PRINT_ROLES = new Set(['continuedFrom', 'received', 'authorNote', 'editor', 'abstract']);

/** Whether a document was set in print pages, so a paragraph that stops mid-sentence was cut by a page break. */
export function printLayout(furniture: Furniture[]): boolean {
  return furniture.some((f) => PRINT_ROLES.has(f.role));
}

/** Rejoin text split by a page break: a paragraph that stops mid-sentence continues in the next plain paragraph. */
export function joinPageBreaks(elements: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    const prev = out[out.length - 1];
    if (prev && el.kind === 'paragraph' && ['paragraph', 'numbered', 'subitem'].includes(prev.kind) && !endsSentence(prev.text.value)) {
      out[out.length - 1] = { ...prev, text: concatText(prev.text, el.text) };
    } else out.push(el);
  }
  return out;
}

function paragraph(text: Text, item?: string): Paragraph {
  return item ? { type: 'paragraph', children: [text], item } : { type: 'paragraph', children: [text] };
}

function newClause(key: string, line: number, marker: Text | null = null, number: string | null = null): Clause {
  return { type: 'clause', key, marker, number, children: [], line };
}

/** A field node from a labelled line (牵头单位：…) or a responsibility note (（…等负责）). */
function fieldOf(text: Text): Field {
  const m = FIELD.exec(text.value);
  if (m) {
    const value = trimText(sliceText(text, m[0].length));
    return {
      type: 'field',
      label: m[1],
      separator: m[2],
      items: value.value
        .split(/[、,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      value,
      labelText: sliceText(text, 0, m[0].length),
    };
  }
  const units = RESPONSIBILITY_NOTE.exec(text.value)![1];
  return {
    type: 'field',
    label: RESPONSIBILITY_LABEL,
    separator: '',
    items: units
      .split(/[、,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
    value: text,
    labelText: sliceText(text, 0, 0),
  };
}

/** Numbering state of one container: numbers seen, for duplicate keys and gap warnings. */
interface NumberState {
  values: Map<string, number>;
  last?: { system: SystemName; value: number; line: number; label: string };
  lastKey?: string;
}

/** The hierarchy under construction: the tree so far, what is open in it, and the numbering seen. */
interface Builder {
  warn: Warn;
  /** A statute: text after an article is its next 款, items belong in an article. */
  articles: boolean;
  root: (Division | Clause)[];
  /** Open divisions, outermost first, each with its rank. */
  stack: { division: Division; rank: number }[];
  /** The open table (after its caption), if any. */
  table: Division | null;
  /** The open clause that unnumbered content goes into, if any. */
  clause: Clause | null;
  /** Numbering state per container (a division, or the root array). */
  states: Map<object, NumberState>;
}

/** A builder with nothing built yet. */
function newBuilder(warn: Warn, profile?: Profile): Builder {
  return { warn, articles: profile?.articles ?? false, root: [], stack: [], table: null, clause: null, states: new Map() };
}

/** The numbering state of a container, made on first use. */
function stateOf(b: Builder, c: object): NumberState {
  let s = b.states.get(c);
  if (!s) b.states.set(c, (s = { values: new Map() }));
  return s;
}

/** The innermost open division, if any. */
function top(b: Builder): Division | null {
  return b.stack[b.stack.length - 1]?.division ?? null;
}

/** Where new nodes go: the open table, else the innermost division, else the document's body. */
function containerNode(b: Builder): { children: (Division | Clause)[] } {
  return b.table ?? top(b) ?? { children: b.root };
}

/** The container whose numbering new nodes continue (the same as containerNode, with the root array for the body). */
function containerKey(b: Builder): object {
  return b.table ?? top(b) ?? b.root;
}

/** A container's name in warnings: 正文, 表, or the division's number or title. */
function containerName(b: Builder, d: Division | null): string {
  return !d
    ? '正文'
    : d === b.table
      ? '表'
      : d.level === 'part' && d.number && !d.number.startsWith('第')
        ? `${d.number}、`
        : (d.number ?? d.title?.value ?? '');
}

/** A key from a number: the value, or value-n for the n-th repeat; warn on repeats and gaps. */
function numberedKey(b: Builder, m: Marker, line: number, scope: object = containerKey(b), prefix = ''): string {
  const st = stateOf(b, scope);
  const where = `${scope === b.root ? '正文' : containerName(b, scope as Division)} (numbering ${SYSTEMS[m.system].shape})`;
  const base = `${prefix}${m.value}`;
  const count = (st.values.get(`${m.system}:${base}`) ?? 0) + 1;
  st.values.set(`${m.system}:${base}`, count);
  if (count > 1) b.warn(line, `clause number ${m.label} appears ${count} times in ${where}; this one gets the id …/${base}-${count}`);
  else if (st.last && st.last.system === m.system && m.value !== st.last.value + 1)
    b.warn(line, `numbering gap in ${where}: ${m.label} follows ${st.last.label} (line ${st.last.line})`);
  st.last = { system: m.system, value: m.value, line, label: m.label };
  const key = count > 1 ? `${base}-${count}` : base;
  st.lastKey = key;
  return key;
}

/** The key of an unnumbered run: 0 before the first numbered unit, Na after unit N. */
function unnumberedKey(b: Builder): string {
  const st = stateOf(b, containerKey(b));
  return st.lastKey ? `${st.lastKey}a` : '0';
}

/** The clause that unnumbered content goes into: the open one, or a new unnumbered clause. */
function openClause(b: Builder, line: number): Clause {
  if (!b.clause) {
    b.clause = newClause(unnumberedKey(b), line);
    containerNode(b).children.push(b.clause);
  }
  return b.clause;
}

/** A division heading: close the divisions of its rank or lower, and open it inside what remains. */
function openDivision(b: Builder, el: Element): void {
  b.table = b.clause = null;
  while (b.stack.length > 0 && b.stack[b.stack.length - 1].rank >= el.rank!) b.stack.pop();
  const m = el.marker;
  const key = m
    ? numberedKey(b, m, el.line, containerKey(b), divisionKeyPrefix(m.system))
    : `h${containerNode(b).children.filter((c) => c.type === 'division' && c.level === 'heading').length + 1}`;
  const d: Division = {
    type: 'division',
    level: el.level!,
    key,
    line: el.line,
    children: [],
    marker: m ? sliceText(el.text, 0, m.raw.length) : null,
    number: m ? m.label : null,
    title: el.title ?? null,
  };
  if (el.markup) d.markup = el.markup;
  containerNode(b).children.push(d);
  b.stack.push({ division: d, rank: el.rank! });
}

/** A table caption: open a table division (zb, zb2, …) that the rows after it go into. */
function openTable(b: Builder, el: Element): void {
  b.table = b.clause = null;
  const parent = containerNode(b);
  const n = parent.children.filter((c) => c.type === 'division' && c.level === 'table').length;
  const d: Division = {
    type: 'division',
    level: 'table',
    key: n === 0 ? 'zb' : `zb${n + 1}`,
    line: el.line,
    children: [],
    marker: null,
    number: null,
    title: el.text,
  };
  if (el.markup) d.markup = el.markup;
  parent.children.push(d);
  b.table = d;
}

/** A table's header row: the open table's columns, or (outside a table header) a paragraph with a warning. */
function addHeaderRow(b: Builder, el: Element): void {
  if (b.table && !b.table.columns) b.table.columns = el.cells;
  else {
    b.warn(el.line, 'a table row without a number outside a table header; kept as a paragraph');
    openClause(b, el.line).children.push(paragraph(el.text));
  }
}

/** A numbered table row: a clause of its own, headed by its first cell, with the other cells as paragraphs. */
function addRow(b: Builder, el: Element): void {
  const [first, ...rest] = el.cells!;
  const c = newClause(numberedKey(b, el.marker!, el.line), el.line, sliceText(first, 0, el.marker!.raw.length), el.marker!.label);
  const name = sliceText(first, el.marker!.raw.length);
  if (name.value) c.heading = name;
  if (b.table?.columns) c.columns = b.table.columns.map((t) => t.value);
  c.children = rest.map((t) => paragraph(t));
  containerNode(b).children.push(c);
  b.clause = null;
}

/** A numbered unit: a new clause, left open for the content after it. */
function addNumbered(b: Builder, el: Element): void {
  b.table = null;
  const m = el.marker!;
  // Articles are numbered through the whole document: their keys need no division.
  const key = m.system === 'article' ? numberedKey(b, m, el.line, b.root) : numberedKey(b, m, el.line);
  const c = newClause(key, el.line, sliceText(el.text, 0, m.raw.length), m.label);
  c.system = m.system;
  if (el.markup) c.markup = el.markup;
  const rest = sliceText(el.text, m.raw.length);
  if (rest.value) c.children.push(paragraph(rest));
  containerNode(b).children.push(c);
  b.clause = c;
}

/** A sub-item: a paragraph of the open clause, marked with its item number; in a statute, warn outside an article. */
function addSubitem(b: Builder, el: Element): void {
  b.table = null;
  if (b.articles && !b.clause?.marker)
    b.warn(el.line, `item ${el.marker!.label} (numbering ${SYSTEMS[el.marker!.system].shape}) stands outside any article; kept in the text before it`);
  openClause(b, el.line).children.push(paragraph(el.text, el.marker!.raw.trim()));
}

/** A labelled field (牵头单位：…): a field of the open clause; warn outside a numbered item or section. */
function addField(b: Builder, el: Element): void {
  const f = fieldOf(el.text);
  if (!b.clause?.marker && top(b)?.level !== 'section') b.warn(el.line, `${f.label} outside a numbered item`);
  openClause(b, el.line).children.push(f);
}

/** A figure caption: a figure in the open clause. */
function addFigureCaption(b: Builder, el: Element): void {
  b.table = null;
  openClause(b, el.line).children.push({ type: 'figure', caption: el.text });
}

/** A figure credit: the credit of the figure just before it, or a figure of its own. */
function addFigureCredit(b: Builder, el: Element): void {
  b.table = null;
  const c = openClause(b, el.line);
  const fig = c.children[c.children.length - 1];
  if (fig?.type === 'figure' && !fig.credit) fig.credit = el.text;
  else c.children.push({ type: 'figure', caption: { type: 'text', value: '', spans: [] }, credit: el.text });
}

/** A paragraph: the open clause's next paragraph, or the first of an unnumbered clause (`before`: the previous element's text). */
function addParagraph(b: Builder, el: Element, before: string): void {
  b.table = null;
  // Text after a numbered unit stands alone, except in a statute, where it is the article's next 款,
  // and except quoted text that the unit introduces with a colon (将第六条修改为：“…”).
  const introduced = el.quoted || (/^“/.test(el.text.value) && /[:：]$/.test(before));
  if (b.clause?.marker && !b.articles && !introduced) b.clause = null;
  openClause(b, el.line).children.push(paragraph(el.text));
}

/** Place one element in the hierarchy, by its kind (`before`: the previous element's text). */
function addElement(b: Builder, el: Element, before: string): void {
  switch (el.kind) {
    case 'division':
      return openDivision(b, el);
    case 'caption':
      return openTable(b, el);
    case 'headerRow':
      return addHeaderRow(b, el);
    case 'row':
      return addRow(b, el);
    case 'numbered':
      return addNumbered(b, el);
    case 'subitem':
      return addSubitem(b, el);
    case 'field':
      return addField(b, el);
    case 'figureCaption':
      return addFigureCaption(b, el);
    case 'figureCredit':
      return addFigureCredit(b, el);
    case 'paragraph':
      return addParagraph(b, el, before);
  }
}

/** Build the hierarchy of one document's body elements: a stack of divisions over the numbering table's ranks. */
export function buildHierarchy(elements: Element[], warn: Warn, profile?: Profile): (Division | Clause)[] {
  const b = newBuilder(warn, profile);
  /** The text of the previous element, to see whether it introduces what follows with a colon. */
  let lastText = '';
  for (const el of elements) {
    addElement(b, el, lastText);
    lastText = el.text.value;
  }
  return b.root;
}

/**
 * Where a document starts on a later page (its first part is 五、, its first section （二）),
 * the text before it belongs to the previous division, whose heading is not in the source:
 * wrap that text in an implied division numbered one less.
 */
export function wrapImplied(children: (Division | Clause)[], level: 'part' | 'section'): (Division | Clause)[] {
  const first = children.findIndex((c) => c.type === 'division' && c.level === level);
  const value = first > 0 ? Number((children[first] as Division).key.split('-')[0]) : 0;
  if (value <= 1) return children;
  const before = children.slice(0, first);
  const cn = toChineseNumeral(value - 1);
  const implied: Division = {
    type: 'division',
    level,
    key: String(value - 1),
    marker: null,
    number: level === 'part' ? cn : `（${cn}）`,
    title: null,
    children: before,
    line: before[0].line,
  };
  return [implied, ...children.slice(first)];
}

/** Infer implied parts, then implied sections inside each part (or in a document without parts). */
export function inferImpliedDivisions(children: (Division | Clause)[]): (Division | Clause)[] {
  if (!children.some((c) => c.type === 'division' && c.level === 'part')) return wrapImplied(children, 'section');
  return wrapImplied(children, 'part').map((c) => {
    if (c.type === 'division' && c.level === 'part') c.children = wrapImplied(c.children, 'section');
    return c;
  });
}

/** A part or section with no numbered units under it is itself a clause: its title is the heading. */
export function collapseDivisions(children: (Division | Clause)[]): (Division | Clause)[] {
  return children.map((c) => {
    if (c.type !== 'division' || c.level === 'table') return c;
    c.children = collapseDivisions(c.children);
    const hasNumbered = c.children.some((k) => k.type === 'division' || k.marker !== null);
    if (hasNumbered || c.marker === null) return c;
    const clause: Clause = {
      type: 'clause',
      key: c.key,
      marker: c.marker,
      number: c.number,
      children: (c.children as Clause[]).flatMap((k) => k.children),
      line: c.line,
    };
    // A unit that is one sentence with nothing under it ((四)约定买受人在一定期限内可以退还标的物。) is text, not a title.
    if (c.title && clause.children.length === 0 && endsSentence(c.title.value)) clause.children.push(paragraph(c.title));
    else if (c.title) clause.heading = c.title;
    if (c.markup) clause.markup = c.markup;
    return clause;
  });
}

/**
 * A safety net for texts whose numbering the rules above do not foresee: where two clauses
 * would get one id, the later gets the next free `-n` suffix, with a warning, so a build
 * never fails on a numbering and no text is lost.
 */
export function uniqueKeys(children: (Division | Clause)[], warn: Warn): void {
  const seen = new Set<string>();
  for (const { clause, id } of placeClauses({ type: 'document', index: 0, furniture: [], children, line: 1 }, '')) {
    if (!seen.has(id)) {
      seen.add(id);
      continue;
    }
    let n = 2;
    while (seen.has(`${id}-${n}`)) n++;
    warn(clause.line, `two units would have the id …${id}; this one gets …${id}-${n}`);
    clause.key = `${clause.key}-${n}`;
    seen.add(`${id}-${n}`);
  }
}

/** Parse one document's blocks. */
export function parseDocument(blocks: Block[], index: number, warn: Warn): DocumentNode {
  const { front, body, back } = takeFrontAndBack(blocks);
  const profile = profileOf(body);
  const { elements, furniture: lifted } = classify(body, profile);
  const joined = printLayout([...front, ...lifted]) ? joinPageBreaks(elements) : elements;
  let children = buildHierarchy(joined, warn, profile);
  children = collapseDivisions(inferImpliedDivisions(children));
  // A short text without numbering (a forwarding notice's one paragraph) is one clause by nature; a long one is worth a word.
  const long = body.length >= 5 || body.reduce((n, b) => n + b.text.value.length, 0) >= 2000;
  if (long && children.length === 1 && children[0].type === 'clause' && children[0].marker === null) {
    warn(body[0].line, 'no numbering found (第N条, 一、, （一）, 1. …): the whole text is one clause');
  }
  uniqueKeys(children, warn);
  const all = [...front, ...lifted, ...back].sort((a, b) => (a.text.spans[0]?.start ?? 0) - (b.text.spans[0]?.start ?? 0));
  return { type: 'document', index, furniture: all, children, line: blocks[0]?.line ?? 1 };
}
