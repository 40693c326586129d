/**
 * The clause basket (材料篮) as plain data: what one entry holds, and pure functions to add,
 * remove and reorder entries, to read them back from storage, and to give an entry's link.
 * The browser parts (storage, buttons, the basket page) build on these.
 */

/**
 * One passage in the basket: a whole clause, or one paragraph of it (`anchor`). Other pages'
 * scripts (clause pages, search and quote-check results) make these and pass them to
 * `addToBasket` (store.ts).
 */
export interface BasketEntry {
  /** The clause's id, e.g. "gonghuifa-2021/11". */
  clause: string;
  /** The paragraph's anchor on the clause page ("p2", an article's "p1-3"); absent for the whole clause. */
  anchor?: string;
  /** Site-relative URL of the clause page, without a fragment, e.g. "/gonghuifa-2021/11.html". */
  url: string;
  /**
   * The citation in the project's form, without a link: 《中华人民共和国工会法》第十一条, a
   * paragraph's with its place (…第十一条第二款), a document with a 文号 with it in brackets.
   */
  cite: string;
  /** A short name for lists and headings (《…》第十一条, without the 文号); the citation where absent. */
  label?: string;
  /** The clause's heading, where it has one (whole clauses only). */
  heading?: string;
  /** The passage as the library holds it, its paragraphs separated by "\n". */
  text: string;
}

/** What one entry is known by in the basket: its clause and paragraph. */
export function entryKey(entry: Pick<BasketEntry, 'clause' | 'anchor'>): string {
  return entry.anchor ? `${entry.clause}#${entry.anchor}` : entry.clause;
}

/** The list with the entry added at its end, or the list itself where the entry is there already. */
export function addEntry(list: readonly BasketEntry[], entry: BasketEntry): readonly BasketEntry[] {
  const key = entryKey(entry);
  return list.some((e) => entryKey(e) === key) ? list : [...list, entry];
}

/** The list without the entry of this key. */
export function removeEntry(list: readonly BasketEntry[], key: string): BasketEntry[] {
  return list.filter((e) => entryKey(e) !== key);
}

/** The list with the entry at `index` moved by `by` places (−1 up, +1 down), kept within the list. */
export function moveEntry(list: readonly BasketEntry[], index: number, by: number): BasketEntry[] {
  const out = [...list];
  if (index < 0 || index >= out.length) return out;
  const to = Math.max(0, Math.min(out.length - 1, index + by));
  const [moved] = out.splice(index, 1);
  out.splice(to, 0, moved!);
  return out;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const optionalText = (v: unknown): boolean => v === undefined || isText(v);

/** Whether a value read from storage is a well-formed entry. */
export function isEntry(value: unknown): value is BasketEntry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    isText(e.clause) &&
    e.clause !== '' &&
    isText(e.url) &&
    isText(e.cite) &&
    e.cite !== '' &&
    isText(e.text) &&
    optionalText(e.anchor) &&
    optionalText(e.label) &&
    optionalText(e.heading)
  );
}

/** The entries stored as JSON: the well-formed ones, each once, in order; none for anything else. */
export function readEntries(json: string | null): BasketEntry[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  let list: readonly BasketEntry[] = [];
  for (const v of value) if (isEntry(v)) list = addEntry(list, v);
  return [...list];
}

/**
 * The link of an entry: its clause page on the site whose root is `root` (the canonical site,
 * or the address the basket page was opened at), with the paragraph's fragment; null where
 * there is no root (the offline copy without a canonical site), as the copy buttons do.
 */
export function entryLink(entry: Pick<BasketEntry, 'url' | 'anchor'>, root: string | null): string | null {
  if (!root) return null;
  const base = root.endsWith('/') ? root : `${root}/`;
  return `${base}${entry.url.replace(/^\/+/, '')}${entry.anchor ? `#${entry.anchor}` : ''}`;
}

/** The root of the site a page at `href` lies on, `depth` folders below it; null from disk (file:). */
export function siteRootOf(href: string, depth: number): string | null {
  if (/^file:/i.test(href)) return null;
  const path = href.replace(/[?#].*$/, '');
  let root = path.slice(0, path.lastIndexOf('/') + 1);
  for (let i = 0; i < depth; i++) root = root.slice(0, root.slice(0, -1).lastIndexOf('/') + 1);
  return root;
}

/** The citation of an entry as a copy button gives it: the citation and, where there is one, a space and the link. */
export function citedAs(entry: BasketEntry, root: string | null): string {
  const link = entryLink(entry, root);
  return link ? `${entry.cite} ${link}` : entry.cite;
}
