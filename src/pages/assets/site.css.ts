/** The site's stylesheet, written as a plain file so pages can link to it relatively. */
import type { APIRoute } from 'astro';
import { css } from '../../styles';

export const GET: APIRoute = () => new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
