// @ts-check
/**
 * The search page's script: plain ES module, inlined into search/index.html.
 *
 * It follows the search page contract (shared CONTRACTS.md):
 * - reads `?q=` on load and runs it at once; keeps the query (and filters) in the URL;
 * - results go into `<ol id="search-results">`, one `<li>` per result in rank order, whose
 *   first `<a href>` is a relative link to the clause page;
 * - `aria-busy="true"` while a search runs; `aria-busy="false"` and `data-count="N"` (N =
 *   total hits, 0 included) once the results are final;
 * - the first 20 results appear without a click.
 *
 * Pagefind is loaded with a relative dynamic import of `../pagefind/pagefind.js`, resolved
 * against the page itself, so the site works under any path prefix. The query is only ever
 * handled as text; excerpts are rebuilt node by node keeping only `<mark>`.
 *
 * The pure helpers are exported for unit tests; the page runs `main()`.
 */

/** Results shown per batch (the first batch appears at once). */
export const PAGE_SIZE = 20;

/** The filters offered, in order: Pagefind filter name → label. */
export const FILTERS = /** @type {const} */ ([
  ['document', '文件'],
  ['kind', '类型'],
]);

/**
 * The site root's path, from the search page's own URL (`<root>search/index.html`).
 * @param {string} pageHref
 */
export function siteRoot(pageHref) {
  return new URL('../', pageHref).pathname;
}

/**
 * A link from the search page to a result URL that Pagefind gave under `root`.
 * Relative, so it stays right wherever the site is served.
 * @param {string} url  e.g. "/sub/luhui-2014-79/1/1.html#p2"
 * @param {string} root e.g. "/sub/"
 */
export function relativeHref(url, root) {
  const path = url.startsWith(root) ? url.slice(root.length) : url.replace(/^\/+/, '');
  return `../${path}`;
}

/**
 * The URL to link for a result. Where the page has several anchored sections (Pagefind
 * sub-results), the one with the most hits (`…#id`); otherwise the page itself, since an
 * anchor on the page's only heading would narrow nothing.
 * @param {{ url: string, sub_results?: { url: string, locations?: number[] }[] }} data
 */
export function bestUrl(data) {
  const anchored = (data.sub_results ?? []).filter((sub) => sub.url.includes('#') && sub.url !== data.url);
  if (anchored.length < 2) return data.url;
  let best = anchored[0];
  for (const sub of anchored) if ((sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  return best.url;
}

/**
 * The search state in a query string.
 * @param {string} search e.g. "?q=工会&kind=通知"
 * @returns {{ q: string, filters: Record<string, string[]> }}
 */
export function readState(search) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const [name] of FILTERS) {
    const values = params.getAll(name).filter((v) => v !== '');
    if (values.length) filters[name] = values;
  }
  return { q: params.get('q') ?? '', filters };
}

/**
 * The query string for a search state ("" when there is nothing to keep).
 * @param {{ q: string, filters: Record<string, string[]> }} state
 */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name] of FILTERS) for (const v of state.filters[name] ?? []) params.append(name, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Pagefind filters for a state: any of the chosen values within a filter, all filters together.
 * @param {Record<string, string[]>} filters
 */
export function pagefindFilters(filters) {
  /** @type {Record<string, { any: string[] }>} */
  const out = {};
  for (const [name, values] of Object.entries(filters)) if (values.length) out[name] = { any: values };
  return out;
}

/**
 * Copy the text of a parsed excerpt into `target`, keeping `<mark>` and nothing else.
 * @param {ParentNode} from
 * @param {Element} target
 */
function copySafe(from, target) {
  const doc = target.ownerDocument;
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === 3) target.append(doc.createTextNode(node.textContent ?? ''));
    else if (node.nodeType === 1) {
      const el = /** @type {Element} */ (node);
      const name = el.localName;
      if (name === 'script' || name === 'style' || name === 'template') continue;
      if (name === 'mark') {
        const mark = doc.createElement('mark');
        copySafe(el, mark);
        target.append(mark);
      } else copySafe(el, target);
    }
  }
}

/**
 * Append a Pagefind excerpt to `target` safely: parsed in an inert template (nothing runs or
 * loads), then rebuilt from text nodes and `<mark>` elements only.
 * @param {Element} target
 * @param {string} excerpt
 */
export function appendExcerpt(target, excerpt) {
  const template = target.ownerDocument.createElement('template');
  template.innerHTML = excerpt;
  copySafe(template.content, target);
}

/* ------------------------------------------------------------------ the page */

/**
 * @typedef {{ url: string, excerpt: string, meta: Record<string, string>,
 *   filters?: Record<string, string[]>, sub_results?: { url: string, locations?: number[] }[] }} ResultData
 * @typedef {{ id: string, data: () => Promise<ResultData> }} Result
 * @typedef {{ results: Result[], filters?: Record<string, Record<string, number>> }} Search
 */

