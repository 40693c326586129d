/** Open data: data/terms.json — the term index in its order, each term with its page and the ids of the clauses using it (docs/contracts.md). */
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../library';

export const GET: APIRoute = async () => {
  const library = await loadLibrary();
  const terms = library.terms.map((t) => ({ term: t.term, url: t.url, clauses: t.uses.map((u) => u.clause) }));
  return new Response(`${JSON.stringify(terms, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
