import { describe, expect, test } from 'vitest';
import { docNoToSlug, decisionPath } from '../../src/lib/decision-slug.ts';
import { formatWanYuan, formatYuan, toChineseNumber } from '../../src/lib/format.ts';
import { publicationLag, totalConfiscated, totalFine } from '../../src/lib/decision-fields.ts';
import { createWorkingCalendar } from '../../src/lib/working-days.ts';
import { toPages, pageUrl } from '../../src/lib/paginate.ts';

describe('docNoToSlug', () => {
  test('derives a stable segment from the 文号', () => {
    expect(docNoToSlug('东湖自然资罚〔2025〕12号')).toBe('东湖自然资罚-2025-12');
    expect(decisionPath('东湖自然资罚〔2025〕012号')).toBe('/decisions/东湖自然资罚-2025-12/');
  });
  test('refuses something that is not a 文号', () => {
    expect(() => docNoToSlug('12号')).toThrow(/Expected a 文号/);
  });
});

describe('amounts', () => {
  const penalties = [
    { kind: 'fine' as const, amount: 120_000, text: '罚款' },
    { kind: 'fine' as const, amount: 5_500.5, text: '罚款' },
    { kind: 'confiscate-income' as const, amount: 30_000, text: '没收' },
    { kind: 'confiscate-property' as const, amount: 2_000, text: '没收' },
    { kind: 'demolish' as const, text: '拆除' },
  ];
  test('add up fines and confiscations separately', () => {
    expect(totalFine({ penalties })).toBe(125_500.5);
    expect(totalConfiscated({ penalties })).toBe(32_000);
  });
  test('format in 元 and 万元', () => {
    expect(formatYuan(120_000)).toBe('120,000元');
    expect(formatYuan(5_500.5)).toBe('5,500.50元');
    expect(formatWanYuan(125_500)).toBe('12.55万元');
  });
});

describe('toChineseNumber', () => {
  test.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [77, '七十七'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
  ])('%i → %s', (n, expected) => expect(toChineseNumber(n)).toBe(expected));
});

describe('publicationLag', () => {
  const calendar = createWorkingCalendar();
  test('counts working days, skipping the National Day holiday', () => {
    // Decided Tuesday 2025-09-30; 10-01..10-08 are off; published Thursday 10-09.
    expect(publicationLag(calendar, { decidedOn: '2025-09-30', publishedOn: '2025-10-09' })).toEqual({ days: 1, certain: true, late: false });
  });
  test('flags a publication after more than 7 working days', () => {
    expect(publicationLag(calendar, { decidedOn: '2025-03-03', publishedOn: '2025-03-13' }).late).toBe(true);
    expect(publicationLag(calendar, { decidedOn: '2025-03-03', publishedOn: '2025-03-12' }).late).toBe(false);
  });
  test('says when a year has no published arrangement yet', () => {
    expect(publicationLag(calendar, { decidedOn: '2026-12-30', publishedOn: '2027-01-05' }).certain).toBe(false);
  });
});

describe('toPages', () => {
  test('splits into pages of the given size and keeps an empty first page', () => {
    expect(toPages([1, 2, 3, 4, 5], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(toPages([], 20)).toEqual([{ page: 1, lastPage: 1, total: 0, items: [] }]);
    expect(pageUrl('/decisions/', 1)).toBe('/decisions/');
    expect(pageUrl('/decisions/', 3)).toBe('/decisions/page/3/');
  });
});
