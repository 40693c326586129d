/** A document's reference as CSL-JSON (cite/<doc>.json: an array of one item), for Zotero and other reference managers. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadLibrary } from '../../library';
import { cslItem, documentFacts } from '../../site/formats';
import { canonicalUrl } from '../../urls';
import { libraryView } from '../../site/view';

export const getStaticPaths: GetStaticPaths = async () => (await loadLibrary()).documents.map((d) => ({ params: { id: d.id } }));

export const GET: APIRoute = async ({ params, site }) => {
  const view = libraryView(await loadLibrary());
  const doc = view.doc(String(params.id))!;
  const item = cslItem(documentFacts(doc, view.doc), canonicalUrl(site, doc.url));
  return new Response(`${JSON.stringify([item], null, 2)}\n`, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
