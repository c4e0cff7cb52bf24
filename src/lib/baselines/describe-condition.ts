import type { Condition, Interval } from '../../schemas/baseline.ts';
import type { LandType } from '../../schemas/land-type.ts';
import { fmtNumber } from './describe.ts';

export const LAND_TYPE_LABEL: Record<LandType, string> = {
  basicFarmland: '永久基本农田',
  farmland: '耕地',
  otherAgricultural: '其他农用地',
  construction: '建设用地',
  unused: '未利用地',
};

function span(i: Interval, unit: string): string {
  if (i.above !== undefined && i.upTo !== undefined) return `${fmtNumber(i.above)}${unit}以上（不含）至${fmtNumber(i.upTo)}${unit}（含）`;
  if (i.above !== undefined) return `${fmtNumber(i.above)}${unit}以上（不含）`;
  return `${fmtNumber(i.upTo ?? 0)}${unit}以下（含）`;
}

/** One machine-checkable alternative in words: 「地类：耕地；面积：2亩以上（不含）；非再次违法」. */
export function describeCondition(c: Condition): string {
  const parts: string[] = [];
  if (c.landTypes) parts.push(`地类：${c.landTypes.map((t) => LAND_TYPE_LABEL[t]).join('、')}`);
  if (c.area) parts.push(`面积：${span(c.area, c.area.unit === 'mu' ? '亩' : '平方米')}`);
  if (c.illegalIncome) parts.push(`违法所得：${span(c.illegalIncome, '元')}`);
  if (c.oreValue) parts.push(`矿产品价值：${span(c.oreValue, '元')}`);
  if (c.repeat !== undefined) parts.push(c.repeat ? '再次违法' : '非再次违法');
  return parts.join('；');
}
