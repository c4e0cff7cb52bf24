// Permanent URLs of the enforcement basis. A version's segment is its first
// day in force, so a link made for one version never starts pointing at another.

/** /basis/land-administration-law/: the law, showing the version in force. */
export function lawHref(lawId: string): string {
  return `/basis/${lawId}/`;
}

/** /basis/land-administration-law/2020-01-01/: one version. */
export function versionHref(lawId: string, effectiveFrom: string): string {
  return `/basis/${lawId}/${effectiveFrom}/`;
}

/** /basis/land-administration-law/2020-01-01/article-77/: one article of one version. */
export function articlePageHref(lawId: string, effectiveFrom: string, key: string): string {
  return `${versionHref(lawId, effectiveFrom)}${key}/`;
}
