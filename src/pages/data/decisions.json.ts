import type { APIRoute } from 'astro';
import { listedDecisions } from '../../lib/site-data.ts';
import { openDataRow } from '../../lib/open-data.ts';

// Open data: every decision in its display period, the 双公示 fields with amounts in 万元.
export const GET: APIRoute = ({ site }) => {
  const rows = listedDecisions().map((d) => openDataRow(d, String(site)));
  return new Response(JSON.stringify({ count: rows.length, decisions: rows }, null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
