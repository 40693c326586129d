/**
 * quotes/data.js: the quote check's data (src/integrations/quotes/quote-data.ts) as a classic
 * script that assigns it to a global, so the page loads it from disk too (file://).
 */
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../library';
import { quoteData } from '../../integrations/quotes/quote-data';
import { quoteDataScript } from '../../browser/quotes/data';

export const GET: APIRoute = async ({ site }) =>
  new Response(quoteDataScript(quoteData(await loadLibrary(), site)), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
