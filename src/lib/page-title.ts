/** The <title> of a page: its own title and the site's, or the site's alone on the home page (Base.astro). */
export function pageTitle(title: string, section: string | undefined, siteTitle: string): string {
  return section === 'home' ? siteTitle : `${title} · ${siteTitle}`;
}
