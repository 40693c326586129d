/**
 * The search page's script (bundled by the build into search/app.<hash>.js, a classic script):
 * make the engine from the site root (the search page's parent folder) and start the page.
 * If the engine cannot load (no index, no network), the page says so and stops being busy.
 * It carries the site's script too (src/browser/site/main.ts), which the search page then
 * does not load apart: one request fewer for a first query.
 */
import '../site/main';
import { createEngine } from './engine';
import { startUi } from './ui';

createEngine(new URL('../', document.baseURI).href).then(
  (engine) => startUi(engine, document),
  (error: unknown) => {
    console.error(error);
    const status = document.getElementById('search-status');
    if (status) status.textContent = '搜索暂时无法使用：索引未能载入。';
    const list = document.getElementById('search-results');
    list?.setAttribute('data-count', '0');
    list?.setAttribute('aria-busy', 'false');
  },
);
