import type { Baseline } from '../../schemas/baseline.ts';
import { landTypes, type LandType } from '../../schemas/land-type.ts';
import type { Decision } from '../content/load-decisions.ts';
import { checkDecision } from '../baselines/check-decision.ts';
import { mostProtectedLandType } from '../baselines/case-facts.ts';
import { AREA_LABEL, PENALTY_LABEL, publicationLag, totalArea, totalFine } from '../decision-fields.ts';
import { withdrawalLag } from '../decision-deadlines.ts';
import type { WorkingCalendar } from '../working-days.ts';
import { fen, median, percent, type StatTable } from './stat-table.ts';

export interface StatisticsInput {
  /** Every decision the content holds (listed, withdrawn, repaired, expired): the figures count what was decided. */
  decisions: readonly Decision[];
  baselines: readonly Baseline[];
  calendar: WorkingCalendar;
  counties: readonly { code: string; name: string }[];
  categories: readonly { code: string; name: string }[];
}

/** The label of the row that sums every county. */
export const ALL_COUNTIES = '全市';

/**
 * Which decisions each figure counts, decided once here and said on the pages:
 * - decisions, fines and bands: every decision not withdrawn — one whose
 *   display period ended or was repaired still was decided and counts (a
 *   year's figures must not shrink as its decisions leave the site); a
 *   withdrawn one was revoked or changed, so it is no longer a penalty;
 * - publication lag: every decision, withdrawn ones too (each was published);
 * - withdrawals: every withdrawn decision, with its lag (≤ 3 working days,
 *   行政处罚法 2021 art. 48 ¶2 with art. 85).
 * Aggregates only: no party, place or fact of any decision appears.
 */
export const inForce = (d: Decision) => d.status !== 'withdrawn';

const countyCol = [
  { key: 'county', label: '区县代码', meaning: '处罚决定所在区县的行政区划代码；全市合计行为空', format: '6位数字' },
  { key: 'countyName', label: '区县', meaning: '区县名称', format: '文本' },
] as const;

/** Decisions and fines by year of decision × county × violation category (non-empty cells only). */
export function byCountyCategoryYear(input: StatisticsInput): StatTable {
  const cells = new Map<string, { year: string; county: string; category: string; n: number; fines: number }>();
  for (const d of input.decisions.filter(inForce)) {
    const year = d.decidedOn.slice(0, 4);
    const key = `${year}|${d.county}|${d.category}`;
    const cell = cells.get(key) ?? { year, county: d.county, category: d.category, n: 0, fines: 0 };
    cell.n++;
    cell.fines += totalFine(d);
    cells.set(key, cell);
  }
  const countyName = (c: string) => input.counties.find((x) => x.code === c)?.name ?? c;
  const categoryName = (c: string) => input.categories.find((x) => x.code === c)?.name ?? c;
  return {
    id: 'decisions-by-county-category-year',
    title: '按年份、区县和违法类型的处罚决定数和罚款',
    columns: [
      { key: 'year', label: '年份', meaning: '决定日期所在年份', format: 'YYYY' },
      ...countyCol,
      { key: 'category', label: '违法类型代码', meaning: 'content/categories.yaml 的代码', format: '文本' },
      { key: 'categoryName', label: '违法类型', meaning: '违法类型名称', format: '文本' },
      { key: 'decisions', label: '决定数', meaning: '未撤回的处罚决定件数', format: '整数', numeric: true, unit: '件' },
      { key: 'finesYuan', label: '罚款合计', meaning: '罚款金额之和', format: '元，两位小数', numeric: true, unit: '元' },
    ],
    rows: [...cells.values()]
      .sort((a, b) => b.year.localeCompare(a.year) || a.county.localeCompare(b.county) || a.category.localeCompare(b.category))
      .map((c) => ({ year: c.year, county: c.county, countyName: countyName(c.county), category: c.category, categoryName: categoryName(c.category), decisions: c.n, finesYuan: fen(c.fines) })),
    note: '统计未撤回的全部处罚决定（含公示期已届满或信用修复后终止公示的），按决定日期计年份；只列有决定的组合。',
  };
}

