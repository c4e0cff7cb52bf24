import { describe, expect, test } from 'vitest';
import { findPersonalData, isResidentIdNumber, MASKED_NAME } from '../../src/schemas/privacy.ts';

describe('isResidentIdNumber', () => {
  test('accepts the standard example with check character X', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
  });
  test('refuses a wrong check digit', () => {
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
  });
  test('refuses an impossible birth date', () => {
    expect(isResidentIdNumber('110105194913310020')).toBe(false);
  });
});

describe('MASKED_NAME', () => {
  test.each(['张某', '张某某', '欧阳某'])('accepts %s', (name) => expect(MASKED_NAME.test(name)).toBe(true));
  test.each(['张三', '张三丰', '某某', 'Zhang'])('refuses %s', (name) => expect(MASKED_NAME.test(name)).toBe(false));
});

describe('findPersonalData', () => {
  test('finds a mobile number written with spaces or dashes', () => {
    expect(findPersonalData('电话 138-1234-5678').map((f) => f.kind)).toEqual(['phone-number']);
  });
  test('finds a landline unless landlines are allowed (an office phone)', () => {
    expect(findPersonalData('0999-8123456').map((f) => f.kind)).toEqual(['phone-number']);
    expect(findPersonalData('0999-8123456', { allowLandlines: true })).toEqual([]);
  });
  test('finds a full name after 当事人 but not a masked one or an ordinary verb', () => {
    expect(findPersonalData('当事人李四，男').map((f) => f.kind)).toEqual(['full-name']);
    expect(findPersonalData('当事人李某，男')).toEqual([]);
    expect(findPersonalData('当事人未经批准擅自占地')).toEqual([]);
  });
  test('does not take an amount or an area for an ID or a phone', () => {
    expect(findPersonalData('罚款人民币1469280元，面积3290平方米，许可证 C9901232019050012345')).toEqual([]);
  });
  test('shortens what it found so the finding does not spread it', () => {
    const [finding] = findPersonalData('11010519491231002X');
    expect(finding?.excerpt).toBe('110…');
  });
});
