/**
 * Parse: from blocks to the tree source → document → part → section → clause → paragraphs,
 * table rows, fields and figures.
 *
 * The steps, each a small function:
 *  1. split the source's blocks into documents (red headers, annex markers);
 *  2. take each document's front and back matter into furniture;
 *  3. classify body blocks (numbered, heading, table, field, figure, paragraph) and lift page
 *     furniture out of the flow;
 *  4. rejoin paragraphs split by page breaks;
 *  5. build the hierarchy, naming every node by its numbering (its `key`);
 *  6. infer divisions whose heading is on a page not in the source, and turn divisions without
 *     numbered units into clauses.
 */
import type { Clause, ClauseContent, Diagnostic, Division, DocumentNode, Furniture, SourceNode, Text } from '../model';
import {
  ANNEX_MARKER,
  ARTICLE_FIELD,
  CONTINUED_FROM,
  DATE_LINE,
  DOC_NUMBER,
  FIELD,
  FIGURE_CAPTION,
  FIGURE_CREDIT,
  RED_HEADER,
  SPACED_ISSUER,
  ARTICLE_FIELDS,
  pageFurnitureRole,
} from './furniture';
import { type Block, endsSentence, toBlocks } from './layout';
import { type Marker, parseMarker } from './numbering';
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
  const blocks = toBlocks(source);
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

