/**
 * What a clause page (/<clause>.html, src/components/ClausePage.astro) shows, computed from the
 * library: the trail, the names and labels, the permalink and citation to copy, the keyword
 * links and the previous/up/next pager. Every href is relative to the page's own URL.
 */
import type { ClauseRecord, DocumentRecord, Library } from '../model';
import { clauseAnchor, canonicalUrl, HOME_URL, outlineAnchor, relativeUrl, searchHref } from '../urls';
import type { Crumb } from './breadcrumbs';
import { citationText } from './citation';
import { printedNumber } from './display';
import { stepLabel } from './structure';
import { libraryView, type LibraryView } from './view';

export interface KeywordLink {
  word: string;
  href: string;
  /** The link's tooltip: the term and its number of clauses, or the search it runs. */
  title: string;
}

export interface PagerLink {
  href: string;
  /** The clause's position and heading (七、 加强组织建设). */
  label: string;
}

export interface ClausePageData {
  clause: ClauseRecord;
  doc: DocumentRecord;
  url: string;
  /** The page's <title> before the site's name, and its meta description. */
  title: string;
  description: string;
  crumbs: Crumb[];
  /** The document's one name, and the link to its page. */
  name: string;
  docHref: string;
  /** The clause's place in its document (第七条, 二、（三）…). */
  position: string;
  /** The number as printed (null where the clause has none). */
  num: string | null;
  /** How links name the clause (the search engine's title for it). */
  label: string;
  /** The canonical permalink, or undefined without a canonical site (then the page script copies the address the page was opened at). */
  permalink?: string;
  /** The citation without a URL, and with the permalink (undefined without one). */
  citation: string;
  cite?: string;
  /** The rendered body. */
  body: string;
  keywords: KeywordLink[];
  prev?: PagerLink;
  next?: PagerLink;
  /** Back to the clause on its document's page. */
  upHref: string;
}

/** A clause's place and heading, as the pager names it: 第七条 加强组织建设. */
export function pagerLabel(view: LibraryView, clause: ClauseRecord): string {
  return `${view.position(clause)}${clause.heading ? ` ${clause.heading}` : ''}`;
}

/** The trail of a clause page: the library, the document, the parts and sections that hold the clause (untitled ones without a link), the clause. */
export function clauseCrumbs(view: LibraryView, clause: ClauseRecord, doc: DocumentRecord): Crumb[] {
  return [
    { label: '文库', url: HOME_URL },
    { label: view.name(doc), url: doc.url },
    ...view.steps(clause).map((s) => ({
      label: stepLabel(s) || '（无标题部分）',
      url: s.id ? `${doc.url}#${outlineAnchor(s.id, doc.id)}` : undefined,
    })),
    { label: view.position(clause) },
  ];
}

/** The keywords of a clause as links: a term of the term index to its term page, any other word to the search. */
export function keywordLinks(view: LibraryView, clause: ClauseRecord): KeywordLink[] {
  return clause.keywords.map((word) => {
    const term = view.termOf(word);
    return term
      ? { word, href: relativeUrl(clause.url, term.url), title: `术语“${word}”：${term.uses.length} 条条文` }
      : { word, href: searchHref(clause.url, word), title: `搜索“${word}”` };
  });
}

/** Everything a clause page shows, for the clause `id` of `library` on the canonical site `site` (if the build has one). */
export function clausePageData(library: Library, id: string, site: URL | string | undefined): ClausePageData {
  const view = libraryView(library);
  const clause = view.clause(id);
  if (!clause) throw new Error(`ClausePage: unknown clause ${id}`);
  const doc = view.doc(clause.doc);
  if (!doc) throw new Error(`ClausePage: clause ${clause.id} names unknown document ${clause.doc}`);

  const url = clause.url;
  const rel = (to: string) => relativeUrl(url, to);
  const position = view.position(clause);
  const name = view.name(doc);
  const permalink = canonicalUrl(site, url);
  const citation = view.citation(clause);
  const siblings = view.clausesOf(doc.id);
  const index = siblings.indexOf(clause);
  const pager = (c: ClauseRecord | undefined): PagerLink | undefined => c && { href: rel(c.url), label: pagerLabel(view, c) };

  return {
    clause,
    doc,
    url,
    title: `${position}${clause.heading ? ` ${clause.heading}` : ''} · ${name}`,
    description: `${citation}：${clause.text.slice(0, 80)}`,
    crumbs: clauseCrumbs(view, clause, doc),
    name,
    docHref: rel(doc.url),
    position,
    num: printedNumber(clause),
    label: view.label(clause),
    permalink,
    citation,
    cite: permalink && citationText(citation, permalink),
    body: library.renderBody(clause.id, { from: url, copy: { url: permalink, citation } }),
    keywords: keywordLinks(view, clause),
    prev: pager(siblings[index - 1]),
    next: pager(siblings[index + 1]),
    upHref: rel(`${doc.url}#${clauseAnchor(clause.id, doc.id)}`),
  };
}
