import { z } from 'zod';
import { articleRef, isoDate } from './common.ts';
import { landTypes } from './land-type.ts';

export { landTypes, type LandType } from './land-type.ts';

/** Units a fine range can be written in. */
export const rangeUnits = ['yuan-per-m2', 'fee-multiple', 'income-percent', 'ore-value-multiple', 'fixed-yuan'] as const;
export type RangeUnit = (typeof rangeUnits)[number];

const amount = z.number({ error: 'expected a number' }).nonnegative('expected 0 or more');

/** A range of fines in the baseline's unit. */
export const rangeSchema = z
  .strictObject({
    /** Lowest fine, in the unit of the legal range. */
    min: amount,
    /** Highest fine, in the unit of the legal range. */
    max: amount,
  })
  .refine((r) => r.min <= r.max, { message: 'expected min to be at most max', path: ['max'] });
export type FineRange = z.output<typeof rangeSchema>;

/**
 * An interval of a fact: above (exclusive) … upTo (inclusive), the way
 * baselines write 「X以上（不含）Y以下（含）」. A missing end is open.
 */
const intervalFields = {
  /** Lower end, exclusive. */
  above: amount.optional(),
  /** Upper end, inclusive. */
  upTo: amount.optional(),
};
function checkInterval<T extends { above?: number | undefined; upTo?: number | undefined }>(schema: z.ZodType<T>) {
  return schema
    .refine((i) => i.above === undefined || i.upTo === undefined || i.above < i.upTo, {
      message: 'expected above to be less than upTo',
      path: ['upTo'],
    })
    .refine((i) => i.above !== undefined || i.upTo !== undefined, { message: 'expected above, upTo or both' });
}
const interval = checkInterval(z.strictObject(intervalFields));
const areaInterval = checkInterval(
  z.strictObject({
    ...intervalFields,
    /** m2 (平方米) or mu (亩, 666.67 m²). */
    unit: z.enum(['m2', 'mu'], { error: 'expected m2 or mu (亩)' }).default('m2'),
  }),
);
export type Interval = z.output<typeof interval>;

/** One machine-checkable alternative: every fact it names must hold; facts it leaves out may be anything. */
export const conditionSchema = z.strictObject({
  /** The most protected land type involved is one of these. */
  landTypes: z.array(z.enum(landTypes, { error: `expected land types among ${landTypes.join(', ')}` })).min(1).optional(),
  /** Total area involved. */
  area: areaInterval.optional(),
  /** Illegal income in 元. */
  illegalIncome: interval.optional(),
  /** Market value of the ore in 元 (0 when there is none). */
  oreValue: interval.optional(),
  /** A repeat offence (再次违法) or not. */
  repeat: z.boolean().optional(),
});
export type Condition = z.output<typeof conditionSchema>;

/** One band (阶次) of a baseline. */
export const bandSchema = z.strictObject({
  /** Stable id, referenced by decisions' baseline.band. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an id in lower-case letters, digits and dashes'),
  /** 轻微 / 一般 / 较重 / 严重, or 从轻 / 一般 / 从重. */
  name: z.string().min(2),
  /** The conditions as the baseline words them. */
  conditions: z.string().min(4),
  /** Machine-checkable conditions: the band applies when any alternative holds. */
  match: z.array(conditionSchema).min(1, 'expected at least one machine-checkable condition'),
  /** The fine range of the band, in the legal range's unit. */
  range: rangeSchema,
  /** The band's range in 元 where the legal fallback applies (no ore value, or below the threshold). */
  fallbackRange: rangeSchema.optional(),
});
export type Band = z.output<typeof bandSchema>;

/** The statutory fine range the bands divide. */
export const legalRangeSchema = z
  .strictObject({
    /** yuan-per-m2, fee-multiple, income-percent, ore-value-multiple or fixed-yuan. */
    unit: z.enum(rangeUnits, { error: `expected one of ${rangeUnits.join(', ')}` }),
    /** For fee-multiple: which fee (耕地开垦费 cultivation, 土地复垦费 reclamation). */
    fee: z.enum(['cultivation', 'reclamation'], { error: 'expected cultivation or reclamation' }).optional(),
    /** Lowest fine in the unit. */
    min: amount,
    /** Highest fine in the unit. */
    max: amount,
    /** For ore-value-multiple: a fixed range in 元 when there is no ore value or it is below `threshold` 元. */
    fallback: z
      .strictObject({
        /** Ore value in 元 below which the fixed range applies. */
        threshold: amount,
        /** Lowest fine in 元. */
        min: amount,
        /** Highest fine in 元. */
        max: amount,
      })
      .optional(),
  })
  .refine((r) => r.min <= r.max, { message: 'expected min to be at most max', path: ['max'] })
  .refine((r) => (r.unit === 'fee-multiple') === (r.fee !== undefined), {
    message: 'expected fee (cultivation or reclamation) exactly when the unit is fee-multiple',
    path: ['fee'],
  })
  .refine((r) => r.fallback === undefined || r.unit === 'ore-value-multiple', {
    message: 'expected a fallback only with the unit ore-value-multiple',
    path: ['fallback'],
  });
export type LegalRange = z.output<typeof legalRangeSchema>;

/** content/baselines/<id>.yaml: one violation type's discretion baseline (裁量基准), one version. */
export const baselineSchema = z
  .strictObject({
    /** Stable id of this version, e.g. illegal-occupation-2022; decisions cite it. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an id in lower-case letters, digits and dashes'),
    /** Violation category code from content/categories.yaml. */
    category: z.string().min(1),
    /** Title, e.g. 非法占用土地行为行政处罚裁量基准. */
    title: z.string().min(4),
    /** Version label shown to readers, e.g. 2022年版. */
    version: z.string().min(2),
    /** Issuer and document number of the baseline. */
    issuer: z.string().min(2),
    /** First day in force. */
    effectiveFrom: isoDate,
    /** Last day in force, when replaced or repealed. */
    effectiveTo: isoDate.optional(),
    /** The articles the baseline refines (they set the legal range). */
    refines: z.array(articleRef).min(1, 'expected at least one article the baseline refines'),
    /** The statutory range. */
    legalRange: legalRangeSchema,
    /** The land types the violation can involve; cases on other land are not this violation (e.g. 破坏耕地: 耕地 only). */
    landTypes: z.array(z.enum(landTypes, { error: `expected land types among ${landTypes.join(', ')}` })).min(1).optional(),
    /** The bands, lightest first. */
    bands: z.array(bandSchema).min(2, 'expected at least two bands'),
    /** Notes: how land types and areas are counted, mitigating and aggravating circumstances. */
    notes: z.array(z.string().min(4)).default([]),
    /** True for demo content written for this project. */
    demo: z.boolean().default(false),
  })
  .refine((b) => b.effectiveTo === undefined || b.effectiveFrom <= b.effectiveTo, {
    message: 'expected effectiveTo on or after effectiveFrom',
    path: ['effectiveTo'],
  });
export type Baseline = z.output<typeof baselineSchema>;
