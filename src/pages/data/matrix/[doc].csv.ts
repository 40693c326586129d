/** Open data: data/matrix/<doc>.csv — the implementation matrix of a document (src/site/matrix.ts), UTF-8 with a byte-order mark and a header row. */
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../../library';
import { implementationMatrices, matrixCsvRows, matrixOf, toCsv } from '../../../site/matrix';

export async function getStaticPaths() {
  return implementationMatrices(await loadLibrary()).map((m) => ({ params: { doc: m.doc } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const library = await loadLibrary();
  const matrix = matrixOf(library, params.doc!);
  if (!matrix) throw new Error(`matrix CSV: no matrix for ${params.doc}`);
  return new Response(toCsv(matrixCsvRows(library, matrix, site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
