/**
 * The results page (search/index.html), over any `Engine` (types.ts).
 *
 * It follows the search page contract (docs/contracts.md):
 * - reads `?q=` on load and runs it at once; the query and the filters stay in the URL
 *   (`history.replaceState`), so a search can be shared as a link;
 * - results go into `<ol id="search-results">`, one `<li>` per result in rank order; the first
 *   `<a href>` of each links (relatively) to the clause page, with `?h=` (what to highlight
 *   there) and `#pN` (the paragraph of the first match);
 * - the list has `aria-busy="true"` while a search runs, and `aria-busy="false"` with
 *   `data-count="N"` (the results with every word of the query, 0 included) and
 *   `data-partial="M"` (those with only some of them, listed after the others under their
 *   own heading) once the results are final;
 * - the transcriptions of one text are one result, which links each of them and says how
 *   they differ (engine.ts `groupResults`);
 * - the first 20 results appear at once (`&n=` asks for more at once), 显示更多结果 adds 20;
 * - a search without full results suggests the searches with one word dropped (with their
 *   counts), and points to the term index and to example queries.
 *
 * Text is only ever set as text (`textContent`, text nodes and `<mark>` elements), never as
 * HTML. The pure helpers are exported for the unit tests; `startUi` wires the page.
 */
import type { BasketEntry } from '../basket/entries';
import { addedText, addToBasket } from '../basket/store';
import { type Segment, makeExcerpt, markSegments } from './excerpt';
import { type TextRange, findTerms } from '../find';
import { fold } from '../fold';
import { lineAnchor } from '../anchors';
import { inTitleMarks } from '../title-marks';
import type { Engine, FilterCounts, Hit, Outcome, SearchDoc, SearchFilters, Transcription } from './types';

/** Results added per click on 显示更多结果 (and shown at once, at least). */
export const PAGE_SIZE = 20;
/** The most results `&n=` renders at once. */
export const MAX_AT_ONCE = 5000;
/** Delay between the last keystroke and the search it starts. */
export const TYPING_DELAY = 200;

export type FilterName = keyof FilterCounts;
/** The filters the page offers, in order, with their labels. */
export const FILTERS: readonly { name: FilterName; label: string }[] = [
  { name: 'doc', label: '文件' },
  { name: 'kind', label: '类型' },
  { name: 'year', label: '年份' },
];

/* ------------------------------------------------------------------ URL state */

export interface SearchState {
  q: string;
  filters: Required<SearchFilters>;
  /** How many results to render at once (from `&n=`), if asked. */
  n?: number;
}

export const emptyFilters = (): Required<SearchFilters> => ({ doc: [], kind: [], year: [] });

/** The search state in a query string (`?q=…&doc=…&kind=…&year=…&n=…`). */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const { name } of FILTERS) filters[name] = [...new Set(params.getAll(name).filter((v) => v !== ''))];
  const state: SearchState = { q: params.get('q') ?? '', filters };
  const n = Number.parseInt(params.get('n') ?? '', 10);
  if (Number.isFinite(n) && n > 0) state.n = n;
  return state;
}

/** The query string of a state (`""` when there is nothing to keep). */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { name } of FILTERS) for (const v of state.filters[name]) params.append(name, v);
  if (state.n) params.set('n', String(state.n));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** How many results to render before any click. */
export const firstBatch = (state: SearchState): number => Math.min(Math.max(state.n ?? 0, PAGE_SIZE), MAX_AT_ONCE);

export const hasFilters = (filters: SearchFilters): boolean => FILTERS.some(({ name }) => (filters[name]?.length ?? 0) > 0);

/* ------------------------------------------------------------------ one result */

/** What the engine matched in a hit: the folded query (tier 1) or its words. */
export function needles(hit: Pick<Hit, 'tier'>, outcome: Pick<Outcome, 'folded' | 'words'>): string[] {
  return hit.tier === 1 || outcome.words.length === 0 ? [outcome.folded] : outcome.words;
}

/**
 * What the clause page should highlight: the distinct matched texts of the hit, folded (but not
 * traditional → simplified, so they are found again in the raw text), in reading order. Without
 * matches in the paragraphs, what the engine looked for.
 */
