import type { Decision } from '../content/load-decisions.ts';
import { regimeFor } from '../credit/display-rules.ts';
import { partyCodeOf } from './party-history.ts';

/** One party on the list of 严重失信 penalty information, with what puts it there and until when. */
export interface SeriousListing {
  creditCode: string;
  name: string;
  kind: 'legal-person' | 'individual-business';
  /** Its listed decisions classed 严重失信, newest first: the basis of the listing. */
  decisions: { decision: Decision; rule: string }[];
  /** The day the last of them leaves the site (its 公示截止期): the listing ends after it. */
  until: string;
}

/**
 * The 黑名单 the Opinions ask for, read as narrowly as the content allows: a
 * party is on it while at least one decision against it classed 严重失信 is in
 * its display period (withdrawn, repaired and expired decisions are not —
 * `isListed` says which are shown). The class and the period come from the
 * credit-publicity rules in force on the decision date (display-rules.ts).
 * Natural persons are never listed by name here: they have no credit code to
 * key a listing, and 双公示 publishes them masked only on the decision itself.
 */
export function seriousListings(decisions: readonly Decision[], isListed: (d: Decision) => boolean): SeriousListing[] {
  const byCode = new Map<string, Decision[]>();
  for (const d of decisions) {
    const code = partyCodeOf(d);
    if (!code || d.creditClass !== 'serious' || !isListed(d)) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), d]);
  }
  return [...byCode.entries()]
    .map(([creditCode, ds]) => {
      const newest = [...ds].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.docNo.localeCompare(a.docNo));
      const first = newest[0] as Decision;
      return {
        creditCode,
        name: first.party.name,
        kind: first.party.kind === 'individual-business' ? 'individual-business' : 'legal-person',
        decisions: newest.map((decision) => ({ decision, rule: regimeFor(decision.decidedOn)?.source ?? '' })),
        until: newest.reduce((max, d) => (d.displayUntil > max ? d.displayUntil : max), first.displayUntil),
      } satisfies SeriousListing;
    })
    .sort((a, b) => b.until.localeCompare(a.until) || a.creditCode.localeCompare(b.creditCode));
}
