import type { Decision } from '../content/load-decisions.ts';
import { totalConfiscated, totalFine } from '../decision-fields.ts';

/** An organisation or individual business with its decisions, found by 统一社会信用代码. */
export interface PartyHistory {
  creditCode: string;
  kind: 'legal-person' | 'individual-business';
  /** The name on its newest listed decision (a party may be renamed; the code stays); none once nothing is listed. */
  name: string | undefined;
  /** Every name its decisions carry, newest first. */
  names: string[];
  /** Its decisions in their display period, newest first; the only ones a page may show. */
  listed: Decision[];
  totals: { decisions: number; fines: number; confiscated: number; counties: string[]; years: string[]; categories: string[] };
}

/** The permanent address of a party's history: its credit code, never its name. */
export function partyPath(creditCode: string): string {
  return `/parties/${creditCode}/`;
}

/** The credit code that keys a decision's party, when it has one: natural persons get no history page. */
export function partyCodeOf(d: Pick<Decision, 'party'>): string | undefined {
  return d.party.kind === 'natural-person' ? undefined : d.party.creditCode;
}

const distinct = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * Every organisation and individual business that any decision names, with
 * the decisions of theirs that are listed. A party whose decisions have all
 * been withdrawn or left their display period keeps its page (its URL was
 * published) with nothing on it: what left the site does not come back here.
 * `isListed` says whether a decision is in its display period.
 */
export function partyHistories(decisions: readonly Decision[], isListed: (d: Decision) => boolean): Map<string, PartyHistory> {
  const byCode = new Map<string, Decision[]>();
  for (const d of decisions) {
    const code = partyCodeOf(d);
    if (!code) continue;
    const own = byCode.get(code);
    if (own) own.push(d);
    else byCode.set(code, [d]);
  }
  const parties = new Map<string, PartyHistory>();
  for (const [creditCode, all] of byCode) {
    const newestFirst = [...all].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.docNo.localeCompare(a.docNo));
    const listed = newestFirst.filter(isListed);
    const newest = newestFirst[0] as Decision;
    parties.set(creditCode, {
      creditCode,
      kind: newest.party.kind === 'individual-business' ? 'individual-business' : 'legal-person',
      // Only a decision still shown names the party: a page never names what left the site.
      name: listed[0]?.party.name,
      names: [...new Set(listed.map((d) => d.party.name))],
      listed,
      totals: {
        decisions: listed.length,
        fines: listed.reduce((s, d) => s + totalFine(d), 0),
        confiscated: listed.reduce((s, d) => s + totalConfiscated(d), 0),
        counties: distinct(listed.map((d) => d.county)),
        years: distinct(listed.map((d) => d.decidedOn.slice(0, 4))),
        categories: distinct(listed.map((d) => d.category)),
      },
    });
  }
  return parties;
}
