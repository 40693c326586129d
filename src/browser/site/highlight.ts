/**
 * Highlight on arrival: a clause page opened as `…/7.html?h=<terms>#p2` (any paragraph anchor,
 * an article's #p1-3 too; a link from the search page; terms separated by spaces) wraps every
 * occurrence of the terms in the clause heading and body in <mark class="hit">, matching on
 * folded text exactly as the results page marks them (../find.ts `findTerms`, over ../fold.ts:
 * NFKC, lower case, punctuation/symbols/spaces ignored — so 会站家 finds 会、站、家), then
 * brings the first highlight of the targeted paragraph into view. Only text nodes are split;
 * the terms are never parsed as HTML.
 */
import { findTerms } from '../find';
import { fold } from '../fold';

/** The terms of an `h` parameter: split on spaces, folded, empty ones dropped, unique. */
export function highlightTerms(h: string): string[] {
  const out: string[] = [];
  for (const t of h.split(/\s+/)) {
    const f = fold(t);
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/**
 * Wrap the occurrences of the terms in `el`'s text in <mark class="hit">, splitting text
 * nodes only (a match across two nodes gets one mark in each). Returns the number of matches.
 */
export function highlightIn(el: Element, terms: readonly string[]): number {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const offsets: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && parent.closest('script, style, template, mark.hit')) continue;
    nodes.push(n as Text);
    offsets.push(text.length);
    text += (n as Text).data;
  }
  const ranges = findTerms(text, terms);
  if (!ranges.length) return 0;
  nodes.forEach((node, i) => {
    const from = offsets[i];
    const data = node.data;
    const to = from + data.length;
    const frag = doc.createDocumentFragment();
    let at = 0;
    let marked = false;
    for (const r of ranges) {
      const s = Math.max(r.start, from) - from;
      const e = Math.min(r.end, to) - from;
      if (e <= s) continue;
      if (s > at) frag.appendChild(doc.createTextNode(data.slice(at, s)));
      const mark = doc.createElement('mark');
      mark.className = 'hit';
      mark.textContent = data.slice(s, e);
      frag.appendChild(mark);
      at = e;
      marked = true;
    }
    if (!marked || !node.parentNode) return;
    if (at < data.length) frag.appendChild(doc.createTextNode(data.slice(at)));
    node.parentNode.replaceChild(frag, node);
  });
  return ranges.length;
}

/** Undo highlightIn: put the marks' text back. */
function clearHighlights(root: ParentNode): void {
  root.querySelectorAll('mark.hit').forEach((mark) => {
    const parent = mark.parentNode;
    if (!parent) return;
    parent.replaceChild(mark.ownerDocument.createTextNode(mark.textContent || ''), mark);
    parent.normalize();
  });
}

/** Whether the element is wholly on the screen. */
function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
}

/** The element the page's #fragment names, if any. */
function fragmentTarget(): HTMLElement | null {
  if (location.hash.length <= 1) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

/** On a clause page opened with ?h=, highlight the terms and show the first one. */
export function highlightOnArrival(): void {
  const body = document.querySelector('.clause-body');
  if (!body) return;
  let h: string | null;
  try {
    h = new URLSearchParams(location.search).get('h');
  } catch {
    h = null;
  }
  if (!h) return;
  const terms = highlightTerms(h);
  if (!terms.length) return;

  let count = 0;
  const title = document.getElementById('clause-title');
  if (title) count += highlightIn(title, terms);
  for (const part of Array.from(body.children)) count += highlightIn(part, terms);
  if (!count) return;

  const note = document.createElement('p');
  note.className = 'hit-note';
  const what = document.createElement('span');
  what.textContent = `已标出搜索词${terms.map((t) => `“${t}”`).join('')}（${count} 处）`;
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = '取消标出';
  clear.addEventListener('click', () => {
    clearHighlights(document.querySelector('main') || document.body);
    note.remove();
    try {
      const url = new URL(location.href);
      url.searchParams.delete('h');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    } catch {
      /* file:// in some browsers: keep the URL */
    }
  });
  note.append(what, clear);
  body.parentNode?.insertBefore(note, body);

  // Bring the first highlight of the targeted paragraph (or of the clause) into view.
  const target = fragmentTarget();
  const first = target?.querySelector('mark.hit') || body.querySelector('mark.hit');
  if (!first) return;
  const show = () => {
    if (!inView(first)) first.scrollIntoView({ block: 'center' });
  };
  if (target && !inView(target)) target.scrollIntoView();
  show();
  // The browser's own scroll to the #fragment may come later, at load.
  if (document.readyState !== 'complete') window.addEventListener('load', show, { once: true });
}
