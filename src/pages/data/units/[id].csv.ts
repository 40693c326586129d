/** Open data: data/units/<unit>.csv — the work items a unit leads or joins, each with the clause it carries out (src/site/matrix.ts), UTF-8 with a byte-order mark and a header row. */
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../../library';
import { toCsv, unitCsvIds, unitCsvRows } from '../../../site/matrix';

export async function getStaticPaths() {
  return unitCsvIds(await loadLibrary()).map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const library = await loadLibrary();
  return new Response(toCsv(unitCsvRows(library, params.id!, site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
