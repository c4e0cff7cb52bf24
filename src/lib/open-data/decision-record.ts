import type { Decision } from '../content/load-decisions.ts';
import { articleLabel } from '../article-label.ts';
import { checkDecision } from '../baselines/check-decision.ts';
import { ORDER_LABEL, PENALTY_LABEL, publicationLag } from '../decision-fields.ts';
import { withdrawalLag } from '../decision-deadlines.ts';
import { decisionPath } from '../decision-slug.ts';
import { getCalendar, getContent, officeName, visibilityOf } from '../site-data.ts';
import { openDataRow } from './decision-row.ts';

/**
 * The JSON file of one decision, beside its page (/decisions/<slug>.json):
 * for a listed decision its row of the open data and the structure behind it
 * (penalties, orders, articles, areas, the proportionality check); for one
 * that left the site, only what its page says — the withdrawal or the end of
 * its display — never its content.
 */
export function decisionRecord(d: Decision, siteUrl: string) {
  const { site } = getContent();
  const visibility = visibilityOf(d);
  const head = {
    docNo: d.docNo,
    url: new URL(decisionPath(d.docNo), siteUrl).href,
    visibility,
    authority: { code: d.authority, name: officeName(d.authority) },
    decidedOn: d.decidedOn,
    licence: { name: site.licence.name, url: site.licence.url },
    dictionary: '/data/dictionary/',
  };
  if (visibility === 'withdrawn' && d.withdrawal) {
    const lag = withdrawalLag(getCalendar(), d.withdrawal);
    return { ...head, withdrawal: { ...d.withdrawal, takenDownWorkingDays: lag.days, late: lag.late } };
  }
  if (visibility === 'repaired' && d.creditRepair) return { ...head, displayUntil: d.displayUntil, creditRepair: d.creditRepair };
  if (visibility === 'expired') return { ...head, displayUntil: d.displayUntil };
  const check = checkDecision(d, getContent().baselines);
  const lag = publicationLag(getCalendar(), d);
  return {
    ...head,
    record: openDataRow(d, siteUrl),
    category: d.category,
    county: d.county,
    party: d.party,
    location: d.location,
    violation: d.violation,
    area: d.area,
    illegalIncome: d.illegalIncome ?? null,
    fineBasis: d.fineBasis,
    circumstances: d.circumstances,
    basis: d.basis.map((b) => ({ ...b, label: articleLabel(b) })),
    penalties: d.penalties.map((p) => ({ ...p, label: PENALTY_LABEL[p.kind] })),
    orders: d.orders.map((o) => ({ ...o, label: ORDER_LABEL[o.kind] })),
    facts: d.facts,
    filedOn: d.filedOn,
    legalReview: d.legalReview ?? null,
    collectiveDiscussion: d.collectiveDiscussion ?? null,
    publishedOn: d.publishedOn,
    publication: { workingDays: lag.days, late: lag.late, certain: lag.certain },
    creditClass: d.creditClass,
    displayUntil: d.displayUntil,
    status: d.status,
    execution: d.execution,
    baseline: d.baseline ?? null,
    proportionality:
      check.kind === 'checked' && check.result.ok
        ? { baseline: check.baseline.id, band: check.result.band.id, expected: { min: check.result.expected.min, max: check.result.expected.max }, legal: { min: check.result.legal.min, max: check.result.legal.max }, fine: check.result.fine, verdict: check.result.verdict }
        : null,
  };
}
