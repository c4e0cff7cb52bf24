import { describe, expect, test } from 'vitest';
import { splitKeepTokens } from '../../src/lib/keep-tokens.ts';

const whole = (text: string) => splitKeepTokens(text).filter((r) => r.whole).map((r) => r.text);

describe('splitKeepTokens', () => {
  test('keeps dates, amounts with their unit and ranges whole, and leaves the words around them free to wrap', () => {
    expect(whole('2022年1月1日起至2025年6月30日')).toEqual(['2022年1月1日起', '2025年6月30日']);
    expect(whole('每平方米 100–1,000 元')).toEqual(['100–1,000 元']);
    expect(whole('矿产品价值的 3–5 倍；无矿产品价值或价值不足 100,000 元的，100,000–1,000,000 元')).toEqual(['3–5 倍', '100,000 元', '100,000–1,000,000 元']);
    expect(whole('违法所得的 10%–50%')).toEqual(['10%–50%']);
    expect(whole('罚款 20万元，决定日期 2026-10-24')).toEqual(['20万元', '2026-10-24']);
    expect(whole('最迟 2025年10月10日（星期五）')).toEqual(['2025年10月10日']);
  });

  test('gives back the text unchanged, run by run', () => {
    const text = '面积：2亩以下（含）；非再次违法';
    expect(splitKeepTokens(text).map((r) => r.text).join('')).toBe(text);
    expect(whole(text)).toEqual(['2亩']);
  });
});
