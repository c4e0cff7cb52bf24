// Formatters are built once: toLocaleString builds a new one on every call,
// which made formatting the slowest part of building 10,000 decision pages.
const WHOLE = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** 1234567 → "1,234,567" */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? WHOLE.format(value) : CENTS.format(value);
}

/** 120000 → "120,000元" (whole 元 without decimals, otherwise two). */
export function formatYuan(amount: number): string {
  return `${formatNumber(amount)}元`;
}

/** 120000 → "12万元"; 万元 with up to four decimals, as in the 双公示 fields. */
export function formatWanYuan(amount: number): string {
  return `${WAN.format(toWanYuan(amount))}万元`;
}

/** 元 to 万元, rounded to four decimals (one 元). */
export function toWanYuan(amount: number): number {
  return Math.round(amount) / 10_000;
}

const DIGITS = '零一二三四五六七八九';

/** 77 → 七十七, 105 → 一百零五, 1000 → 一千 (article numbers in 第N条). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new Error(`Expected a whole number from 0 to 9999; got ${n}.`);
  if (n < 10) return DIGITS[n] ?? '';
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const parts: string[] = [];
  const digits = String(n).split('').map(Number);
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && parts.length) parts.push('零');
    zero = false;
    parts.push(`${DIGITS[d]}${unit}`);
  });
  return parts.join('');
}
