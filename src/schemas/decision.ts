import { z } from 'zod';
import { articleRef, isoDate, regionCode, yuan } from './common.ts';
import { creditCode } from './credit-code.ts';
import { MASKED_NAME } from './privacy.ts';

/** 文号 such as 东湖自然资罚〔2025〕12号: issuer prefix, year in 〔〕, serial number, 号. */
export const DOC_NO = /^(\p{Script=Han}[\p{Script=Han}A-Za-z0-9]*)〔(\d{4})〕(\d+)号$/u;

/**
 * Kinds of administrative penalty (行政处罚法 2021 art. 9) a decision can
 * impose; they make up CF_CFLB. `demolish` (责令限期拆除) is among them because
 * 土地管理法 2019 art. 83 calls it a 行政处罚决定 and 自然资源行政处罚办法 2024
 * art. 34(4) grants a hearing for it; it is filed under art. 9(6) 其他.
 */
export const penaltyKinds = [
  'warning',
  'fine',
  'confiscate-income',
  'confiscate-property',
  'licence-suspend',
  'licence-revoke',
  'suspend-business',
  'demolish',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];

/**
 * Correction orders (责令改正类措施) that accompany a penalty. They are not
 * penalties (行政处罚法 art. 28: 责令当事人改正或者限期改正), so they go to
 * CF_NR only, never to CF_CFLB.
 */
export const orderKinds = [
  'stop',
  'return-land',
  'hand-back',
  'restore',
  'correct',
  'return-to-area',
  'reclamation-fee',
] as const;
export type OrderKind = (typeof orderKinds)[number];

/** One penalty item. Amounts are in 元; the 万元 figures of the 双公示 set are derived. */
export const penaltySchema = z
  .strictObject({
    /** What kind of penalty (行政处罚法 art. 9). */
    kind: z.enum(penaltyKinds, { error: `expected one of ${penaltyKinds.join(', ')} (correction orders go under orders)` }),
    /** Amount in 元: required for fines and confiscated income, optional for confiscated property (its value). */
    amount: yuan.optional(),
    /** The wording of the item as in the decision (CF_NR). */
    text: z.string().min(2, 'expected the wording of the penalty item'),
    /** For licence items: the licence's name and number (CF_NR_ZKDX). */
    licence: z.string().optional(),
  })
  .refine((p) => !(p.kind === 'fine' || p.kind === 'confiscate-income') || p.amount !== undefined, {
    message: 'expected an amount in 元 for a fine or confiscated income',
    path: ['amount'],
  })
  .refine((p) => !(p.kind === 'licence-suspend' || p.kind === 'licence-revoke') || p.licence !== undefined, {
    message: 'expected the licence name and number for a licence penalty',
    path: ['licence'],
  });
export type Penalty = z.output<typeof penaltySchema>;

/** One correction order (CF_NR only). */
export const orderSchema = z.strictObject({
  /** What the party is ordered to do. */
  kind: z.enum(orderKinds, { error: `expected one of ${orderKinds.join(', ')}` }),
  /** The wording as in the decision. */
  text: z.string().min(2, 'expected the wording of the order'),
  /** An amount the order names, e.g. the 土地复垦费 to pay, 元 (not a penalty: not in CF_NR_FK or CF_NR_WFFF). */
  amount: yuan.optional(),
});
export type Order = z.output<typeof orderSchema>;

/** Circumstances found in the case that some penalties require (e.g. 拒不停止 for 吊销采矿许可证). */
export const circumstances = ['refused-to-stop', 'serious', 'resource-damage'] as const;
export type Circumstance = (typeof circumstances)[number];

/** Credit classes of the penalty information (信用修复管理办法, 国家发展改革委, in force 2026-04-01). */
export const creditClasses = ['minor', 'general', 'serious'] as const;
export type CreditClass = (typeof creditClasses)[number];

/** A cited article; `version` names the version applied (its first day in force). */
export const citationSchema = articleRef.extend({
  /** First day in force of the version applied; without it, the version in force on the violation date. */
  version: isoDate.optional(),
});
export type Citation = z.output<typeof citationSchema>;

