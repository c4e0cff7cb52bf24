import type { IncomingHttpHeaders } from 'node:http';

/** The q-value the Accept header gives a media type, taken from its most specific matching range. */
function quality(accept: string, type: string): number {
  const [wantMain] = type.split('/');
  let specificity = 0;
  let q = 0;
  for (const part of accept.toLowerCase().split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const rank = range === type ? 3 : range === `${wantMain}/*` ? 2 : range === '*/*' ? 1 : 0;
    if (rank <= specificity) continue;
    const value = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    specificity = rank;
    q = Number.isFinite(value) ? value : 0;
  }
  return q;
}

/**
 * True when the client would rather read a page than JSON: a plain HTML form
 * post (Accept: text/html,…) gets a page; fetch, XHR and tools get JSON.
 */
export function prefersHtml(headers: IncomingHttpHeaders): boolean {
  const accept = headers.accept ?? '';
  const html = quality(accept, 'text/html');
  return html > 0 && html > quality(accept, 'application/json');
}