export function highlightTerms(hit: Hit, outcome: Pick<Outcome, 'folded' | 'words'>): string[] {
  const terms = new Set<string>();
  for (const m of hit.matches) {
    const text = hit.paragraphs[m.paragraph]?.slice(m.start, m.end) ?? '';
    const f = fold(text);
    if (f) terms.add(f);
  }
  if (terms.size === 0) for (const n of needles(hit, outcome)) if (n) terms.add(n);
  return [...terms];
}

/**
 * The link from the search page (search/index.html) to a hit's clause page: relative, with
 * `?h=` (terms separated by spaces; folded text has none) before the anchor of the paragraph of
 * the first match: `#pN`, or an article's `#p{k}` / `#p{k}-{j}` (the hit's `anchors`).
 */
export function resultHref(hit: Pick<Hit, 'url' | 'matches' | 'anchors'>, terms: readonly string[]): string {
  const path = `..${hit.url.startsWith('/') ? '' : '/'}${hit.url}`;
  const h = terms.filter(Boolean).join(' ');
  const query = h ? `?h=${encodeURIComponent(h)}` : '';
  const first = hit.matches[0];
  return `${path}${query}${first ? `#${lineAnchor(hit.anchors, first.paragraph)}` : ''}`;
}

/**
 * A hit's label, as the clause pages label a clause (src/site/view.ts `label`): the document's
 * name and the clause's place. An official title stands in book-title marks, a description of
 * an untitled document does not; the transcription label follows the place, and a result that
 * stands for every transcription (`all`) leaves it out.
 */
export function hitWhere(hit: Pick<Hit, 'doc' | 'position'>, all = false): string {
  const { doc } = hit;
  const name = doc.work ?? doc.title;
  const label = doc.untitled ? name : inTitleMarks(name);
  return `${label}${hit.position}${doc.version && !all ? `（${doc.version}）` : ''}`;
}

/** The badge of a tier: none for the query as typed, nor for every word of a one-word query. */
export function tierBadge(tier: Hit['tier'], words = 2): string | undefined {
  return tier === 2 && words > 0 ? '含全部词语' : tier === 3 ? '部分匹配' : undefined;
}

/** What a hit holding a compound only by its parts says: “职工服务中心”分开出现. */
export const apartNote = (split: readonly string[]): string => split.map((w) => `“${w}”分开出现`).join('，');

/** One transcription of a result as shown: its label, its link and whether it matched. */
export interface TranscriptionView {
  label: string;
  href: string;
  matched: boolean;
}

/** How two transcriptions of a clause differ, in words. */
export function differenceText(d: { wording: number; punctuation: number }, who = '两个转录本'): string {
  if (d.wording === 0 && d.punctuation === 0) return `${who}文字一致`;
  if (d.wording === 0) return `${who}仅有 ${d.punctuation} 处标点差异`;
  return `${who}有 ${d.wording} 处文字差异${d.punctuation ? `、${d.punctuation} 处标点差异` : ''}`;
}

/** Where the transcriptions of a result differ: one sentence for two of them, one per later transcription for more. */
export function versionsText(versions: readonly Pick<Transcription, 'doc' | 'difference'>[]): string {
  const later = versions.slice(1).filter((v) => v.difference);
  if (versions.length === 2 && later.length === 1) return differenceText(later[0]!.difference!);
  const first = versions[0]?.doc.version ?? '';
  return later.map((v) => differenceText(v.difference!, `${v.doc.version ?? v.doc.title}与${first}`)).join('；');
}

/** Everything a result shows, as text. */
export interface ResultView {
  id: string;
  href: string;
  where: string;
  heading?: Segment[];
  tier: Hit['tier'];
  badge?: string;
  excerpt: Segment[];
  /** Occurrences in the clause's paragraphs. */
  matchCount: number;
  /** Where a word stood only as its parts (apartNote). */
  apart?: string;
  /** Every transcription of the text, where it has several, with how they differ and the page comparing them. */
  versions?: TranscriptionView[];
  differences?: string;
  compareHref?: string;
  /** What 加入材料篮 adds: the whole clause. */
  basket: BasketEntry;
}