/** The party (当事人, 行政相对人). Natural persons are published masked as 张某 / 张某某. */
export const partySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      /** 法人及非法人组织. */
      kind: z.literal('legal-person'),
      /** Registered name (CF_XDR_MC). */
      name: z.string().min(2),
      /** 统一社会信用代码 (CF_XDR_SHXYM). */
      creditCode,
      /** 法定代表人 (CF_FRDB), masked like any natural person. */
      legalRepresentative: z.string().regex(MASKED_NAME, 'expected the legal representative masked as 张某 / 张某某'),
    }),
    z.strictObject({
      /** 个体工商户. */
      kind: z.literal('individual-business'),
      /** The business's registered name (CF_XDR_MC). */
      name: z.string().min(2),
      /** 统一社会信用代码 (CF_XDR_SHXYM). */
      creditCode,
      /** 经营者, masked. */
      operator: z.string().regex(MASKED_NAME, 'expected the operator masked as 张某 / 张某某'),
    }),
    z.strictObject({
      /** 自然人: no ID number, phone or address is ever stored here. */
      kind: z.literal('natural-person'),
      /** Masked name (CF_XDR_MC), e.g. 张某. */
      name: z.string().regex(MASKED_NAME, 'expected a natural person masked as 张某 / 张某某'),
    }),
  ],
  { error: 'expected party.kind to be legal-person, individual-business or natural-person' },
);
export type Party = z.output<typeof partySchema>;

/** Area involved, in m², by land type (the baseline bands depend on it). */
export const areaSchema = z.strictObject({
  /** 永久基本农田. */
  basicFarmland: yuan.optional(),
  /** 耕地 other than basic farmland. */
  farmland: yuan.optional(),
  /** 其他农用地 (forest, grassland, ponds…). */
  otherAgricultural: yuan.optional(),
  /** 建设用地. */
  construction: yuan.optional(),
  /** 未利用地. */
  unused: yuan.optional(),
});
export type Area = z.output<typeof areaSchema>;

const date = isoDate;

/**
 * When the violation took place. 行政处罚法 2021 art. 36 ¶2 dates a violation
 * that is continuing (连续或者继续状态) by the day it ended, and the law applied
 * (art. 37) is the law of that day; an act that is over at once is dated by
 * the day it was done. The day it was found is not a violation date.
 */
export const violationSchema = z
  .strictObject({
    /** The day the violation began. */
    startedOn: date,
    /** True when it went on over a period (e.g. occupying land, mining day after day). */
    continuing: z.boolean().default(false),
    /** For a continuing violation, the day it ended or was stopped; required then. */
    endedOn: date.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.continuing && v.endedOn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'expected endedOn, the day a continuing violation ended (行政处罚法 art. 36 ¶2)' });
    }
    if (!v.continuing && v.endedOn !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['continuing'], message: 'expected continuing: true when an end date is given' });
    }
    if (v.endedOn !== undefined && v.endedOn < v.startedOn) {
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: `expected a date on or after startedOn (${v.startedOn})` });
    }
  });
export type Violation = z.output<typeof violationSchema>;

/** The day that dates a violation for the law that applies: its end when continuing, else its start. */
export function violationDateOf(v: Violation): string {
  return v.continuing && v.endedOn !== undefined ? v.endedOn : v.startedOn;
}

/** Legal review before the decision (法制审核, 行政处罚法 2021 art. 58). */
export const legalReviewSchema = z.strictObject({
  /** The unit that reviewed, e.g. 示范市东湖区自然资源局法规科. */
  unit: z.string().min(4, 'expected the reviewing unit'),
  /** Day the review opinion was given. */
  reviewedOn: date,
  /** 同意 / 修改后同意…: a decision is made only on a review that passed. */
  conclusion: z.enum(['approved', 'approved-with-changes'], { error: 'expected approved or approved-with-changes (a decision cannot follow a failed review)' }),
  /** The opinion in brief. */
  opinion: z.string().min(4).optional(),
});
export type LegalReview = z.output<typeof legalReviewSchema>;

/** Withdrawal of a published decision (行政处罚法 2021 art. 48 ¶2; 国办发〔2018〕118号: 及时撤下). */
export const withdrawalSchema = z.strictObject({
  /** Day the decision changing, revoking or annulling this one took effect (复议决定, 判决, 自行撤销). */
  revokedOn: date,
  /** Who revoked it, e.g. 示范市人民政府（行政复议决定）. */
  revokedBy: z.string().min(2, 'expected who revoked or changed the decision'),
  /** Day it was taken down from this portal; due within 3 working days of revokedOn. */
  takenDownOn: date,
  /** The published reason. */
  reason: z.string().min(4, 'expected the reason for withdrawal'),
});
export type Withdrawal = z.output<typeof withdrawalSchema>;

