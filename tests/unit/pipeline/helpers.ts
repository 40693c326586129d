import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BASELINE_SOURCES } from '../../../scripts/bench/scale/synthesize';
import { buildLibrary } from '../../../src/library';
import type { Clause, Division, DocumentNode, Library, Text } from '../../../src/model';
import { listSeeds, parseSeed } from '../../../src/pipeline/load';

export const ROOT = path.resolve(__dirname, '../../..');
/** The library's sources and metadata: $TIAOWEN_SEEDS and $TIAOWEN_META (as the build reads them), else the repo's. */
export const SEEDS = path.resolve(ROOT, process.env.TIAOWEN_SEEDS ?? 'seeds');
export const META = path.resolve(ROOT, process.env.TIAOWEN_META ?? 'content/sources');
export const seeds = () => listSeeds(SEEDS);

let library: Library | undefined;

/**
 * The library of SEEDS and META, built once per worker: the unit files share their worker's
 * modules (vitest.config.ts), and a dozen of them read this same library. It is frozen, so a
 * test that would change it for the others throws instead.
 */
export function repositoryLibrary(): Library {
  return (library ??= deepFreeze(buildLibrary({ seedsDir: SEEDS, metaDir: META })));
}

/** Freeze an object and everything it holds; a Map's or Set's methods that would change it throw. */
function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map || value instanceof Set) {
    for (const entry of value instanceof Map ? [...value.keys(), ...value.values()] : value) deepFreeze(entry, seen);
    for (const method of ['set', 'add', 'delete', 'clear'])
      Object.defineProperty(value, method, {
        value: () => {
          throw new TypeError(`the shared library is read-only (${method})`);
        },
      });
  }
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}
export const parsed = (file: string) => parseSeed(SEEDS, META, file);

/**
 * The five seed sources the library started from. Tests whose expected answers were checked
 * by hand against these texts look only at their documents and clauses (by `source`), so
 * they hold however many texts are added; every other test must hold for any library.
 */
export const SEED_SOURCES: readonly string[] = BASELINE_SOURCES;
/** Whether a record (document or clause) comes from one of the five seed sources. */
export const fromSeeds = (record: { source: string }) => SEED_SOURCES.includes(record.source);

/** A temporary library folder holding the five seed sources and their metadata alone (for figures of those five by themselves). */
export function seedSourcesAlone(): { seedsDir: string; metaDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tiaowen-five-'));
  const seedsDir = path.join(dir, 'seeds');
  const metaDir = path.join(dir, 'meta');
  mkdirSync(seedsDir);
  mkdirSync(metaDir);
  for (const file of SEED_SOURCES) {
    copyFileSync(path.join(ROOT, 'seeds', file), path.join(seedsDir, file));
    const meta = file.replace(/\.txt$/, '.json');
    copyFileSync(path.join(ROOT, 'content/sources', meta), path.join(metaDir, meta));
  }
  return { seedsDir, metaDir };
}

/** Every text node of a document: furniture, division headings, clause markers, headings and bodies. */
export function textsOf(doc: DocumentNode): Text[] {
  const out: Text[] = doc.furniture.map((f) => f.text);
  const walk = (nodes: (Division | Clause)[]) => {
    for (const n of nodes) {
      for (const t of [n.markup, n.marker, n.type === 'division' ? n.title : n.heading]) if (t) out.push(t);
      if (n.type === 'division') {
        out.push(...(n.columns ?? []));
        walk(n.children);
        continue;
      }
      for (const c of n.children) {
        if (c.type === 'paragraph') out.push(...c.children);
        else if (c.type === 'field') out.push(c.labelText, c.value);
        else out.push(c.caption, ...(c.credit ? [c.credit] : []));
      }
    }
  };
  walk(doc.children);
  return out;
}