/** Per county and for the whole city: decisions, fines (total, median), band verdicts, publication lag, withdrawals. */
export function byCounty(input: StatisticsInput): StatTable {
  const groups: { code: string; name: string; ds: Decision[] }[] = [
    ...input.counties.map((c) => ({ code: c.code, name: c.name, ds: input.decisions.filter((d) => d.county === c.code) })),
    { code: '', name: ALL_COUNTIES, ds: [...input.decisions] },
  ];
  return {
    id: 'decisions-by-county',
    title: '各区县的处罚决定、罚款、裁量、公示和撤回',
    columns: [
      ...countyCol,
      { key: 'decisions', label: '决定数', meaning: '未撤回的处罚决定件数', format: '整数', numeric: true, unit: '件' },
      { key: 'withFine', label: '有罚款的决定', meaning: '其中处以罚款的件数', format: '整数', numeric: true, unit: '件' },
      { key: 'finesYuan', label: '罚款合计', meaning: '罚款金额之和', format: '元，两位小数', numeric: true, unit: '元' },
      { key: 'medianFineYuan', label: '罚款中位数', meaning: '处以罚款的决定中罚款金额的中位数；没有则为空', format: '元，两位小数', numeric: true, unit: '元' },
      { key: 'checked', label: '可核对阶次', meaning: '有罚款且有适用裁量基准的件数', format: '整数', numeric: true, unit: '件' },
      { key: 'outsideBand', label: '偏离阶次', meaning: '罚款不在事实对应阶次幅度内的件数', format: '整数', numeric: true, unit: '件' },
      { key: 'outsideBandPercent', label: '偏离阶次占比', meaning: '偏离阶次 ÷ 可核对阶次', format: '百分数，一位小数；无可核对者为空', numeric: true, unit: '%' },
      { key: 'published', label: '已公示', meaning: '已公示的决定件数（含其后撤回的）', format: '整数', numeric: true, unit: '件' },
      { key: 'publishedWithin7', label: '7个工作日内公示', meaning: '决定后7个工作日内公示的件数（国办发〔2018〕118号）', format: '整数', numeric: true, unit: '件' },
      { key: 'publishedWithin7Percent', label: '按时公示占比', meaning: '7个工作日内公示 ÷ 已公示', format: '百分数，一位小数', numeric: true, unit: '%' },
      { key: 'medianLagWorkingDays', label: '公示用时中位数', meaning: '决定至公示的工作日数的中位数', format: '工作日', numeric: true, unit: '个工作日' },
      { key: 'withdrawn', label: '撤回', meaning: '已撤回的决定件数', format: '整数', numeric: true, unit: '件' },
      { key: 'withdrawnWithin3', label: '3个工作日内撤下', meaning: '变更或撤销后3个工作日内撤下的件数（《行政处罚法》第四十八条第二款、第八十五条）', format: '整数', numeric: true, unit: '件' },
    ],
    rows: groups.map(({ code, name, ds }) => {
      const kept = ds.filter(inForce);
      const fines = kept.map(totalFine).filter((f) => f > 0);
      const checks = kept.map((d) => checkDecision(d, input.baselines)).flatMap((c) => (c.kind === 'checked' && c.result.ok ? [c.result] : []));
      const publications = ds.map((d) => publicationLag(input.calendar, d));
      const lags = publications.map((p) => p.days);
      const withdrawn = ds.flatMap((d) => (d.withdrawal ? [withdrawalLag(input.calendar, d.withdrawal)] : []));
      const outside = checks.filter((r) => r.verdict !== 'within').length;
      const within7 = publications.filter((p) => !p.late).length;
      return {
        county: code,
        countyName: name,
        decisions: kept.length,
        withFine: fines.length,
        finesYuan: fen(fines.reduce((s, f) => s + f, 0)),
        medianFineYuan: fen(median(fines)),
        checked: checks.length,
        outsideBand: outside,
        outsideBandPercent: percent(outside, checks.length),
        published: lags.length,
        publishedWithin7: within7,
        publishedWithin7Percent: percent(within7, lags.length),
        medianLagWorkingDays: median(lags) ?? '',
        withdrawn: withdrawn.length,
        withdrawnWithin3: withdrawn.filter((w) => !w.late).length,
      };
    }),
    note: '决定、罚款和阶次统计未撤回的全部决定；公示用时统计全部已公示的决定（含其后撤回的），以工作日计（含国务院调休安排）；偏离阶次含低于和高于阶次幅度的。',
  };
}

/**
 * Fine per m² of the land involved, by its most protected land type, against
 * the band the facts fall in (the band's range divided by the same area): the
 * figure that says which county fines least per m² of basic farmland. Only
 * decisions with a fine, an area and a checked band count.
 */
