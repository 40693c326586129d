/**
 * The pipeline's one entry: every seed in seeds/ run through its stages, in the order
 * `buildLibrary` lists them, with the per-source metadata from content/sources/:
 * parse (per seed: decode → layout → parse → lead headings, in load.ts; then records and ids)
 * → annex check → paragraph anchors → keywords → cross-links → warnings.
 * It returns data only: the site renders clause bodies from the trees (src/site/bodies.ts), and
 * src/library.ts joins the two and caches the result per process; pages, open data and the
 * search index are all made from that one value.
 */
import path from 'node:path';
import type { Clause, ClauseRecord, CrossLinks, Diagnostic, DocumentRecord, LibraryData } from '../model';
import { SourceError } from './decode';
import { placeClauses } from './ids';
import { type ParsedSource, listSeeds, parseSeed } from './load';
import { clauseRecords, clauseText, documentRecord } from './records';
import { publishedAnchors } from './anchors';
import { clauseLinks, crossLink } from './links';
import { dictionaryEntries, domainTerms, keywordCandidates, keywords, stopwords, words as segmentWords } from './segment';

export interface LibraryOptions {
  /** Folder holding the seed texts (default: $TIAOWEN_SEEDS, else seeds/ under the working directory). */
  seedsDir?: string;
  /** Folder holding the per-source metadata (default: $TIAOWEN_META, else content/sources/). */
  metaDir?: string;
  /** Report progress (default: silent). */
  log?: (message: string) => void;
}

/** Run the pipeline over the seeds and metadata: the library's records. Throws a SourceError naming file and line on bad input. */
export function runPipeline(options: LibraryOptions = {}): LibraryData {
  const { seedsDir, metaDir, log } = resolveOptions(options);
  const took = stageTimer();
  const parsed = parseSeeds(seedsDir, metaDir, log);
  log(`stage parse: ${parsed.documents.length} documents, ${parsed.clauses.length} clauses in ${took()}`);
  checkAnnexes(parsed.documents, metaDir);
  addAnchors(parsed.clauses, parsed.trees);
  addKeywords(parsed.clauses, parsed.subjects);
  log(`stage segment: keywords of ${parsed.clauses.length} clauses in ${took()}`);
  const links = linkClauses(parsed.documents, parsed.clauses, log);
  log(`stage link: ${took()}`);
  logWarnings(parsed.diagnostics, log);
  return { documents: parsed.documents, clauses: parsed.clauses, trees: parsed.trees, diagnostics: parsed.diagnostics, ...links };
}

/** What the parse stage hands on: the records in reading order, each clause's tree and subject, the parser's warnings. */
interface Parsed {
  documents: DocumentRecord[];
  clauses: ClauseRecord[];
  /** Clause id → its node in the parse tree (what its body is rendered from). */
  trees: Map<string, Clause>;
  /** What each clause is about, for keywords: its heading and prose (not 牵头单位 fields), in clause order. */
  subjects: string[];
  diagnostics: Diagnostic[];
}

/** The options with their defaults: absolute seed and metadata folders, and a log that may be silent. */
function resolveOptions(options: LibraryOptions): { seedsDir: string; metaDir: string; log: (message: string) => void } {
  return {
    seedsDir: path.resolve(options.seedsDir ?? process.env.TIAOWEN_SEEDS ?? 'seeds'),
    metaDir: path.resolve(options.metaDir ?? process.env.TIAOWEN_META ?? 'content/sources'),
    log: options.log ?? (() => {}),
  };
}

/** A clock for the stage timings in the log: each call gives the milliseconds since the previous call (or its start). */
function stageTimer(): () => string {
  let lap = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - lap);
    lap = now;
    return `${ms} ms`;
  };
}

