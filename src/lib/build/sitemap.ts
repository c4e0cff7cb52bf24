// The sitemap (sitemaps.org 0.9): sitemap-index.xml naming sitemap-0.xml,
// sitemap-1.xml, … of at most 45,000 URLs each, in the layout and order
// @astrojs/sitemap wrote them before.
//
// Why our own: at 10,000 decisions that integration took 1.5–2.3 s at the
// end of the build, nearly all of it sorting 20,000 URLs with a locale
// comparison made anew for each pair; this takes some 50 ms.

/** URLs per sitemap file (sitemaps.org allows 50,000). */
export const SITEMAP_ENTRY_LIMIT = 45_000;

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">';

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);

/**
 * The sitemap's files by name, for the absolute page URLs `urls` on the site
 * whose root is `site`: each URL once, in numeric-aware order (page/2 before page/10).
 */
export function sitemapFiles(urls: Iterable<string>, site: string, entryLimit = SITEMAP_ENTRY_LIMIT): Map<string, string> {
  const compare = new Intl.Collator('en', { numeric: true }).compare;
  const sorted = [...new Set(urls)].sort(compare);
  const files = new Map<string, string>();
  const names: string[] = [];
  for (let i = 0; i * entryLimit < sorted.length; i++) {
    const name = `sitemap-${i}.xml`;
    names.push(name);
    const entries = sorted.slice(i * entryLimit, (i + 1) * entryLimit).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
    files.set(name, `${URLSET_OPEN}${entries.join('')}</urlset>`);
  }
  const index = names.map((name) => `<sitemap><loc>${escapeXml(new URL(name, site).href)}</loc></sitemap>`).join('');
  files.set('sitemap-index.xml', `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index}</sitemapindex>`);
  return files;
}
