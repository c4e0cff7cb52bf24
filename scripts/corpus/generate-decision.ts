import { stringify } from 'yaml';
import { withCreditCheckChar } from '../../src/schemas/credit-code.ts';
import type { DecisionData, Penalty } from '../../src/schemas/decision.ts';
import { addDays, addMonths } from '../../src/lib/dates.ts';
import type { Random } from './random.ts';
import type { Baseline } from '../../src/schemas/baseline.ts';
import type { CaseFacts } from '../../src/lib/baselines/case-facts.ts';
import { baselineInForce } from '../../src/lib/baselines/baseline-in-force.ts';
import { checkProportionality, type Verdict } from '../../src/lib/baselines/check-proportionality.ts';
import { fineForCase, legalFineForCase, type CaseFine } from '../../src/lib/baselines/fine-for-case.ts';
import { selectBand } from '../../src/lib/baselines/select-band.ts';
import { COMPANY_WORDS, COUNTIES, MINERALS, SPOTS, STRUCTURES, SURNAMES, TRADES, VILLAGES } from './vocabulary.ts';

type Input = Omit<DecisionData, 'area' | 'fineBasis' | 'execution' | 'demo'> & Partial<Pick<DecisionData, 'area' | 'fineBasis' | 'execution' | 'demo'>>;
export interface GeneratedDecision {
  data: Input;
  facts: string[];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCodeFor(random: Random, region: string, prefix: '91' | '92'): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += random.pick(CREDIT_CHARS.split(''));
  return withCreditCheckChar(`${prefix}${region}${body}`);
}

const MINING = new Set(['unlicensed-mining', 'cross-boundary-mining']);

export interface GenerateOptions {
  /** Category code to use; random when absent. */
  category?: string;
  /** County index in COUNTIES. */
  county?: number;
  partyKind?: DecisionData['party']['kind'];
  /** Decision date. */
  decidedOn: string;
  /** Serial of the 文号 within county and year. */
  serial: number;
  /** Working-day-ish delay before publication, in calendar days. */
  publishDelayDays?: number;
  /** Display period in months (36 for most, 3 for minor). */
  displayMonths?: number;
  demo?: boolean;
}

const CATEGORIES = [
  'illegal-occupation',
  'farmland-damage',
  'illegal-transfer',
  'reclamation-refusal',
  'refuse-return',
  'temporary-land-permanent',
  'unlicensed-mining',
  'cross-boundary-mining',
] as const;

