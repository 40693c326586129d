/**
 * quotes/app.js: the quote check page's script, bundled from src/browser/quotes/main.ts into
 * one classic script (with the `diff` package, allowed in browser-bundle.ts).
 */
import type { APIRoute } from 'astro';
import { bundleBrowserScript } from '../../integrations/browser-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleBrowserScript('src/browser/quotes/main.ts'), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
