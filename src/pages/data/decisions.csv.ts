import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { listedDecisions } from '../../lib/site-data.ts';
import { OPEN_DATA_COLUMNS, openDataRow } from '../../lib/open-data.ts';

// The same rows as decisions.json, as CSV with a BOM so spreadsheet programs read UTF-8.
export const GET: APIRoute = ({ site }) => {
  const rows = listedDecisions().map((d) => openDataRow(d, String(site)));
  const csv = stringify(rows, { header: true, columns: OPEN_DATA_COLUMNS });
  return new Response(`\uFEFF${csv}`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
