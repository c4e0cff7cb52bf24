import { stringify } from 'yaml';
import { withCreditCheckChar } from '../../src/schemas/credit-code.ts';
import type { DecisionData, DecisionInput, Order, Penalty } from '../../src/schemas/decision.ts';
import { addDays, addMonths } from '../../src/lib/dates.ts';
import { createRandom, type Random } from './random.ts';
import type { Baseline } from '../../src/schemas/baseline.ts';
import type { CaseFacts } from '../../src/lib/baselines/case-facts.ts';
import { baselineInForce } from '../../src/lib/baselines/baseline-in-force.ts';
import { checkProportionality, type Verdict } from '../../src/lib/baselines/check-proportionality.ts';
import { fineForCase, legalFineForCase, roundYuan, type CaseFine } from '../../src/lib/baselines/fine-for-case.ts';
import { selectBand } from '../../src/lib/baselines/select-band.ts';
import { COMPANY_WORDS, COUNTIES, MINERALS, SPOTS, STRUCTURES, SURNAMES, TRADES, VILLAGES } from './vocabulary.ts';

type Input = DecisionInput & {
  area: NonNullable<DecisionInput['area']>;
  fineBasis: NonNullable<DecisionInput['fineBasis']>;
  orders: NonNullable<DecisionInput['orders']>;
  circumstances: NonNullable<DecisionInput['circumstances']>;
};
export interface GeneratedDecision {
  data: Input;
  facts: string[];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCodeFor(random: Random, region: string, prefix: '91' | '92' | 'N2'): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += random.pick(CREDIT_CHARS.split(''));
  return withCreditCheckChar(`${prefix}${region}${body}`);
}

const MINING = new Set(['unlicensed-mining', 'cross-boundary-mining']);

/** The day the 2024 矿产资源法 came into force: a mining violation that ended before it falls under the 2009 law. */
export const NEW_MINING_LAW = '2025-07-01';

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
  /** Display period in months; clamped to the bounds of the credit class. */
  displayMonths?: number;
  /** Days from the violation's end (or start) to 立案, to place a mining case under one law or the other. */
  daysBeforeFiling?: number;
  /** Ore mined, for a mining case that must be of a given size. */
  ore?: { tonnes: number; price: number };
  demo?: boolean;
}

const CATEGORIES = [
  'illegal-occupation',
  'farmland-damage',
  'illegal-transfer',
  'collective-land-non-farm',
  'reclamation-refusal',
  'refuse-return',
  'temporary-land-permanent',
  'unlicensed-mining',
  'cross-boundary-mining',
] as const;

const ymd = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const ym = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;

// A second stream for what the first version of the generator did not draw,
// so that the main stream (and with it every party, place and amount of the
// published demo decisions) stays as it was.
function secondStream(options: GenerateOptions, county: string): Random {
  let seed = 2166136261;
  for (const ch of `${options.decidedOn}|${county}|${options.serial}`) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  return createRandom(seed);
}

