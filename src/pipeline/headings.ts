/**
 * Lead headings: in plans, opinions and reports a numbered clause opens with a sentence that is
 * its title (14. 维护职工劳动经济权益。高度关注…). That sentence becomes the clause's heading.
 */
import type { Clause, Division, DocumentNode } from '../model';
import { sliceText } from './text';

/** Split the lead sentence off a numbered clause's first paragraph, if more text follows it. */
export function leadHeading(clause: Clause): Clause {
  if (!clause.marker || clause.heading || clause.columns) return clause;
  const first = clause.children[0];
  if (first?.type !== 'paragraph') return clause;
  const text = first.children[0];
  const end = text.value.indexOf('。');
  if (end <= 0 || end >= text.value.length - 1) return clause;
  return {
    ...clause,
    heading: sliceText(text, 0, end + 1),
    children: [{ type: 'paragraph', children: [sliceText(text, end + 1)] }, ...clause.children.slice(1)],
  };
}

/** Apply lead headings to every numbered clause of a document. */
export function applyLeadHeadings(doc: DocumentNode): DocumentNode {
  const visit = (nodes: (Division | Clause)[]): (Division | Clause)[] =>
    nodes.map((n) => (n.type === 'clause' ? leadHeading(n) : { ...n, children: visit(n.children) }));
  return { ...doc, children: visit(doc.children) };
}
