import { z } from 'zod';
import { articleRef, isoDate, regionCode } from './common.ts';

/**
 * content/publicity/inspections.yaml: the 随机抽查事项清单 and each
 * inspection's result (双随机、一公开: random objects, random inspectors,
 * results published; 国办发〔2018〕118号 asks results within 20 working days).
 */
export const inspectionsSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an id in lower-case letters, digits and dashes'),
        /** The matter inspected. */
        name: z.string().min(4),
        /** Who may be drawn. */
        objects: z.string().min(4),
        /** How and how often. */
        method: z.string().min(4),
        /** Share of objects drawn each round, as the plan says. */
        ratio: z.string().min(2),
        basis: z.array(articleRef).min(1),
      }),
    )
    .min(1),
  results: z
    .array(
      z.strictObject({
        /** Id of the item in `items`. */
        item: z.string().min(1),
        /** The object inspected: an organisation's name (natural persons masked). */
        object: z.string().min(2),
        /** Office that inspected. */
        office: regionCode,
        inspectedOn: isoDate,
        /** 未发现问题 / 发现问题已责令整改 / 已立案查处… */
        result: z.enum(['no-problem', 'corrected', 'case-filed'], { error: 'expected no-problem, corrected or case-filed' }),
        note: z.string().min(2).optional(),
        publishedOn: isoDate,
      }),
    )
    .default([]),
  demo: z.boolean().default(false),
});
export type Inspections = z.output<typeof inspectionsSchema>;
