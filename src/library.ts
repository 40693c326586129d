/**
 * The library at build time: every seed in seeds/ run through the pipeline
 * (decode → layout → parse → lead headings → ids → records → keywords → cross-links → rendered bodies),
 * with the per-source metadata from content/sources/. Pages, open data and the search index
 * are all made from this one value.
 */
import path from 'node:path';
import type { Clause, ClauseRecord, Diagnostic, DocumentRecord, Library } from './model';
import { SourceError } from './pipeline/decode';
import { placeClauses } from './pipeline/ids';
import { listSeeds, parseSeed } from './pipeline/load';
import { clauseRecords, clauseText, documentRecord } from './pipeline/records';
import { renderClauseBody } from './pipeline/render';
import { publishedAnchors } from './site/paragraphs';
import { clauseLinks, crossLink } from './pipeline/links';
import { linkableMentions } from './pipeline/links/references';
import { dictionaryEntries, domainTerms, keywordCandidates, keywords, stopwords, words as segmentWords } from './pipeline/segment';

export interface LibraryOptions {
  /** Folder holding the seed texts (default: $TIAOWEN_SEEDS, else seeds/ under the working directory). */
  seedsDir?: string;
  /** Folder holding the per-source metadata (default: $TIAOWEN_META, else content/sources/). */
  metaDir?: string;
  /** Report progress (default: silent). */
  log?: (message: string) => void;
}

/** Build the whole library from seeds and metadata. Throws a SourceError naming file and line on bad input. */
export function buildLibrary(options: LibraryOptions = {}): Library {
  const seedsDir = path.resolve(options.seedsDir ?? process.env.TIAOWEN_SEEDS ?? 'seeds');
  const metaDir = path.resolve(options.metaDir ?? process.env.TIAOWEN_META ?? 'content/sources');
  const log = options.log ?? (() => {});
  let lap = performance.now();
  /** Milliseconds since the previous call (for the stage timings in the log). */
  const took = () => {
    const now = performance.now();
    const ms = Math.round(now - lap);
    lap = now;
    return `${ms} ms`;
  };
  const documents: DocumentRecord[] = [];
  const clauses: ClauseRecord[] = [];
  const trees = new Map<string, Clause>();
  const diagnostics: Diagnostic[] = [];
  const seenIds = new Map<string, string>();
  /** What each clause is about, for keywords: its heading and prose (not 牵头单位 fields). */
  const subjects: string[] = [];
  for (const file of listSeeds(seedsDir)) {
    const before = clauses.length;
    const { tree, meta, diagnostics: found } = parseSeed(seedsDir, metaDir, file);
    diagnostics.push(...found);
    tree.children.forEach((doc, i) => {
      const docMeta = meta.documents[i];
      const records = clauseRecords(doc, docMeta.id, file);
      for (const { clause, id } of placeClauses(doc, docMeta.id)) {
        const where = `${path.basename(seedsDir)}/${file}:${clause.line}`;
        if (seenIds.has(id)) throw new SourceError(`${path.basename(seedsDir)}/${file}`, `clause id ${id} is used twice (also at ${seenIds.get(id)})`, { line: clause.line });
        seenIds.set(id, where);
        trees.set(id, clause);
        subjects.push([clause.heading?.value ?? '', clauseText(clause.children.filter((c) => c.type !== 'field'))].join('\n'));
      }
      documents.push(documentRecord(doc, docMeta, file, records.length));
      clauses.push(...records);
    });
    log(`parsed ${file}: ${tree.children.length} document(s), ${clauses.length - before} clauses`);
  }
  log(`stage parse: ${documents.length} documents, ${clauses.length} clauses in ${took()}`);
  for (const d of documents) {
    if (d.annexOf && !documents.some((p) => p.id === d.annexOf))
      throw new SourceError(path.join(path.basename(metaDir), d.source.replace(/\.[^.]+$/, '.json')), `document ${d.id}: annexOf names "${d.annexOf}", which is no document of the library`);
  }
  for (const c of clauses) {
    const anchors = publishedAnchors(trees.get(c.id)!);
    if (anchors) c.anchors = anchors;
  }
  const words = keywords(subjects);
  clauses.forEach((c, i) => (c.keywords = words[i]));
  log(`stage segment: keywords of ${clauses.length} clauses in ${took()}`);
  const variants = new Map<string, string[]>();
  for (const e of dictionaryEntries()) if (e.word !== e.canonical) variants.set(e.canonical, [...(variants.get(e.canonical) ?? []), e.word]);
  const links = crossLink({
    documents, clauses, words: segmentWords, subjectWords: (text) => keywordCandidates(text),
    domainTerms: domainTerms(), variants, stopwords: new Set(stopwords()),
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
  log(`stage link: ${took()}`);
  for (const d of diagnostics) log(`warning: ${d.file}:${d.line}: ${d.message}`);
  const urls = new Map([...documents, ...clauses].map((r) => [r.id, r.url]));
  const records = new Map(clauses.map((c) => [c.id, c]));
  const renderBody: Library['renderBody'] = (id, opts) => {
    const clause = trees.get(id);
    if (!clause) throw new Error(`no clause ${id}`);
    const record = records.get(id);
    const mentions = links.mentions.get(id) ?? [];
    // Only mentions whose text names one place wherever it is printed (see linkableMentions); an article's 款 by its anchor.
    const cites = (record ? linkableMentions(mentions, `${record.heading ?? ''}\n${record.text}`) : []).flatMap((m) => {
      const url = m.target && urls.get(m.target);
      return url ? [{ text: m.text, url: m.anchor ? `${url}#${m.anchor}` : url }] : [];
    });
    return renderClauseBody(clause, { ...opts, cites });
  };
  return { documents, clauses, renderBody, diagnostics, ...links };
}

/**
 * The library is cached on the process, not the module: Astro loads this module twice (for
 * the pages, and for the integration that indexes them), and both must see one library.
 */
const CACHE = Symbol.for('tiaowen.library');
const processCache = globalThis as { [CACHE]?: Library };

/** Load (once per process) the whole library from seeds/ and content/. */
export async function loadLibrary(): Promise<Library> {
  processCache[CACHE] ??= buildLibrary({ log: (m) => console.log(`[tiaowen] ${m}`) });
  return processCache[CACHE];
}
