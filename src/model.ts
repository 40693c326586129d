/**
 * The library's data model: the parse tree (a unist tree) and the flat records
 * derived from it (documents and clauses, as published in data/*.json).
 *
 * Every text-bearing node records where its characters came from in the decoded
 * source (`spans`, character offsets), so the no-loss property can be checked.
 */
import type { Node, Parent } from 'unist';

/** A half-open range [start, end) of character offsets in the decoded source text. */
export interface Span {
  start: number;
  end: number;
}

/** A run of source text after layout repair, with the source ranges it was taken from. */
export interface Text extends Node {
  type: 'text';
  value: string;
  spans: Span[];
}

/** One paragraph of a clause. In an article (第N条) a paragraph is a 款, or a 项 (item) of the 款 before it. */
export interface Paragraph extends Parent {
  type: 'paragraph';
  children: Text[];
  /** An item (项) of an article: its number as printed, e.g. "（三）". The marker stays in the text. */
  item?: string;
}

/** A labelled datum of a clause, e.g. 牵头单位 / 参加单位 of a work-division item. */
export interface Field extends Node {
  type: 'field';
  /** The label as printed, e.g. "牵头单位". */
  label: string;
  /** The separator as printed, e.g. "：". */
  separator: string;
  /** The value split into its items (on 、), e.g. ["组织部", "财务部"]. */
  items: string[];
  /** The value as printed. */
  value: Text;
  labelText: Text;
}

/** A figure whose image is missing from the source but whose caption and credit are printed. */
export interface Figure extends Node {
  type: 'figure';
  caption: Text;
  credit?: Text;
}

export type ClauseContent = Paragraph | Field | Figure;

/** The smallest unit the source numbers (or an unnumbered run of text standing alone). */
export interface Clause extends Parent {
  type: 'clause';
  /** Id segment for this clause within its container, e.g. "14", "0" (preamble), "3-2" (second 三是). */
  key: string;
  /** The numbering marker exactly as printed, e.g. "14. ", "一是", "（三）", "1."; null if unnumbered. */
  marker: Text | null;
  /** The number as printed without trailing punctuation: "14", "（三）", "一是", "第十二条"; null if unnumbered. */
  number: string | null;
  /** The numbering system of the marker ('article' for 第N条, see numbering.ts); absent if unnumbered. */
  system?: string;
  /** The clause's own title (a lead sentence, a section title, or an indicator name). */
  heading?: Text;
  /** Indicator-table rows: the column labels of the table. */
  columns?: string[];
  /** Markdown heading markup (## ) printed before the heading in the source. */
  markup?: Text;
  children: ClauseContent[];
  /** 1-based source line where the clause starts (for messages). */
  line: number;
}

/**
 * The kinds of division: 编 (volume), 章 (chapter), 节 (subsection), a markdown heading (heading),
 * 一、/第一部分 (part), （一） (section), and an indicator table (table).
 */
export type DivisionLevel = 'volume' | 'chapter' | 'subsection' | 'heading' | 'part' | 'section' | 'table';

/** A division of a document (第一章, 一、, （一）, an indicator table): a container with a title. */
export interface Division extends Parent {
  type: 'division';
  level: DivisionLevel;
  /** Id segment, e.g. "5", "1", "zb". */
  key: string;
  marker: Text | null;
  number: string | null;
  /** The title as printed; null where the source does not print it (an implied part). */
  title: Text | null;
  /** Table divisions: the header row as printed. */
  columns?: Text[];
  /** Markdown heading markup (## ) printed before the heading in the source. */
  markup?: Text;
  children: (Division | Clause)[];
  line: number;
}

/** A piece of source text that is not clause text: headers, 文号, dates, page furniture… */
export interface Furniture {
  /** What it is: 'header' | 'docNumber' | 'title' | 'issuerLine' | 'date' | 'addressees' | 'signature' |
   * 'continuedFrom' | 'received' | 'authorNote' | 'editor' | 'author' | 'affiliation' | 'abstract' |
   * 'keywords' | 'classification' | 'documentCode' | 'articleNumber' | 'annexMarker' | 'markup' |
   * 'adoption' (adoption and revision notes) | 'sourceLine' (来源) | 'publication' (（此件公开发布）) | 'annexList' (附件：…). */
  role: string;
  text: Text;
  line: number;
}

export interface DocumentNode extends Parent {
  type: 'document';
  /** Index of the document within its source (0-based). */
  index: number;
  furniture: Furniture[];
  children: (Division | Clause)[];
  line: number;
}

