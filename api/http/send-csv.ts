import type { ServerResponse } from 'node:http';

/** A CSV answer with a BOM (spreadsheets then read UTF-8), offered as a download under `filename`, never cached. */
export function sendCsv(res: ServerResponse, body: string, filename: string): void {
  const text = `\uFEFF${body}`;
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
