/** A document's reference as BibTeX (cite/<doc>.bib: one entry keyed by the document id, UTF-8), for LaTeX. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadLibrary } from '../../library';
import { bibtexEntry, documentFacts } from '../../site/formats';
import { canonicalUrl } from '../../urls';
import { libraryView } from '../../site/view';

export const getStaticPaths: GetStaticPaths = async () => (await loadLibrary()).documents.map((d) => ({ params: { id: d.id } }));

export const GET: APIRoute = async ({ params, site }) => {
  const view = libraryView(await loadLibrary());
  const doc = view.doc(String(params.id))!;
  return new Response(bibtexEntry(documentFacts(doc, view.doc), canonicalUrl(site, doc.url)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