/** Generates one realistic decision; the same random state gives the same decision. */
export function generateDecision(random: Random, options: GenerateOptions): GeneratedDecision {
  const category = options.category ?? random.pick(CATEGORIES);
  const county = COUNTIES[options.county ?? random.int(0, COUNTIES.length - 1)] ?? COUNTIES[0];
  const town = random.pick(county.towns);
  const village = random.pick(VILLAGES);
  const place = `${county.name}${town}${village}${random.pick(SPOTS)}`;
  const surname = random.pick(SURNAMES);
  const masked = `${surname}${random.chance(0.5) ? '某' : '某某'}`;
  const partyKind = options.partyKind ?? (random.chance(0.55) ? 'legal-person' : random.chance(0.6) ? 'natural-person' : 'individual-business');
  const trade = MINING.has(category) ? '矿业' : random.pick(TRADES);
  const party: DecisionData['party'] =
    partyKind === 'legal-person'
      ? { kind: 'legal-person', name: `示范市${random.pick(COMPANY_WORDS)}${trade}有限公司`, creditCode: creditCodeFor(random, county.code, '91'), legalRepresentative: `${random.pick(SURNAMES)}某` }
      : partyKind === 'individual-business'
        ? { kind: 'individual-business', name: `${county.name}${town}${surname}某${trade}经营部`, creditCode: creditCodeFor(random, county.code, '92'), operator: masked }
        : { kind: 'natural-person', name: masked };

  const decidedOn = options.decidedOn;
  const violationDate = addDays(decidedOn, -random.int(60, 300));
  const oldMiningLaw = MINING.has(category) && violationDate < '2025-07-01';
  const areaM2 = random.int(8, 400) * 10;
  const structure = random.pick(STRUCTURES);
  const lat = +(county.lat[0] + random.next() * (county.lat[1] - county.lat[0])).toFixed(5);
  const lng = +(county.lng[0] + random.next() * (county.lng[1] - county.lng[0])).toFixed(5);
  const who = party.name;
  const penalties: Penalty[] = [];
  const area: DecisionData['area'] = {};
  const fineBasis: DecisionData['fineBasis'] = {};
  let illegalIncome: number | undefined;
  let basis: DecisionData['basis'];
  const facts: string[] = [];
  const when = `${violationDate.slice(0, 4)}年${Number(violationDate.slice(5, 7))}月`;

  switch (category) {
    case 'illegal-occupation': {
      const onFarmland = random.chance(0.5);
      if (onFarmland) area.farmland = areaM2;
      else area.construction = areaM2;
      const perM2 = random.pick([100, 150, 200, 300, 500, 800]);
      basis = [{ law: 'land-administration-law', article: 77 }, { law: 'land-administration-regulations', article: 57 }];
      facts.push(`${when}起，当事人${who}未经批准，擅自占用${place}集体土地${areaM2}平方米（其中${onFarmland ? '耕地' : '建设用地'}${areaM2}平方米）建设${structure}。经核查，该宗地不符合土地利用总体规划，当事人未取得用地批准文件。`);
      facts.push(`以上事实有现场勘测图、询问笔录、卫星遥感影像比对资料等证据证实。当事人在规定期限内未提出陈述申辩。`);
      penalties.push({ kind: 'demolish', text: `责令退还非法占用的土地，限期十五日内拆除在非法占用的土地上新建的${structure}，恢复土地原状` });
      penalties.push({ kind: 'fine', amount: areaM2 * perM2, text: `处以罚款人民币${areaM2 * perM2}元（按每平方米${perM2}元计）` });
      break;
    }
    case 'farmland-damage': {
      area.farmland = areaM2;
      const fee = Math.round(areaM2 * 18);
      fineBasis.cultivationFee = fee;
      const multiple = random.pick([5, 6, 7, 8]);
      basis = [{ law: 'land-administration-law', article: 75 }, { law: 'land-administration-regulations', article: 55 }];
      facts.push(`${when}，当事人${who}在${place}耕地上${random.pick(['挖砂', '取土', '采石', '堆放建筑垃圾'])}，毁坏耕地${areaM2}平方米，致使耕作层被破坏，种植条件丧失。`);
      facts.push(`经测算，损毁耕地应缴纳的耕地开垦费为${fee}元。`);
      penalties.push({ kind: 'restore', text: '责令限期改正，恢复种植条件' });
      penalties.push({ kind: 'fine', amount: fee * multiple, text: `处以耕地开垦费${multiple}倍的罚款，计人民币${fee * multiple}元` });
      break;
    }
    case 'illegal-transfer': {
      area.construction = areaM2;
      illegalIncome = random.int(5, 90) * 10_000;
      const percent = random.pick([10, 20, 30]);
      basis = [{ law: 'land-administration-law', article: 74 }, { law: 'land-administration-regulations', article: 54 }];
      facts.push(`当事人${who}于${when}以“合作建房”名义，将${place}集体建设用地${areaM2}平方米非法转让他人用于非农业建设，收取转让款${illegalIncome}元。`);
      penalties.push({ kind: 'confiscate-income', amount: illegalIncome, text: `没收违法所得人民币${illegalIncome}元` });
      penalties.push({ kind: 'fine', amount: (illegalIncome * percent) / 100, text: `处以违法所得${percent}%的罚款，计人民币${(illegalIncome * percent) / 100}元` });
      break;
    }
    case 'reclamation-refusal': {
      area.otherAgricultural = areaM2;
      const fee = Math.round(areaM2 * 25);
      fineBasis.reclamationFee = fee;
      const multiple = random.pick([2, 3, 4]);
      basis = [{ law: 'land-administration-law', article: 76 }, { law: 'land-administration-regulations', article: 56 }];
      facts.push(`当事人${who}在${place}取土后形成损毁土地${areaM2}平方米，经责令限期复垦，逾期未履行复垦义务。土地复垦费经测算为${fee}元。`);
      penalties.push({ kind: 'other', amount: fee, text: `责令缴纳土地复垦费人民币${fee}元，专项用于土地复垦` });
      penalties.push({ kind: 'fine', amount: fee * multiple, text: `处以土地复垦费${multiple}倍的罚款，计人民币${fee * multiple}元` });
      break;
    }
    case 'refuse-return': {
      area.construction = areaM2;
      const perM2 = random.pick([100, 200, 300]);
      basis = [{ law: 'land-administration-law', article: 81 }, { law: 'land-administration-regulations', article: 59 }];
      facts.push(`${place}国有建设用地使用权已依法收回，当事人${who}拒不交还，继续占用土地${areaM2}平方米作为${structure}使用。`);
      penalties.push({ kind: 'return-land', text: '责令限期交还土地' });
      penalties.push({ kind: 'fine', amount: areaM2 * perM2, text: `处以罚款人民币${areaM2 * perM2}元（按每平方米${perM2}元计）` });
      break;
    }
    case 'temporary-land-permanent': {
      area.farmland = areaM2;
      const fee = Math.round(areaM2 * 20);
      fineBasis.reclamationFee = fee;
      const multiple = random.pick([5, 6, 7]);
      basis = [{ law: 'land-administration-law', article: 57 }, { law: 'land-administration-regulations', article: 52 }];
      facts.push(`当事人${who}经批准临时使用${place}土地${areaM2}平方米用于施工便道，在临时用地上修建永久性${structure}。`);
      penalties.push({ kind: 'demolish', text: `责令限期拆除${structure}` });
      penalties.push({ kind: 'fine', amount: fee * multiple, text: `处以土地复垦费${multiple}倍的罚款，计人民币${fee * multiple}元` });
      break;
    }
    default: {
      const mineral = random.pick(MINERALS);
      const tonnes = random.int(200, 8000);
      const oreValue = tonnes * random.pick([35, 48, 60]);
      const cross = category === 'cross-boundary-mining';
      area.unused = areaM2;
      if (oldMiningLaw) {
        illegalIncome = oreValue;
        const percent = cross ? 20 : 30;
        basis = cross
          ? [{ law: 'mineral-resources-law', article: 40 }, { law: 'mineral-resources-rules', article: 42 }]
          : [{ law: 'mineral-resources-law', article: 39 }, { law: 'mineral-resources-rules', article: 42 }];
        penalties.push({ kind: 'confiscate-property', amount: oreValue, text: `没收采出的${mineral}${tonnes}吨` });
        penalties.push({ kind: 'confiscate-income', amount: illegalIncome, text: `没收违法所得人民币${illegalIncome}元` });
        penalties.push({ kind: 'fine', amount: Math.round((illegalIncome * percent) / 100), text: `处以违法所得${percent}%的罚款，计人民币${Math.round((illegalIncome * percent) / 100)}元` });
      } else {
        fineBasis.oreValue = oreValue;
        const fine = oreValue < 100_000 ? random.pick([100_000, 150_000, 200_000]) : oreValue * random.pick([3, 4]);
        basis = [{ law: 'mineral-resources-law', article: 64 }];
        penalties.push({ kind: 'confiscate-property', amount: oreValue, text: `没收采出的${mineral}${tonnes}吨及违法所得，没收直接用于违法开采的挖掘机一台` });
        penalties.push({ kind: 'fine', amount: fine, text: `处以罚款人民币${fine}元` });
      }
      if (cross) penalties.push({ kind: 'licence-suspend', text: '暂扣采矿许可证三个月', licence: `采矿许可证 C99${county.code.slice(2)}${random.int(2010, 2023)}0${random.int(10000, 99999)}` });
      facts.push(`${when}，当事人${who}${cross ? '超越采矿许可证批准的矿区范围' : '未取得采矿许可证'}，在${place}擅自开采${mineral}约${tonnes}吨，经评估，开采矿产品价值${oreValue}元。`);
      facts.push(`以上事实有现场检查笔录、测量报告、价格认定意见书等证据证实。`);
    }
  }

  const publishedOn = addDays(decidedOn, options.publishDelayDays ?? random.int(1, 7));
  const data: Input = {
    docNo: `${county.short}自然资罚〔${decidedOn.slice(0, 4)}〕${options.serial}号`,
    category,
    party,
    county: county.code,
    location: { text: `${county.name}${town}${village}`, lat, lng },
    violationDate,
    area,
    ...(illegalIncome === undefined ? {} : { illegalIncome }),
    fineBasis,
    basis,
    penalties,
    authority: county.code,
    decidedOn,
    publishedOn,
    displayUntil: addMonths(publishedOn, options.displayMonths ?? 36),
    status: 'in-force',
    execution: { state: 'not-started' },
    demo: options.demo ?? false,
  };
  return { data, facts };
}