/** Run the search page. */
export async function main() {
  const doc = document;
  const form = /** @type {HTMLFormElement} */ (doc.getElementById('search-form'));
  const input = /** @type {HTMLInputElement} */ (doc.getElementById('search-input'));
  const list = /** @type {HTMLOListElement} */ (doc.getElementById('search-results'));
  const status = /** @type {HTMLElement} */ (doc.getElementById('search-status'));
  const filterBox = /** @type {HTMLElement} */ (doc.getElementById('search-filters'));
  const more = /** @type {HTMLButtonElement} */ (doc.getElementById('search-more'));

  const root = siteRoot(location.href);
  let state = readState(location.search);
  input.value = state.q;

  /** @type {number} */
  let seq = 0;
  /** @type {Result[]} */
  let pending = [];

  /** @param {boolean} busy @param {number} [count] */
  const setBusy = (busy, count) => {
    list.setAttribute('aria-busy', String(busy));
    if (busy) list.removeAttribute('data-count');
    else list.setAttribute('data-count', String(count ?? 0));
  };
  /** @param {string} text */
  const say = (text) => {
    status.textContent = text;
  };

  setBusy(true);
  say('正在加载搜索索引…');

  /** @type {any} */
  let pagefind;
  try {
    pagefind = await import(/* @vite-ignore */ new URL('../pagefind/pagefind.js', location.href).href);
    await pagefind.options({ baseUrl: root });
    await pagefind.init();
  } catch (err) {
    console.error(err);
    list.setAttribute('data-error', 'pagefind');
    setBusy(false, 0);
    say(
      location.protocol === 'file:'
        ? '搜索无法在本地文件中运行，请通过网站或本地服务器（npm start）打开本页。'
        : '搜索索引加载失败。',
    );
    return;
  }

  /** @type {Record<string, Record<string, number>>} */
  let allFilters = {};
  try {
    allFilters = (await pagefind.filters()) ?? {};
  } catch (err) {
    console.error(err);
  }
  buildFilters(allFilters);

  /** @param {Record<string, Record<string, number>>} counts */
  function buildFilters(counts) {
    filterBox.replaceChildren();
    for (const [name, label] of FILTERS) {
      const values = Object.keys(counts[name] ?? {});
      if (!values.length) continue;
      const fieldset = doc.createElement('fieldset');
      fieldset.dataset.filter = name;
      const legend = doc.createElement('legend');
      legend.textContent = label;
      fieldset.append(legend);
      for (const value of values.sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
        const lab = doc.createElement('label');
        const box = doc.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = (state.filters[name] ?? []).includes(value);
        const text = doc.createElement('span');
        text.textContent = value;
        const count = doc.createElement('span');
        count.className = 'count';
        count.dataset.value = value;
        count.textContent = String(counts[name][value]);
        lab.append(box, ' ', text, ' ', count);
        fieldset.append(lab);
      }
      filterBox.append(fieldset);
    }
    filterBox.hidden = filterBox.childElementCount === 0;
  }

  /** @param {Record<string, Record<string, number>> | undefined} counts */
  function updateCounts(counts) {
    for (const el of filterBox.querySelectorAll('span.count')) {
      const span = /** @type {HTMLElement} */ (el);
      const name = /** @type {HTMLElement} */ (span.closest('fieldset')).dataset.filter ?? '';
      const value = span.dataset.value ?? '';
      span.textContent = String(counts?.[name]?.[value] ?? allFilters[name]?.[value] ?? 0);
    }
  }

  /** @param {ResultData} data */
  function renderResult(data) {
    const li = doc.createElement('li');
    li.className = 'result';
    const a = doc.createElement('a');
    a.href = relativeHref(bestUrl(data), root);
    a.className = 'result-title';
    a.textContent = data.meta?.title || data.url;
    li.append(a);
    const where = [data.filters?.document?.[0], data.filters?.kind?.[0]].filter(Boolean).join(' · ');
    if (where) {
      const p = doc.createElement('p');
      p.className = 'result-meta';
      p.textContent = where;
      li.append(p);
    }
    if (data.excerpt) {
      const p = doc.createElement('p');
      p.className = 'result-excerpt';
      appendExcerpt(p, data.excerpt);
      li.append(p);
    }
    return li;
  }

  /** Load and show the next batch of results of the current search. @param {number} my */
  async function showMore(my) {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const datas = await Promise.all(batch.map((r) => r.data()));
    if (my !== seq) return false;
    list.append(...datas.map(renderResult));
    more.hidden = pending.length === 0;
    return true;
  }

  function syncUrl() {
    const next = `${location.pathname}${writeState(state)}${location.hash}`;
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
  }

  async function run() {
    const my = ++seq;
    syncUrl();
    setBusy(true);
    list.removeAttribute('data-error');
    more.hidden = true;
    const q = state.q.trim();
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!q && !hasFilters) {
      pending = [];
      list.replaceChildren();
      updateCounts(undefined);
      say('请输入要查找的字词。');
      setBusy(false, 0);
      return;
    }
    say('正在搜索…');
    try {
      /** @type {Search} */
      const search = await pagefind.search(q || null, { filters: pagefindFilters(state.filters) });
      if (my !== seq) return;
      pending = search.results;
      const total = search.results.length;
      list.replaceChildren();
      if (!(await showMore(my))) return;
      updateCounts(search.filters);
      say(
        total === 0
          ? q
            ? `没有找到与“${q}”相关的条文。`
            : '没有符合筛选条件的条文。'
          : q
            ? `找到 ${total} 条与“${q}”相关的条文。`
            : `共 ${total} 条条文符合筛选条件。`,
      );
      setBusy(false, total);
    } catch (err) {
      if (my !== seq) return;
      console.error(err);
      list.replaceChildren();
      list.setAttribute('data-error', 'search');
      say('搜索出错，请重试。');
      setBusy(false, 0);
    }
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  input.addEventListener('input', () => {
    state = { ...state, q: input.value };
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value };
    run();
  });
  filterBox.addEventListener('change', () => {
    /** @type {Record<string, string[]>} */
    const filters = {};
    for (const el of filterBox.querySelectorAll('input[type=checkbox]:checked')) {
      const box = /** @type {HTMLInputElement} */ (el);
      (filters[box.name] ??= []).push(box.value);
    }
    state = { ...state, filters };
    clearTimeout(timer);
    run();
  });
  more.addEventListener('click', async () => {
    more.disabled = true;
    await showMore(seq);
    more.disabled = false;
  });

  await run();
}

if (typeof document !== 'undefined' && document.getElementById('search-results')) main();
