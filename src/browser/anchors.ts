/**
 * Paragraph anchors as a clause's published record gives them (src/site/paragraphs.ts makes
 * them): a module of its own, without imports, so that the search page links to a paragraph
 * by the same rule as the build.
 */

/** The anchor of the `index`-th (0-based) line of a clause's text: from its published anchors, else p{index+1}. */
export function lineAnchor(anchors: readonly string[] | undefined, index: number): string {
  return anchors?.[index] ?? `p${index + 1}`;
}