/** Generates one realistic decision; the same random state gives the same decision. */
export function generateDecision(random: Random, options: GenerateOptions): GeneratedDecision {
  const category = options.category ?? random.pick(CATEGORIES);
  const county = COUNTIES[options.county ?? random.int(0, COUNTIES.length - 1)] ?? COUNTIES[0];
  const more = secondStream(options, county.code);
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

  // The violation began 60–300 days before the decision. 立案 is at most 85
  // days before the decision (行政处罚法 art. 60: 90 days) and after the start;
  // a continuing violation ended (stopped when found) a few days before 立案.
  const decidedOn = options.decidedOn;
  const startedOn = addDays(decidedOn, -random.int(60, 300));
  const filedOn = maxDate(addDays(startedOn, 3), addDays(decidedOn, -more.int(30, 85)));
  const foundOn = maxDate(addDays(startedOn, 1), addDays(filedOn, -(options.daysBeforeFiling ?? more.int(1, 8))));
  const continuing = category !== 'illegal-transfer' && category !== 'collective-land-non-farm' && category !== 'temporary-land-permanent';
  const violation = continuing ? { startedOn, continuing: true, endedOn: foundOn } : { startedOn, continuing: false };
  // 行政处罚法 arts. 36–37: a continuing violation takes the law of the day it ended.
  const lawDate = continuing ? foundOn : startedOn;
  const oldMiningLaw = MINING.has(category) && lawDate < NEW_MINING_LAW;
  const areaM2 = random.int(8, 400) * 10;
  const structure = random.pick(STRUCTURES);
  const lat = +(county.lat[0] + random.next() * (county.lat[1] - county.lat[0])).toFixed(5);
  const lng = +(county.lng[0] + random.next() * (county.lng[1] - county.lng[0])).toFixed(5);
  const who = party.name;
  const penalties: Penalty[] = [];
  const orders: Order[] = [];
  const area: DecisionData['area'] = {};
  const fineBasis: DecisionData['fineBasis'] = {};
  let illegalIncome: number | undefined;
  let basis: DecisionInput['basis'];
  const facts: string[] = [];
  const evidence = '以上事实有现场勘测笔录、询问笔录、勘测定界图、卫星遥感影像比对资料等证据证实。当事人在规定期限内未提出陈述申辩。';

  switch (category) {
    case 'illegal-occupation': {
      // 土地管理法 art. 77: demolition where 农用地 was turned to construction against the plan;
      // on land already for construction that fits the plan, the buildings are confiscated.
      const onFarmland = random.chance(0.5);
      if (onFarmland) area.farmland = areaM2;
      else area.construction = areaM2;
      const perM2 = random.pick([100, 150, 200, 300, 500, 800]);
      basis = [{ law: 'land-administration-law', article: 77 }, { law: 'land-administration-regulations', article: 57 }];
      facts.push(
        onFarmland
          ? `自${ym(startedOn)}起，当事人${who}未经批准，擅自占用${place}集体耕地${areaM2}平方米建设${structure}，至${ymd(foundOn)}经责令停止后停止施工。经核查，该宗地不符合土地利用总体规划，当事人未取得用地批准文件。`
          : `自${ym(startedOn)}起，当事人${who}未经批准，擅自占用${place}建设用地${areaM2}平方米建设${structure}，至${ymd(foundOn)}经责令停止后停止施工。经核查，该宗地符合土地利用总体规划，当事人未取得用地批准文件。`,
      );
      facts.push(evidence);
      orders.push({ kind: 'return-land', text: '责令退还非法占用的土地' });
      if (onFarmland) penalties.push({ kind: 'demolish', text: `限期十五日内拆除在非法占用的土地上新建的${structure}，恢复土地原状` });
      else penalties.push({ kind: 'confiscate-property', text: `没收在非法占用的土地上新建的${structure}` });
      penalties.push({ kind: 'fine', amount: areaM2 * perM2, text: `处以罚款人民币${areaM2 * perM2}元（按每平方米${perM2}元计）` });
      break;
    }
    case 'farmland-damage': {
      area.farmland = areaM2;
      const fee = Math.round(areaM2 * 18);
      fineBasis.cultivationFee = fee;
      const multiple = random.pick([5, 6, 7, 8]);
      basis = [{ law: 'land-administration-law', article: 75 }, { law: 'land-administration-regulations', article: 55 }];
      facts.push(`自${ym(startedOn)}起，当事人${who}在${place}耕地上${random.pick(['挖砂', '取土', '采石', '堆放建筑垃圾'])}，至${ymd(foundOn)}经责令后停止，毁坏耕地${areaM2}平方米，致使耕作层被破坏，种植条件丧失。`);
      facts.push(`经测算，损毁耕地应缴纳的耕地开垦费为${fee}元。${evidence}`);
      orders.push({ kind: 'restore', text: '责令限期改正，恢复种植条件' });
      penalties.push({ kind: 'fine', amount: fee * multiple, text: `处以耕地开垦费${multiple}倍的罚款，计人民币${fee * multiple}元` });
      break;
    }
    case 'collective-land-non-farm': {
      // 土地管理法 art. 82 / 条例 art. 60: collective land turned over for non-farm building; 10–30 % of the income.
      area.construction = areaM2;
      illegalIncome = random.int(5, 90) * 10_000;
      const percent = random.pick([10, 20, 30]);
      basis = [{ law: 'land-administration-law', article: 82 }, { law: 'land-administration-regulations', article: 60 }];
      facts.push(`当事人${who}于${ymd(startedOn)}以“合作建房”名义，擅自将${place}农民集体所有的建设用地${areaM2}平方米的使用权转让他人用于非农业建设，收取转让款${illegalIncome}元，未经依法批准。`);
      facts.push(evidence);
      orders.push({ kind: 'correct', text: '责令限期改正' });
      penalties.push({ kind: 'confiscate-income', amount: illegalIncome, text: `没收违法所得人民币${illegalIncome}元` });
      penalties.push({ kind: 'fine', amount: (illegalIncome * percent) / 100, text: `处以违法所得${percent}%的罚款，计人民币${(illegalIncome * percent) / 100}元` });
      break;
    }
    case 'illegal-transfer': {
      // 土地管理法 art. 74 / 条例 art. 54: state land use rights transferred outside the law; 10–50 % of the income.
      area.construction = areaM2;
      illegalIncome = random.int(5, 90) * 10_000;
      const percent = random.pick([10, 20, 30]);
      basis = [{ law: 'land-administration-law', article: 74 }, { law: 'land-administration-regulations', article: 54 }];
      facts.push(`当事人${who}于${ymd(startedOn)}，将其以出让方式取得、未按出让合同约定完成开发投资的${place}国有建设用地使用权${areaM2}平方米，以“股权合作”名义私下转让他人，收取转让款${illegalIncome}元，未办理土地使用权转让手续。`);
      facts.push(evidence);
      penalties.push({ kind: 'confiscate-income', amount: illegalIncome, text: `没收违法所得人民币${illegalIncome}元` });
      penalties.push({ kind: 'fine', amount: (illegalIncome * percent) / 100, text: `处以违法所得${percent}%的罚款，计人民币${(illegalIncome * percent) / 100}元` });
      break;
    }
    case 'reclamation-refusal': {
      area.otherAgricultural = areaM2;
      const fee = Math.round(areaM2 * 25);
      fineBasis.reclamationFee = fee;
      const multiple = random.pick([2, 3, 4]);
      basis = [{ law: 'land-administration-law', article: 76 }, { law: 'land-administration-regulations', article: 56, paragraph: 1 }];
      facts.push(`当事人${who}在${place}取土后形成损毁土地${areaM2}平方米，自${ym(startedOn)}经责令限期复垦后逾期未改正，至${ymd(foundOn)}仍未履行复垦义务。土地复垦费经测算为${fee}元。`);
      facts.push(evidence);
      orders.push({ kind: 'reclamation-fee', amount: fee, text: `责令缴纳土地复垦费人民币${fee}元，专项用于土地复垦` });
      penalties.push({ kind: 'fine', amount: fee * multiple, text: `处以土地复垦费${multiple}倍的罚款，计人民币${fee * multiple}元` });
      break;
    }
    case 'refuse-return': {
      area.construction = areaM2;
      const perM2 = random.pick([100, 200, 300]);
      basis = [{ law: 'land-administration-law', article: 81 }, { law: 'land-administration-regulations', article: 59 }];
      facts.push(`${place}国有建设用地使用权已于${ymd(startedOn)}依法收回，当事人${who}拒不交出土地，继续占用土地${areaM2}平方米作为${structure}使用，至${ymd(foundOn)}仍未交还。`);
      facts.push(evidence);
      orders.push({ kind: 'hand-back', text: '责令限期交还土地' });
      penalties.push({ kind: 'fine', amount: areaM2 * perM2, text: `处以罚款人民币${areaM2 * perM2}元（按每平方米${perM2}元计）` });
      break;
    }
    case 'temporary-land-permanent': {
      area.farmland = areaM2;
      const fee = Math.round(areaM2 * 20);
      fineBasis.reclamationFee = fee;
      const multiple = random.pick([5, 6, 7]);
      basis = [{ law: 'land-administration-law', article: 57 }, { law: 'land-administration-regulations', article: 52 }];
      facts.push(`当事人${who}经批准临时使用${place}土地${areaM2}平方米用于施工便道，于${ymd(startedOn)}在临时用地上修建永久性${structure}。土地复垦费经测算为${fee}元。`);
      facts.push(evidence);
      penalties.push({ kind: 'demolish', text: `责令限期拆除在临时用地上修建的${structure}` });
      penalties.push({ kind: 'fine', amount: fee * multiple, text: `处以土地复垦费${multiple}倍的罚款，计人民币${fee * multiple}元` });
      break;
    }
    default: {
      const mineral = random.pick(MINERALS);
      const drawnTonnes = random.int(200, 8000);
      const drawnPrice = random.pick([35, 48, 60]);
      const tonnes = options.ore?.tonnes ?? drawnTonnes;
      const price = options.ore?.price ?? drawnPrice;
      const oreValue = tonnes * price;
      const cross = category === 'cross-boundary-mining';
      area.unused = areaM2;
      fineBasis.oreValue = oreValue;
      // Ore sold gives the illegal income; the rest is still on site and is confiscated in kind.
      const sold = Math.round(tonnes * more.pick([0.4, 0.6, 0.7]));
      const onSite = tonnes - sold;
      // A party mining beyond its licence holds one (the number embeds the county's code, as the issuing office's).
      const licenceNo = cross ? `C${county.code}${random.int(2010, 2023)}07${random.int(10000, 99999)}` : '';
      const how = cross ? `超越采矿许可证（证号 ${licenceNo}）批准的矿区范围` : '未取得采矿许可证';
      facts.push(`自${ym(startedOn)}起，当事人${who}${how}，在${place}擅自开采${mineral}约${tonnes}吨，至${ymd(foundOn)}经责令停止后停止开采。经价格认定，开采的矿产品价值${oreValue}元（每吨${price}元），其中已销售${sold}吨、得款${sold * price}元，现场存放${onSite}吨。`);
      facts.push('以上事实有现场检查笔录、测量报告、价格认定意见书等证据证实。');
      if (oldMiningLaw) {
        // 2009 law: the ore on site confiscated in kind, the proceeds of ore sold as illegal income — never the same ore twice.
        illegalIncome = sold * price;
        const percent = cross ? 20 : 30;
        basis = cross
          ? [{ law: 'mineral-resources-law', article: 40 }, { law: 'mineral-resources-rules', article: 42, item: 2 }]
          : [{ law: 'mineral-resources-law', article: 39 }, { law: 'mineral-resources-rules', article: 42, item: 1 }];
        orders.push(cross ? { kind: 'return-to-area', text: '责令退回本矿区范围内开采' } : { kind: 'stop', text: '责令停止开采' });
        penalties.push({ kind: 'confiscate-property', amount: onSite * price, text: `没收现场存放的${cross ? '越界开采的' : '采出的'}${mineral}${onSite}吨` });
        penalties.push({ kind: 'confiscate-income', amount: illegalIncome, text: `没收违法所得人民币${illegalIncome}元` });
        penalties.push({ kind: 'fine', amount: (illegalIncome * percent) / 100, text: `处以违法所得${percent}%的罚款，计人民币${(illegalIncome * percent) / 100}元` });
      } else {
        // 2024 law art. 64: tools and ore confiscated, a fine on the value of all ore mined; no confiscation of income.
        // (The first generator drew one of these only when the violation began under the new law.)
        const stream = startedOn < NEW_MINING_LAW ? more : random;
        const small = oreValue < 100_000;
        const fixed = small ? stream.pick([100_000, 150_000, 200_000]) : 0;
        const multiple = small ? 3 : stream.pick([3, 4]);
        basis = [{ law: 'mineral-resources-law', article: 64, paragraph: cross ? 2 : 1 }];
        orders.push({ kind: 'stop', text: '责令停止违法行为' });
        penalties.push({ kind: 'confiscate-property', amount: onSite * price, text: `没收直接用于违法开采的挖掘机一台及现场存放的${mineral}${onSite}吨` });
        const fine = oreValue < 100_000 ? fixed : oreValue * multiple;
        penalties.push({ kind: 'fine', amount: fine, text: oreValue < 100_000 ? `处以罚款人民币${fine}元` : `处以矿产品价值${multiple}倍的罚款，计人民币${fine}元` });
      }
    }
  }

  const publishedOn = addDays(decidedOn, options.publishDelayDays ?? random.int(1, 7));
  const data: Input = {
    docNo: `${county.short}自然资罚〔${decidedOn.slice(0, 4)}〕${options.serial}号`,
    category,
    party,
    county: county.code,
    location: { text: `${county.name}${town}${village}`, lat, lng },
    violation,
    area,
    ...(illegalIncome === undefined ? {} : { illegalIncome }),
    fineBasis,
    circumstances: [],
    basis,
    penalties,
    orders,
    authority: county.code,
    filedOn,
    legalReview: { unit: `${county.office}法规科`, reviewedOn: maxDate(filedOn, addDays(decidedOn, -more.int(2, 8))), conclusion: 'approved' },
    decidedOn,
    publishedOn,
    creditClass: 'general',
    displayUntil: decidedOn,
    status: 'in-force',
    execution: { state: 'not-started' },
    demo: options.demo ?? false,
  };
  settleRecords(data, options.displayMonths);
  return { data, facts };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Fills in what follows from the penalties: the credit class (a demo rule,
 * local practice: 严重失信 for a revoked licence, basic farmland, or fines and
 * confiscations of 50万元 or more; else 一般), the display period within the
 * class's bounds (the longest unless asked otherwise), and the 集体讨论 the
 * review catalogue asks for. Call again after changing penalties.
 */
export function settleRecords(data: Input, displayMonths?: number): void {
  const money = data.penalties.reduce((s, p) => s + (p.kind === 'fine' || p.kind.startsWith('confiscate') ? (p.amount ?? 0) : 0), 0);
  const serious = data.penalties.some((p) => p.kind === 'licence-revoke') || (data.area.basicFarmland ?? 0) > 0 || money >= 500_000;
  if (data.creditClass !== 'minor') data.creditClass = serious ? 'serious' : 'general';
  const [min, max] = data.creditClass === 'serious' ? [12, 36] : data.creditClass === 'general' ? [3, 12] : [0, 3];
  data.displayUntil = addMonths(data.decidedOn, Math.min(Math.max(displayMonths ?? max, min), max));
  const discuss = data.penalties.some((p) => p.kind === 'demolish' || p.kind === 'licence-revoke' || p.kind === 'suspend-business') || (data.area.basicFarmland ?? 0) > 0;
  if (discuss && data.legalReview) data.collectiveDiscussion = { heldOn: addDays(data.legalReview.reviewedOn, 1) };
  else delete data.collectiveDiscussion;
}

/** The file text: YAML front matter then the facts as paragraphs. */
export function decisionFileText(decision: GeneratedDecision, comment?: string): string {
  const yaml = stringify(decision.data, { lineWidth: 0 });
  return `---\n${comment ? `# ${comment}\n` : ''}${yaml}---\n\n${decision.facts.join('\n\n')}\n`;
}

/** Where a generated fine should land against the band the facts fall in. */
export type FineTarget = 'within' | 'below' | 'above' | 'named-heavier';

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
  const violation = data.violation;
  const violationDate = violation.continuing && violation.endedOn ? violation.endedOn : violation.startedOn;
  const baseline = baselineInForce(baselines, data.category, violationDate);
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
  else factor = snap((legalFine.fine.factor.max + fine.factor.max) / 2, grid);
  // The amount is exactly what the stated factor gives, to the fen (a decision's arithmetic is checked).
  const amount = roundYuan(factor * perUnit);
  fineItem.amount = amount;
  fineItem.text = fineText(fine, factor, amount);
  data.baseline = { id: baseline.id, band: named.id };
  settleRecords(data);
  const check = checkProportionality(baseline, facts, amount, named.id);
  return check.ok ? check.verdict : undefined;
}
