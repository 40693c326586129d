/**
 * Permalinks. A clause's id is its document's id followed by the keys of its numbering path
 * (part, section, clause: plan14-a/5/14, report-2024/2/3/1, luhui-2014-79/0); never its position
 * or its text. Articles (第N条) are numbered through their document, so an article's id is the
 * document's id and its number alone (gonghuifa-2021/12), whatever chapter holds it. The URLs made from these ids are in src/urls.ts.
 */
import type { Clause, Division, DocumentNode } from '../model';

/** The id of a clause from its document id and the keys of its numbering path. */
export function clauseId(docId: string, keys: string[]): string {
  return [docId, ...keys].join('/');
}

export interface PlacedClause {
  clause: Clause;
  /** Enclosing divisions, outermost first. */
  divisions: Division[];
  id: string;
}

/** Every clause of a document in reading order, with its enclosing divisions and its id. */
export function placeClauses(doc: DocumentNode, docId: string): PlacedClause[] {
  const out: PlacedClause[] = [];
  const walk = (nodes: (Division | Clause)[], divisions: Division[]) => {
    for (const n of nodes) {
      if (n.type === 'clause') {
        const keys = n.system === 'article' ? [n.key] : [...divisions.map((d) => d.key), n.key];
        out.push({ clause: n, divisions, id: clauseId(docId, keys) });
      } else walk(n.children, [...divisions, n]);
    }
  };
  walk(doc.children, []);
  return out;
}
