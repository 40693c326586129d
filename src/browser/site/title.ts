/**
 * Arriving at a paragraph keeps the clause's title in view: a sticky context line, and a
 * scroll that shows the title where title and paragraph fit on the screen together.
 */

/**
 * On a clause page: a context line (the clause's place and heading) sticks to the top while
 * the title is out of view; and arriving at a paragraph (#p2) that fits on the screen
 * together with the title scrolls so that the title shows too.
 */
export function keepTitleInView(): void {
  const heading = document.getElementById('clause-title');
  const context = document.querySelector('.clause-page');
  if (!heading || !context) return;
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e) context.toggleAttribute('data-title-hidden', !e.isIntersecting && e.boundingClientRect.top < 0);
    }).observe(heading);
  }
  const show = () => {
    if (location.hash.length < 2) return;
    let target: HTMLElement | null;
    try {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch {
      target = null;
    }
    if (!target || !target.closest('.clause-body')) return;
    // From the document's name above the title where that fits too, else from the title.
    const place = document.querySelector('.clause-doc');
    const bottom = target.getBoundingClientRect().bottom;
    const room = window.innerHeight || document.documentElement.clientHeight;
    const top = place && bottom - place.getBoundingClientRect().top + 16 <= room ? place.getBoundingClientRect().top : heading.getBoundingClientRect().top;
    // Both fit: show from the title down; otherwise the paragraph stays at the top, under the context line.
    if (bottom - top + 16 <= room && (top < 0 || bottom > room)) window.scrollBy(0, top - 8);
  };
  show();
  window.addEventListener('hashchange', show);
  if (document.readyState !== 'complete') window.addEventListener('load', show, { once: true });
}