export function finePerSquareMetre(input: StatisticsInput): StatTable {
  type Point = { county: string; landType: LandType; perM2: number; bandMin: number; bandMax: number; verdict: string };
  const points: Point[] = [];
  for (const d of input.decisions.filter(inForce)) {
    const area = totalArea(d);
    const landType = mostProtectedLandType(d.area);
    const check = checkDecision(d, input.baselines);
    if (area <= 0 || !landType || check.kind !== 'checked' || !check.result.ok) continue;
    const r = check.result;
    points.push({ county: d.county, landType, perM2: r.fine / area, bandMin: r.expected.min / area, bandMax: r.expected.max / area, verdict: r.verdict });
  }
  const rows: StatTable['rows'] = [];
  for (const landType of landTypes) {
    const ofType = points.filter((p) => p.landType === landType);
    if (ofType.length === 0) continue;
    for (const c of [...input.counties, { code: '', name: ALL_COUNTIES }]) {
      const ps = c.code ? ofType.filter((p) => p.county === c.code) : ofType;
      if (ps.length === 0) continue;
      rows.push({
        landType,
        landTypeName: AREA_LABEL[landType],
        county: c.code,
        countyName: c.name,
        decisions: ps.length,
        medianYuanPerM2: fen(median(ps.map((p) => p.perM2))),
        medianBandMinYuanPerM2: fen(median(ps.map((p) => p.bandMin))),
        medianBandMaxYuanPerM2: fen(median(ps.map((p) => p.bandMax))),
        belowBand: ps.filter((p) => p.verdict === 'below').length,
        aboveBand: ps.filter((p) => p.verdict === 'above').length,
      });
    }
  }
  return {
    id: 'fine-per-m2-by-land-type',
    title: '按地类的每平方米罚款与裁量阶次',
    columns: [
      { key: 'landType', label: '地类代码', meaning: '涉及土地中受保护程度最高的地类', format: 'basicFarmland / farmland / otherAgricultural / construction / unused' },
      { key: 'landTypeName', label: '地类', meaning: '地类名称', format: '文本' },
      ...countyCol,
      { key: 'decisions', label: '决定数', meaning: '有罚款、有面积且可核对阶次的决定件数', format: '整数', numeric: true, unit: '件' },
      { key: 'medianYuanPerM2', label: '每平方米罚款中位数', meaning: '罚款 ÷ 涉及面积 的中位数', format: '元/平方米，两位小数', numeric: true, unit: '元/平方米' },
      { key: 'medianBandMinYuanPerM2', label: '阶次下限中位数', meaning: '事实对应阶次的最低罚款 ÷ 面积 的中位数', format: '元/平方米', numeric: true, unit: '元/平方米' },
      { key: 'medianBandMaxYuanPerM2', label: '阶次上限中位数', meaning: '事实对应阶次的最高罚款 ÷ 面积 的中位数', format: '元/平方米', numeric: true, unit: '元/平方米' },
      { key: 'belowBand', label: '低于阶次', meaning: '罚款低于阶次幅度的件数', format: '整数', numeric: true, unit: '件' },
      { key: 'aboveBand', label: '高于阶次', meaning: '罚款高于阶次幅度的件数', format: '整数', numeric: true, unit: '件' },
    ],
    rows,
    note: '以罚款额除以决定所涉全部土地面积；按耕地开垦费、复垦费倍数计罚的决定也折算为每平方米，便于跨区县比较同一地类。阶次为事实对应的裁量阶次（不以决定自称的阶次为准）。',
  };
}

/** Decisions by penalty kind (行政处罚法 art. 9), with the amounts of the kinds that have one: the 年报's first table. */
export function byPenaltyKind(input: StatisticsInput): StatTable {
  const kept = input.decisions.filter(inForce);
  const kinds = Object.keys(PENALTY_LABEL) as (keyof typeof PENALTY_LABEL)[];
  return {
    id: 'decisions-by-penalty-kind',
    title: '按处罚种类的决定数和金额',
    columns: [
      { key: 'kind', label: '处罚种类代码', meaning: '处罚种类', format: '文本' },
      { key: 'kindName', label: '处罚种类', meaning: '《行政处罚法》第九条所列种类', format: '文本' },
      { key: 'decisions', label: '决定数', meaning: '含该种处罚的未撤回决定件数（一件决定可含多种处罚）', format: '整数', numeric: true, unit: '件' },
      { key: 'amountYuan', label: '金额合计', meaning: '罚款或没收的金额之和；其他种类为空', format: '元，两位小数', numeric: true, unit: '元' },
    ],
    rows: kinds.flatMap((kind) => {
      const ps = kept.flatMap((d) => d.penalties.filter((p) => p.kind === kind).map((p) => ({ d, p })));
      if (ps.length === 0) return [];
      const amounts = ps.filter(({ p }) => p.amount !== undefined);
      return [{ kind, kindName: PENALTY_LABEL[kind], decisions: new Set(ps.map(({ d }) => d.docNo)).size, amountYuan: amounts.length ? fen(amounts.reduce((s, { p }) => s + (p.amount ?? 0), 0)) : '' }];
    }),
    note: '一件决定并处多种处罚的，在每一种下各计一次。',
  };
}
