import { expect, test, type APIRequestContext } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { decisionPath } from '../../src/lib/decision-slug.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';

// The decision, list and filter pages are written by the build from one page of each route that Astro
// rendered, with parts rendered side by side in bulk pages and cards repeated from a first rendering
// (src/lib/build/shell-pages.ts, Memo.astro). Every such page must be the one its route would render:
// its own title, description, robots and feed links, and on the lists exactly its decisions in order.
// Expectations are computed here from the content, not from the site's list helpers.

const content = loadContent();
const today = todayInChina();
const SITE_TITLE = content.site.title;
const listed = content.decisions
  .filter((d) => visibilityOf(d, today) === 'listed')
  .sort((a, b) => (a.decidedOn === b.decidedOn ? (a.docNo < b.docNo ? 1 : -1) : a.decidedOn < b.decidedOn ? 1 : -1));

/** The page's HTML, with what a reader and a search engine see of its head and its list. */
async function read(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const one = (re: RegExp) => re.exec(html)?.[1];
  return {
    html,
    title: one(/<title>([^<]*)<\/title>/),
    h1: one(/<h1[^>]*>(.*?)<\/h1>/)?.replace(/<[^>]+>/g, ''),
    noindex: html.includes('<meta name="robots" content="noindex">'),
    atom: [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)">/g)].map((m) => ({ title: m[1], href: m[2] })),
    cards: [...html.matchAll(/<li class="card"[^>]*>\s*<h2[^>]*><a href="([^"]+)"/g)].map((m) => decodeURI(m[1]!)),
    next: one(/<a href="([^"]+)" rel="next">/),
  };
}

/** Every card of a paginated list, page after page, following 下一页. */
async function readList(request: APIRequestContext, first: string) {
  const pages = [await read(request, first)];
  while (pages.at(-1)!.next) pages.push(await read(request, pages.at(-1)!.next!));
  return pages;
}

test('every decision page has its own 文号, title and description, and only unlisted ones ask not to be indexed', async ({ request }) => {
  expect(content.decisions.some((d) => visibilityOf(d, today) !== 'listed'), 'the demo has decisions that are no longer listed').toBe(true);
  for (const d of content.decisions) {
    const page = await read(request, decisionPath(d.docNo));
    expect(page.h1, d.docNo).toBe(d.docNo);
    expect(page.title).toBe(`${d.docNo} · ${SITE_TITLE}`);
    expect(page.html).toContain(`<meta name="description" content="`);
    expect(page.html).toContain(`${d.docNo} 行政处罚决定公示">`);
    expect(page.noindex, d.docNo).toBe(visibilityOf(d, today) !== 'listed');
    // One page, one layout: the written pages end as the rendered ones do.
    expect(page.html.match(/<\/html>/g)).toHaveLength(1);
  }
});

test('the list of all decisions, page by page, shows each listed decision once, newest first, each card its own', async ({ request }) => {
  const pages = await readList(request, '/decisions/');
  expect(pages.length).toBe(Math.ceil(listed.length / 20));
  expect(pages.flatMap((p) => p.cards)).toEqual(listed.map((d) => decisionPath(d.docNo)));
  pages.forEach((p, i) => {
    expect(p.title).toBe(i === 0 ? `处罚决定 · ${SITE_TITLE}` : `处罚决定（第${i + 1}页） · ${SITE_TITLE}`);
    expect(p.atom).toEqual([{ title: '处罚决定（Atom）', href: '/feeds/decisions.atom' }]);
  });
});

test('each county, category and year list shows exactly its decisions in order, with its own title and feed', async ({ request }) => {
  const counties = content.offices.filter((o) => o.role === 'county');
  const filters = [
    ...counties.map((o) => ({ path: `/decisions/county/${o.code}/`, title: `${o.areaName}的处罚决定`, feed: `/feeds/county/${o.code}.atom`, keep: (d: (typeof listed)[number]) => d.county === o.code })),
    ...content.categories.filter((c) => c.inScope).map((c) => ({ path: `/decisions/category/${c.code}/`, title: `${c.name}：处罚决定`, feed: `/feeds/category/${c.code}.atom`, keep: (d: (typeof listed)[number]) => d.category === c.code })),
    ...[...new Set(listed.map((d) => d.decidedOn.slice(0, 4)))].map((y) => ({ path: `/decisions/year/${y}/`, title: `${y}年的处罚决定`, feed: '/feeds/decisions.atom', keep: (d: (typeof listed)[number]) => d.decidedOn.startsWith(y) })),
  ];
  let checked = 0;
  for (const f of filters) {
    const expected = listed.filter(f.keep).map((d) => decisionPath(d.docNo));
    if (expected.length === 0) continue;
    const pages = await readList(request, f.path);
    expect(pages.flatMap((p) => p.cards), f.path).toEqual(expected);
    pages.forEach((p, i) => {
      expect(p.title, f.path).toBe(i === 0 ? `${f.title} · ${SITE_TITLE}` : `${f.title}（第${i + 1}页） · ${SITE_TITLE}`);
      expect(p.h1).toBe(f.title);
      expect(p.atom).toEqual([{ title: `${f.title}（Atom）`, href: f.feed }]);
      expect(p.html).toContain('当前筛选：');
    });
    checked++;
  }
  expect(checked, 'lists with decisions').toBeGreaterThan(counties.length);
});

test('the bulk pages the build renders the bodies in are gone from the site and were never in the sitemap', async ({ request }) => {
  for (const path of ['/shell-bodies/decisions-0/', '/shell-bodies/decision-list-0/', '/shell-bodies/decision-filter-0/']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const index = await (await request.get('/sitemap-index.xml')).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const urls = (await Promise.all(maps.map(async (m) => (await request.get(m)).text()))).join('');
  expect(urls).toContain('/decisions/page/2/');
  expect(urls).not.toContain('/shell-bodies/');
});
