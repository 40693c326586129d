/** Open data: data/documents.json — exactly `library.documents` (docs/contracts.md). */
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../library';

export const GET: APIRoute = async () => {
  const library = await loadLibrary();
  return new Response(`${JSON.stringify(library.documents, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
