// Atom (RFC 4287) written by hand: the format is small, and @astrojs/rss
// writes RSS only. Every text is escaped; dates are RFC 3339 date-times.

export interface AtomEntry {
  /** A permanent IRI: the decision's URL (with a fragment for a withdrawal). */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  published?: string;
  /** The page the entry is about (rel="alternate"). */
  link: string;
  /** Plain text. */
  summary: string;
  categories: { term: string; label: string }[];
  author: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The page that lists the same entries (rel="alternate"). */
  alternate: string;
  author: { name: string; email?: string; uri?: string };
  rights: string;
  /** The feed's date when it has no entry; otherwise its newest entry's. */
  updated: string;
  entries: AtomEntry[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values, and drops the characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** A calendar date as the RFC 3339 date-time of its start in China (UTC+8). */
export function chinaDateTime(date: string): string {
  return `${date}T00:00:00+08:00`;
}

export function renderAtom(feed: AtomFeed): string {
  const e = escapeXml;
  const updated = feed.entries.map((entry) => entry.updated).reduce((latest, u) => (Date.parse(u) > Date.parse(latest) ? u : latest), feed.entries[0]?.updated ?? feed.updated);
  const author = feed.author;
  const entries = feed.entries.map(
    (entry) => `<entry>
<id>${e(entry.id)}</id>
<title type="text">${e(entry.title)}</title>
<updated>${e(entry.updated)}</updated>${entry.published ? `\n<published>${e(entry.published)}</published>` : ''}
<link rel="alternate" type="text/html" href="${e(entry.link)}"/>
<author><name>${e(entry.author)}</name></author>
${entry.categories.map((c) => `<category term="${e(c.term)}" label="${e(c.label)}"/>`).join('\n')}
<summary type="text">${e(entry.summary)}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${e(feed.id)}</id>
<title type="text">${e(feed.title)}</title>
<subtitle type="text">${e(feed.subtitle)}</subtitle>
<updated>${e(updated)}</updated>
<link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>
<link rel="alternate" type="text/html" href="${e(feed.alternate)}"/>
<author><name>${e(author.name)}</name>${author.email ? `<email>${e(author.email)}</email>` : ''}${author.uri ? `<uri>${e(author.uri)}</uri>` : ''}</author>
<rights type="text">${e(feed.rights)}</rights>
<generator>zhifa-gongshi</generator>
${entries.join('\n')}
</feed>
`;
}
