import type { FineRange, LegalRange } from '../../schemas/baseline.ts';

const FEE_LABEL = { cultivation: '耕地开垦费', reclamation: '土地复垦费' } as const;

/** "100–200 元/平方米", "5–6 倍耕地开垦费", "10%–20% 违法所得", "3–3.5 倍矿产品价值", "100000–300000 元". */
export function describeRange(range: FineRange, legal: Pick<LegalRange, 'unit' | 'fee'>): string {
  const span = range.min === range.max ? fmtNumber(range.min) : `${fmtNumber(range.min)}–${fmtNumber(range.max)}`;
  switch (legal.unit) {
    case 'yuan-per-m2':
      return `每平方米 ${span} 元`;
    case 'fee-multiple':
      return `${FEE_LABEL[legal.fee ?? 'cultivation']}的 ${span} 倍`;
    case 'income-percent':
      return `违法所得的 ${span.replace('–', '%–')}%`;
    case 'ore-value-multiple':
      return `矿产品价值的 ${span} 倍`;
    case 'fixed-yuan':
      return `${fmtNumber(range.min)}–${fmtNumber(range.max)} 元`;
  }
}

/** The legal range in words, with its fallback. */
export function describeLegalRange(legal: LegalRange): string {
  const main = describeRange(legal, legal);
  if (!legal.fallback) return main;
  return `${main}；无矿产品价值或价值不足 ${fmtNumber(legal.fallback.threshold)} 元的，${fmtNumber(legal.fallback.min)}–${fmtNumber(legal.fallback.max)} 元`;
}

// Built once: toLocaleString makes a new formatter per call, which is slow over 10,000 decision pages.
const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 1234567.5 → "1,234,567.5" */
export function fmtNumber(n: number): string {
  return NUMBER.format(n);
}
