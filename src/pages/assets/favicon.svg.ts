/** A small icon, so browsers do not ask for /favicon.ico (and it works from disk). */
import type { APIRoute } from 'astro';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#9c2a1a"/>
<path d="M8 9h16M8 16h16M8 23h10" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
</svg>
`;

export const GET: APIRoute = () =>
  new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
