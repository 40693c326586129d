/**
 * The basket page (basket/index.html): lists the entries with their citations and links, moves
 * them up and down, removes one or all, and exports them as a .docx, plain text or Markdown.
 * Every change is stored at once (store.ts); a change made in another tab shows here too.
 */
import { docxBlob } from './docx';
import { type BasketEntry, citedAs, entryKey, moveEntry, removeEntry, siteRootOf } from './entries';
import { basketMarkdown, basketText, docxPlan, entryHeading, entryParagraphs, exportFileName } from './export';
import { loadBasket, saveBasket, STORAGE_KEY } from './store';

/** A day as YYYY-MM-DD in the reader's time zone. */
function isoDay(date: Date): string {
  const pad = (n: number) => (n < 10 ? '0' : '') + n;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Offer a file for download: an object URL on a link with `download`, clicked. */
function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** An element with a class and a text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A button of an entry, named for the entry to a screen reader. */
function entryButton(text: string, action: string, name: string, disabled = false): HTMLButtonElement {
  const b = el('button', '', text);
  b.type = 'button';
  b.dataset.action = action;
  b.setAttribute('aria-label', `${text}：${name}`);
  b.disabled = disabled;
  return b;
}

/** Set up the basket page. */
export function startBasketPage(): void {
  const list = document.getElementById('basket-list');
  const status = document.getElementById('basket-status');
  const empty = document.getElementById('basket-empty');
  const actions = document.getElementById('basket-actions');
  const count = document.getElementById('basket-count');
  if (!list || !status || !empty || !actions || !count) return;
  const root = list.getAttribute('data-site') || siteRootOf(location.href, 1);
  let entries = loadBasket();

  const say = (text: string) => {
    status.textContent = text;
  };

  const render = (focus?: { key: string; action: string }) => {
    list.replaceChildren(
      ...entries.map((e, i) => {
        const name = entryHeading(e);
        const li = el('li', 'basket-entry');
        li.dataset.key = entryKey(e);
        const h = el('h2', 'basket-entry-title');
        const a = el('a', '', name);
        a.href = `..${e.url}${e.anchor ? `#${e.anchor}` : ''}`;
        h.appendChild(a);
        const text = el('div', 'basket-entry-text');
        for (const p of entryParagraphs(e)) text.appendChild(el('p', '', p));
        const cite = el('p', 'basket-entry-cite', `出处：${citedAs(e, root)}`);
        const buttons = el('div', 'basket-entry-actions');
        buttons.append(
          entryButton('上移', 'up', name, i === 0),
          entryButton('下移', 'down', name, i === entries.length - 1),
          entryButton('移除', 'remove', name),
        );
        li.append(h, text, cite, buttons);
        return li;
      }),
    );
    empty.hidden = entries.length > 0;
    actions.hidden = entries.length === 0;
    count.textContent = entries.length ? `共 ${entries.length} 条` : '';
    if (focus) {
      const li = [...list.children].find((c) => (c as HTMLElement).dataset.key === focus.key);
      const button = li?.querySelector<HTMLButtonElement>(`button[data-action="${focus.action}"]`);
      // A button at the end of the list is disabled: keep the focus on the entry's other move button.
      const target = button && !button.disabled ? button : li?.querySelector<HTMLButtonElement>('button[data-action]:not([disabled])');
      target?.focus();
    }
  };

  const store = (next: BasketEntry[]): boolean => {
    entries = next;
    const ok = saveBasket(entries);
    if (!ok) say('无法保存材料篮：浏览器不允许本站保存数据');
    return ok;
  };

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const li = button?.closest<HTMLElement>('li[data-key]');
    if (!button || !li) return;
    const key = li.dataset.key!;
    const index = entries.findIndex((e) => entryKey(e) === key);
    if (index < 0) return;
    const name = entryHeading(entries[index]!);
    const action = button.dataset.action!;
    if (action === 'remove') {
      const ok = store(removeEntry(entries, key));
      render();
      const next = list.children[Math.min(index, list.children.length - 1)];
      (next?.querySelector<HTMLButtonElement>('button[data-action="remove"]') ?? document.getElementById('basket-title'))?.focus();
      if (ok) say(`已移除：${name}`);
      return;
    }
    const by = action === 'up' ? -1 : 1;
    const ok = store(moveEntry(entries, index, by));
    render({ key, action });
    if (ok) say(`已${action === 'up' ? '上移' : '下移'}：${name}，现为第 ${index + by + 1} 条`);
  });

  document.getElementById('basket-clear')?.addEventListener('click', () => {
    const n = entries.length;
    if (store([])) say(`已清空材料篮（${n} 条）`);
    render();
    document.getElementById('basket-title')?.focus();
  });

  const day = () => isoDay(new Date());
  document.getElementById('basket-text')?.addEventListener('click', () => {
    download(new Blob([basketText(entries, root)], { type: 'text/plain;charset=utf-8' }), exportFileName(day(), 'txt'));
    say(`已导出纯文本（${entries.length} 条）`);
  });
  document.getElementById('basket-markdown')?.addEventListener('click', () => {
    download(new Blob([basketMarkdown(entries, root)], { type: 'text/markdown;charset=utf-8' }), exportFileName(day(), 'md'));
    say(`已导出 Markdown（${entries.length} 条）`);
  });
  const docxButton = document.getElementById('basket-docx') as HTMLButtonElement | null;
  docxButton?.addEventListener('click', () => {
    docxButton.disabled = true;
    say('正在生成 Word 文档…');
    docxBlob(docxPlan(entries, root)).then(
      (blob) => {
        download(blob, exportFileName(day(), 'docx'));
        say(`已导出 Word 文档（${entries.length} 条，${Math.max(1, Math.round(blob.size / 1024))} KB）`);
        docxButton.disabled = false;
      },
      () => {
        say('生成 Word 文档失败');
        docxButton.disabled = false;
      },
    );
  });

  // A change made in another tab or window.
  window.addEventListener('storage', (event) => {
    if (event.key !== null && event.key !== STORAGE_KEY) return;
    entries = loadBasket();
    render();
  });

  render();
  document.documentElement.setAttribute('data-basket-ready', '');
}
