import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may POST to the service. Browsers say where a request comes from
 * (Origin, Sec-Fetch-Site); a post from another site's page is refused, so no
 * page elsewhere can file reports or probe secrets in a visitor's name. Clients
 * that are not browsers send neither header (media tools, Open311 apps) and are
 * let through: they could forge the headers anyway, and are bounded by the
 * rate limits, not by this check.
 */
export function isForeignBrowserPost(headers: IncomingHttpHeaders, publicUrl: string): boolean {
  const origin = headers.origin;
  const fetchSite = headers['sec-fetch-site'];
  if (origin !== undefined) {
    if (origin === 'null') return true;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return true;
    }
    const own = [headers.host, safeHost(publicUrl)].filter(Boolean);
    return !own.includes(host);
  }
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
