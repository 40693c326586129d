/**
 * Small, safe rewrites of the pipeline's rendered clause bodies (`Library.bodyHtml`,
 * already escaped). They touch only tags and id-valued attributes, never text.
 */

/** Elements that may receive a paragraph link as their first child. */
const LINKABLE = 'p|div|li|dd|dt|figure|blockquote|section';
const ANCHOR_RE = new RegExp(`<(${LINKABLE})\\b([^>]*?)\\sid="(p(\\d+))"([^>]*)>`, 'g');

/**
 * Give each paragraph anchor (`<p id="p3">`) a visible-on-hover/focus link to itself, so a
 * reader can copy the URL of one paragraph. The link is empty (the ¶ comes from CSS, so it
 * adds no text to the page) and is left out of the search index.
 */
export function addParagraphLinks(html: string): string {
  return html.replace(
    ANCHOR_RE,
    (tag, _name: string, _before: string, id: string, n: string) =>
      `${tag}<a class="para-link" href="#${id}" aria-label="第${n}段的链接" data-pagefind-ignore></a>`,
  );
}

const TAG_RE = /<[a-zA-Z][^>]*>/g;
const ID_ATTR_RE = /\s(id|for|aria-labelledby|aria-describedby|headers)="([^"]*)"/g;
const FRAGMENT_RE = /\shref="#([^"]*)"/g;

/**
 * Prefix every id in a fragment of HTML (and the attributes that refer to ids), so
 * several clause bodies can share one page: `<p id="p1">` → `<p id="c7-p1">`.
 * Only start tags are rewritten; text between them is left as it is.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(TAG_RE, (tag) =>
    tag
      .replace(ID_ATTR_RE, (_m, attr: string, value: string) => {
        const ids = value.split(/\s+/).filter(Boolean).map((v) => prefix + v);
        return ` ${attr}="${ids.join(' ')}"`;
      })
      .replace(FRAGMENT_RE, (_m, id: string) => ` href="#${prefix}${id}"`),
  );
}
