import type { StatTable } from './stat-table.ts';
import { percent } from './stat-table.ts';
import { workingDaysBetween, type WorkingCalendar } from '../working-days.ts';

/** 国办发〔2018〕118号: results of other enforcement (inspections among them) are published within 20 working days. */
export const INSPECTION_RESULT_LIMIT_WORKING_DAYS = 20;

const RESULT_LABEL = { 'no-problem': '未发现问题', corrected: '发现问题已责令整改', 'case-filed': '发现违法已立案查处' } as const;

/** Random inspections (双随机、一公开) of a year by item and result, with the share published in time. */
export function inspectionsByItem(
  inspections: { items: readonly { id: string; name: string }[]; results: readonly { item: string; inspectedOn: string; publishedOn: string; result: keyof typeof RESULT_LABEL }[] },
  year: number,
  calendar: WorkingCalendar,
): StatTable {
  const ofYear = inspections.results.filter((r) => r.inspectedOn.startsWith(`${year}-`));
  return {
    id: 'inspections-by-item',
    title: '随机抽查',
    columns: [
      { key: 'item', label: '抽查事项代码', meaning: '随机抽查事项清单中的代码', format: '文本' },
      { key: 'itemName', label: '抽查事项', meaning: '事项名称', format: '文本' },
      { key: 'inspected', label: '抽查对象数', meaning: '当年检查的对象数', format: '整数', numeric: true, unit: '个' },
      ...(Object.keys(RESULT_LABEL) as (keyof typeof RESULT_LABEL)[]).map((k) => ({ key: k, label: RESULT_LABEL[k], meaning: `结果为“${RESULT_LABEL[k]}”的对象数`, format: '整数', numeric: true, unit: '个' })),
      { key: 'publishedWithin20Percent', label: '按时公开占比', meaning: `检查后${INSPECTION_RESULT_LIMIT_WORKING_DAYS}个工作日内公开结果的占比`, format: '百分数，一位小数', numeric: true, unit: '%' },
    ],
    rows: inspections.items.flatMap((item) => {
      const rs = ofYear.filter((r) => r.item === item.id);
      if (rs.length === 0) return [];
      const onTime = rs.filter((r) => workingDaysBetween(calendar, r.inspectedOn, r.publishedOn).days <= INSPECTION_RESULT_LIMIT_WORKING_DAYS).length;
      return [{ item: item.id, itemName: item.name, inspected: rs.length, 'no-problem': rs.filter((r) => r.result === 'no-problem').length, corrected: rs.filter((r) => r.result === 'corrected').length, 'case-filed': rs.filter((r) => r.result === 'case-filed').length, publishedWithin20Percent: percent(onTime, rs.length) }];
    }),
    note: '按检查日期计年份。',
  };
}
