/**
 * The quote check page's script (quotes/app.<hash>.js, a classic script, so it also runs from disk):
 * the data comes from quotes/data.js, loaded before it by its own <script>. On 核对 it checks
 * the draft (check.ts) and shows the results (render.ts); the copy and select buttons of the
 * results work by delegation.
 */
import type { BasketEntry } from '../basket/entries';
import { addedText, addToBasket } from '../basket/store';
import { buildQuoteIndex, checkDraft, MAX_DRAFT, type QuoteIndex } from './check';
import { QUOTE_DATA_GLOBAL, type QuoteData } from './data';
import { citationItems, markedDraft, passageItems } from './render';

/** Copy a text: the clipboard API where the page may use it, else a hidden textarea. */
async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the textarea
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Set up the page. */
function init(): void {
  const draft = document.getElementById('draft') as HTMLTextAreaElement | null;
  const button = document.getElementById('check-draft') as HTMLButtonElement | null;
  const results = document.getElementById('quote-results');
  const citations = document.getElementById('citation-results');
  const marked = document.getElementById('draft-marked');
  const status = document.getElementById('quote-status');
  const copyStatus = document.getElementById('quote-copy-status');
  const data = (globalThis as unknown as Record<string, QuoteData | undefined>)[QUOTE_DATA_GLOBAL];
  if (!draft || !button || !results || !citations || !marked || !status) return;
  if (!data) {
    status.textContent = '未能载入条文数据，无法核对。';
    return;
  }
  let index: QuoteIndex | null = null;
  button.disabled = false;
  status.textContent = '';

  const run = () => {
    const text = draft.value;
    if (text.length > MAX_DRAFT) {
      status.textContent = `草稿共${text.length}字，超过${MAX_DRAFT}字的上限，请分段核对。`;
      return;
    }
    results.setAttribute('aria-busy', 'true');
    results.removeAttribute('data-count');
    status.textContent = '正在核对…';
    window.setTimeout(() => {
      index ??= buildQuoteIndex(data);
      const report = checkDraft(text, index);
      results.replaceChildren(...passageItems(data, text, report, location.href));
      citations.replaceChildren(...citationItems(data, report));
      marked.replaceChildren(...markedDraft(text, report.passages));
      document.querySelectorAll<HTMLElement>('[data-when-results]').forEach((e) => (e.hidden = false));
      (document.getElementById('citation-section') as HTMLElement).hidden = report.citations.length === 0;
      const differs = report.passages.filter((p) => p.match === 'differs').length;
      status.textContent = report.passages.length
        ? `找到${report.passages.length}段出自文库的文字，其中${differs}段与原文有出入。`
        : '草稿中没有找到出自文库条文的文字（10字以上）。';
      results.dataset.count = String(report.passages.length);
      results.setAttribute('aria-busy', 'false');
    }, 0);
  };
  button.addEventListener('click', run);
  draft.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
  });
  results.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const item = target.closest<HTMLElement>('li[data-from]');
    if (!item) return;
    if (target.matches('.quote-copy')) {
      const text = target.dataset.copyText ?? '';
      void copyText(text).then((ok) => {
        if (copyStatus) copyStatus.textContent = ok ? `已复制引用：${text}` : `复制失败，请手动复制：${text}`;
      });
    } else if (target.matches('.quote-basket')) {
      const entry = JSON.parse(target.dataset.entry ?? '{}') as BasketEntry;
      const result = addToBasket(entry);
      if (copyStatus) copyStatus.textContent = addedText(result, entry.label ?? entry.cite);
    } else if (target.matches('.quote-select')) {
      draft.focus();
      draft.setSelectionRange(Number(item.dataset.from), Number(item.dataset.to));
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
