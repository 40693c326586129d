/**
 * Load: read a seed, decode it, parse it and check it against its metadata file
 * (content/sources/<seed>.json), applying the metadata's per-document settings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, DocumentNode, SourceMeta, SourceNode } from '../model';
import { SourceError, decodeSource } from './decode';
import { applyLeadHeadings } from './headings';
import { checkSourceMeta } from './metadata';
import { parseSource } from './parse';

/** A parsed source with its metadata: the tree every later step reads. */
export interface ParsedSource {
  tree: SourceNode;
  meta: SourceMeta;
  diagnostics: Diagnostic[];
}

/** Read, decode and parse one seed, and check it against its metadata file (see metadata.ts for the schema). */
export function parseSeed(seedsDir: string, metaDir: string, file: string): ParsedSource {
  const rel = path.join(path.basename(seedsDir), file);
  const text = decodeSource(readFileSync(path.join(seedsDir, file)), rel);
  const metaFile = path.join(metaDir, file.replace(/\.txt$/, '.json'));
  const metaRel = path.relative(process.cwd(), metaFile);
  if (!existsSync(metaFile)) {
    throw new SourceError(rel, `no metadata file ${metaRel} (add a text with \`npm run add-source -- FILE\`, which writes both)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch (e) {
    throw new SourceError(metaRel, `invalid JSON: ${(e as Error).message}`);
  }
  const checked = checkSourceMeta(data);
  if ('problems' in checked) throw new SourceError(metaRel, checked.problems.join(`\n${metaRel}: `));
  const meta = checked.meta;
  if (meta.source !== file)
    throw new SourceError(metaRel, `source: expected ${JSON.stringify(file)}, the seed this file describes; got ${JSON.stringify(meta.source)}`);
  const { tree, diagnostics } = parseSource(rel, text);
  tree.file = file;
  if (tree.children.length !== meta.documents.length) throw documentCountError(rel, metaRel, tree, meta);
  tree.children.forEach((doc, i) => {
    if (!meta.documents[i].title && !doc.furniture.some((f) => f.role === 'title')) {
      throw new SourceError(
        metaRel,
        `documents[${i}].title: required, since ${rel} prints no title for its document ${i + 1} (${firstLine(tree, doc)}); ` +
          'give the title the library should show (it is marked as supplied by the library)',
      );
    }
  });
  tree.children = tree.children.map((doc, i) => (meta.documents[i].leadHeadings ? applyLeadHeadings(doc) : doc));
  return { tree, meta, diagnostics };
}

/** "line 15: 山东省总工会文件": where a document starts and its first line, cut short. */
function firstLine(tree: SourceNode, doc: DocumentNode): string {
  const line = tree.text.split('\n')[doc.line - 1]?.trim() ?? '';
  return `line ${doc.line}: ${[...line].length > 30 ? `${[...line].slice(0, 30).join('')}…` : line}`;
}

/** The error for metadata that lists another number of documents than the parser finds, with what it found and how to fix it. */
function documentCountError(rel: string, metaRel: string, tree: SourceNode, meta: SourceMeta): SourceError {
  const found = tree.children.map((d, i) => `  ${i + 1}. ${firstLine(tree, d)}`).join('\n');
  const n = tree.children.length;
  return new SourceError(
    rel,
    `the parser finds ${n} document${n === 1 ? '' : 's'} but ${metaRel} describes ${meta.documents.length}. ` +
      `The documents found, in order:\n${found}\n` +
      `Fix: give "documents" in ${metaRel} one entry per document found, in this order; ` +
      'or remove the seed and its metadata file and add the original text again with `npm run add-source -- FILE`, which writes one entry per document.',
  );
}

/** The seed files of a folder, in name order. */
export function listSeeds(seedsDir: string): string[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}
