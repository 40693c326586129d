/**
 * What a copy button copies, as pure functions: the page's link (the canonical URL where the
 * build had a canonical site, TIAOWEN_SITE; else the address the page was opened at; none from
 * disk), the citation with its link, and the date cited of a GB/T 7714 reference.
 */

/**
 * The link a copy button gives: the canonical URL of the page where the build had a canonical
 * site; else the address the page was opened at, without its query and fragment; else — opened
 * from disk (file:) without a canonical site — null, as there is no address to give. `anchor`
 * (p2, p1-3) adds the paragraph's fragment.
 */
export function pageLink(canonical: string | null | undefined, href: string, anchor?: string | null): string | null {
  let base = canonical || '';
  if (!base) {
    const at = href.search(/[?#]/);
    base = at < 0 ? href : href.slice(0, at);
    if (/^file:/i.test(base)) return null;
  }
  return anchor ? `${base}#${anchor}` : base;
}

/**
 * What a copy button copies (kind link or citation): its link, or the citation followed by a
 * space and the link (as src/site/citation.ts citationText), or the citation alone where there
 * is no link; null for a link button without a link.
 */
export function copiedText(kind: string, cite: string, link: string | null): string | null {
  if (kind === 'link') return link;
  return link ? `${cite} ${link}` : cite;
}

/** A day as YYYY-MM-DD in the reader's own time zone: the date cited of a GB/T 7714 reference. */
export function isoDay(date: Date): string {
  const pad = (n: number) => (n < 10 ? '0' : '') + n;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
