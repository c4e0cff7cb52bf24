import { describe, expect, test } from 'vitest';
import { checkDisplayPeriod, regimeFor } from '../../src/lib/credit/display-rules.ts';
import { caseDuration, withdrawalLag } from '../../src/lib/decision-deadlines.ts';
import { createWorkingCalendar } from '../../src/lib/working-days.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';

describe('checkDisplayPeriod', () => {
  test('under the 2023 measures, 一般失信 runs 3 to 12 months from the decision and 轻微 does not exist', () => {
    expect(regimeFor('2025-06-01')?.source).toMatch(/2023年第58号/);
    expect(checkDisplayPeriod({ decidedOn: '2025-06-01', creditClass: 'general', displayUntil: '2026-06-01' })).toMatchObject({ ok: true, earliest: '2025-09-01', latest: '2026-06-01' });
    expect(checkDisplayPeriod({ decidedOn: '2025-06-01', creditClass: 'general', displayUntil: '2026-06-02' })).toMatchObject({ ok: false, field: 'displayUntil' });
    expect(checkDisplayPeriod({ decidedOn: '2025-06-01', creditClass: 'minor', displayUntil: '2025-07-01' })).toMatchObject({ ok: false, field: 'creditClass' });
  });

  test('from 2026-04-01 (信用修复管理办法), 轻微 is at most 3 months and 严重 1 to 3 years', () => {
    expect(regimeFor('2026-04-01')?.source).toMatch(/信用修复管理办法/);
    expect(checkDisplayPeriod({ decidedOn: '2026-05-10', creditClass: 'minor', displayUntil: '2026-08-10' })).toMatchObject({ ok: true });
    expect(checkDisplayPeriod({ decidedOn: '2026-05-10', creditClass: 'minor', displayUntil: '2026-08-11' })).toMatchObject({ ok: false });
    expect(checkDisplayPeriod({ decidedOn: '2026-05-10', creditClass: 'serious', displayUntil: '2027-05-09' })).toMatchObject({ ok: false });
    expect(checkDisplayPeriod({ decidedOn: '2026-05-10', creditClass: 'serious', displayUntil: '2029-05-10' })).toMatchObject({ ok: true, repairFrom: '2027-05-10' });
  });
});

describe('visibilityOf', () => {
  test('a repair on or before today takes the decision off the lists before its 公示截止期', () => {
    const d = { status: 'in-force' as const, displayUntil: '2027-01-01', creditRepair: { date: '2026-06-01', basis: '依申请修复' } };
    expect(visibilityOf(d, '2026-05-31')).toBe('listed');
    expect(visibilityOf(d, '2026-06-01')).toBe('repaired');
    expect(visibilityOf({ ...d, status: 'withdrawn' }, '2026-06-01')).toBe('withdrawn');
  });
});

describe('withdrawalLag (行政处罚法 art. 48 ¶2, 3 days as working days by art. 85)', () => {
  const calendar = createWorkingCalendar();
  test('revoked on Friday 2025-09-26 and taken down on 2025-09-30 is 3 working days (the worked Sunday counts): in time', () => {
    expect(withdrawalLag(calendar, { revokedOn: '2025-09-26', takenDownOn: '2025-09-30', revokedBy: '复议机关', reason: '撤销' })).toEqual({ days: 3, certain: true, late: false });
  });
  test('taken down on 2025-10-09, after the 国庆 holiday, is 4 working days: late', () => {
    expect(withdrawalLag(calendar, { revokedOn: '2025-09-26', takenDownOn: '2025-10-09', revokedBy: '复议机关', reason: '撤销' })).toMatchObject({ days: 4, late: true });
  });
});

describe('caseDuration (行政处罚法 art. 60: 90 days from 立案)', () => {
  test('counts calendar days and adds an approved extension and periods not counted', () => {
    expect(caseDuration({ filedOn: '2025-01-01', decidedOn: '2025-04-01', caseLimit: undefined })).toMatchObject({ days: 90, limit: 90, late: false });
    expect(caseDuration({ filedOn: '2025-01-01', decidedOn: '2025-04-02', caseLimit: undefined })).toMatchObject({ days: 91, late: true });
    expect(caseDuration({ filedOn: '2025-01-01', decidedOn: '2025-05-15', caseLimit: { extendedDays: 30, excluded: [{ reason: '鉴定', days: 14 }] } })).toMatchObject({ days: 134, limit: 134, late: false });
  });
});
