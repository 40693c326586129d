/**
 * A probe run in a clause page (as source text, so it also runs in Firefox over WebDriver
 * BiDi): it clicks every copy button and reports what each copied, by whichever route the page
 * took (navigator.clipboard or the textarea fallback), and what the status line then said.
 */
/** What each copy button of the page copies when clicked, and what the status line then says. */
export const COPY_PROBE = `(async () => {
  const copied = [];
  if (navigator.clipboard) navigator.clipboard.writeText = async (text) => void copied.push(text);
  document.addEventListener('copy', () => {
    const el = document.activeElement;
    if (el && el.localName === 'textarea') copied.push(el.value.slice(el.selectionStart, el.selectionEnd));
  });
  const out = [];
  for (const button of document.querySelectorAll('button[data-copy-kind]')) {
    const shown = button.getClientRects().length > 0 || !!button.closest('.para-copy:not([hidden])') && !button.hidden;
    if (!shown) {
      out.push({ kind: button.dataset.copyKind, paragraph: button.closest('.clause-body [id]')?.id ?? null, shown: false, copied: null, status: '', data: button.getAttribute('data-copy'), label: button.textContent.trim() });
      continue;
    }
    const before = copied.length;
    button.click();
    for (let i = 0; i < 40 && copied.length === before; i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 25)); // the status line is written once the copy has resolved
    const group = button.closest('[data-copy-group]');
    const status = (group.querySelector('[role=status]') || document.querySelector('.clause-actions [role=status]')).textContent;
    out.push({ kind: button.dataset.copyKind, paragraph: button.closest('.clause-body [id]')?.id ?? null, shown: true, copied: copied.length > before ? copied.at(-1) : null, status, data: button.getAttribute('data-copy'), label: button.textContent.trim() });
  }
  return out;
})()`;

export interface Copy {
  kind: string;
  paragraph: string | null;
  shown: boolean;
  copied: string | null;
  status: string;
  /** The button's data-copy: the text, where it is known at build time. */
  data: string | null;
  /** The button's own text (复制引用). */
  label: string;
}
