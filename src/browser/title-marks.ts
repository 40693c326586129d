/**
 * Book-title marks as Chinese punctuation nests them. A module of its own, without imports, so
 * that the browser's search page can use the same rule as the build's citations.
 */

/** A title in 《》, with any 《》 inside it turned into 〈〉. */
export function inTitleMarks(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}
