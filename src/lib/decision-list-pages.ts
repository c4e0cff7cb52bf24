// The paginated lists of decisions: all of them (/decisions/, /decisions/page/<n>/)
// and each filter value's (/decisions/<kind>/<value>/, …/page/<n>/). The
// pages after the first and the filter pages come in thousands; they are
// routes written from shells (src/lib/build/shell-pages.ts): their routes
// render the shells, the bulk pages (src/pages/shell-bodies/[chunk].astro)
// the feed links and body of every page (DecisionListFeeds.astro, DecisionListBody.astro).
import type { Decision } from './content/load-decisions.ts';
import { capturedByAstro, type CapturedRoute, type ShellMeta } from './build/shell-pages.ts';
import { filterValueOf, filterValues, type FilterKind, type FilterValue } from './decision-filters.ts';
import { DECISIONS_PER_PAGE, pageUrl, toPages, type ListPage } from './paginate.ts';
import { getContent, listedDecisions } from './site-data.ts';

/** One page of a list of decisions, as DecisionListPage.astro shows it. */
export interface DecisionList extends ListPage<Decision> {
  title: string;
  /** The list's first page. */
  base: string;
  filters: Record<FilterKind, FilterValue[]>;
  /** The filter of a filter value's list. */
  current?: { kind: FilterKind; value: string };
}

/** What a list page passes to Base.astro. */
export function decisionListMeta(l: DecisionList): ShellMeta {
  return {
    path: pageUrl(l.base, l.page),
    title: l.page > 1 ? `${l.title}（第${l.page}页）` : l.title,
    description: `${l.title}：共 ${l.total} 件处罚决定，按决定日期从新到旧排列。`,
    noindex: false,
  };
}

/** A county's or a category's own Atom feed, to follow only its new decisions; the feed of all otherwise. */
export function decisionListFeed(l: Pick<DecisionList, 'current'>): string {
  return l.current && l.current.kind !== 'year' ? `/feeds/${l.current.kind}/${l.current.value}.atom` : '/feeds/decisions.atom';
}

/** Every page of the list of all listed decisions, the first (/decisions/) included. */
export function allDecisionLists(): DecisionList[] {
  const decisions = listedDecisions();
  const filters = filterValues(decisions);
  return toPages(decisions, DECISIONS_PER_PAGE).map((p) => ({ ...p, title: '处罚决定', base: '/decisions/', filters }));
}

/** Every page of every filter value's list (values without a decision have none). */
function filteredDecisionLists(): DecisionList[] {
  const decisions = listedDecisions();
  const filters = filterValues(decisions);
  const groups = new Map<string, Decision[]>();
  for (const d of decisions) {
    for (const kind of ['county', 'category', 'year'] as FilterKind[]) {
      const key = `${kind}/${filterValueOf(d, kind)}`;
      const group = groups.get(key);
      if (group) group.push(d);
      else groups.set(key, [d]);
    }
  }
  return (Object.values(filters).flat() as FilterValue[])
    .filter((f) => f.count > 0)
    .flatMap((f) => {
      const title = f.kind === 'category' ? `${f.label}：处罚决定` : `${f.label}的处罚决定`;
      return toPages(groups.get(`${f.kind}/${f.value}`) ?? [], DECISIONS_PER_PAGE).map((p) => ({ ...p, title, base: f.href, filters, current: { kind: f.kind, value: f.value } }));
    });
}

const options = () => ({ section: 'decisions', siteTitle: getContent().site.title, meta: decisionListMeta });

/** /decisions/page/<n>/ from 2 on (the first page is /decisions/, src/pages/decisions/index.astro). */
export function laterDecisionListPages(): CapturedRoute<DecisionList> {
  return capturedByAstro('decision-list', () => allDecisionLists().slice(1), options());
}

/** /decisions/<kind>/<value>/ and its later pages. */
export function filteredDecisionListPages(): CapturedRoute<DecisionList> {
  return capturedByAstro('decision-filter', filteredDecisionLists, options());
}
