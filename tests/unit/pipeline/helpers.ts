import path from 'node:path';
import type { Clause, Division, DocumentNode, Text } from '../../../src/model';
import { listSeeds, parseSeed } from '../../../src/pipeline/load';

export const ROOT = path.resolve(__dirname, '../../..');
export const SEEDS = path.join(ROOT, 'seeds');
export const META = path.join(ROOT, 'content/sources');
export const seeds = () => listSeeds(SEEDS);
export const parsed = (file: string) => parseSeed(SEEDS, META, file);

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
