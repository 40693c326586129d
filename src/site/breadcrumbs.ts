/** The breadcrumb trail of a page: the items as the page names them, and as the trail links them. */
import { relativeUrl } from '../urls';

export interface Crumb {
  label: string;
  /** Site-relative URL (may carry a #fragment); omitted for an item without its own page. */
  url?: string;
}

export interface CrumbLink {
  label: string;
  /** The link relative to the page, if the item has a page and is not the page itself. */
  href?: string;
  /** The last item: the page itself. */
  current: boolean;
}

/** The trail's items as links relative to the page at `from`; the last item is the page itself and links nowhere. */
export function breadcrumbLinks(from: string, items: readonly Crumb[]): CrumbLink[] {
  return items.map((item, i) => {
    const current = i === items.length - 1;
    return { label: item.label, href: !current && item.url ? relativeUrl(from, item.url) : undefined, current };
  });
}
