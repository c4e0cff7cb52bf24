import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { resolveCitation } from '../../src/lib/laws/resolve-citation.ts';
import { decisionsCitingArticle } from '../../src/lib/laws/article-backlinks.ts';
import { currentVersion, lastDayInForce, versionOn } from '../../src/lib/laws/select-version.ts';
import { demoContentDir } from '../fixtures/content-fixture.ts';

const versions = [
  { name: '1996', effectiveFrom: '1996-10-01' },
  { name: '2009', effectiveFrom: '2009-08-27' },
  { name: '2025', effectiveFrom: '2025-07-01' },
];

describe('versionOn', () => {
  test('on the first day of a version, that version applies', () => {
    expect(versionOn(versions, '2025-07-01')?.name).toBe('2025');
  });
  test('on the day before a new version, the old one still applies', () => {
    expect(versionOn(versions, '2025-06-30')?.name).toBe('2009');
  });
  test('before the first version, none applies', () => {
    expect(versionOn(versions, '1996-09-30')).toBeUndefined();
  });
  test('after a repeal (effectiveTo) and before the next version, none applies; the last day still counts', () => {
    const repealed = [
      { name: 'old', effectiveFrom: '2000-01-01', effectiveTo: '2010-12-31' },
      { name: 'new', effectiveFrom: '2012-01-01' },
    ];
    expect(versionOn(repealed, '2010-12-31')?.name).toBe('old');
    expect(versionOn(repealed, '2011-01-01')).toBeUndefined();
    expect(versionOn(repealed, '2012-01-01')?.name).toBe('new');
  });
  test('the last day in force is the day before the next version, across a month end', () => {
    expect(lastDayInForce(versions, 1)).toBe('2025-06-30');
    expect(lastDayInForce(versions, 2)).toBeUndefined();
  });
  test('currentVersion falls back to the first version when none has started yet', () => {
    expect(currentVersion(versions, '1990-01-01')?.name).toBe('1996');
    expect(currentVersion(versions, '2026-11-26')?.name).toBe('2025');
  });
});

describe('resolveCitation (从旧兼从轻, by date, never by article number) on the demo laws', () => {
  const { laws } = loadContent(demoContentDir);
  const art = (article: number, version?: string) => ({ law: 'mineral-resources-law', article, ...(version ? { version } : {}) });
  const on = (violationDate: string, decidedOn: string, lighterNewLaw = false) => ({ violationDate, decidedOn, lighterNewLaw });

  test('a violation before 2025-07-01 citing 第三十九条 gets the 2009 text', () => {
    const c = resolveCitation(laws, art(39), on('2024-12-09', '2025-09-03'));
    expect(c).toMatchObject({ ok: true, rule: 'in-force', version: { effectiveFrom: '2009-08-27' }, article: { key: 'article-39' } });
  });

  test('a violation on 2025-07-01 citing 第六十四条 gets the 2025 text', () => {
    expect(resolveCitation(laws, art(64), on('2025-07-01', '2025-08-01'))).toMatchObject({ ok: true, rule: 'in-force', version: { effectiveFrom: '2025-07-01' } });
  });

  test('an article number that exists only in the later version does not pass for the version in force at the violation', () => {
    const c = resolveCitation(laws, art(64), on('2025-03-01', '2025-08-01'));
    expect(c).toEqual({ ok: false, field: 'article', expected: expect.stringMatching(/第六十四条 is not in basis\/mineral-resources-law\/2009-08-27\.md/) });
  });

  test('naming the later version without lighterNewLaw fails and cites art. 37', () => {
    const c = resolveCitation(laws, art(64, '2025-07-01'), on('2025-03-01', '2025-08-01'));
    expect(c).toEqual({ ok: false, field: 'version', expected: expect.stringMatching(/lighterNewLaw \{ reason \}.*行政处罚法 art\. 37/) });
  });

  test('naming the later version with lighterNewLaw applies it as the lighter new law', () => {
    expect(resolveCitation(laws, art(64, '2025-07-01'), on('2025-03-01', '2025-08-01', true))).toMatchObject({ ok: true, rule: 'lighter-new-law', version: { effectiveFrom: '2025-07-01' } });
  });

  test('a version in force neither on the violation nor on the decision date fails', () => {
    const c = resolveCitation(laws, art(64, '2025-07-01'), on('2025-03-01', '2025-06-30', true));
    expect(c).toEqual({ ok: false, field: 'version', expected: expect.stringMatching(/in force on neither/) });
  });

  test('an unknown law lists the known ids', () => {
    expect(resolveCitation(laws, { law: 'forest-law', article: 1 }, on('2025-01-01', '2025-02-01'))).toEqual({ ok: false, field: 'law', expected: expect.stringMatching(/law id from content\/basis \(.*land-administration-law.*\); got "forest-law"/) });
  });
});

describe('decisionsCitingArticle', () => {
  const { laws, decisions } = loadContent(demoContentDir);

  test('lists each mining decision under the version that applied to it, never under both', () => {
    const old39 = decisionsCitingArticle(laws, decisions, 'mineral-resources-law', '2009-08-27', 'article-39').map((c) => c.decision);
    const new64 = decisionsCitingArticle(laws, decisions, 'mineral-resources-law', '2025-07-01', 'article-64').map((c) => c.decision);
    expect(old39.length).toBeGreaterThan(0);
    expect(new64.length).toBeGreaterThan(0);
    expect(old39.every((d) => d.violationDate < '2025-07-01')).toBe(true);
    expect(new64.every((d) => d.decidedOn >= '2025-07-01')).toBe(true);
    expect(old39.filter((d) => new64.includes(d))).toEqual([]);
  });

  test('an article no decision cites has no backlinks', () => {
    expect(decisionsCitingArticle(laws, decisions, 'administrative-penalty-law', '2021-07-15', 'article-85')).toEqual([]);
  });
});
