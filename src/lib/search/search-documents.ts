import type { Content } from '../content/load-content.ts';
import type { Decision } from '../content/load-decisions.ts';
import type { Law } from '../content/load-laws.ts';
import type { ArticleRef } from '../../schemas/common.ts';
import { decisionPath } from '../decision-slug.ts';
import { PARTY_KIND_LABEL, PENALTY_LABEL, totalFine } from '../decision-fields.ts';
import { formatWanYuan, formatYuan, toChineseNumber } from '../format.ts';
import { articlePageHref } from '../laws/law-urls.ts';
import { VERSION_STATUS_LABEL, versionName, versionStatus } from '../laws/version-status.ts';
import { describeLimit } from '../procedures/describe-limit.ts';
import { DOC_NO } from '../../schemas/decision.ts';
import { visibilityOf } from '../site-data.ts';
import { docNoTerm } from './doc-no-term.ts';
import type { SearchCorpus, SearchDocument } from './search-document.ts';

// The one place search reads the content: laws, procedures, baselines and
// decisions become SearchDocuments here, and nothing else in lib/search knows
// the content schemas. When a schema changes, this file changes.

function lawTitle(laws: readonly Law[], id: string): string {
  return laws.find((l) => l.id === id)?.versions.at(-1)?.shortTitle ?? id;
}

function citation(laws: readonly Law[], ref: ArticleRef): string {
  return `《${lawTitle(laws, ref.law)}》第${toChineseNumber(ref.article)}条${ref.paragraph ? `第${toChineseNumber(ref.paragraph)}款` : ''}`;
}

function articleDocuments(laws: readonly Law[], today: string): SearchDocument[] {
  return laws.flatMap((law) =>
    law.versions.flatMap((v) =>
      v.text.articles.map((a) => ({
        type: 'article' as const,
        url: articlePageHref(law.id, v.effectiveFrom, a.key),
        title: `《${v.shortTitle}》${a.label}`,
        subtitle: `${v.title} · ${versionName(v)} · ${VERSION_STATUS_LABEL[versionStatus(v, today)]}`,
        text: [a.chapter, a.section, ...a.paragraphs].filter(Boolean).join('\n'),
        keys: [],
        date: v.effectiveFrom,
      })),
    ),
  );
}

function procedureDocuments(content: Content): SearchDocument[] {
  const laws = content.laws;
  return content.procedures.map((p) => ({
    type: 'procedure' as const,
    url: `/procedures/${p.id}/`,
    title: p.title,
    subtitle: `${p.steps.length} 个步骤 · ${p.remedies.length} 种救济途径`,
    text: [
      p.summary,
      ...p.steps.map((s) =>
        [s.name, s.actor, s.description, s.when, s.limit ? describeLimit(s.limit) : undefined, s.documents.join('、'), s.basis.map((r) => citation(laws, r)).join('、')].filter(Boolean).join('；'),
      ),
      ...p.remedies.map((r) => [r.name, r.description, r.when, describeLimit(r.limit), r.basis.map((b) => citation(laws, b)).join('、')].filter(Boolean).join('；')),
    ].join('\n'),
    keys: [],
  }));
}

function baselineDocuments(content: Content): SearchDocument[] {
  const names = new Map(content.categories.map((c) => [c.code, c.name]));
  return content.baselines.map((b) => ({
    type: 'baseline' as const,
    url: `/baselines/${b.id}/`,
    title: b.title,
    subtitle: `${names.get(b.category) ?? b.category} · ${b.version} · ${b.issuer}`,
    text: [names.get(b.category), b.version, b.issuer, b.refines.map((r) => citation(content.laws, r)).join('、'), ...b.bands.map((band) => `${band.name}：${band.conditions}`), ...b.notes]
      .filter(Boolean)
      .join('\n'),
    keys: [],
    date: b.effectiveFrom,
  }));
}

