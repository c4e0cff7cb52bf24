import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { getContent, listedDecisions, categoryName, officeName } from '../../lib/site-data.ts';
import { decisionPath } from '../../lib/decision-slug.ts';
import { totalFine } from '../../lib/decision-fields.ts';
import { formatWanYuan } from '../../lib/format.ts';

// The newest decisions by publication date, for readers who follow the site.
export const GET: APIRoute = ({ site }) => {
  const { site: config } = getContent();
  const newest = [...listedDecisions()].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)).slice(0, 50);
  return rss({
    title: `${config.authority} · 行政处罚决定`,
    description: `${config.authority}公示的行政处罚决定（最新 50 件）`,
    site: String(site),
    customData: '<language>zh-cn</language>',
    items: newest.map((d) => ({
      title: `${d.docNo} ${d.party.name}（${categoryName(d.category)}）`,
      link: decisionPath(d.docNo),
      pubDate: new Date(`${d.publishedOn}T00:00:00+08:00`),
      description: `${officeName(d.authority)}于${d.decidedOn}作出处罚决定${totalFine(d) > 0 ? `，罚款${formatWanYuan(totalFine(d))}` : ''}。`,
    })),
  });
};