/** The file text: YAML front matter then the facts as paragraphs. */
export function decisionFileText(decision: GeneratedDecision, comment?: string): string {
  const yaml = stringify(decision.data, { lineWidth: 0 });
  return `---\n${comment ? `# ${comment}\n` : ''}${yaml}---\n\n${decision.facts.join('\n\n')}\n`;
}

/** Where a generated fine should land against the band the facts fall in. */
export type FineTarget = 'within' | 'below' | 'above' | 'below-legal' | 'above-legal' | 'named-heavier';

// Fines are written the way decisions state them: a round factor per unit.
const GRID: Record<Baseline['legalRange']['unit'], number> = {
  'yuan-per-m2': 10,
  'fee-multiple': 0.1,
  'income-percent': 1,
  'ore-value-multiple': 0.1,
  'fixed-yuan': 10_000,
};
const snap = (value: number, grid: number) => Math.round(Math.round(value / grid) * grid * 100) / 100;

function fineText(fine: CaseFine, factor: number, amount: number): string {
  switch (fine.base.kind) {
    case 'area':
      return `处以罚款人民币${amount}元（按每平方米${factor}元计）`;
    case 'cultivation-fee':
      return `处以耕地开垦费${factor}倍的罚款，计人民币${amount}元`;
    case 'reclamation-fee':
      return `处以土地复垦费${factor}倍的罚款，计人民币${amount}元`;
    case 'illegal-income':
      return `处以违法所得${factor}%的罚款，计人民币${amount}元`;
    case 'ore-value':
      return `处以矿产品价值${factor}倍的罚款，计人民币${amount}元`;
    default:
      return `处以罚款人民币${amount}元`;
  }
}

