import { z } from 'zod';
import { articleRef, isoDate, regionCode, yuan } from './common.ts';
import { creditCode } from './credit-code.ts';
import { MASKED_NAME } from './privacy.ts';

/** 文号 such as 东湖自然资罚〔2025〕12号: issuer prefix, year in 〔〕, serial number, 号. */
export const DOC_NO = /^(\p{Script=Han}[\p{Script=Han}A-Za-z0-9]*)〔(\d{4})〕(\d+)号$/u;

/** The kinds of penalty (and accompanying order) a decision can carry; CF_CFLB in lib/decision-fields. */
export const penaltyKinds = [
  'warning',
  'fine',
  'confiscate-income',
  'confiscate-property',
  'suspend-business',
  'licence-suspend',
  'licence-revoke',
  'demolish',
  'return-land',
  'restore',
  'other',
] as const;

/** One penalty item. Amounts are in 元; the 万元 figures of the 双公示 set are derived. */
export const penaltySchema = z
  .strictObject({
    /** What kind of penalty or order. */
    kind: z.enum(penaltyKinds, { error: `expected one of ${penaltyKinds.join(', ')}` }),
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
    /** Date the violation began (or was found); picks the law version that applies. */
    violationDate: isoDate,
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
        /** Market value of the ore illegally mined, 元 (矿产资源法 2024 art. 64: 3–5 ×). */
        oreValue: yuan.optional(),
      })
      .default({}),
    /** Articles applied (处罚依据, CF_YJ). */
    basis: z.array(articleRef).min(1, 'expected at least one article in basis'),
    /** The discretion baseline band applied: baseline id and band id (see content/baselines). */
    baseline: z.strictObject({ id: z.string().min(1), band: z.string().min(1) }).optional(),
    /** Penalties imposed (CF_CFLB, CF_NR, CF_NR_FK, CF_NR_WFFF, CF_NR_ZKDX). */
    penalties: z.array(penaltySchema).min(1, 'expected at least one penalty'),
    /** Region code of the office that decided (CF_CFJG, CF_CFJGDM come from content/offices). */
    authority: regionCode,
    /** 处罚决定日期 (CF_JDRQ). */
    decidedOn: isoDate,
    /** Date published on this portal (due within 7 working days). */
    publishedOn: isoDate,
    /** 公示截止期 (CF_GSJZQ): after it the decision leaves the lists. */
    displayUntil: isoDate,
    /** 处罚有效期 (CF_YXQ), when the penalty has one. */
    validUntil: isoDate.optional(),
    /** in-force (生效), executed (执行完毕) or withdrawn (撤回: revoked, found unlawful or to be re-made). */
    status: z.enum(['in-force', 'executed', 'withdrawn'], { error: 'expected in-force, executed or withdrawn' }),
    /** Required when withdrawn: date and published reason (行政处罚法 art. 48). */
    withdrawal: z.strictObject({ date: isoDate, reason: z.string().min(4, 'expected the reason for withdrawal') }).optional(),
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
    if (d.publishedOn < d.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['publishedOn'], message: `expected a date on or after decidedOn (${d.decidedOn})` });
    }
    if (d.displayUntil < d.publishedOn) {
      ctx.addIssue({ code: 'custom', path: ['displayUntil'], message: `expected a date on or after publishedOn (${d.publishedOn})` });
    }
    if (d.decidedOn < d.violationDate) {
      ctx.addIssue({ code: 'custom', path: ['violationDate'], message: `expected a date on or before decidedOn (${d.decidedOn})` });
    }
    if (d.status === 'withdrawn' && !d.withdrawal) {
      ctx.addIssue({ code: 'custom', path: ['withdrawal'], message: 'expected withdrawal { date, reason } for a withdrawn decision' });
    }
    if (d.status !== 'withdrawn' && d.withdrawal) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'expected status withdrawn when a withdrawal is given' });
    }
    if (d.withdrawal && d.withdrawal.date < d.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['withdrawal', 'date'], message: `expected a date on or after decidedOn (${d.decidedOn})` });
    }
    if ((d.location.lat === undefined) !== (d.location.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'expected both lat and lng, or neither' });
    }
  });
export type DecisionData = z.output<typeof decisionSchema>;
