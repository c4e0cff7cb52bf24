import { describe, expect, test } from 'vitest';
import { hearingRightReason } from '../../src/lib/legal/review-required.ts';
import type { HearingThreshold } from '../../src/schemas/hearing-threshold.ts';

const threshold: HearingThreshold = {
  issuer: '示范省人民政府',
  document: '示范省行政处罚听证程序规定',
  effectiveFrom: '2022-01-01',
  fine: { 'legal-person': 100_000, 'individual-business': 10_000, 'natural-person': 10_000 },
  confiscation: { 'legal-person': 100_000, 'individual-business': 10_000, 'natural-person': 10_000 },
  notes: [],
  demo: true,
};
const company = { kind: 'legal-person' as const, name: '示范市恒达建材有限公司', creditCode: '919901022AK64LAPNU', legalRepresentative: '陈某' };

describe('hearingRightReason (自然资源行政处罚办法 2024 art. 34)', () => {
  test('a fine at the province’s 较大数额 gives the right, one below does not', () => {
    expect(hearingRightReason({ party: company, category: 'refuse-return', area: {}, penalties: [{ kind: 'fine', amount: 100_000, text: '罚款' }] }, threshold)).toMatch(/较大数额/);
    expect(hearingRightReason({ party: company, category: 'refuse-return', area: {}, penalties: [{ kind: 'fine', amount: 99_999, text: '罚款' }] }, threshold)).toBeUndefined();
  });
  test('whatever the amount: confiscating buildings on illegally used land, demolition, licence revocation', () => {
    const small = { kind: 'fine' as const, amount: 3_000, text: '罚款' };
    expect(hearingRightReason({ party: company, category: 'illegal-occupation', area: {}, penalties: [small, { kind: 'confiscate-property', text: '没收新建的厂房' }] }, threshold)).toMatch(/第（二）项/);
    expect(hearingRightReason({ party: company, category: 'illegal-occupation', area: {}, penalties: [small, { kind: 'demolish', text: '限期拆除' }] }, threshold)).toMatch(/第（四）项/);
    expect(hearingRightReason({ party: company, category: 'cross-boundary-mining', area: {}, penalties: [small, { kind: 'licence-revoke', text: '吊销', licence: 'C990102' }] }, threshold)).toMatch(/第（五）项/);
    // Ore of small value confiscated in kind is not 没收违法用地上的建筑物.
    expect(hearingRightReason({ party: company, category: 'unlicensed-mining', area: {}, penalties: [small, { kind: 'confiscate-property', amount: 2_000, text: '没收矿产品' }] }, threshold)).toBeUndefined();
  });
});