/**
 * Names the baseline version and band that apply to a generated decision and
 * rewrites its fine to land where `target` says: inside the band (position `t`
 * from 0 to 1), below or above it, outside the legal range, or inside a heavier
 * band than the facts call for (the decision then names that band).
 * Returns the verdict the proportionality check will give, or undefined when
 * no baseline covers the decision.
 */
export function fitFineToBaseline(decision: GeneratedDecision, baselines: readonly Baseline[], target: FineTarget, t: number): Verdict | undefined {
  const data = decision.data;
  const fineItem = data.penalties.find((p) => p.kind === 'fine');
  const baseline = baselineInForce(baselines, data.category, data.violationDate);
  if (!fineItem || !baseline) return undefined;
  const facts: CaseFacts = {
    area: data.area ?? {},
    illegalIncome: data.illegalIncome,
    cultivationFee: data.fineBasis?.cultivationFee,
    reclamationFee: data.fineBasis?.reclamationFee,
    oreValue: data.fineBasis?.oreValue,
  };
  const band = selectBand(baseline, facts);
  if (!band) return undefined;
  const legal = baseline.legalRange;
  const heavier = baseline.bands[baseline.bands.indexOf(band) + 1];
  const named = target === 'named-heavier' && heavier ? heavier : band;
  const computed = fineForCase(legal, named.range, named.fallbackRange, facts);
  const legalFine = legalFineForCase(legal, facts);
  if (!computed.ok || !legalFine.ok) return undefined;
  const fine = computed.fine;
  const base = fine.base;
  const perUnit = base.kind === 'ore-fallback' || base.kind === 'fixed' ? 1 : base.kind === 'illegal-income' ? base.value / 100 : base.value;
  const grid = GRID[fine.unit];
  const factorFor = (position: number) => snap(fine.factor.min + (fine.factor.max - fine.factor.min) * position, grid);
  let factor: number;
  if (target === 'within' || target === 'named-heavier') factor = factorFor(t);
  else if (target === 'below') factor = snap((legalFine.fine.factor.min + fine.factor.min) / 2, grid);
  else if (target === 'above') factor = snap((legalFine.fine.factor.max + fine.factor.max) / 2, grid);
  else if (target === 'below-legal') factor = snap(legalFine.fine.factor.min * 0.8, grid);
  else factor = snap(legalFine.fine.factor.max * 1.1, grid);
  let amount = Math.round(factor * perUnit);
  // Whole 元 inside the band even when its ends fall on fractions of a 元.
  if (target === 'within' || target === 'named-heavier') amount = Math.min(Math.max(amount, Math.ceil(fine.min)), Math.floor(fine.max));
  fineItem.amount = amount;
  fineItem.text = fineText(fine, factor, amount);
  data.baseline = { id: baseline.id, band: named.id };
  const check = checkProportionality(baseline, facts, amount, named.id);
  return check.ok ? check.verdict : undefined;
}
