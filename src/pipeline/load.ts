/**
 * Load: read a seed, decode it, parse it and check it against its metadata file
 * (content/sources/<seed>.json), applying the metadata's per-document settings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SourceMeta, SourceNode } from '../model';
import { SourceError, decodeSource } from './decode';
import { applyLeadHeadings } from './headings';
import { parseSource } from './parse';

/** A parsed source with its metadata: the tree every later step reads. */
export interface ParsedSource {
  tree: SourceNode;
  meta: SourceMeta;
  diagnostics: Diagnostic[];
}

/** Read, decode and parse one seed, and check it against its metadata file. */
export function parseSeed(seedsDir: string, metaDir: string, file: string): ParsedSource {
  const rel = path.join(path.basename(seedsDir), file);
  const text = decodeSource(readFileSync(path.join(seedsDir, file)), rel);
  const metaFile = path.join(metaDir, file.replace(/\.txt$/, '.json'));
  if (!existsSync(metaFile)) throw new SourceError(rel, `no metadata file ${path.relative(process.cwd(), metaFile)}`);
  let meta: SourceMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SourceMeta;
  } catch (e) {
    throw new SourceError(path.relative(process.cwd(), metaFile), `invalid JSON: ${(e as Error).message}`);
  }
  const { tree, diagnostics } = parseSource(rel, text);
  tree.file = file;
  if (tree.children.length !== meta.documents.length) {
    const found = tree.children.map((d) => `line ${d.line}`).join(', ');
    throw new SourceError(rel, `found ${tree.children.length} documents (starting at ${found}) but ${path.basename(metaFile)} describes ${meta.documents.length}`);
  }
  tree.children = tree.children.map((doc, i) => (meta.documents[i].leadHeadings ? applyLeadHeadings(doc) : doc));
  return { tree, meta, diagnostics };
}

/** The seed files of a folder, in name order. */
export function listSeeds(seedsDir: string): string[] {
  return readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
}

