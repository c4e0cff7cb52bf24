import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { publicationLag } from '../../src/lib/decision-fields.ts';
import { caseDuration, withdrawalLag } from '../../src/lib/decision-deadlines.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';
import { createWorkingCalendar } from '../../src/lib/working-days.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { demoContentDir } from '../fixtures/content-fixture.ts';

// The demo must show a reader every case the site handles; these fail when a
// regeneration of the demo content loses one.
describe('the demo decisions', () => {
  const content = loadContent(demoContentDir);
  const decisions = content.decisions;

  test('are at least 40 and all marked demo, in a jurisdiction whose codes start with 99', () => {
    expect(decisions.length).toBeGreaterThanOrEqual(40);
    expect(decisions.every((d) => d.demo)).toBe(true);
    expect(content.site.regionCode.startsWith('99')).toBe(true);
    expect(content.offices.every((o) => o.code.startsWith('99') && o.email.endsWith('example.org'))).toBe(true);
  });

  test('cover every in-scope category, every county, every party kind and every penalty and order the penalty articles provide', () => {
    const inScope = content.categories.filter((c) => c.inScope).map((c) => c.code);
    expect(new Set(decisions.map((d) => d.category))).toEqual(new Set(inScope));
    const counties = content.offices.filter((o) => o.role === 'county').map((o) => o.code);
    expect(new Set(decisions.map((d) => d.county))).toEqual(new Set(counties));
    expect(new Set(decisions.map((d) => d.party.kind))).toEqual(new Set(['legal-person', 'natural-person', 'individual-business']));
    const provided = new Set(content.provisions.flatMap((p) => p.penalties.map((x) => x.kind)));
    expect(new Set(decisions.flatMap((d) => d.penalties.map((p) => p.kind)))).toEqual(provided);
    const orders = new Set(content.provisions.flatMap((p) => p.orders));
    expect(new Set(decisions.flatMap((d) => d.orders.map((o) => o.kind)))).toEqual(orders);
  });

  test('include a withdrawal taken down in time and one taken down late, and a decision ended early by a credit repair', () => {
    const calendar = createWorkingCalendar(content.calendar);
    const lags = decisions.flatMap((d) => (d.withdrawal ? [withdrawalLag(calendar, d.withdrawal).late] : []));
    expect(lags).toContain(true);
    expect(lags).toContain(false);
    expect(decisions.some((d) => visibilityOf(d, todayInChina()) === 'repaired')).toBe(true);
  });

  test('date every violation by its start, or its end when continuing, and decide each within 90 days of 立案', () => {
    expect(decisions.some((d) => d.violation.continuing)).toBe(true);
    expect(decisions.some((d) => !d.violation.continuing)).toBe(true);
    expect(decisions.filter((d) => caseDuration(d).late)).toEqual([]);
    // A mining violation that began under the 2009 law and ended under the 2024 one is judged by the 2024 law.
    const spanning = decisions.filter((d) => d.violation.startedOn < '2025-07-01' && d.violationDate >= '2025-07-01' && d.category.endsWith('mining'));
    expect(spanning.length).toBeGreaterThan(0);
    expect(spanning.every((d) => d.basis.some((b) => b.law === 'mineral-resources-law' && b.article === 64))).toBe(true);
  });

  test('include a licence revoked on the conditions of 矿产资源法 2024 art. 64 ¶2, by the office that issued it', () => {
    const revoked = decisions.filter((d) => d.penalties.some((p) => p.kind === 'licence-revoke'));
    expect(revoked.length).toBeGreaterThan(0);
    for (const d of revoked) {
      expect(d.circumstances).toEqual(expect.arrayContaining(['refused-to-stop', 'serious']));
      expect(d.penalties.find((p) => p.kind === 'licence-revoke')?.licence).toContain(`C${d.authority}`);
      expect(d.creditClass).toBe('serious');
    }
  });

  test('include a withdrawn, an executed, a late, and an expired decision', () => {
    const calendar = createWorkingCalendar(content.calendar);
    const today = todayInChina();
    expect(decisions.some((d) => d.status === 'withdrawn' && d.withdrawal)).toBe(true);
    expect(decisions.some((d) => d.status === 'executed')).toBe(true);
    expect(decisions.some((d) => publicationLag(calendar, d).late)).toBe(true);
    expect(decisions.some((d) => visibilityOf(d, today) === 'expired')).toBe(true);
  });

  test('include a company with listed decisions in two counties and two years, and an individual business fined twice', () => {
    const today = todayInChina();
    const listed = decisions.filter((d) => visibilityOf(d, today) === 'listed' && d.party.kind !== 'natural-person');
    const byCode = new Map<string, typeof listed>();
    for (const d of listed) if ('creditCode' in d.party) byCode.set(d.party.creditCode, [...(byCode.get(d.party.creditCode) ?? []), d]);
    const spread = [...byCode.values()].filter((ds) => ds[0]?.party.kind === 'legal-person' && new Set(ds.map((d) => d.county)).size >= 2 && new Set(ds.map((d) => d.decidedOn.slice(0, 4))).size >= 2);
    expect(spread.length).toBeGreaterThan(0);
    expect([...byCode.values()].some((ds) => ds[0]?.party.kind === 'individual-business' && ds.length >= 2)).toBe(true);
  });

  test('never fine one party twice for the same category: the proportionality check assumes no 再次违法', () => {
    const seen = new Set<string>();
    for (const d of decisions) {
      if (!('creditCode' in d.party)) continue;
      const key = `${d.party.creditCode}|${d.category}`;
      expect(seen.has(key), `${d.docNo} repeats ${key}`).toBe(false);
      seen.add(key);
    }
  });

  test('include mining cases decided under the 2009 law and under the 2024 law', () => {
    const mining = decisions.filter((d) => d.category === 'unlicensed-mining' || d.category === 'cross-boundary-mining');
    expect(mining.some((d) => d.violationDate < '2025-07-01' && d.basis.some((b) => b.law === 'mineral-resources-law' && (b.article === 39 || b.article === 40)))).toBe(true);
    // Listed, so a reader can open it and follow its link to the 2009 text.
    expect(mining.some((d) => d.violationDate < '2025-07-01' && visibilityOf(d, todayInChina()) === 'listed')).toBe(true);
    expect(mining.some((d) => d.violationDate >= '2025-07-01' && d.basis.some((b) => b.law === 'mineral-resources-law' && b.article === 64))).toBe(true);
  });
});
