/**
 * search/app.js: the search page's script, bundled from src/browser/search/main.ts into one
 * classic script (it imports Pagefind at run time, relative to the page). The bundle may hold
 * only files of src/browser/ (src/integrations/browser-bundle.ts).
 */
import type { APIRoute } from 'astro';
import { bundleBrowserScript } from '../../integrations/browser-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleBrowserScript('src/browser/search/main.ts'), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
