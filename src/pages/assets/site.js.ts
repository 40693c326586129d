/** The site's browser script, written as a plain file for a classic <script src> (works from file://). */
import type { APIRoute } from 'astro';
import js from '../../client/site.js?raw';

export const GET: APIRoute = () =>
  new Response(js, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