function decisionDocument(d: Decision, content: Content): SearchDocument {
  const county = content.offices.find((o) => o.code === d.county);
  const authority = content.offices.find((o) => o.code === d.authority);
  const category = content.categories.find((c) => c.code === d.category)?.name ?? d.category;
  const fine = totalFine(d);
  const m = DOC_NO.exec(d.docNo);
  const party = d.party;
  const people = party.kind === 'legal-person' ? `法定代表人${party.legalRepresentative}` : party.kind === 'individual-business' ? `经营者${party.operator}` : '';
  return {
    type: 'decision',
    url: decisionPath(d.docNo),
    title: `${d.docNo} ${party.name} ${category}`,
    subtitle: `决定日期 ${d.decidedOn} · ${county?.areaName ?? d.county} · ${PARTY_KIND_LABEL[party.kind]}${fine > 0 ? ` · 罚款${formatWanYuan(fine)}` : ''}`,
    text: [
      [PARTY_KIND_LABEL[party.kind], 'creditCode' in party ? `统一社会信用代码${party.creditCode}` : '', people].filter(Boolean).join(' '),
      d.location.text.startsWith(county?.areaName ?? d.location.text) ? d.location.text : `${county?.areaName ?? ''} ${d.location.text}`,
      ...d.facts,
      `处罚依据：${d.basis.map((r) => citation(content.laws, r)).join('、')}`,
      ...d.penalties.map((p) => `${PENALTY_LABEL[p.kind]}：${p.text}${p.licence ? `（${p.licence}）` : ''}`),
      fine > 0 ? `罚款合计${formatYuan(fine)}（${formatWanYuan(fine)}）` : '',
      `处罚机关：${authority?.name ?? d.authority} 决定日期：${d.decidedOn}`,
    ]
      .filter(Boolean)
      .join('\n'),
    keys: m ? [docNoTerm(m[1] ?? '', m[2] ?? '', m[3] ?? '')] : [],
    date: d.decidedOn,
    decision: { county: d.county, category: d.category, partyKind: party.kind, fine },
  };
}

/**
 * The search corpus of the site: law articles (every version), procedures
 * and baselines first, then every decision in date order — a decision that
 * is withdrawn or past its display period keeps its number as a hole, so
 * that new decisions, which come last, leave the others' numbers alone.
 */
export function searchCorpus(content: Content, today: string): SearchCorpus {
  const first: SearchDocument[] = [...articleDocuments(content.laws, today), ...procedureDocuments(content), ...baselineDocuments(content)].sort((a, b) =>
    a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
  );
  const decisions = [...content.decisions].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.docNo.localeCompare(b.docNo));
  return {
    slots: [...first, ...decisions.map((d) => (visibilityOf(d, today) === 'listed' ? decisionDocument(d, content) : undefined))],
    counties: content.offices.filter((o) => o.role === 'county').map((o) => [o.code, o.areaName]),
    categories: content.categories.filter((c) => c.inScope).map((c) => [c.code, c.name]),
  };
}

/** The static pages a reader without JavaScript can browse instead of searching. */
export function browseLinks(content: Content, today: string): { href: string; label: string }[] {
  const listed = content.decisions.filter((d) => visibilityOf(d, today) === 'listed');
  const years = [...new Set(listed.map((d) => d.decidedOn.slice(0, 4)))].sort().reverse();
  return [
    { href: '/decisions/', label: '全部处罚决定' },
    ...content.offices.filter((o) => o.role === 'county').map((o) => ({ href: `/decisions/county/${o.code}/`, label: `${o.areaName}的处罚决定` })),
    ...content.categories.filter((c) => c.inScope && listed.some((d) => d.category === c.code)).map((c) => ({ href: `/decisions/category/${c.code}/`, label: `${c.name}：处罚决定` })),
    ...years.map((y) => ({ href: `/decisions/year/${y}/`, label: `${y}年的处罚决定` })),
    { href: '/basis/', label: '执法依据（法律条文）' },
    { href: '/procedures/', label: '执法流程' },
    { href: '/baselines/', label: '裁量基准' },
  ];
}
