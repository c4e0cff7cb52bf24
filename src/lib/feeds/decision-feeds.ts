import type { Decision } from '../content/load-decisions.ts';
import { totalFine } from '../decision-fields.ts';
import { decisionPath } from '../decision-slug.ts';
import { formatWanYuan } from '../format.ts';
import { withdrawnDecisions } from '../open-data/log-rows.ts';
import { categoryName, countyName, getContent, listedDecisions, officeName, siteToday } from '../site-data.ts';
import { chinaDateTime, renderAtom, type AtomEntry } from './atom.ts';

/** Entries per feed: the newest decisions by publication date. */
export const FEED_ENTRIES = 50;

export interface DecisionFeed {
  /** The feed's path, e.g. /feeds/county/990102.atom. */
  path: string;
  title: string;
  /** The page listing the same decisions. */
  alternate: string;
  kind: 'all' | 'county' | 'category' | 'withdrawals';
  render(siteUrl: string): string;
}

function decisionEntry(d: Decision, siteUrl: string): AtomEntry {
  const fine = totalFine(d);
  const url = new URL(decisionPath(d.docNo), siteUrl).href;
  return {
    id: url,
    title: `${d.docNo} ${d.party.name}（${categoryName(d.category)}）`,
    updated: chinaDateTime(d.publishedOn),
    published: chinaDateTime(d.publishedOn),
    link: url,
    summary: [`文号：${d.docNo}`, `当事人：${d.party.name}`, `违法类型：${categoryName(d.category)}`, `发生地：${countyName(d.county)}`, `罚款：${fine > 0 ? formatWanYuan(fine) : '无'}`, `决定日期：${d.decidedOn}`, `处罚机关：${officeName(d.authority)}`].join('；'),
    categories: [{ term: d.category, label: categoryName(d.category) }, { term: d.county, label: countyName(d.county) }],
    author: officeName(d.authority),
  };
}

function withdrawalEntry(d: Decision, siteUrl: string): AtomEntry {
  const w = d.withdrawal!;
  const url = new URL(decisionPath(d.docNo), siteUrl).href;
  return {
    id: `${url}#withdrawn`,
    title: `已撤回：${d.docNo}`,
    updated: chinaDateTime(w.takenDownOn),
    published: chinaDateTime(w.takenDownOn),
    link: url,
    summary: `${w.revokedBy}于${w.revokedOn}变更或撤销该决定，${officeName(d.authority)}于${w.takenDownOn}撤下公示。撤回理由：${w.reason}`,
    categories: [{ term: 'withdrawn', label: '撤回' }],
    author: officeName(d.authority),
  };
}

const newestPublished = (decisions: readonly Decision[]) =>
  [...decisions].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || b.docNo.localeCompare(a.docNo)).slice(0, FEED_ENTRIES);

function feed(path: string, title: string, subtitle: string, alternate: string, kind: DecisionFeed['kind'], entries: (siteUrl: string) => AtomEntry[]): DecisionFeed {
  return {
    path,
    title,
    alternate,
    kind,
    render(siteUrl) {
      const { site } = getContent();
      return renderAtom({
        id: new URL(path, siteUrl).href,
        title: `${site.authority} · ${title}`,
        subtitle,
        self: new URL(path, siteUrl).href,
        alternate: new URL(alternate, siteUrl).href,
        author: { name: site.authority, email: site.contacts.email, uri: new URL('/', siteUrl).href },
        rights: `${site.licence.name} ${site.licence.url}`,
        updated: chinaDateTime(siteToday()),
        entries: entries(siteUrl),
      });
    },
  };
}

/** Every Atom feed: all new decisions, per county, per violation category, and withdrawals. */
export function decisionFeeds(): DecisionFeed[] {
  const listed = listedDecisions();
  const { offices, categories } = getContent();
  const of = (list: readonly Decision[]) => (siteUrl: string) => newestPublished(list).map((d) => decisionEntry(d, siteUrl));
  return [
    feed('/feeds/decisions.atom', '新公示的处罚决定', `最新 ${FEED_ENTRIES} 件，按公示日期排列`, '/decisions/', 'all', of(listed)),
    ...offices
      .filter((o) => o.role === 'county')
      .map((o) => feed(`/feeds/county/${o.code}.atom`, `${o.areaName}新公示的处罚决定`, `发生在${o.areaName}的处罚决定，最新 ${FEED_ENTRIES} 件`, `/decisions/county/${o.code}/`, 'county', of(listed.filter((d) => d.county === o.code)))),
    ...categories
      .filter((c) => c.inScope)
      .map((c) => feed(`/feeds/category/${c.code}.atom`, `新公示的处罚决定：${c.name}`, `违法类型为${c.name}的处罚决定，最新 ${FEED_ENTRIES} 件`, `/decisions/category/${c.code}/`, 'category', of(listed.filter((d) => d.category === c.code)))),
    feed('/feeds/withdrawals.atom', '撤回的处罚决定', `最新 ${FEED_ENTRIES} 件撤回，按撤下日期排列`, '/decisions/withdrawn/', 'withdrawals', (siteUrl) => withdrawnDecisions().slice(0, FEED_ENTRIES).map((d) => withdrawalEntry(d, siteUrl))),
  ];
}
