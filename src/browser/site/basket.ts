/**
 * 加入材料篮 on a clause page: the clause's button (in its copy group, `data-basket-add`, which
 * carries the clause's id, URL, citation, name, heading and text) and one button per paragraph,
 * added here to each paragraph's copy group (its label from CSS, like the copy buttons', so
 * copying the text never takes it along). A paragraph's citation is its citation button's
 * `data-copy-cite`, its text the paragraph's own text. They report in the clause's status line.
 */
import type { BasketEntry } from '../basket/entries';
import { addedText, addToBasket } from '../basket/store';

/** The text of a paragraph of the clause body: its text without its ¶ link and buttons. */
export function paragraphText(block: Element): string {
  const copy = block.cloneNode(true) as Element;
  copy.querySelectorAll('.para-link, .para-copy').forEach((e) => e.remove());
  return copy.textContent || '';
}

/** The entry of the clause a page shows, from its button's data; null where the data is missing. */
export function clauseEntry(button: Element): BasketEntry | null {
  const d = (button as HTMLElement).dataset;
  if (!d.basketClause || !d.basketUrl || !d.basketCite || d.basketText === undefined) return null;
  return {
    clause: d.basketClause,
    url: d.basketUrl,
    cite: d.basketCite,
    ...(d.basketLabel ? { label: d.basketLabel } : {}),
    ...(d.basketHeading ? { heading: d.basketHeading } : {}),
    text: d.basketText,
  };
}

/** The entry of one paragraph: the clause's, narrowed to the paragraph's anchor, citation and text. */
export function paragraphEntry(clause: BasketEntry, anchor: string, cite: string, text: string): BasketEntry {
  const place = cite.startsWith(clause.cite) ? cite.slice(clause.cite.length) : '';
  return {
    clause: clause.clause,
    anchor,
    url: clause.url,
    cite,
    label: `${clause.label || clause.cite}${place}`,
    text,
  };
}

/** Add an entry, saying so in the status line and on the button. */
function add(entry: BasketEntry, button: HTMLElement, status: Element | null): void {
  const result = addToBasket(entry);
  button.setAttribute('data-added', result.stored ? 'true' : 'false');
  if (status) status.textContent = addedText(result, entry.label || entry.cite);
}

/** Set up the clause's and each paragraph's 加入材料篮 button. */
export function setUpBasketButtons(): void {
  const button = document.querySelector<HTMLButtonElement>('button[data-basket-add]');
  const clause = button && clauseEntry(button);
  if (!button || !clause) return;
  const status = document.querySelector('.clause-actions [role="status"]');
  button.addEventListener('click', () => add(clause, button, status));
  document.querySelectorAll('.clause-body .para-copy').forEach((group) => {
    const citation = group.querySelector<HTMLElement>('.para-copy-citation');
    const anchor = citation?.dataset.copyAnchor;
    const cite = citation?.dataset.copyCite;
    const block = anchor ? document.getElementById(anchor) : null;
    if (!citation || !anchor || !cite || !block) return;
    const name = (citation.getAttribute('data-copy-label') || '').replace(/的引用$/, '');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'para-basket';
    b.setAttribute('aria-label', `把${name}加入材料篮`);
    b.addEventListener('click', () => add(paragraphEntry(clause, anchor, cite, paragraphText(block)), b, status));
    group.appendChild(b);
  });
}
