import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may POST to the service. Browsers say where a request comes from
 * (Origin, Sec-Fetch-Site); a post from another site's page is refused, so no
 * page elsewhere can file reports or probe secrets in a visitor's name. The
 * Origin is compared, scheme, host and port, with the configured public origin
 * (PUBLIC_URL) — never with the request's own Host header, which the sender
 * writes. Clients that are not browsers send neither header (media tools,
 * Open311 apps) and are let through: they could forge the headers anyway, and
 * are bounded by the rate limits, not by this check.
 */
export function isForeignBrowserPost(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  const fetchSite = headers['sec-fetch-site'];
  if (origin !== undefined) {
    if (origin === 'null') return true;
    let parsed: string;
    try {
      parsed = new URL(origin).origin;
    } catch {
      return true;
    }
    return !allowedOrigins.includes(parsed);
  }
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}

/**
 * The origins whose pages may post: the public URL's; and, when PUBLIC_URL is
 * not set (a developer's machine), the loopback names of the port the server
 * listens on, so `npm start` works at http://localhost:4321 and http://127.0.0.1:4321 alike.
 */
export function allowedOrigins(publicUrl: string, explicit: boolean, port: number): string[] {
  if (explicit) return [new URL(publicUrl).origin];
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}
