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
import { type Segment, type TextRange, findTerms, makeExcerpt, markSegments } from './excerpt';
import { fold } from './fold';
import { lineAnchor } from '../site/paragraphs';
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
  const label = doc.untitled ? name : `《${name.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
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
}

/** The view of a hit: label, link, badge and an excerpt around the first match. */
export function resultView(hit: Hit, outcome: Pick<Outcome, 'folded' | 'words'>): ResultView {
  const versions = hit.versions && hit.versions.length > 1 ? hit.versions : undefined;
  const first = hit.matches[0];
  const paragraph = first ? first.paragraph : Math.max(0, hit.paragraphs.findIndex((p) => p.trim() !== ''));
  const text = hit.paragraphs[paragraph] ?? '';
  const ranges: TextRange[] = hit.matches.filter((m) => m.paragraph === paragraph);
  const view: ResultView = {
    id: hit.id,
    href: resultHref(hit, highlightTerms(hit, outcome)),
    where: hitWhere(hit, !!versions),
    tier: hit.tier,
    excerpt: makeExcerpt(text, ranges).segments,
    matchCount: hit.matches.length,
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

/** The status line once a search is final: the results with every word, and those with some. */
export function statusText(outcome: Pick<Outcome, 'query' | 'total' | 'partial'>, filtered: boolean): string {
  const q = outcome.query.trim();
  const scope = filtered ? '在所选范围内' : '';
  const { total, partial } = outcome;
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
  const empty = doc.getElementById('search-empty');
  const dropList = doc.getElementById('search-drop');
  const baseTitle = doc.title;

  let state = readState(win.location.search);
  input.value = state.q;

  let seq = 0;
  let outcome: Outcome | undefined;
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setBusy = (busy: boolean) => list.setAttribute('aria-busy', String(busy));
  const finish = (count: number, partial = 0) => {
    list.setAttribute('data-partial', String(partial));
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
    const hits = await current.hits(shown, Math.min(current.total + current.partial, shown + count));
    if (my !== seq) return false;
    const items = hits.map((hit, i) => {
      const li = renderResult(doc, resultView(hit, current));
      if (shown + i === current.total) {
        li.classList.add('result-partial-first');
        li.prepend(renderPartialHeading(doc, current.partial));
      }
      return li;
    });
    list.append(...items);
    shown += hits.length;
    // How the query was cut matters once results stop containing it as typed.
    if (words && hits.some((h) => h.tier > 1)) words.textContent = wordsText(current);
    more.hidden = shown >= current.total + current.partial;
    return true;
  }

  /** Without full results: offer the query with each word dropped that finds something, with its count. */
  async function suggest(my: number, current: Outcome): Promise<boolean> {
    if (!empty) return true;
    if (current.total > 0) {
      empty.hidden = true;
      return true;
    }
    const options = await Promise.all(
      droppedQueries(current.words).map(async (d) => ({ ...d, count: (await engine.search(d.q, state.filters)).total })),
    );
    if (my !== seq) return false;
    const useful = options.filter((o) => o.count > 0);
    dropList?.replaceChildren(
      ...useful.map((o) => {
        const li = doc.createElement('li');
        const a = doc.createElement('a');
        a.href = `index.html${writeState({ q: o.q, filters: state.filters })}`;
        a.textContent = o.q;
        li.append(`去掉“${o.dropped}”：`, a, `（${o.count} 条）`);
        return li;
      }),
    );
    const dropBox = dropList?.parentElement;
    if (dropBox && dropBox !== empty) dropBox.hidden = useful.length === 0;
    empty.hidden = false;
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
      if (empty) empty.hidden = true;
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
      if (!(await suggest(my, found))) return;
      if (hint) hint.hidden = true;
      status.textContent = statusText(found, hasFilters(state.filters));
      renderFilters();
      finish(found.total, found.partial);
    } catch (error) {
      if (my !== seq) return;
      console.error(error);
      outcome = undefined;
      shown = 0;
      list.replaceChildren();
      list.setAttribute('data-error', 'search');
      more.hidden = true;
      if (empty) empty.hidden = true;
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
        finish(outcome?.total ?? 0, outcome?.partial ?? 0);
      }
    } catch (error) {
      console.error(error);
      if (my === seq) finish(outcome?.total ?? 0, outcome?.partial ?? 0);
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