/** Stage parse: load each seed (decode, layout, parse, metadata), then its documents' records and clause ids, seed by seed. */
function parseSeeds(seedsDir: string, metaDir: string, log: (message: string) => void): Parsed {
  const parsed: Parsed = { documents: [], clauses: [], trees: new Map(), subjects: [], diagnostics: [] };
  const seenIds = new Map<string, string>();
  for (const file of listSeeds(seedsDir)) {
    const before = parsed.clauses.length;
    const source = parseSeed(seedsDir, metaDir, file);
    addSource(parsed, source, path.basename(seedsDir), file, seenIds);
    log(`parsed ${file}: ${source.tree.children.length} document(s), ${parsed.clauses.length - before} clauses`);
  }
  return parsed;
}

/** Add one parsed seed's records, trees and subjects; a clause id used twice (`seenIds`: id → where) is a SourceError. */
function addSource(parsed: Parsed, { tree, meta, diagnostics }: ParsedSource, seedsName: string, file: string, seenIds: Map<string, string>): void {
  parsed.diagnostics.push(...diagnostics);
  tree.children.forEach((doc, i) => {
    const docMeta = meta.documents[i];
    const records = clauseRecords(doc, docMeta.id, file);
    for (const { clause, id } of placeClauses(doc, docMeta.id)) {
      const where = `${seedsName}/${file}:${clause.line}`;
      if (seenIds.has(id)) throw new SourceError(`${seedsName}/${file}`, `clause id ${id} is used twice (also at ${seenIds.get(id)})`, { line: clause.line });
      seenIds.set(id, where);
      parsed.trees.set(id, clause);
      parsed.subjects.push([clause.heading?.value ?? '', clauseText(clause.children.filter((c) => c.type !== 'field'))].join('\n'));
    }
    parsed.documents.push(documentRecord(doc, docMeta, file, records.length));
    parsed.clauses.push(...records);
  });
}

/** Stage annex check: every `annexOf` names a document of the library, else a SourceError naming the metadata file. */
function checkAnnexes(documents: readonly DocumentRecord[], metaDir: string): void {
  for (const d of documents) {
    if (d.annexOf && !documents.some((p) => p.id === d.annexOf))
      throw new SourceError(
        path.join(path.basename(metaDir), d.source.replace(/\.[^.]+$/, '.json')),
        `document ${d.id}: annexOf names "${d.annexOf}", which is no document of the library`,
      );
  }
}

/** Stage anchors: give each clause the paragraph anchors its page publishes (if any). */
function addAnchors(clauses: ClauseRecord[], trees: ReadonlyMap<string, Clause>): void {
  for (const c of clauses) {
    const anchors = publishedAnchors(trees.get(c.id)!);
    if (anchors) c.anchors = anchors;
  }
}

/** Stage segment: give each clause its keywords, from its subject (heading and prose) against the whole library. */
function addKeywords(clauses: ClauseRecord[], subjects: readonly string[]): void {
  const words = keywords(subjects);
  clauses.forEach((c, i) => (c.keywords = words[i]));
}

/** Stage link: find the cross-links (versions, assignments, mentions, related clauses, terms) and give each clause its links and mentions. */
function linkClauses(documents: DocumentRecord[], clauses: ClauseRecord[], log: (message: string) => void): CrossLinks {
  const variants = new Map<string, string[]>();
  for (const e of dictionaryEntries()) if (e.word !== e.canonical) variants.set(e.canonical, [...(variants.get(e.canonical) ?? []), e.word]);
  const links = crossLink({
    documents,
    clauses,
    words: segmentWords,
    subjectWords: (text) => keywordCandidates(text),
    domainTerms: domainTerms(),
    variants,
    stopwords: new Set(stopwords()),
  });
  const linksOf = clauseLinks(links);
  for (const c of clauses) {
    c.links = linksOf.get(c.id) ?? [];
    const mentions = links.mentions.get(c.id);
    if (mentions?.length) c.mentions = mentions;
  }
  log(
    `linked: ${links.comparisons.length} version pair(s), ${links.assignments.length} assignments, ` +
      `${links.related.size} clauses with related clauses, ${links.terms.length} terms`,
  );
  return links;
}

/** Stage warnings: log each parser warning as file:line. */
function logWarnings(diagnostics: readonly Diagnostic[], log: (message: string) => void): void {
  for (const d of diagnostics) log(`warning: ${d.file}:${d.line}: ${d.message}`);
}