/** Take front matter (headers, 文号, title, date, addressees; article fields) and back matter (signature, date, editor). */
export function takeFrontAndBack(blocks: Block[]): { front: Furniture[]; body: Block[]; back: Furniture[] } {
  const front: Furniture[] = [];
  const back: Furniture[] = [];
  let i = 0;
  const at = (k: number) => blocks[k]?.text.value ?? '';
  const take = (role: string) => {
    front.push(furniture(role, blocks[i].text, blocks[i].line));
    i += 1;
  };
  const official = RED_HEADER.test(at(0));
  const annex = ANNEX_MARKER.test(at(0));
  if (official || annex) {
    take(official ? 'header' : 'annexMarker');
    if (DOC_NUMBER.test(at(i))) take('docNumber');
    if (SPACED_ISSUER.test(at(i))) take('issuerLine');
    // Title lines: up to the date, the addressees, or the first numbered or sentence-ending block.
    let titleLines = 0;
    while (i < blocks.length && titleLines < 4) {
      const v = at(i);
      if (DATE_LINE.test(v) || endsSentence(v) || parseMarker(v)) break;
      take('title');
      titleLines += 1;
    }
    if (DATE_LINE.test(at(i))) take('date');
    if (/[:：]$/.test(at(i)) && !parseMarker(at(i))) take('addressees');
  } else {
    const firstField = blocks.findIndex((b, k) => k < 12 && ARTICLE_FIELD.test(b.text.value));
    if (firstField > 0) {
      const roles = ['title', 'author', 'affiliation'];
      for (let k = 0; k < firstField; k++) take(roles[k] ?? 'frontMatter');
      while (i < blocks.length && ARTICLE_FIELD.test(at(i))) {
        const label = ARTICLE_FIELD.exec(at(i))![1];
        take(ARTICLE_FIELDS[label]);
      }
    }
  }
  let end = blocks.length;
  const last = (k: number) => blocks[end - k]?.text.value ?? '';
  if (end - i >= 2 && DATE_LINE.test(last(1)) && !/[（(]/.test(last(1)) && last(2).length <= 30 && !endsSentence(last(2)) && !parseMarker(last(2))) {
    back.push(furniture('signature', blocks[end - 2].text, blocks[end - 2].line));
    back.push(furniture('date', blocks[end - 1].text, blocks[end - 1].line));
    end -= 2;
  }
  return { front, body: blocks.slice(i, end), back };
}

/** A classified body element. */
interface Element {
  kind: 'part' | 'section' | 'numbered' | 'item' | 'caption' | 'headerRow' | 'row' | 'paragraph' | 'field' | 'figureCaption' | 'figureCredit';
  text: Text;
  cells?: Text[];
  marker?: Marker;
  /** Markdown heading markup (## ) in front of the element, kept for the no-loss account. */
  markup?: Text;
  line: number;
}

/** Classify body blocks; page furniture is returned separately. */
export function classify(body: Block[]): { elements: Element[]; furniture: Furniture[] } {
  const out: Element[] = [];
  const lifted: Furniture[] = [];
  // Paragraph-initial 一是 counts as an item only in documents that set items as paragraphs
  // (some paragraph opens with 二是 or later); elsewhere 一是…二是… runs inline in a paragraph.
  const itemsAreParagraphs = body.some((b) => {
    const m = parseMarker(b.text.value, ['item']);
    return m !== null && m.value >= 2;
  });
  for (let k = 0; k < body.length; k++) {
    const b = body[k];
    let text = b.text;
    let markup: Text | undefined;
    const heading = /^#{1,6} +/.exec(text.value);
    if (heading) {
      markup = sliceText(text, 0, heading[0].length);
      text = sliceText(text, heading[0].length);
    }
    const cont = CONTINUED_FROM.exec(text.value);
    if (cont) {
      lifted.push(furniture('continuedFrom', sliceText(text, 0, cont[0].length), b.line));
      text = trimText(sliceText(text, cont[0].length));
      if (text.value === '') continue;
    }
    const role = pageFurnitureRole(text.value);
    if (role) {
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
    if (FIELD.test(v)) out.push({ ...base, kind: 'field' });
    else if (FIGURE_CREDIT.test(v)) out.push({ ...base, kind: 'figureCredit' });
    else if (FIGURE_CAPTION.test(v) && FIGURE_CREDIT.test(body[k + 1]?.text.value ?? '')) out.push({ ...base, kind: 'figureCaption' });
    else if (body[k + 1]?.cells && !parseMarker(v)) out.push({ ...base, kind: 'caption' });
    else {
      const marker = parseMarker(v, itemsAreParagraphs ? ['part', 'section', 'arabic', 'item'] : ['part', 'section', 'arabic']);
      const kind = !marker ? 'paragraph' : marker.system === 'arabic' ? 'numbered' : (marker.system as Element['kind']);
      out.push(marker ? { ...base, kind, marker } : { ...base, kind });
    }
  }
  return { elements: out, furniture: lifted };
}

/** Rejoin text split by a page break: a paragraph that stops mid-sentence continues in the next plain paragraph. */
export function joinPageBreaks(elements: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    const prev = out[out.length - 1];
    if (prev && el.kind === 'paragraph' && ['paragraph', 'numbered', 'item'].includes(prev.kind) && !endsSentence(prev.text.value)) {
      out[out.length - 1] = { ...prev, text: concatText(prev.text, el.text) };
    } else out.push(el);
  }
  return out;
}

function paragraph(text: Text): ClauseContent {
  return { type: 'paragraph', children: [text] };
}

function newClause(key: string, line: number, marker: Text | null = null, number: string | null = null): Clause {
  return { type: 'clause', key, marker, number, children: [], line };
}

/** Build the hierarchy of one document's body elements. */
export function buildHierarchy(elements: Element[], warn: Warn): (Division | Clause)[] {
  const root: (Division | Clause)[] = [];
  let part: Division | null = null;
  let section: Division | null = null;
  let table: Division | null = null;
  let clause: Clause | null = null;
  // Per container: numbers seen, for duplicate keys and gap warnings.
  const seen = new Map<object, { values: Map<string, number>; last?: { system: string; value: number; line: number }; lastKey?: string }>();
  const stateOf = (c: object) => {
    let s = seen.get(c);
    if (!s) seen.set(c, (s = { values: new Map() }));
    return s;
  };
  const containerNode = (): { children: (Division | Clause)[] } => table ?? section ?? part ?? { children: root };
  const containerKey = (): object => table ?? section ?? part ?? root;
  const containerName = () => (table ? '表' : section ? section.number ?? '' : part ? `${part.number ?? ''}、` : '正文');

  /** A key from a number: the value, or value-n for the n-th repeat; warn on repeats and gaps. */
  const numberedKey = (m: Marker, line: number): string => {
    const st = stateOf(containerKey());
    const base = String(m.value);
    const count = (st.values.get(`${m.system}:${base}`) ?? 0) + 1;
    st.values.set(`${m.system}:${base}`, count);
    if (count > 1) warn(line, `clause number ${m.label} appears ${count} times in ${containerName()}; this one gets the id …/${base}-${count}`);
    else if (st.last && st.last.system === m.system && m.value !== st.last.value + 1)
      warn(line, `numbering gap in ${containerName()}: ${m.label} follows ${st.last.value} (line ${st.last.line})`);
    st.last = { system: m.system, value: m.value, line };
    const key = count > 1 ? `${base}-${count}` : base;
    st.lastKey = key;
    return key;
  };
  /** The key of an unnumbered run: 0 before the first numbered unit, Na after unit N. */
  const unnumberedKey = (): string => {
    const st = stateOf(containerKey());
    return st.lastKey ? `${st.lastKey}a` : '0';
  };
  const division = (level: Division['level'], el: Element, key: string, title: Text | null): Division => {
    const d: Division = {
      type: 'division', level, key, line: el.line, children: [],
      marker: el.marker ? sliceText(el.text, 0, el.marker.raw.length) : null,
      number: el.marker ? el.marker.label : null,
      title,
    };
    if (el.markup) d.markup = el.markup;
    return d;
  };
  /** The clause that unnumbered content goes into: the open one, or a new unnumbered clause. */
  const openClause = (line: number): Clause => {
    if (!clause) {
      clause = newClause(unnumberedKey(), line);
      containerNode().children.push(clause);
    }
    return clause;
  };

  for (const el of elements) {
    switch (el.kind) {
      case 'part': {
        part = section = table = clause = null;
        const d = division('part', el, numberedKey(el.marker!, el.line), trimText(sliceText(el.text, el.marker!.raw.length)));
        root.push(d);
        part = d;
        break;
      }
      case 'section': {
        section = table = clause = null;
        const d = division('section', el, numberedKey(el.marker!, el.line), trimText(sliceText(el.text, el.marker!.raw.length)));
        containerNode().children.push(d);
        section = d;
        break;
      }
      case 'caption': {
        table = clause = null;
        const parent = containerNode();
        const n = parent.children.filter((c) => c.type === 'division' && c.level === 'table').length;
        const d = division('table', el, n === 0 ? 'zb' : `zb${n + 1}`, el.text);
        parent.children.push(d);
        table = d;
        break;
      }
      case 'headerRow': {
        if (table && !table.columns) table.columns = el.cells;
        else {
          warn(el.line, 'a table row without a number outside a table header; kept as a paragraph');
          openClause(el.line).children.push(paragraph(el.text));
        }
        break;
      }
      case 'row': {
        const [first, ...rest] = el.cells!;
        const c = newClause(numberedKey(el.marker!, el.line), el.line, sliceText(first, 0, el.marker!.raw.length), el.marker!.label);
        const name = sliceText(first, el.marker!.raw.length);
        if (name.value) c.heading = name;
        if (table?.columns) c.columns = table.columns.map((t) => t.value);
        c.children = rest.map(paragraph);
        containerNode().children.push(c);
        clause = null;
        break;
      }
      case 'numbered':
      case 'item': {
        table = null;
        const key = numberedKey(el.marker!, el.line);
        const c = newClause(key, el.line, sliceText(el.text, 0, el.marker!.raw.length), el.marker!.label);
        const rest = sliceText(el.text, el.marker!.raw.length);
        if (rest.value) c.children.push(paragraph(rest));
        containerNode().children.push(c);
        clause = c;
        break;
      }
      case 'field': {
        const m = FIELD.exec(el.text.value)!;
        if (!clause?.marker) warn(el.line, `${m[1]} outside a numbered item`);
        const target = openClause(el.line);
        const value = trimText(sliceText(el.text, m[0].length));
        target.children.push({
          type: 'field', label: m[1], separator: m[2],
          items: value.value.split(/[、,，]/).map((s) => s.trim()).filter(Boolean),
          value, labelText: sliceText(el.text, 0, m[0].length),
        });
        break;
      }
      case 'figureCaption':
        table = null;
        openClause(el.line).children.push({ type: 'figure', caption: el.text });
        break;
      case 'figureCredit': {
        table = null;
        const c = openClause(el.line);
        const fig = c.children[c.children.length - 1];
        if (fig?.type === 'figure' && !fig.credit) fig.credit = el.text;
        else c.children.push({ type: 'figure', caption: { type: 'text', value: '', spans: [] }, credit: el.text });
        break;
      }
      case 'paragraph': {
        table = null;
        if (clause?.marker) clause = null; // text after a numbered unit stands alone
        openClause(el.line).children.push(paragraph(el.text));
        break;
      }
    }
  }
  return root;
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
    type: 'division', level, key: String(value - 1), marker: null,
    number: level === 'part' ? cn : `（${cn}）`, title: null, children: before, line: before[0].line,
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
      type: 'clause', key: c.key, marker: c.marker, number: c.number,
      children: (c.children as Clause[]).flatMap((k) => k.children), line: c.line,
    };
    if (c.title) clause.heading = c.title;
    if (c.markup) clause.markup = c.markup;
    return clause;
  });
}

/** Parse one document's blocks. */
export function parseDocument(blocks: Block[], index: number, warn: Warn): DocumentNode {
  const { front, body, back } = takeFrontAndBack(blocks);
  const { elements, furniture: lifted } = classify(body);
  const joined = joinPageBreaks(elements);
  let children = buildHierarchy(joined, warn);
  children = collapseDivisions(inferImpliedDivisions(children));
  const all = [...front, ...lifted, ...back].sort((a, b) => (a.text.spans[0]?.start ?? 0) - (b.text.spans[0]?.start ?? 0));
  return { type: 'document', index, furniture: all, children, line: blocks[0]?.line ?? 1 };
}
