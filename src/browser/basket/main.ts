/**
 * basket/app.<hash>.js: the basket page's script, bundled with the docx library into one classic
 * script (src/integrations/assets.ts), loaded by that page only, so that the clause pages'
 * script stays small.
 */
import { startBasketPage } from './page';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startBasketPage);
else startBasketPage();