/** Front matter of content/decisions/*.md; the Markdown body holds the facts (CF_SY). */
export const decisionSchema = z
  .strictObject({
    /** 行政处罚决定书文号 (CF_WSH): unique; the URL derives from it. */
    docNo: z.string().regex(DOC_NO, 'expected a 文号 like 东湖自然资罚〔2025〕12号'),
    /** Violation category code from content/categories.yaml (CF_WFXW). */
    category: z.string().min(1),
    /** The party. */
    party: partySchema,
    /** Region code of the county where the violation took place. */
    county: regionCode,
    /** Where: a place description (village, plot), never a person's home address. */
    location: z.strictObject({
      /** Place name, e.g. 青石镇下湾村东侧. */
      text: z.string().min(2),
      /** Optional point of the site, WGS-84 decimal degrees. */
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
    }),
    /** When the violation began, whether it continued, and when it ended. */
    violation: violationSchema,
    /** Area involved by land type, m². */
    area: areaSchema.default({}),
    /** Illegal income in 元, where the case has one (base of percent-of-income fines). */
    illegalIncome: yuan.optional(),
    /** The amounts a fine is a multiple of, where the law sets it so. */
    fineBasis: z
      .strictObject({
        /** 耕地开垦费 the case would owe, 元 (破坏耕地: 5–10 ×). */
        cultivationFee: yuan.optional(),
        /** 土地复垦费, 元 (拒不复垦: 2–5 ×; 临时用地建永久建筑: 5–10 ×). */
        reclamationFee: yuan.optional(),
        /** Market value of all the ore illegally mined, 元 (矿产资源法 2024 art. 64: 3–5 ×). */
        oreValue: yuan.optional(),
      })
      .default({}),
    /** Circumstances the case established that some penalties require (see content/penalty-provisions.yaml). */
    circumstances: z.array(z.enum(circumstances, { error: `expected one of ${circumstances.join(', ')}` })).default([]),
    /** Articles applied (处罚依据, CF_YJ), each with the version applied when it is not the one in force on the violation date. */
    basis: z.array(citationSchema).min(1, 'expected at least one article in basis'),
    /** Required when a citation applies a version that came into force after the violation: why it is lighter (行政处罚法 art. 37). */
    lighterNewLaw: z.strictObject({ reason: z.string().min(8, 'expected why the new law is lighter') }).optional(),
    /** The discretion baseline band applied: baseline id and band id (see content/baselines). */
    baseline: z.strictObject({ id: z.string().min(1), band: z.string().min(1) }).optional(),
    /** Penalties imposed (CF_CFLB, CF_NR, CF_NR_FK, CF_NR_WFFF, CF_NR_ZKDX). */
    penalties: z.array(penaltySchema).min(1, 'expected at least one penalty'),
    /** Correction orders that accompany the penalties (CF_NR only). */
    orders: z.array(orderSchema).default([]),
    /** Region code of the office that decided (CF_CFJG, CF_CFJGDM come from content/offices). */
    authority: regionCode,
    /** 立案日期: the 90-day limit of 行政处罚法 art. 60 counts from it. */
    filedOn: date,
    /** Days the limit was extended by approval of the office's head, and days not counted (鉴定、听证、公告…). */
    caseLimit: z
      .strictObject({
        /** Extension approved, calendar days. */
        extendedDays: z.number().int().positive().optional(),
        /** Why the extension was approved. */
        extensionReason: z.string().min(4).optional(),
        /** Periods not counted in the limit. */
        excluded: z.array(z.strictObject({ reason: z.string().min(2), days: z.number().int().positive() })).default([]),
      })
      .optional(),
    /** 法制审核 (行政处罚法 art. 58); required when the decision meets content/review-catalogue.yaml. */
    legalReview: legalReviewSchema.optional(),
    /** 集体讨论 by the office's heads (行政处罚法 art. 57 ¶2), where the catalogue requires it. */
    collectiveDiscussion: z.strictObject({ heldOn: date, note: z.string().min(4).optional() }).optional(),
    /** 处罚决定日期 (CF_JDRQ). */
    decidedOn: date,
    /** Date published on this portal (due within 7 working days, 国办发〔2018〕118号). */
    publishedOn: date,
    /** Credit class of the penalty information; it sets the display period (信用修复管理办法). */
    creditClass: z.enum(creditClasses, { error: `expected one of ${creditClasses.join(', ')}` }),
    /** 公示截止期 (CF_GSJZQ): counted from decidedOn within the bounds of the credit class. */
    displayUntil: date,
    /** A credit repair (信用修复) that ended the display early. */
    creditRepair: z.strictObject({ date, basis: z.string().min(4, 'expected the basis of the repair') }).optional(),
    /** 处罚有效期 (CF_YXQ), when the penalty has one. */
    validUntil: date.optional(),
    /** in-force (生效), executed (执行完毕) or withdrawn (撤回: revoked, found unlawful or to be re-made). */
    status: z.enum(['in-force', 'executed', 'withdrawn'], { error: 'expected in-force, executed or withdrawn' }),
    /** Required when withdrawn. */
    withdrawal: withdrawalSchema.optional(),
    /** Execution: not-started, in-progress, completed, or court (申请法院强制执行). */
    execution: z
      .strictObject({
        state: z.enum(['not-started', 'in-progress', 'completed', 'court']),
        note: z.string().optional(),
      })
      .default({ state: 'not-started' }),
    /** True for demo content written for this project. */
    demo: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (d.publishedOn < d.decidedOn) issue(['publishedOn'], `expected a date on or after decidedOn (${d.decidedOn})`);
    if (d.displayUntil < d.publishedOn) issue(['displayUntil'], `expected a date on or after publishedOn (${d.publishedOn})`);
    const violated = violationDateOf(d.violation);
    if (d.filedOn < d.violation.startedOn) issue(['filedOn'], `expected a 立案 date on or after the violation began (${d.violation.startedOn})`);
    if (d.decidedOn < d.filedOn) issue(['filedOn'], `expected a 立案 date on or before decidedOn (${d.decidedOn})`);
    if (d.decidedOn < violated) issue(['violation', d.violation.continuing ? 'endedOn' : 'startedOn'], `expected a date on or before decidedOn (${d.decidedOn})`);
    if (d.legalReview && (d.legalReview.reviewedOn < d.filedOn || d.legalReview.reviewedOn > d.decidedOn)) {
      issue(['legalReview', 'reviewedOn'], `expected a review between filedOn (${d.filedOn}) and decidedOn (${d.decidedOn}): the review comes before the decision (行政处罚法 art. 58)`);
    }
    if (d.collectiveDiscussion && (d.collectiveDiscussion.heldOn < d.filedOn || d.collectiveDiscussion.heldOn > d.decidedOn)) {
      issue(['collectiveDiscussion', 'heldOn'], `expected a date between filedOn (${d.filedOn}) and decidedOn (${d.decidedOn})`);
    }
    if (d.status === 'withdrawn' && !d.withdrawal) issue(['withdrawal'], 'expected withdrawal { revokedOn, revokedBy, takenDownOn, reason } for a withdrawn decision');
    if (d.status !== 'withdrawn' && d.withdrawal) issue(['status'], 'expected status withdrawn when a withdrawal is given');
    if (d.withdrawal) {
      if (d.withdrawal.revokedOn < d.decidedOn) issue(['withdrawal', 'revokedOn'], `expected a date on or after decidedOn (${d.decidedOn})`);
      if (d.withdrawal.takenDownOn < d.withdrawal.revokedOn) issue(['withdrawal', 'takenDownOn'], `expected a date on or after revokedOn (${d.withdrawal.revokedOn})`);
    }
    if (d.creditRepair && (d.creditRepair.date < d.decidedOn || d.creditRepair.date > d.displayUntil)) {
      issue(['creditRepair', 'date'], `expected a date between decidedOn (${d.decidedOn}) and displayUntil (${d.displayUntil})`);
    }
    if ((d.location.lat === undefined) !== (d.location.lng === undefined)) issue(['location'], 'expected both lat and lng, or neither');
  })
  .transform((d) => ({ ...d, violationDate: violationDateOf(d.violation) }));
export type DecisionData = z.output<typeof decisionSchema>;
/** A decision as written in its file (before defaults and the derived violationDate). */
export type DecisionInput = z.input<typeof decisionSchema>;
