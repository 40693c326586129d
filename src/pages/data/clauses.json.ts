/** Open data: data/clauses.json — exactly `library.clauses`, in reading order (docs/contracts.md). */
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../library';

export const GET: APIRoute = async () => {
  const library = await loadLibrary();
  return new Response(`${JSON.stringify(library.clauses, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