/**
 * The basket entry of a result's clause: its citation as the clause page gives it (the
 * document's citation name and the clause's place), its name as links give it, its text.
 */
export function hitEntry(hit: Pick<Hit, 'id' | 'url' | 'doc' | 'position' | 'heading' | 'paragraphs'>): BasketEntry {
  const { doc } = hit;
  const work = doc.work ?? doc.title;
  const name = doc.untitled ? work : inTitleMarks(work);
  const entry: BasketEntry = {
    clause: hit.id,
    url: hit.url,
    cite: `${doc.cite ?? name}${hit.position}`,
    label: `${name}${hit.position}${doc.version ? `（${doc.version}）` : ''}`,
    text: hit.paragraphs.join('\n'),
  };
  if (hit.heading) entry.heading = hit.heading;
  return entry;
}

/** The view of a hit: label, link, badge and an excerpt around the first match. */
export function resultView(hit: Hit, outcome: Pick<Outcome, 'folded' | 'words'>): ResultView {
  const versions = hit.versions && hit.versions.length > 1 ? hit.versions : undefined;
  const first = hit.matches[0];
  const paragraph = first
    ? first.paragraph
    : Math.max(
        0,
        hit.paragraphs.findIndex((p) => p.trim() !== ''),
      );
  const text = hit.paragraphs[paragraph] ?? '';
  const ranges: TextRange[] = hit.matches.filter((m) => m.paragraph === paragraph);
  const view: ResultView = {
    id: hit.id,
    href: resultHref(hit, highlightTerms(hit, outcome)),
    where: hitWhere(hit, !!versions),
    tier: hit.tier,
    excerpt: makeExcerpt(text, ranges).segments,
    matchCount: hit.matches.length,
    basket: hitEntry(hit),
  };
  if (hit.heading) view.heading = markSegments(hit.heading, findTerms(hit.heading, needles(hit, outcome)));
  const badge = tierBadge(hit.tier, outcome.words.length);
  if (badge) view.badge = badge;
  if (hit.split?.length) view.apart = apartNote(hit.split);
  if (versions) {
    view.versions = versions.map((v) => ({
      label: `${v.doc.version ?? v.doc.title} ${v.position}`,
      href: resultHref(v, v.matched ? highlightTerms({ ...hit, ...v }, outcome) : []),
      matched: v.matched,
    }));
    view.differences = versionsText(versions);
    const compare = versions.find((v) => v.difference)?.difference?.compare;
    if (compare) view.compareHref = `..${compare.startsWith('/') ? '' : '/'}${compare}`;
  }
  return view;
}

/* ------------------------------------------------------------------ filters, status */

export interface FilterOption {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}
export interface FilterGroup {
  name: FilterName;
  label: string;
  options: FilterOption[];
}

/**
 * The filter checkboxes: every value with results, and a selected value even without; documents
 * in library order, kinds by count, years newest first.
 */
export function filterGroups(docs: readonly SearchDoc[], counts: FilterCounts, selected: SearchFilters): FilterGroup[] {
  const titles = new Map<string, number>();
  for (const d of docs) titles.set(d.title, (titles.get(d.title) ?? 0) + 1);
  const docLabel = new Map(docs.map((d) => [d.id, (titles.get(d.title) ?? 0) > 1 ? `${d.title}（${d.id}）` : d.title]));
  const docOrder = new Map(docs.map((d, i) => [d.id, i]));

  return FILTERS.map(({ name, label }) => {
    const chosen = new Set(selected[name] ?? []);
    const values = new Set([...Object.keys(counts[name] ?? {}).filter((v) => (counts[name][v] ?? 0) > 0), ...chosen]);
    const options = [...values].map((value) => ({
      value,
      label: name === 'doc' ? (docLabel.get(value) ?? value) : name === 'year' ? `${value}年` : value,
      count: counts[name]?.[value] ?? 0,
      checked: chosen.has(value),
    }));
    const cmp = (a: FilterOption, b: FilterOption): number =>
      name === 'doc'
        ? (docOrder.get(a.value) ?? Infinity) - (docOrder.get(b.value) ?? Infinity) || a.value.localeCompare(b.value)
        : name === 'year'
          ? b.value.localeCompare(a.value)
          : b.count - a.count || a.value.localeCompare(b.value, 'zh-CN');
    return { name, label, options: options.sort(cmp) };
  }).filter((g) => g.options.length > 0);
}

