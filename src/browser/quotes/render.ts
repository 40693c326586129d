/**
 * The quote check's results as DOM: one <li> per passage (docs/contracts.md, "Quote check
 * page"), the citations of the draft with their check, and the draft with its passages marked.
 */
import type { BasketEntry } from '../basket/entries';
import { pageLink } from '../site/links';
import type { CitationCheck, Passage, Place, Report } from './check';
import type { QuoteData } from './data';
import type { DiffRun } from './diff';

/** Create an element with a class and children (strings become text). */
function el(tag: string, className: string | null, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/** The link to a place's clause page (#pN of its paragraph where it has one), relative to this page. */
export function placeHref(data: QuoteData, place: Place): string {
  const clause = data.clauses[place.clause]!;
  const anchor = clause.paras[place.para]?.a;
  return anchor ? `${clause.url}#${anchor}` : clause.url;
}

/** A place's citation: the clause's, with its paragraph's place (第二款). */
export function placeCitation(data: QuoteData, place: Place): string {
  const clause = data.clauses[place.clause]!;
  return clause.cite + (clause.paras[place.para]?.c ?? '');
}

/** What the copy button of a place copies: its citation and, where there is one, its link. */
export function placeCopyText(data: QuoteData, place: Place, href: string): string {
  const clause = data.clauses[place.clause]!;
  const anchor = clause.paras[place.para]?.a || null;
  const link = pageLink(clause.abs, new URL(clause.url, href).href, anchor);
  const cite = placeCitation(data, place);
  return link ? `${cite} ${link}` : cite;
}

/**
 * The basket entry of a place: its paragraph, cited with its place (第二款), or the whole clause
 * where the passage is its heading. `pageUrl` is the quote check page's own address.
 */
export function placeEntry(data: QuoteData, place: Pick<Place, 'clause' | 'para'>, pageUrl: string): BasketEntry {
  const clause = data.clauses[place.clause]!;
  const para = clause.paras[place.para];
  // The quote check page is one folder deep: the site's root is the folder above it.
  const root = new URL('../', pageUrl).href;
  const url = `/${new URL(clause.url, pageUrl).href.slice(root.length)}`;
  if (!para?.a) {
    const [heading, ...body] = clause.paras;
    const entry: BasketEntry = {
      clause: clause.id,
      url,
      cite: clause.cite,
      label: clause.label,
      text: (heading?.a ? clause.paras : body).map((p) => p.t).join('\n'),
    };
    if (heading && !heading.a) entry.heading = heading.t;
    return entry;
  }
  return { clause: clause.id, anchor: para.a, url, cite: clause.cite + para.c, label: clause.label + para.c, text: para.t };
}

/** The runs of a comparison, as the version comparison shows them. */
function diffNodes(runs: DiffRun[]): (Node | string)[] {
  return runs.map((r) => {
    if (r.op === 'equal') return r.text;
    const change = el('span', 'diff-change');
    if (r.del)
      change.append(el('del', null, el('span', 'visually-hidden', r.ins ? '［条文作：' : '［条文有、引文无：'), r.del, el('span', 'visually-hidden', '］')));
    if (r.ins) change.append(el('ins', null, el('span', 'visually-hidden', r.del ? '［引文作：' : '［引文多出：'), r.ins, el('span', 'visually-hidden', '］')));
    return change;
  });
}

/** What a citation's check says. */
export function citationVerdict(data: QuoteData, c: CitationCheck, p: Passage | undefined): string {
  const found = p ? `引文见于${data.clauses[p.clause]!.label}` : '';
  if (c.status === 'right') return '出处正确：引文与所注条文一致。';
  if (c.status === 'wrong') return `出处有误：${found}，不在所注条文中。`;
  if (c.status === 'alone') return '所注条文在文库中，但旁边没有找到出自文库的引文。';
  const what = c.knownDocument ? `文库中的这份文件没有第${c.article}条` : '所注文件不在文库中';
  return `无法核对：${what}${found ? `；${found}` : ''}。`;
}

/** The list item of one passage. */
function passageItem(data: QuoteData, draft: string, p: Passage, n: number, citations: CitationCheck[], href: string): HTMLElement {
  const li = el('li', `quote-result quote-${p.match}`);
  li.id = `quote-${n}`;
  li.dataset.from = String(p.from);
  li.dataset.to = String(p.to);
  li.dataset.match = p.match;
  const link = el('a', null, placeCitation(data, p)) as HTMLAnchorElement;
  link.href = placeHref(data, p);
  const kind = el('span', 'quote-kind', p.match === 'exact' ? '与原文一致' : '与原文有出入');
  li.append(el('p', 'quote-where', link, ' ', kind));
  if (p.diff) li.append(el('p', 'quote-text diff-text', ...diffNodes(p.diff)));
  else li.append(el('p', 'quote-text', draft.slice(p.from, p.to)));
  for (const c of citations.filter((c) => c.passage === n - 1)) {
    const check = el('p', 'quote-cite-check', `${c.text}：${citationVerdict(data, c, p)}`);
    check.dataset.cite = c.status;
    li.append(check);
  }
  if (p.alternatives.length) {
    const list = el('ul', 'quote-alternatives');
    for (const a of p.alternatives) {
      const alt = el('a', null, data.clauses[a.clause]!.label) as HTMLAnchorElement;
      alt.href = placeHref(data, a);
      list.append(el('li', null, alt, a.match === 'exact' ? '' : '（文字略有不同）'));
    }
    li.append(el('p', 'quote-alt-title', `这段文字也见于另外${p.alternatives.length}处：`), list);
  }
  const copy = el('button', 'quote-copy', '复制引用') as HTMLButtonElement;
  copy.type = 'button';
  copy.dataset.copyText = placeCopyText(data, p, href);
  const select = el('button', 'quote-select', '在草稿中选中') as HTMLButtonElement;
  select.type = 'button';
  const add = el('button', 'quote-basket', '加入材料篮') as HTMLButtonElement;
  add.type = 'button';
  add.dataset.entry = JSON.stringify(placeEntry(data, p, href));
  li.append(el('p', 'quote-actions', copy, ' ', select, ' ', add));
  return li;
}

/** The items of the results list, one per passage, in draft order. */
export function passageItems(data: QuoteData, draft: string, report: Report, href: string): HTMLElement[] {
  return report.passages.map((p, i) => passageItem(data, draft, p, i + 1, report.citations, href));
}

/** The items of the citations list: each citation of the draft with its check. */
export function citationItems(data: QuoteData, report: Report): HTMLElement[] {
  return report.citations.map((c) => {
    const li = el('li', `cite-check cite-${c.status}`, el('span', 'cite-text', c.text), '：', citationVerdict(data, c, report.passages[c.passage]));
    li.dataset.cite = c.status;
    li.dataset.from = String(c.from);
    li.dataset.to = String(c.to);
    return li;
  });
}

/** The draft with each passage in a <mark> (linking to its result). */
export function markedDraft(draft: string, passages: Passage[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = 0;
  passages.forEach((p, i) => {
    if (p.from > at) out.push(draft.slice(at, p.from));
    const mark = el('mark', `quote-mark quote-${p.match}`);
    const a = el('a', null, draft.slice(p.from, p.to)) as HTMLAnchorElement;
    a.href = `#quote-${i + 1}`;
    mark.append(a);
    out.push(mark);
    at = p.to;
  });
  if (at < draft.length) out.push(draft.slice(at));
  return out;
}
