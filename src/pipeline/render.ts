/**
 * Render a clause body to HTML with unified: the clause's content becomes an mdast tree,
 * remark-rehype turns it into hast (with handlers for fields and figures), rehype plugins add
 * paragraph anchors, and rehype-stringify writes it out, escaping all source text.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import type { Node } from 'unist';
import type { Clause, ClauseContent } from '../model';

/** mdast nodes for the parts of a clause that are not prose. */
interface FieldMdast extends Node {
  type: 'field';
  label: string;
  value: string;
}
interface FigureMdast extends Node {
  type: 'figure';
  caption: string;
  credit: string;
}
declare module 'mdast' {
  interface RootContentMap {
    field: FieldMdast;
    figure: FigureMdast;
  }
}

/** The clause body as an mdast tree (fields and figures as custom nodes). */
export function clauseToMdast(clause: Clause): MdastRoot {
  const children = clause.children.map((c: ClauseContent): RootContent => {
    if (c.type === 'paragraph') return { type: 'paragraph', children: [{ type: 'text', value: c.children.map((t) => t.value).join('') }] };
    if (c.type === 'field') return { type: 'field', label: c.labelText.value, value: c.value.value };
    return { type: 'figure', caption: c.caption.value, credit: c.credit?.value ?? '' };
  });
  return { type: 'root', children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, className: string[], children: ElementContent[]): Element => ({
  type: 'element', tagName, properties: className.length ? { className } : {}, children,
});

const handlers: RemarkRehypeOptions['handlers'] = {
  field(_state, node: FieldMdast) {
    return el('p', ['field'], [el('span', ['field-label'], [text(node.label)]), el('span', ['field-value'], [text(node.value)])]);
  },
  figure(_state, node: FigureMdast) {
    const parts: ElementContent[] = [el('span', ['figure-missing'], [text('（图片不在来源文本中）')])];
    if (node.caption) parts.push(el('figcaption', [], [text(node.caption)]));
    if (node.credit) parts.push(el('p', ['figure-credit'], [text(node.credit)]));
    return el('figure', ['figure'], parts);
  },
};

export interface AnchorOptions {
  /** Put before every anchor id, so several clause bodies can share one page (default: none). */
  idPrefix?: string;
}

/**
 * rehype plugin: give every top-level block an anchor id p1, p2, … and, as its first child,
 * an empty link to itself (its ¶ comes from CSS), so a reader can link to one paragraph.
 */
export function rehypeParagraphAnchors(options: AnchorOptions = {}) {
  const prefix = options.idPrefix ?? '';
  return (tree: HastRoot) => {
    let n = 0;
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const id = `${prefix}p${++n}`;
      node.properties = { ...node.properties, id };
      const label = `第${n}段的链接`;
      node.children.unshift({
        type: 'element', tagName: 'a',
        properties: { className: ['para-link'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' },
        children: [],
      });
    }
  };
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();
const makeProcessor = (options: AnchorOptions) =>
  unified().use(remarkRehype, { handlers }).use(rehypeParagraphAnchors, options).use(rehypeStringify);

/** The clause body as HTML: one element per paragraph, field or figure, anchored #p1…. */
export function renderClauseBody(clause: Clause, options: AnchorOptions = {}): string {
  const key = options.idPrefix ?? '';
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = makeProcessor(options)));
  return processor.stringify(processor.runSync(clauseToMdast(clause)) as HastRoot);
}