/** What the page says of the words that found nothing: 没有条文含有“欠薪”、“拖欠”. */
export const missingText = (missing: readonly string[]): string => `没有条文含有${missing.map((w) => `“${w}”`).join('、')}`;

/**
 * The status line once a search is final: the results with every word, and those with some;
 * without full results but with partial ones, which words no clause holds at all. Where no
 * clause holds any word, the query itself is quoted as typed: the words it was cut into (of
 * "onerror=alert(1)", say) would not be the reader's own.
 */
export function statusText(outcome: Pick<Outcome, 'query' | 'total' | 'partial' | 'missing'>, filtered: boolean): string {
  const q = outcome.query.trim();
  const scope = filtered ? '在所选范围内' : '';
  const { total, partial } = outcome;
  const missing = outcome.missing ?? [];
  if (total === 0 && partial > 0 && missing.length) return `${missingText(missing)}；只含部分词语的有 ${partial} 条。`;
  if (total === 0) return partial ? `${scope}没有同时含有全部词语的条文；只含部分词语的有 ${partial} 条。` : `${scope}没有找到“${q}”。`;
  return `找到 ${total} 条${filtered ? '（已筛选）' : ''}${partial ? `；另有 ${partial} 条只含部分词语` : ''}。`;
}

/** The heading over the results with only some of the words. */
export const partialHeading = (partial: number): string => `只含部分词语的条文（${partial} 条）`;

/** The searches a query without full results suggests: the query with one of its words dropped. */
export function droppedQueries(words: readonly string[]): { dropped: string; q: string }[] {
  if (words.length < 2) return [];
  return words.map((dropped, i) => ({ dropped, q: words.filter((_, j) => j !== i).join(' ') }));
}

/** How the query was cut, when it was cut into several words. */
export function wordsText(outcome: Pick<Outcome, 'words'>): string {
  return outcome.words.length > 1 ? `按词语查找：${outcome.words.join(' + ')}` : '';
}

/* ------------------------------------------------------------------ keyboard */

/** Does typing `/` in this element mean the character (a text field), not "go to search"? */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

/**
 * Where an arrow key moves the focus among `count` result links: from the box (`current` =
 * -1) or result `current`. Returns the result index, -1 for the box, or null to stay.
 */
export function arrowTarget(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return current < count - 1 ? current + 1 : null;
  if (key === 'ArrowUp') return current >= 0 ? current - 1 : null;
  return null;
}

/* ------------------------------------------------------------------ the page */

