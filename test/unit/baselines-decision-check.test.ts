import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { checkDecision } from '../../src/lib/baselines/check-decision.ts';
import type { DecisionData } from '../../src/schemas/decision.ts';
import { demoContentDir } from '../fixtures/content-fixture.ts';

const { baselines } = loadContent(demoContentDir);
type Checked = Parameters<typeof checkDecision>[0];
const mining = (violationDate: string, decidedOn: string, fine: number, extra: Partial<Checked> = {}): Checked => ({
  category: 'unlicensed-mining',
  violationDate,
  decidedOn,
  penalties: [{ kind: 'fine', amount: fine, text: '罚款' }] as DecisionData['penalties'],
  area: {},
  fineBasis: {},
  illegalIncome: 200_000,
  ...extra,
});

describe('checkDecision picks the baseline version by the violation date (行政处罚法 art. 37)', () => {
  test('mining begun 2025-05-01 and decided 2025-09-01 is checked against the 2018 version, with the 2025 version named beside it', () => {
    // 2018 version, 一般 (income 5万–50万): 20%–35% of 200,000 元 = 40,000–70,000 元.
    const check = checkDecision(mining('2025-05-01', '2025-09-01', 60_000), baselines);
    expect(check.kind).toBe('checked');
    if (check.kind !== 'checked' || !check.result.ok) throw new Error('Expected a checked result.');
    expect(check.baseline.id).toBe('unlicensed-mining-2018');
    expect(check.laterVersion?.id).toBe('unlicensed-mining-2025');
    expect([check.result.expected.min, check.result.expected.max, check.result.verdict]).toEqual([40_000, 70_000, 'within']);
  });

  test('mining begun after 2025-07-01 is checked against the 2025 version only', () => {
    const check = checkDecision(mining('2025-08-01', '2025-12-01', 150_000, { fineBasis: { oreValue: 30_000 } }), baselines);
    expect(check.kind === 'checked' && [check.baseline.id, check.laterVersion]).toEqual(['unlicensed-mining-2025', undefined]);
  });

  test('a decision naming another version of the baseline is reported', () => {
    const check = checkDecision(mining('2025-05-01', '2025-09-01', 60_000, { baseline: { id: 'unlicensed-mining-2025', band: 'general' } }), baselines);
    expect(check.kind === 'checked' && check.namedBaseline?.id).toBe('unlicensed-mining-2025');
  });

  test('a decision without a fine is not checked', () => {
    expect(checkDecision(mining('2025-08-01', '2025-12-01', 0, { penalties: [{ kind: 'warning', text: '警告' }] as DecisionData['penalties'] }), baselines)).toEqual({ kind: 'no-fine' });
  });

  test('a violation before any baseline version is reported as having none', () => {
    expect(checkDecision(mining('2017-06-01', '2018-03-01', 10_000), baselines)).toEqual({ kind: 'no-baseline' });
  });
});
