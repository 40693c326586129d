/**
 * Render a clause body to HTML with unified: the clause's content becomes an mdast tree,
 * remark-rehype turns it into hast (with handlers for fields and figures), rehype plugins add
 * paragraph anchors and links on mentions of the library's documents, and rehype-stringify
 * writes it out, escaping all source text.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { Clause, ClauseContent } from '../model';
import { paragraphPlaces, type ParagraphPlace } from '../pipeline/anchors';
import { citationText, paragraphPosition } from './citation';
import { anchorLinkLabel } from './paragraphs';
import { relativeUrl } from '../urls';

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
  type: 'element',
  tagName,
  properties: className.length ? { className } : {},
  children,
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
  /**
   * The place of each top-level block (paragraphs.ts `paragraphPlaces`); default p1, p2, …
   * named 第N段.
   */
  places?: ParagraphPlace[];
  /** Give each block a pair of copy buttons: its link and its citation (see `CopyOptions`). */
  copy?: CopyOptions;
}

/** What the copy buttons of a clause's paragraphs start from. */
export interface CopyOptions {
  /**
   * The clause's canonical permalink (absolute), if the build has a canonical site; a
   * paragraph's link adds #anchor. Without it the buttons carry no text to copy (`data-copy`)
   * and the page script gives the address the page was opened at.
   */
  url?: string;
  /** The clause's citation (《…》（文号）第十二条); a paragraph's citation adds its own place (第二款). */
  citation: string;
}

/**
 * The copy buttons of one block, hidden until the site script sets them up, ignored by the
 * search: each names its paragraph (`data-copy-anchor`), the citation names its place
 * (`data-copy-cite`), and where the link is known at build time `data-copy` holds the text.
 */
function copyGroup(copy: CopyOptions, place: ParagraphPlace, places: ParagraphPlace[]): Element {
  const link = copy.url ? `${copy.url}#${place.anchor}` : undefined;
  const cite = copy.citation + paragraphPosition(place, places);
  const name = anchorLinkLabel(place).replace(/的链接$/, '');
  const button = (kind: string, text: string | undefined, what: string, extra: Record<string, string> = {}): Element => ({
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['para-copy-' + kind],
      dataCopyKind: kind,
      dataCopyAnchor: place.anchor,
      ...extra,
      ...(text === undefined ? {} : { dataCopy: text }),
      dataCopyLabel: `${name}的${what}`,
      ariaLabel: `复制${name}的${what}`,
    },
    children: [],
  });
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['para-copy'], dataCopyGroup: '', dataPagefindIgnore: '', hidden: true },
    children: [button('link', link, '链接'), button('citation', link && citationText(cite, link), '引用', { dataCopyCite: cite })],
  };
}

/**
 * rehype plugin: give every top-level block an anchor id (p1, p2, …, or the given places'
 * anchors) and, as its first child, an empty link to itself (its ¶ comes from CSS), so a reader
 * can link to one paragraph; with `copy`, also a pair of copy buttons at its end (inside a
 * figure, at the end of its caption).
 */
export function rehypeParagraphAnchors(options: AnchorOptions = {}) {
  const prefix = options.idPrefix ?? '';
  return (tree: HastRoot) => {
    const blocks = tree.children.filter((node): node is Element => node.type === 'element');
    const places = blocks.map((_, i): ParagraphPlace => options.places?.[i] ?? { anchor: `p${i + 1}`, block: i + 1 });
    blocks.forEach((node, i) => {
      const place = places[i]!;
      const id = `${prefix}${place.anchor}`;
      node.properties = { ...node.properties, id };
      node.children.unshift({
        type: 'element',
        tagName: 'a',
        properties: { className: ['para-link'], href: `#${id}`, ariaLabel: anchorLinkLabel(place), dataPagefindIgnore: '' },
        children: [],
      });
      if (!options.copy) return;
      const caption = node.tagName === 'figure' ? node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption') : undefined;
      (caption ?? node).children.push(copyGroup(options.copy, place, places));
    });
  };
}

export interface MentionLinkOptions {
  /** Each mention to link: its text as printed and the (relative) href it leads to. */
  links: { text: string; href: string }[];
}

/** Split a text at every occurrence of the link texts (longest first where several start at one place). */
function linkText(value: string, links: Map<string, string>, longestFirst: string[]): ElementContent[] {
  const out: ElementContent[] = [];
  let plain = 0;
  for (let i = 0; i < value.length;) {
    const hit = longestFirst.find((t) => value.startsWith(t, i));
    if (!hit) {
      i++;
      continue;
    }
    if (i > plain) out.push(text(value.slice(plain, i)));
    out.push({ type: 'element', tagName: 'a', properties: { className: ['cite'], href: links.get(hit) }, children: [text(hit)] });
    i = plain = i + hit.length;
  }
  if (plain < value.length) out.push(text(value.slice(plain)));
  return out;
}

/**
 * rehype plugin: wrap every occurrence of a mention's exact text in a text node in
 * `<a class="cite" href>`; the text itself is left as it is, and nothing is linked inside a link.
 */
export function rehypeMentionLinks(options: MentionLinkOptions) {
  const links = new Map<string, string>();
  for (const l of options.links) if (l.text && !links.has(l.text)) links.set(l.text, l.href);
  const longestFirst = [...links.keys()].sort((a, b) => b.length - a.length);
  return (tree: HastRoot) => {
    if (links.size === 0) return;
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && node.tagName === 'a') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const parts = linkText(node.value, links, longestFirst);
      if (parts.length === 1 && parts[0].type === 'text') return;
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return [SKIP, index + parts.length];
    });
  };
}

const toHast = unified().use(remarkRehype, { handlers });
const toHtml = unified().use(rehypeStringify);

export interface BodyOptions extends Omit<AnchorOptions, 'places'> {
  /** The site-relative URL of the page the body is shown on; without it, no mention is linked. */
  from?: string;
  /** Mentions of the library's documents in this clause: the text as printed and the site-relative URL it names. */
  cites?: { text: string; url: string }[];
}

/**
 * The clause body as HTML: one element per paragraph, field or figure, anchored #p1… (an
 * article's 款 and 项 as #p{k} and #p{k}-{j}), mentions linked, copy buttons where asked.
 */
export function renderClauseBody(clause: Clause, options: BodyOptions = {}): string {
  const tree = toHast.runSync(clauseToMdast(clause)) as HastRoot;
  rehypeParagraphAnchors({ idPrefix: options.idPrefix, places: paragraphPlaces(clause), copy: options.copy })(tree);
  const { from, cites = [] } = options;
  if (from && cites.length) rehypeMentionLinks({ links: cites.map((c) => ({ text: c.text, href: relativeUrl(from, c.url) })) })(tree);
  return toHtml.stringify(tree);
}
