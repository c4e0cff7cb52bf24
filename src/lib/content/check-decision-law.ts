import type { Baseline } from '../../schemas/baseline.ts';
import type { PenaltyProvision } from '../../schemas/penalty-provision.ts';
import { PENALTY_LABEL, ORDER_LABEL } from '../decision-labels.ts';
import { factsOfDecision } from '../baselines/check-decision.ts';
import { legalFineForCase, roundYuan } from '../baselines/fine-for-case.ts';
import { mostProtectedLandType } from '../baselines/case-facts.ts';
import { citingCaseOf, resolveCitation } from '../laws/resolve-citation.ts';
import { statedFine } from '../legal/fine-arithmetic.ts';
import { provisionFor } from '../legal/provisions-cited.ts';
import { requirementHolds } from '../legal/requirement-holds.ts';
import type { ProblemList } from './content-error.ts';
import type { Decision } from './load-decisions.ts';
import type { Law } from './load-laws.ts';

const VOID = 'a penalty without legal basis is void (行政处罚法 art. 38)';

function cite(p: PenaltyProvision): string {
  return `${p.law} ${p.version} art. ${p.article}${p.paragraph ? ` ¶${p.paragraph}` : ''}${p.item ? ` item ${p.item}` : ''}`;
}

/**
 * The legal rules a machine can check in a decision against the articles it
 * cites (content/penalty-provisions.yaml): every penalty and order is one those
 * articles provide, with what they require of the case; the fine lies in their
 * range and equals its own stated arithmetic; nothing is confiscated twice; a
 * licence is revoked only by the office that issued it.
 */
