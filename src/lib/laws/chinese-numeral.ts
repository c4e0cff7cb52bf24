const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese article or chapter number is written with. */
export const CHINESE_NUMERAL_CHARS = '零〇一二三四五六七八九两十百千';

/**
 * 七十七 → 77, 十二 → 12, 一百零五 → 105. Returns undefined for anything that is
 * not a well-formed number below 10000, so a typo in a heading is reported
 * rather than read as another number.
 */
export function parseChineseNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  for (const char of text) {
    const d = DIGITS[char];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0 && d !== 0) return undefined;
      digit = d;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十二 means 12: a unit without a digit before it counts once.
    total += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}
