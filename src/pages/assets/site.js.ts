/**
 * assets/site.js: the site's browser script (copy buttons, highlight on arrival, …), bundled from
 * src/browser/site/main.ts into one classic script for a <script src> (works from file://). The
 * bundle may hold only files of src/browser/ (src/integrations/browser-bundle.ts).
 */
import type { APIRoute } from 'astro';
import { bundleBrowserScript } from '../../integrations/browser-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleBrowserScript('src/browser/site/main.ts'), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
