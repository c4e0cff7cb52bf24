import type { CaseFine } from './fine-for-case.ts';
import { fmtNumber } from './describe.ts';

const yuan = (n: number) => `${fmtNumber(n)} 元`;

/** The arithmetic behind a case's fine range, one line for each end, in Chinese. */
export function describeArithmetic(fine: CaseFine): string[] {
  const { base, factor } = fine;
  const both = (left: (f: number) => string) => [
    `下限：${left(factor.min)} = ${yuan(fine.min)}`,
    `上限：${left(factor.max)} = ${yuan(fine.max)}`,
  ];
  switch (base.kind) {
    case 'area':
      return both((f) => `${fmtNumber(base.value)} 平方米 × ${fmtNumber(f)} 元/平方米`);
    case 'cultivation-fee':
    case 'reclamation-fee': {
      const label = base.kind === 'cultivation-fee' ? '耕地开垦费' : '土地复垦费';
      return both((f) => `${label} ${yuan(base.value)} × ${fmtNumber(f)} 倍`);
    }
    case 'illegal-income':
      return both((f) => `违法所得 ${yuan(base.value)} × ${fmtNumber(f)}%`);
    case 'ore-value':
      return both((f) => `矿产品价值 ${yuan(base.value)} × ${fmtNumber(f)} 倍`);
    case 'ore-fallback':
      return [
        base.value === undefined
          ? '无矿产品价值（或无法计算），适用固定数额幅度'
          : `矿产品价值 ${yuan(base.value)} 不足 ${yuan(base.threshold)}，适用固定数额幅度`,
        `幅度：${yuan(fine.min)} 至 ${yuan(fine.max)}`,
      ];
    case 'fixed':
      return [`固定数额幅度：${yuan(fine.min)} 至 ${yuan(fine.max)}`];
  }
}
