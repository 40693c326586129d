/**
 * 条文通 — the site's browser script, bundled by the build (src/integrations/assets.ts) into
 * /assets/site.<hash>.js and loaded by a classic <script defer> with a relative src, so it also runs
 * when the site is opened from disk (file://), where module scripts are blocked.
 *
 * - Copy buttons, the printed permalink line and the GB/T 7714 reference (copy.ts, links.ts).
 * - Arriving at a paragraph keeps the clause's title in view (title.ts).
 * - Highlight on arrival of the terms of `?h=` (highlight.ts).
 * - `/` focuses the header's search box (keyboard.ts).
 * - 加入材料篮: the clause and each paragraph into the basket (basket.ts; the basket page has its own script).
 */
import { setUpBasketButtons } from './basket';
import { fillAddresses, setUpGroup } from './copy';
import { highlightOnArrival } from './highlight';
import { onKeydown } from './keyboard';
import { keepTitleInView } from './title';

/** Set up every part of the page the script serves. */
function init(): void {
  fillAddresses();
  document.querySelectorAll('[data-copy-group]').forEach(setUpGroup);
  setUpBasketButtons();
  keepTitleInView();
  highlightOnArrival();
  document.addEventListener('keydown', onKeydown);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
