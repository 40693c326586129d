/**
 * Copy buttons (docs/contracts.md, "Copying a link or a citation"): <button data-copy-kind>
 * inside an element with [data-copy-group]; the group's [role=status] element reports what was
 * copied (a paragraph's group inside the clause body, which has none, reports in the
 * clause's). Groups are `hidden` in the HTML and shown here, so readers without JavaScript
 * never see dead buttons. Where the build had a canonical site (TIAOWEN_SITE) a button's
 * `data-copy` holds its text; without one the link is the address the page was opened at
 * (links.ts `pageLink`), plus the paragraph's `data-copy-anchor` (#p2, an article's #p1-3),
 * and a citation is `data-copy-cite` and that link. Opened from disk without a canonical site
 * there is no address: the link buttons are hidden (the clause says why) and citations are
 * copied without a link. The printed permalink line and the GB/T 7714 reference (date cited:
 * today) are filled in the same way.
 */
import { copiedText, isoDay, pageLink } from './links';

/** From disk without a canonical site, there is no link to copy. */
const NO_LINK_NOTE = '离线版没有网址，未附链接';

/**
 * Copy with the old execCommand route: works on file:// and over plain http, where
 * navigator.clipboard is missing or refused.
 */
function copyWithTextarea(text: string): boolean {
  const active = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  let ok = false;
  try {
    // Deprecated, but the only way to copy where navigator.clipboard is unavailable.
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(area);
  if (active && active instanceof HTMLElement) active.focus();
  return ok;
}

/** Copy a text: with the clipboard API where the page may use it, else with a textarea. */
function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).then(
      () => true,
      () => copyWithTextarea(text),
    );
  }
  return Promise.resolve(copyWithTextarea(text));
}

/** The address of this page for copying, or null from disk without a canonical site. */
function hereLink(anchor?: string): string | null {
  return pageLink(null, location.href, anchor);
}

/**
 * Fill in what only the browser knows: the printed permalink line, and the date cited and
 * (without a canonical site) the address of the GB/T 7714 reference.
 */
export function fillAddresses(): void {
  document.querySelectorAll('[data-permalink]').forEach((line) => {
    const slot = line.querySelector('[data-permalink-url]');
    if (!slot || slot.textContent) return;
    const link = hereLink();
    if (!link) return; // from disk: no address, no line
    slot.textContent = link;
    line.removeAttribute('hidden');
  });
  document.querySelectorAll('[data-gbt]').forEach((ref) => {
    const date = ref.querySelector('[data-cite-date]');
    if (date) date.textContent = isoDay(new Date());
    const slot = ref.querySelector('[data-cite-url]');
    const part = ref.querySelector('[data-cite-link]');
    if (!slot || !part || slot.textContent) return;
    const link = hereLink();
    if (!link) return;
    slot.textContent = link;
    part.removeAttribute('hidden');
  });
}

/** The text a button copies now, and a note on what was left out. */
function textOf(button: Element): { text: string | null; note: string } {
  const kind = button.getAttribute('data-copy-kind') || '';
  if (kind === 'gbt') {
    const ref = button.closest('.cite-format');
    const line = ref && ref.querySelector('[data-gbt]');
    const shown = line ? (line.cloneNode(true) as Element) : null;
    if (shown) shown.querySelectorAll('[hidden]').forEach((part) => part.remove());
    const gbt = shown ? (shown.textContent || '').replace(/\s+/g, ' ').trim() : '';
    return { text: gbt || null, note: line && line.querySelector('[data-cite-link][hidden]') ? NO_LINK_NOTE : '' };
  }
  const given = button.getAttribute('data-copy');
  if (given) return { text: given, note: '' };
  const link = hereLink(button.getAttribute('data-copy-anchor') || '');
  return { text: copiedText(kind, button.getAttribute('data-copy-cite') || '', link), note: link ? '' : NO_LINK_NOTE };
}

/** Show a copy group and make its buttons copy, reporting in the group's status line. */
export function setUpGroup(group: Element): void {
  const status = group.querySelector('[role="status"]') || document.querySelector('.clause-actions [role="status"]');
  let timer = 0;
  group.removeAttribute('hidden');
  group.querySelectorAll('button[data-copy-kind]').forEach((button) => {
    // A link button with nothing to copy (from disk without a canonical site) is not shown.
    if (textOf(button).text === null) {
      button.setAttribute('hidden', '');
      const note = group.querySelector('.copy-note');
      if (note) note.removeAttribute('hidden');
      return;
    }
    button.addEventListener('click', () => {
      const copy = textOf(button);
      const text = copy.text || '';
      const what = button.getAttribute('data-copy-label') || '';
      void copyText(text).then((ok) => {
        button.setAttribute('data-copied', ok ? (copy.note ? 'nolink' : 'true') : 'false');
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          button.removeAttribute('data-copied');
          if (ok && status) status.textContent = '';
        }, 6000);
        if (!status) return;
        status.textContent = ok ? `已复制${what}${copy.note ? `（${copy.note}）` : ''}：${text}` : `复制失败，请手动复制：${text}`;
      });
    });
  });
}