function need<T extends Element>(doc: Document, id: string): T {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing`);
  return el as unknown as T;
}

/** Append segments to an element: text nodes, and `<mark>` elements for matches. */
function appendSegments(doc: Document, target: Element, segments: readonly Segment[]): void {
  for (const s of segments) {
    if (s.mark) {
      const mark = doc.createElement('mark');
      mark.textContent = s.text;
      target.append(mark);
    } else target.append(doc.createTextNode(s.text));
  }
}

/** Text only screen readers read (a separator or a unit the layout shows otherwise). */
function hiddenText(doc: Document, text: string): HTMLSpanElement {
  const span = doc.createElement('span');
  span.className = 'visually-hidden';
  span.textContent = text;
  return span;
}

function renderResult(doc: Document, view: ResultView): HTMLLIElement {
  const li = doc.createElement('li');
  li.className = `result tier-${view.tier}`;
  li.dataset.tier = String(view.tier);
  li.dataset.id = view.id;

  const a = doc.createElement('a');
  a.className = 'result-link';
  a.href = view.href;
  const where = doc.createElement('span');
  where.className = 'result-where';
  where.textContent = view.where;
  a.append(where);
  if (view.heading) {
    a.append(doc.createTextNode(' '));
    const heading = doc.createElement('span');
    heading.className = 'result-heading';
    appendSegments(doc, heading, view.heading);
    a.append(heading);
  }
  li.append(a);

  if (view.badge || view.apart || view.matchCount > 1) {
    const meta = doc.createElement('p');
    meta.className = 'result-meta';
    if (view.badge) {
      const badge = doc.createElement('span');
      badge.className = `badge badge-tier badge-tier-${view.tier}`;
      badge.textContent = view.badge;
      meta.append(badge);
    }
    if (view.apart) {
      const apart = doc.createElement('span');
      apart.className = 'badge badge-tier badge-apart';
      apart.textContent = view.apart;
      meta.append(apart);
    }
    if (view.matchCount > 1) {
      const n = doc.createElement('span');
      n.className = 'result-matches';
      n.textContent = `本条 ${view.matchCount} 处`;
      meta.append(n);
    }
    li.append(meta);
  }

  const excerpt = doc.createElement('p');
  excerpt.className = 'result-excerpt';
  appendSegments(doc, excerpt, view.excerpt);
  li.append(excerpt);

  if (view.versions) {
    const p = doc.createElement('p');
    p.className = 'result-versions';
    p.append(doc.createTextNode('转录本：'));
    view.versions.forEach((v, i) => {
      if (i > 0) p.append(doc.createTextNode('、'));
      const link = doc.createElement('a');
      link.className = 'result-version';
      link.dataset.matched = String(v.matched);
      link.href = v.href;
      link.textContent = v.label;
      p.append(link);
      if (!v.matched) p.append(doc.createTextNode('（此本未含所查文字）'));
    });
    if (view.differences) p.append(doc.createTextNode(`。${view.differences}`));
    if (view.compareHref) {
      p.append(doc.createTextNode('，'));
      const compare = doc.createElement('a');
      compare.className = 'result-compare';
      compare.href = view.compareHref;
      compare.textContent = '逐条对照';
      p.append(compare);
    }
    p.append(doc.createTextNode('。'));
    li.append(p);
  }

  const add = doc.createElement('button');
  add.type = 'button';
  add.className = 'result-basket';
  add.textContent = '加入材料篮';
  add.setAttribute('aria-label', `把${view.basket.label ?? view.basket.cite}加入材料篮`);
  add.addEventListener('click', () => {
    const result = addToBasket(view.basket);
    add.textContent = result.stored ? (result.added ? `已加入材料篮（共 ${result.count} 条）` : `材料篮里已有（共 ${result.count} 条）`) : '无法加入材料篮';
    add.title = addedText(result, view.basket.label ?? view.basket.cite);
  });
  li.append(add);
  return li;
}

/** The heading over the partial results, as the first thing in the first partial result. */
function renderPartialHeading(doc: Document, partial: number): HTMLHeadingElement {
  const h = doc.createElement('h2');
  h.className = 'search-partial-heading';
  h.id = 'search-partial-heading';
  h.textContent = partialHeading(partial);
  return h;
}

/** The elements of the search page that the page's steps work on. */
interface PageElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  list: HTMLOListElement;
  status: HTMLElement;
  filterBox: HTMLDetailsElement | HTMLElement;
  /** Where the filter groups go (#search-filter-groups, else the filter box itself). */
  filterGroups: HTMLElement;
  filterSummary: HTMLElement | null;
  more: HTMLButtonElement;
  hint: HTMLElement | null;
  words: HTMLElement | null;
  empty: HTMLElement | null;
  dropList: HTMLElement | null;
}

/** The running search page: its engine, document and elements, and what it shows now. */
interface Page {
  engine: Engine;
  doc: Document;
  win: NonNullable<Document['defaultView']>;
  el: PageElements;
  /** The page's title without a query. */
  baseTitle: string;
  state: SearchState;
  /** Searches begun so far: a step that finds it moved on belongs to an older search and stops. */
  seq: number;
  outcome: Outcome | undefined;
  /** How many hits of the current outcome are rendered. */
  shown: number;
  /** The search waiting for typing to pause, if any. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Find the page's elements; throws naming the first required one that is missing. */
function pageElements(doc: Document): PageElements {
  const form = need<HTMLFormElement>(doc, 'search-form');
  const input = need<HTMLInputElement>(doc, 'search-input');
  const list = need<HTMLOListElement>(doc, 'search-results');
  const status = need<HTMLElement>(doc, 'search-status');
  const filterBox = need<HTMLDetailsElement | HTMLElement>(doc, 'search-filters');
  const filterGroups = doc.getElementById('search-filter-groups') ?? filterBox;
  const filterSummary = doc.getElementById('search-filter-summary');
  const more = need<HTMLButtonElement>(doc, 'search-more');
  const hint = doc.getElementById('search-hint');
  const words = doc.getElementById('search-words');
  const empty = doc.getElementById('search-empty');
  const dropList = doc.getElementById('search-drop');
  return { form, input, list, status, filterBox, filterGroups, filterSummary, more, hint, words, empty, dropList };
}

/** Mark the result list as busy (a search or a batch is on its way) or not. */
function setBusy(page: Page, busy: boolean): void {
  page.el.list.setAttribute('aria-busy', String(busy));
}

/** Mark the results final: their counts on the list, and the list no longer busy. */
function finish(page: Page, count: number, partial = 0): void {
  page.el.list.setAttribute('data-partial', String(partial));
  page.el.list.setAttribute('data-count', String(count));
  setBusy(page, false);
}

/** The links of the rendered results, in order. */
function resultLinks(page: Page): HTMLAnchorElement[] {
  return Array.from(page.el.list.querySelectorAll<HTMLAnchorElement>(':scope > li > a.result-link'));
}

/** Put the search state in the URL (without a history entry) and the query in the title. */
function syncUrl(page: Page): void {
  const { win, doc, state } = page;
  const { pathname, search, hash } = win.location;
  const next = writeState(state);
  if (next !== search) win.history.replaceState(win.history.state, '', `${pathname}${next}${hash}`);
  const q = state.q.trim();
  doc.title = q ? `${q} · ${page.baseTitle}` : page.baseTitle;
}

/** One filter group as a fieldset of checkboxes, each with its label and count. */
function renderFilterGroup(doc: Document, group: FilterGroup): HTMLFieldSetElement {
  const fieldset = doc.createElement('fieldset');
  fieldset.dataset.filter = group.name;
  const legend = doc.createElement('legend');
  legend.textContent = group.label;
  fieldset.append(legend);
  for (const option of group.options) {
    const label = doc.createElement('label');
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.name = group.name;
    box.value = option.value;
    box.checked = option.checked;
    const text = doc.createElement('span');
    text.className = 'filter-label';
    text.textContent = option.label;
    const count = doc.createElement('span');
    count.className = 'count';
    count.append(hiddenText(doc, '，'), String(option.count), hiddenText(doc, ' 条'));
    label.append(box, text, count);
    fieldset.append(label);
  }
  return fieldset;
}

/** Render the filters for the current outcome, keeping the focus on the checkbox that had it. */
function renderFilters(page: Page): void {
  const { doc, win, el, state, outcome } = page;
  const groups = outcome ? filterGroups(page.engine.docs, outcome.counts, state.filters) : [];
  const focused = doc.activeElement instanceof win.HTMLInputElement && el.filterBox.contains(doc.activeElement) ? doc.activeElement : null;
  const refocus = focused ? { name: focused.name, value: focused.value } : null;
  el.filterGroups.replaceChildren();
  for (const group of groups) el.filterGroups.append(renderFilterGroup(doc, group));
  el.filterBox.hidden = groups.length === 0;
  const selected = FILTERS.reduce((n, { name }) => n + state.filters[name].length, 0);
  if (el.filterSummary) el.filterSummary.textContent = selected ? `筛选（已选 ${selected} 项）` : '筛选';
  if (refocus) {
    const again = Array.from(el.filterGroups.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find(
      (b) => b.name === refocus.name && b.value === refocus.value,
    );
    again?.focus();
  }
}

/** Render hits [shown, shown + count) of the current outcome; false if a newer search began. */
async function showMore(page: Page, my: number, count: number): Promise<boolean> {
  const { doc, el } = page;
  const current = page.outcome;
  if (!current) return false;
  const hits = await current.hits(page.shown, Math.min(current.total + current.partial, page.shown + count));
  if (my !== page.seq) return false;
  const items = hits.map((hit, i) => {
    const li = renderResult(doc, resultView(hit, current));
    if (page.shown + i === current.total) {
      li.classList.add('result-partial-first');
      li.prepend(renderPartialHeading(doc, current.partial));
    }
    return li;
  });
  el.list.append(...items);
  page.shown += hits.length;
  // How the query was cut matters once results stop containing it as typed.
  if (el.words && hits.some((h) => h.tier > 1)) el.words.textContent = wordsText(current);
  el.more.hidden = page.shown >= current.total + current.partial;
  return true;
}

/** One suggestion: the query with a word dropped, linked, with its count. */
function renderSuggestion(doc: Document, option: { dropped: string; q: string; count: number }, filters: Required<SearchFilters>): HTMLLIElement {
  const li = doc.createElement('li');
  const a = doc.createElement('a');
  a.href = `index.html${writeState({ q: option.q, filters })}`;
  a.textContent = option.q;
  li.append(`去掉“${option.dropped}”：`, a, `（${option.count} 条）`);
  return li;
}

/** Without full results: offer the query with each word dropped that finds something, with its count. */
async function suggest(page: Page, my: number, current: Outcome): Promise<boolean> {
  const { doc, engine, el } = page;
  const { empty, dropList } = el;
  if (!empty) return true;
  if (current.total > 0) {
    empty.hidden = true;
    return true;
  }
  const options = await Promise.all(droppedQueries(current.words).map(async (d) => ({ ...d, count: (await engine.search(d.q, page.state.filters)).total })));
  if (my !== page.seq) return false;
  const useful = options.filter((o) => o.count > 0);
  dropList?.replaceChildren(...useful.map((o) => renderSuggestion(doc, o, page.state.filters)));
  const dropBox = dropList?.parentElement;
  if (dropBox && dropBox !== empty) dropBox.hidden = useful.length === 0;
  empty.hidden = false;
  return true;
}

/** Forget the current outcome and empty the result list. */
function clearResults(page: Page): void {
  page.outcome = undefined;
  page.shown = 0;
  page.el.list.replaceChildren();
}

/** A query with nothing to search for: no results, and the hint (with a prompt if something was typed). */
function showNoQuery(page: Page, q: string): void {
  const { el } = page;
  clearResults(page);
  el.more.hidden = true;
  el.status.textContent = q ? '请输入要查找的文字。' : '';
  if (el.words) el.words.textContent = '';
  if (el.hint) el.hint.hidden = false;
  if (el.empty) el.empty.hidden = true;
  renderFilters(page);
  finish(page, 0);
}

/** A search that failed: no results, the list marked with the error, and a message to try again. */
function showError(page: Page): void {
  const { el } = page;
  clearResults(page);
  el.list.setAttribute('data-error', 'search');
  el.more.hidden = true;
  if (el.empty) el.empty.hidden = true;
  el.status.textContent = '搜索出错，请重试。';
  finish(page, 0);
}

/** Run the current state's search and render it all: results, suggestions, status and filters. */
async function runSearch(page: Page): Promise<void> {
  const { el } = page;
  const my = ++page.seq;
  clearTimeout(page.timer);
  syncUrl(page);
  setBusy(page, true);
  el.list.removeAttribute('data-error');
  const q = page.state.q.trim();
  if (!fold(q)) return showNoQuery(page, q);
  try {
    const found = await page.engine.search(q, page.state.filters);
    if (my !== page.seq) return;
    page.outcome = found;
    page.shown = 0;
    el.list.replaceChildren();
    if (el.words) el.words.textContent = '';
    if (!(await showMore(page, my, firstBatch(page.state)))) return;
    if (!(await suggest(page, my, found))) return;
    if (el.hint) el.hint.hidden = true;
    el.status.textContent = statusText(found, hasFilters(page.state.filters));
    renderFilters(page);
    finish(page, found.total, found.partial);
  } catch (error) {
    if (my !== page.seq) return;
    console.error(error);
    showError(page);
  }
}

/** Run the search once typing pauses (TYPING_DELAY after the last call). */
function searchLater(page: Page): void {
  clearTimeout(page.timer);
  page.timer = setTimeout(() => runSearch(page), TYPING_DELAY);
}

/** Search as the box changes (after the IME finishes a word, once typing pauses; at once when emptied) and on submit. */
function wireForm(page: Page): void {
  const { form, input } = page.el;
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return; // wait for the IME to finish the word
    page.state = { ...page.state, q: input.value };
    if (input.value.trim() === '') runSearch(page);
    else searchLater(page);
  });
  input.addEventListener('compositionend', () => {
    page.state = { ...page.state, q: input.value };
    searchLater(page);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.state = { ...page.state, q: input.value };
    runSearch(page);
  });
}

/** The filters chosen in the filter boxes' checkboxes. */
function chosenFilters(groups: HTMLElement): Required<SearchFilters> {
  const filters = emptyFilters();
  for (const b of groups.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    const name = b.name as FilterName;
    if (name in filters) filters[name].push(b.value);
  }
  return filters;
}

/** Search again whenever a filter is ticked or cleared. */
function wireFilters(page: Page): void {
  const { filterBox, filterGroups, input } = page.el;
  filterBox.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof page.win.HTMLInputElement) || box.type !== 'checkbox') return;
    const filters = chosenFilters(filterGroups);
    page.state = { ...page.state, q: input.value, filters };
    runSearch(page);
  });
}

/** 显示更多结果: render the next PAGE_SIZE results and move the focus to the first of them. */
function wireMore(page: Page): void {
  const { more } = page.el;
  more.addEventListener('click', async () => {
    const my = page.seq;
    const before = page.shown;
    more.disabled = true;
    setBusy(page, true);
    try {
      if (await showMore(page, my, PAGE_SIZE)) {
        // Keyboard users continue from the first new result.
        resultLinks(page)[before]?.focus();
        finish(page, page.outcome?.total ?? 0, page.outcome?.partial ?? 0);
      }
    } catch (error) {
      console.error(error);
      if (my === page.seq) finish(page, page.outcome?.total ?? 0, page.outcome?.partial ?? 0);
    } finally {
      more.disabled = false;
    }
  });
}

/** Keys: / goes to the box, Escape back to it from the results and filters, arrows move between the box and the results. */
function wireKeys(page: Page): void {
  const { doc, win } = page;
  const { input, list, more, filterBox } = page.el;
  doc.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof win.Element ? event.target : null;
    if (event.key === '/' && !isTypingTarget(target)) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (event.key === 'Escape') {
      if (target && (list.contains(target) || target === more || filterBox.contains(target))) {
        event.preventDefault();
        input.focus();
      }
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = resultLinks(page);
    const current = target === input ? -1 : links.indexOf(target as HTMLAnchorElement);
    if (current === -1 && target !== input) return;
    const to = arrowTarget(current, event.key, links.length);
    if (to === null) {
      if (current >= 0) event.preventDefault(); // do not scroll the page from a result
      return;
    }
    event.preventDefault();
    if (to === -1) input.focus();
    else links[to].focus();
  });
}

/** A wide screen shows the filters open; a phone keeps them folded unless some are chosen. */
function openFiltersToFit(page: Page): void {
  const { filterBox } = page.el;
  if ('open' in filterBox) {
    (filterBox as HTMLDetailsElement).open = page.win.matchMedia?.('(min-width: 52rem)').matches || hasFilters(page.state.filters);
  }
}

/**
 * Run the search page over `engine` in `doc`: read the URL, search, render, and keep the URL,
 * the filters and the list in step with the box. Needs the page's elements (#search-form,
 * #search-input, #search-results, #search-status, #search-filters, #search-more).
 */
export function startUi(engine: Engine, doc: Document): void {
  const win = doc.defaultView;
  if (!win) throw new Error('search page: no window');
  const el = pageElements(doc);
  const page: Page = {
    engine,
    doc,
    win,
    el,
    baseTitle: doc.title,
    state: readState(win.location.search),
    seq: 0,
    outcome: undefined,
    shown: 0,
    timer: undefined,
  };
  el.input.value = page.state.q;
  wireForm(page);
  wireFilters(page);
  wireMore(page);
  wireKeys(page);
  openFiltersToFit(page);
  void runSearch(page);
}
