/**
 * basket/app.js: the basket page's script, bundled from src/browser/basket/main.ts with the
 * docx library into one classic script (works from file://). Only the basket page loads it.
 */
import type { APIRoute } from 'astro';
import { bundleBrowserScript } from '../../integrations/browser-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleBrowserScript('src/browser/basket/main.ts'), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
