/**
 * quotes/app.js: the quote check page's script, bundled from src/browser/quotes/main.ts into
 * one classic script. Besides src/browser/ it may hold the `diff` package (the character
 * comparison the version pages use at build time; browser-safe, no Node built-ins).
 */
import type { APIRoute } from 'astro';
import { BROWSER_DIR, BROWSER_PACKAGES, bundleBrowserScript } from '../../integrations/browser-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleBrowserScript('src/browser/quotes/main.ts', { root: BROWSER_DIR, packages: [...BROWSER_PACKAGES, 'diff'] }), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
