/**
 * The anchors of a clause's paragraphs: the `id` of each block of its body, which links name.
 *
 * Every clause numbers its blocks (paragraphs, fields, figures) p1, p2, … in reading order,
 * except an article (第N条): there a 款 (a paragraph without `item`) k is `p{k}`, and the
 * j-th item (项) of 款 k is `p{k}-{j}`, so a link keeps naming the same 款 and 项 whatever
 * the items before it. The published records carry an article's anchors only where they
 * differ from p1…pN (`ClauseRecord.anchors`). How each is named to a reader is site/paragraphs.ts.
 */
import type { Clause } from '../model';
import { lineAnchor } from '../browser/anchors';

/** One block of a clause body: its anchor and, in an article, the 款 and 项 it is. */
export interface ParagraphPlace {
  /** The anchor without prefix: "p2", "p1-3". */
  anchor: string;
  /** 1-based place of the block in the body. */
  block: number;
  /** In an article: the 款 (1-based) the block is, or belongs to as an item. */
  paragraph?: number;
  /** In an article, on an item: its number as printed ("（三）") and its ordinal within its 款. */
  item?: string;
  itemOrdinal?: number;
}

/** Whether a clause is an article (第N条), whose blocks are 款 and 项. */
export const isArticle = (clause: Pick<Clause, 'system'>): boolean => clause.system === 'article';

/** The place of each block of a clause body: p1…pN, or 款 and 项 (p{k}, p{k}-{j}) in an article. */
export function paragraphPlaces(clause: Pick<Clause, 'system' | 'children'>): ParagraphPlace[] {
  if (!isArticle(clause)) return clause.children.map((_, i) => ({ anchor: `p${i + 1}`, block: i + 1 }));
  let paragraph = 0;
  let ordinal = 0;
  return clause.children.map((c, i) => {
    const item = c.type === 'paragraph' ? c.item : undefined;
    if (item === undefined) {
      paragraph++;
      ordinal = 0;
      return { anchor: `p${paragraph}`, block: i + 1, paragraph };
    }
    // An item before any 款 (not expected in print) is taken to belong to the first.
    const k = Math.max(paragraph, 1);
    ordinal++;
    return { anchor: `p${k}-${ordinal}`, block: i + 1, paragraph: k, item, itemOrdinal: ordinal };
  });
}

/** The anchor of each block of a clause body, in order: p1, p2, … or, in an article, p1, p1-1, p2, …. */
export function paragraphAnchors(clause: Pick<Clause, 'system' | 'children'>): string[] {
  return paragraphPlaces(clause).map((p) => p.anchor);
}

/** The anchors to publish with a clause's record: only where they differ from p1…pN, else undefined. */
export function publishedAnchors(clause: Pick<Clause, 'system' | 'children'>): string[] | undefined {
  const anchors = paragraphAnchors(clause);
  return anchors.every((a, i) => a === lineAnchor(undefined, i)) ? undefined : anchors;
}
