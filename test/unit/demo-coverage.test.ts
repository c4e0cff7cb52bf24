import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { penaltyKinds } from '../../src/schemas/decision.ts';
import { publicationLag } from '../../src/lib/decision-fields.ts';
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

  test('cover every in-scope category, every county, every party kind and every penalty kind', () => {
    const inScope = content.categories.filter((c) => c.inScope).map((c) => c.code);
    expect(new Set(decisions.map((d) => d.category))).toEqual(new Set(inScope));
    const counties = content.offices.filter((o) => o.role === 'county').map((o) => o.code);
    expect(new Set(decisions.map((d) => d.county))).toEqual(new Set(counties));
    expect(new Set(decisions.map((d) => d.party.kind))).toEqual(new Set(['legal-person', 'natural-person', 'individual-business']));
    expect(new Set(decisions.flatMap((d) => d.penalties.map((p) => p.kind)))).toEqual(new Set(penaltyKinds));
  });

  test('include a withdrawn, an executed, a late, and an expired decision', () => {
    const calendar = createWorkingCalendar(content.calendar);
    const today = todayInChina();
    expect(decisions.some((d) => d.status === 'withdrawn' && d.withdrawal)).toBe(true);
    expect(decisions.some((d) => d.status === 'executed')).toBe(true);
    expect(decisions.some((d) => publicationLag(calendar, d).late)).toBe(true);
    expect(decisions.some((d) => d.status !== 'withdrawn' && d.displayUntil < today)).toBe(true);
  });

  test('include mining cases decided under the 2009 law and under the 2024 law', () => {
    const mining = decisions.filter((d) => d.category === 'unlicensed-mining' || d.category === 'cross-boundary-mining');
    expect(mining.some((d) => d.violationDate < '2025-07-01' && d.basis.some((b) => b.law === 'mineral-resources-law' && (b.article === 39 || b.article === 40)))).toBe(true);
    expect(mining.some((d) => d.violationDate >= '2025-07-01' && d.basis.some((b) => b.law === 'mineral-resources-law' && b.article === 64))).toBe(true);
  });
});