export interface SourceNode extends Parent {
  type: 'source';
  /** Seed file name, e.g. "004_c5ab4ba5001bdcd8.txt". */
  file: string;
  /** The decoded source text (all spans index into it). */
  text: string;
  children: DocumentNode[];
}

/** A build warning that names the place in the source. */
export interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

/** Per-source metadata kept in content/sources/<seed>.json: what the text does not say about itself. */
export interface SourceMeta {
  source: string;
  documents: DocumentMeta[];
}

export interface DocumentMeta {
  id: string;
  kind: string;
  /** A title the library supplies where the source has none (shown as editorial). */
  title?: string;
  /** The library's `title` describes a document that has no official title known to it: cited without 《》. */
  descriptiveTitle?: true;
  /** What part of the work the text holds ("节选：第五至十部分"); never part of the title. */
  excerpt?: string;
  /** The id of the document this one is an annex to. */
  annexOf?: string;
  issuer?: string;
  date?: string;
  docNumber?: string;
  /** Whether clause paragraphs open with a lead sentence that is the clause's heading. */
  leadHeadings?: boolean;
  notes?: string;
  [key: string]: unknown;
}

/** A document as published in data/documents.json. */
export interface DocumentRecord {
  id: string;
  url: string;
  title: string;
  titleEditorial: boolean;
  kind: string;
  source: string;
  issuer?: string;
  date?: string;
  docNumber?: string;
  author?: string;
  affiliation?: string;
  abstract?: string;
  keywords?: string[];
  notes?: string;
  /** The `title` is the library's description of a document without an official title: cited without 《》. */
  descriptiveTitle?: true;
  /** What part of the work the text holds ("节选：第五至十部分"): shown beside the title, never in it. */
  excerpt?: string;
  /** The id of the document this one is an annex to (its citation names that document's 文号). */
  annexOf?: string;
  /** 施行日期, where known. */
  effectiveDate?: string;
  /** 时效性 (现行有效, 已修改…), where known. */
  validity?: string;
  /** Which transcription this is, where a work has several (转录本甲). */
  version?: string;
  /** Documents found (from their content) to be transcriptions of one text share a `work`: the first one's id. */
  work?: string;
  /** Every piece of source text of this document that is not in a clause, in source order. */
  furniture: { role: string; text: string; line: number }[];
  /** The structure: parts, sections and tables with their titles, nested. */
  outline: OutlineEntry[];
  clauseCount: number;
  [key: string]: unknown;
}

export interface OutlineEntry {
  level: DivisionLevel;
  id: string;
  marker: string | null;
  number: string | null;
  title: string | null;
  columns?: string[];
  /** Markdown heading markup printed before the title in the source (## ). */
  markup?: string;
  children: OutlineEntry[];
}

export interface Link {
  rel: 'version' | 'implements' | 'implemented-by' | 'related' | 'cites';
  id: string;
}

/** A clause as published in data/clauses.json. */
export interface ClauseRecord {
  id: string;
  url: string;
  source: string;
  doc: string;
  number: string | null;
  path: string[];
  heading?: string;
  text: string;
  keywords: string[];
  links: Link[];
  /** The numbering marker as printed ("14. ", "一是"); absent if unnumbered. */
  marker?: string;
  /** Markdown heading markup (## ) printed before the clause's number or heading in the source. */
  markup?: string;
  /** Indicator-table rows: the column labels. */
  columns?: string[];
  /** Labelled fields as printed (牵头单位 / 参加单位 of a work-division item), values split on 、. */
  fields?: { label: string; items: string[] }[];
  /** The titles in 《》 and document numbers in the heading and text, in text order (absent where none). */
  mentions?: Mention[];
  /**
   * The anchors of the clause's paragraphs in order, where they are not p1…pN: an article's
   * 款 and 项 (p1, p1-1, p1-2, p2…; src/site/paragraphs.ts). Absent otherwise.
   */
  anchors?: string[];
}

// ─────────────────────────────────────────────────────────────────── cross-links

/** One run of a character-level comparison of two transcriptions of a clause. */
export interface DiffPart {
  /** equal: same in both; delete: only in A; insert: only in B; replace: A's text where B has other text. */
  op: 'equal' | 'insert' | 'delete' | 'replace';
  /** The text in transcription A ('' for insert). */
  a: string;
  /** The text in transcription B ('' for delete). */
  b: string;
  /** For a difference: true when both sides are punctuation (or space) only, so the wording is the same. */
  punctuation?: boolean;
}

