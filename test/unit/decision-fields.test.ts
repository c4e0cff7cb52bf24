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

describe('toCreditFields (双公示)', () => {
  test('CF_CFLB lists penalty kinds only; correction orders go to CF_NR; amounts in 万元; no natural person code', async () => {
    const { toCreditFields } = await import('../../src/lib/decision-fields.ts');
    const fields = toCreditFields(
      {
        docNo: '东湖自然资罚〔2025〕12号',
        facts: ['事实'],
        basis: [{ law: 'land-administration-law', article: 77 }],
        penalties: [
          { kind: 'demolish', text: '限期拆除新建的厂房' },
          { kind: 'fine', amount: 120_000, text: '处以罚款人民币120000元' },
          { kind: 'confiscate-property', amount: 5_000, text: '没收' },
        ],
        orders: [{ kind: 'return-land', text: '责令退还非法占用的土地' }],
        decidedOn: '2025-04-01',
        validUntil: undefined,
        displayUntil: '2026-04-01',
        party: { kind: 'natural-person', name: '张某' },
      },
      { name: '示范市东湖区自然资源局', creditCode: '11990102MB0001000U' },
      '非法占用土地',
    );
    expect(fields.CF_CFLB).toBe('其他（责令限期拆除）;罚款;没收非法财物');
    expect(fields.CF_CFLB).not.toContain('退还');
    expect(fields.CF_NR).toBe('限期拆除新建的厂房；处以罚款人民币120000元；没收；责令退还非法占用的土地');
    expect(fields.CF_NR_FK).toBe(12);
    expect(fields.CF_NR_WFFF).toBe(0.5);
    expect(fields.CF_YJ).toBe('《土地管理法》第七十七条');
    expect(fields.CF_XDR_SHXYM).toBe('');
  });
});
