/** `/` focuses the header's search box (the search page handles its own box). */

/** Is the element a text field, where `/` is a character to type? */
function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof Element)) return false;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

/** `/` focuses the header's search box, except on the search page, which has its own. */
export function onKeydown(event: KeyboardEvent): void {
  if (event.key !== '/' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  if (document.getElementById('search-input') || isTypingTarget(event.target)) return;
  const box = document.querySelector<HTMLInputElement>('.site-header input[type="search"]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
}
