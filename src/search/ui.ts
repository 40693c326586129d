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
 *   `data-count="N"` (all hits, 0 included) once the results are final;
 * - the first 20 results appear at once (`&n=` asks for more at once), 显示更多结果 adds 20.
 *
 * Text is only ever set as text (`textContent`, text nodes and `<mark>` elements), never as
 * HTML. The pure helpers are exported for the unit tests; `startUi` wires the page.
 */
import { type Segment, type TextRange, findTerms, makeExcerpt, markSegments } from './excerpt';
import { fold } from './fold';
import { lineAnchor } from '../site/paragraphs';
import type { Engine, FilterCounts, Hit, Outcome, SearchDoc, SearchFilters } from './types';

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

/** A hit's label: the document's title in book-title marks and the clause's place. */
export const hitWhere = (hit: Pick<Hit, 'doc' | 'position'>): string => `《${hit.doc.title}》${hit.position}`;

/** The badge of a tier: none for the query as typed. */
export function tierBadge(tier: Hit['tier']): string | undefined {
  return tier === 2 ? '含全部词语' : tier === 3 ? '部分匹配' : undefined;
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
}

/** The view of a hit: label, link, badge and an excerpt around the first match. */
export function resultView(hit: Hit, outcome: Pick<Outcome, 'folded' | 'words'>): ResultView {
  const first = hit.matches[0];
  const paragraph = first ? first.paragraph : Math.max(0, hit.paragraphs.findIndex((p) => p.trim() !== ''));
  const text = hit.paragraphs[paragraph] ?? '';
  const ranges: TextRange[] = hit.matches.filter((m) => m.paragraph === paragraph);
  const view: ResultView = {
    id: hit.id,
    href: resultHref(hit, highlightTerms(hit, outcome)),
    where: hitWhere(hit),
    tier: hit.tier,
    excerpt: makeExcerpt(text, ranges).segments,
    matchCount: hit.matches.length,
  };
  if (hit.heading) view.heading = markSegments(hit.heading, findTerms(hit.heading, needles(hit, outcome)));
  const badge = tierBadge(hit.tier);
  if (badge) view.badge = badge;
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

/** The status line once a search is final. */
export function statusText(outcome: Pick<Outcome, 'query' | 'total'>, filtered: boolean): string {
  const q = outcome.query.trim();
  if (outcome.total === 0) return filtered ? `在所选范围内没有找到“${q}”。` : `没有找到“${q}”。`;
  return `找到 ${outcome.total} 条${filtered ? '（已筛选）' : ''}。`;
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

  if (view.badge || view.matchCount > 1) {
    const meta = doc.createElement('p');
    meta.className = 'result-meta';
    if (view.badge) {
      const badge = doc.createElement('span');
      badge.className = `badge badge-tier badge-tier-${view.tier}`;
      badge.textContent = view.badge;
      meta.append(badge);
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
  return li;
}

/**
 * Run the search page over `engine` in `doc`: read the URL, search, render, and keep the URL,
 * the filters and the list in step with the box. Needs the page's elements (#search-form,
 * #search-input, #search-results, #search-status, #search-filters, #search-more).
 */
export function startUi(engine: Engine, doc: Document): void {
  const win = doc.defaultView;
  if (!win) throw new Error('search page: no window');
  const form = need<HTMLFormElement>(doc, 'search-form');
  const input = need<HTMLInputElement>(doc, 'search-input');
  const list = need<HTMLOListElement>(doc, 'search-results');
  const status = need<HTMLElement>(doc, 'search-status');
  const filterBox = need<HTMLDetailsElement | HTMLElement>(doc, 'search-filters');
  const filterGroupsEl = doc.getElementById('search-filter-groups') ?? filterBox;
  const filterSummary = doc.getElementById('search-filter-summary');
  const more = need<HTMLButtonElement>(doc, 'search-more');
  const hint = doc.getElementById('search-hint');
  const words = doc.getElementById('search-words');
  const baseTitle = doc.title;

  let state = readState(win.location.search);
  input.value = state.q;

  let seq = 0;
  let outcome: Outcome | undefined;
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setBusy = (busy: boolean) => list.setAttribute('aria-busy', String(busy));
  const finish = (count: number) => {
    list.setAttribute('data-count', String(count));
    setBusy(false);
  };
  const resultLinks = () => Array.from(list.querySelectorAll<HTMLAnchorElement>(':scope > li > a.result-link'));

  function syncUrl() {
    const { pathname, search, hash } = win!.location;
    const next = writeState(state);
    if (next !== search) win!.history.replaceState(win!.history.state, '', `${pathname}${next}${hash}`);
    const q = state.q.trim();
    doc.title = q ? `${q} · ${baseTitle}` : baseTitle;
  }

  function renderFilters() {
    const groups = outcome ? filterGroups(engine.docs, outcome.counts, state.filters) : [];
    const focused = doc.activeElement instanceof win!.HTMLInputElement && filterBox.contains(doc.activeElement) ? doc.activeElement : null;
    const refocus = focused ? { name: focused.name, value: focused.value } : null;
    filterGroupsEl.replaceChildren();
    for (const group of groups) {
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
      filterGroupsEl.append(fieldset);
    }
    filterBox.hidden = groups.length === 0;
    const selected = FILTERS.reduce((n, { name }) => n + state.filters[name].length, 0);
    if (filterSummary) filterSummary.textContent = selected ? `筛选（已选 ${selected} 项）` : '筛选';
    if (refocus) {
      const again = Array.from(filterGroupsEl.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find(
        (b) => b.name === refocus.name && b.value === refocus.value,
      );
      again?.focus();
    }
  }

  /** Render hits [shown, shown + count) of the current outcome; false if a newer search began. */
  async function showMore(my: number, count: number): Promise<boolean> {
    const current = outcome;
    if (!current) return false;
    const hits = await current.hits(shown, Math.min(current.total, shown + count));
    if (my !== seq) return false;
    const items = hits.map((hit) => renderResult(doc, resultView(hit, current)));
    list.append(...items);
    shown += hits.length;
    // How the query was cut matters once results stop containing it as typed.
    if (words && hits.some((h) => h.tier > 1)) words.textContent = wordsText(current);
    more.hidden = shown >= current.total;
    return true;
  }

  async function run() {
    const my = ++seq;
    clearTimeout(timer);
    syncUrl();
    setBusy(true);
    list.removeAttribute('data-error');
    const q = state.q.trim();
    if (!fold(q)) {
      outcome = undefined;
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = q ? '请输入要查找的文字。' : '';
      if (words) words.textContent = '';
      if (hint) hint.hidden = false;
      renderFilters();
      finish(0);
      return;
    }
    try {
      const found = await engine.search(q, state.filters);
      if (my !== seq) return;
      outcome = found;
      shown = 0;
      list.replaceChildren();
      if (words) words.textContent = '';
      if (!(await showMore(my, firstBatch(state)))) return;
      if (hint) hint.hidden = true;
      status.textContent = statusText(found, hasFilters(state.filters));
      renderFilters();
      finish(found.total);
    } catch (error) {
      if (my !== seq) return;
      console.error(error);
      outcome = undefined;
      shown = 0;
      list.replaceChildren();
      list.setAttribute('data-error', 'search');
      more.hidden = true;
      status.textContent = '搜索出错，请重试。';
      finish(0);
    }
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_DELAY);
  };

  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return; // wait for the IME to finish the word
    state = { ...state, q: input.value };
    if (input.value.trim() === '') run();
    else later();
  });
  input.addEventListener('compositionend', () => {
    state = { ...state, q: input.value };
    later();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value };
    run();
  });
  filterBox.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof win.HTMLInputElement) || box.type !== 'checkbox') return;
    const filters = emptyFilters();
    for (const b of filterGroupsEl.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
      const name = b.name as FilterName;
      if (name in filters) filters[name].push(b.value);
    }
    state = { ...state, q: input.value, filters };
    run();
  });
  more.addEventListener('click', async () => {
    const my = seq;
    const before = shown;
    more.disabled = true;
    setBusy(true);
    try {
      if (await showMore(my, PAGE_SIZE)) {
        // Keyboard users continue from the first new result.
        resultLinks()[before]?.focus();
        finish(outcome?.total ?? 0);
      }
    } catch (error) {
      console.error(error);
      if (my === seq) finish(outcome?.total ?? 0);
    } finally {
      more.disabled = false;
    }
  });

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
    const links = resultLinks();
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

  // A wide screen shows the filters open; a phone keeps them folded unless some are chosen.
  if ('open' in filterBox) {
    (filterBox as HTMLDetailsElement).open = win.matchMedia?.('(min-width: 52rem)').matches || hasFilters(state.filters);
  }

  void run();
}