export function checkDecisionLaw(
  decisions: readonly Decision[],
  laws: readonly Law[],
  provisions: readonly PenaltyProvision[],
  baselines: readonly Baseline[],
  problems: ProblemList,
): void {
  for (const d of decisions) {
    const applied = d.basis.flatMap((ref) => {
      const c = resolveCitation(laws, ref, citingCaseOf(d));
      if (!c.ok) return [];
      const p = provisionFor(provisions, { ...ref, version: c.version.effectiveFrom });
      return p ? [p] : [];
    });
    const facts = factsOfDecision(d);
    const landType = mostProtectedLandType(d.area);
    if (applied.length === 0) {
      problems.add(d.file, 'basis', `expected at least one cited article that sets a penalty (content/penalty-provisions.yaml); ${VOID}`);
      continue;
    }
    for (const p of applied) {
      if (p.appliesTo && (landType === undefined || !p.appliesTo.landTypes.some((t) => (d.area[t] ?? 0) > 0))) {
        problems.add(d.file, 'area', `expected land of type ${p.appliesTo.landTypes.join(' or ')}: ${cite(p)} (${p.violation}) concerns only that land`);
      }
    }
    const provided = applied.map((p) => p.penalties.map((x) => PENALTY_LABEL[x.kind]).join('、') || '—');
    d.penalties.forEach((penalty, i) => {
      const offers = applied.flatMap((p) => p.penalties.filter((x) => x.kind === penalty.kind).map((x) => ({ p, x })));
      if (offers.length === 0) {
        problems.add(d.file, `penalties.${i}.kind`, `expected a penalty the cited articles provide (${applied.map((p, j) => `${cite(p)}: ${provided[j]}`).join('; ')}); ${PENALTY_LABEL[penalty.kind]} is not among them, and ${VOID}`);
        return;
      }
      if (!offers.some(({ x }) => requirementHolds(x.requires, d))) {
        const first = offers[0];
        problems.add(d.file, `penalties.${i}.kind`, `expected the case to meet the condition of ${first ? cite(first.p) : ''} for ${PENALTY_LABEL[penalty.kind]}: ${first?.x.condition ?? JSON.stringify(first?.x.requires)}`);
      }
      if (penalty.licence && (penalty.kind === 'licence-revoke' || penalty.kind === 'licence-suspend')) {
        const issuer = /C(\d{6})/.exec(penalty.licence)?.[1];
        if (issuer !== d.authority) {
          problems.add(d.file, `penalties.${i}.licence`, `expected a licence issued by the deciding office ${d.authority} (its code after C in the number); ${issuer ? `this one was issued by ${issuer}` : 'no issuing office in the number'}, and only the original licensing body may revoke it (矿产资源法 2024 art. 64 ¶2; 2009 art. 45)`);
        }
      }
    });
    d.orders.forEach((order, i) => {
      if (order.kind === 'correct') return; // 行政处罚法 art. 28: every penalty comes with an order to correct.
      if (!applied.some((p) => p.orders.includes(order.kind))) {
        problems.add(d.file, `orders.${i}.kind`, `expected an order the cited articles provide (${applied.map((p) => `${cite(p)}: ${p.orders.map((o) => ORDER_LABEL[o]).join('、') || '—'}`).join('; ')}); got ${ORDER_LABEL[order.kind]}`);
      }
    });

    const fines = d.penalties.filter((p) => p.kind === 'fine');
    const total = roundYuan(fines.reduce((s, p) => s + (p.amount ?? 0), 0));
    const ranged = applied.find((p) => p.fine);
    if (fines.length > 0 && ranged?.fine) {
      const legal = legalFineForCase(ranged.fine, facts);
      if (!legal.ok) problems.add(d.file, 'penalties', `expected the facts ${ranged.fine.unit} needs (${legal.missing}) to check the fine against ${cite(ranged)}`);
      else if (total < legal.fine.min || total > legal.fine.max) {
        problems.add(d.file, 'penalties', `expected a fine within the range of ${cite(ranged)}, ${legal.fine.min}–${legal.fine.max} 元 for this case; got ${total} 元`);
      }
    }
    d.penalties.forEach((p, i) => {
      if (p.kind !== 'fine' || p.amount === undefined) return;
      const stated = statedFine(p.text, facts);
      if (stated?.expected !== undefined && Math.abs(stated.expected - p.amount) > 0.004) {
        problems.add(d.file, `penalties.${i}.amount`, `expected ${stated.expected} 元, the ${stated.factor}${stated.base === 'illegal-income' ? ' %' : ' ×'} of the ${stated.base} the text states; got ${p.amount}`);
      }
    });

    const income = d.penalties.filter((p) => p.kind === 'confiscate-income');
    const property = d.penalties.filter((p) => p.kind === 'confiscate-property');
    income.forEach((p) => {
      const i = d.penalties.indexOf(p);
      if (d.illegalIncome === undefined) problems.add(d.file, `penalties.${i}.amount`, 'expected illegalIncome to be recorded when illegal income is confiscated');
      else if ((p.amount ?? 0) > d.illegalIncome) problems.add(d.file, `penalties.${i}.amount`, `expected at most the illegal income (${d.illegalIncome} 元)`);
      if (property.some((q) => q.amount !== undefined && q.amount === p.amount)) {
        problems.add(d.file, `penalties.${i}.amount`, `expected the illegal income and the property confiscated to be different things; both are ${p.amount} 元, the same value counted twice`);
      }
    });
    const ore = d.fineBasis.oreValue;
    const confiscated = [...income, ...property].reduce((s, p) => s + (p.amount ?? 0), 0);
    if (ore !== undefined && confiscated > ore) {
      problems.add(d.file, 'penalties', `expected the ore confiscated and the income from ore sold to add up to at most the value of the ore mined (${ore} 元); got ${confiscated} 元`);
    }

    if (d.baseline && d.circumstances.some((c) => c === 'serious' || c === 'refused-to-stop')) {
      const baseline = baselines.find((b) => b.id === d.baseline?.id);
      if (baseline && baseline.bands[0]?.id === d.baseline.band) {
        problems.add(d.file, 'baseline.band', `expected a band above the lightest (${baseline.bands[0].name}) for a case found ${d.circumstances.join(', ')}`);
      }
    }
  }
}
