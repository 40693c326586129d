/**
 * How the blocks of a clause body are named to a reader: 第二段, or in an article 第二款,
 * 第一款第（三）项. The anchors themselves are data of the pipeline (pipeline/anchors.ts).
 */
import type { ParagraphPlace } from '../pipeline/anchors';
import { toChineseNumeral } from '../pipeline/numerals';

/** An item's number as it goes between 第 and 项: "（三）" stays, trailing punctuation ("1." → "1") goes. */
export const itemNumber = (item: string): string => item.trim().replace(/[、.．,，\s]+$/, '');

/** What the ¶ link of a block is called: 第二段的链接, or in an article 第二款的链接, 第一款第（三）项的链接. */
export function anchorLinkLabel(place: ParagraphPlace): string {
  if (place.paragraph === undefined) return `第${toChineseNumeral(place.block)}段的链接`;
  const item = place.item === undefined ? '' : `第${itemNumber(place.item)}项`;
  return `第${toChineseNumeral(place.paragraph)}款${item}的链接`;
}