/** A clause of two transcriptions put side by side: present in both (with its comparison) or in one only. */
export interface AlignedClause {
  /** Clause id in transcription A; null where the clause is only in B. */
  a: string | null;
  b: string | null;
  /** The comparison of the headings (present when both sides exist and either has a heading). */
  heading?: DiffPart[];
  /** The comparison of the text (present when both sides exist). */
  parts?: DiffPart[];
  /** Differences in wording, heading and text (each insert, delete or replace run that is not punctuation only). */
  wording: number;
  /** Differences in punctuation only. */
  punctuation: number;
}

/** Two documents found (from their content) to be transcriptions of one text, aligned clause by clause. */
export interface VersionComparison {
  /** Stable id of the pair, used in the comparison page's URL. */
  id: string;
  url: string;
  /** Document ids of transcription A and B. */
  a: string;
  b: string;
  /** Share of shared content that made them versions (0–1), for the note on the page. */
  similarity: number;
  rows: AlignedClause[];
}

/** A work-division item (or an indicator row) and the clause it carries out. */
export interface Assignment {
  /** The item's clause id (an annex item, or an indicator-table row). */
  item: string;
  /** The clause it implements. */
  clause: string;
  /** Units that lead it (牵头单位) and that join it (参加单位), as printed. */
  lead: string[];
  join: string[];
  /** How sure the match is (0–1): the share of the item's wording found in the clause. */
  score: number;
}

/** A unit named in work-division items (组织部, 各产业工会…). */
export interface Unit {
  /** Stable ASCII id for the page URL. */
  id: string;
  url: string;
  name: string;
  /** Item clause ids it leads / joins, in reading order. */
  leads: string[];
  joins: string[];
}

/** A term of the term index and the clauses that use it. */
export interface TermEntry {
  term: string;
  /** Stable ASCII id for the page URL. */
  id: string;
  url: string;
  /** The spellings looked for: the term and its variants as printed (会站家, 会、站、家). */
  spellings: string[];
  /** Each clause that uses the term, with the sentence it stands in. */
  uses: { clause: string; sentence: string }[];
}

/**
 * A mention of a document in a clause's text: a title in 《》, a document number, or an article
 * reference (《工会法》第十八条, 本法第二十条第二款, 第十二条 within a statute).
 */
export interface Mention {
  /** The text as printed, e.g. "鲁会〔2014〕79号", "《关于…的意见》" or "本法第二十条第二款". */
  text: string;
  kind: 'title' | 'docNumber' | 'article';
  /** On a title: the document number printed in brackets right after it, which names the same document. */
  docNumber?: string;
  /** The document (or, for an article, the clause) of the library it names, if the library holds it. */
  target?: string;
  /** On an article: the anchor of the 款 (or 项) it names on the target clause's page, e.g. "p2". */
  anchor?: string;
  /** A title or number that names the clause's own document: no target, so neither a link nor 本库未收. */
  self?: true;
}

/** A clause in another document on the same subject, with the shared key terms that make it so. */
export interface RelatedClause {
  id: string;
  score: number;
  shared: string[];
}

/** Everything the cross-linking step finds; the links of each clause record are made from it. */
export interface CrossLinks {
  comparisons: VersionComparison[];
  assignments: Assignment[];
  units: Unit[];
  terms: TermEntry[];
  /** Published terms that are no longer terms (generic words): each keeps its page only, outside the index and the open data (crossLink always sets it). */
  retiredTerms?: TermEntry[];
  /** Clause id → the documents it mentions, in text order. */
  mentions: Map<string, Mention[]>;
  /** Clause id → related clauses, best first. */
  related: Map<string, RelatedClause[]>;
}

/** The whole library at build time: what pages, open data and the search index are made from. */
/** What the pipeline makes of the seeds (src/pipeline/index.ts): the records, each clause's tree, the cross-links. */
export interface LibraryData extends CrossLinks {
  documents: DocumentRecord[];
  /** All clauses in reading order (source by source, document by document). */
  clauses: ClauseRecord[];
  /** Clause id → its node in the parse tree (what its body is rendered from). */
  trees: Map<string, Clause>;
  /** Warnings found while parsing (duplicate or missing numbers…), each naming file:line. */
  diagnostics: Diagnostic[];
}

/** The library the site is made from: the pipeline's data, and the clause bodies rendered (src/site/bodies.ts). */
export interface Library extends LibraryData {
  /**
   * The rendered body of a clause (HTML: paragraphs, fields and figures, each anchored #p1…
   * with a link to itself; all source text escaped). `idPrefix` keeps anchors unique where
   * several bodies share a page. `from` is the site-relative URL of the page the body is
   * shown on; mentions of the library's documents become links relative to it.
   */
  renderBody(id: string, options?: { idPrefix?: string; from?: string; copy?: { url?: string; citation: string } }): string;
}
