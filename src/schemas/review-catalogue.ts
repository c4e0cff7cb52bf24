import { z } from 'zod';
import { articleRef, isoDate } from './common.ts';
import { penaltyKinds } from './decision.ts';
import { landTypes } from './land-type.ts';

/** What makes a decision one that needs legal review; any condition given must hold. */
const triggerSchema = z
  .strictObject({
    /** The fine or confiscation reaches the 较大数额 of content/publicity/hearing-threshold.yaml. */
    largeAmount: z.boolean().optional(),
    /** The decision imposes one of these penalties. */
    penaltyKinds: z.array(z.enum(penaltyKinds)).min(1).optional(),
    /** The land involved includes one of these types. */
    landTypes: z.array(z.enum(landTypes)).min(1).optional(),
  })
  .refine((t) => Object.keys(t).length > 0, { message: 'expected at least one condition (largeAmount, penaltyKinds, landTypes)' });
export type ReviewTrigger = z.output<typeof triggerSchema>;

/**
 * content/publicity/review-catalogue.yaml: the 重大执法决定法制审核目录清单
 * (国办发〔2018〕118号 asks every enforcement body to publish one; 行政处罚法
 * 2021 art. 58 requires review before such decisions). Which decisions count as
 * major beyond art. 58's list is set locally.
 */
export const reviewCatalogueSchema = z.strictObject({
  issuer: z.string().min(2),
  document: z.string().min(4),
  effectiveFrom: isoDate,
  /** The reviewing unit, e.g. 法规科. */
  reviewUnit: z.string().min(2),
  entries: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an id in lower-case letters, digits and dashes'),
        /** The matter as the catalogue words it. */
        name: z.string().min(4),
        /** When it applies, machine-checkable. */
        when: triggerSchema,
        /** True when the office's heads must also discuss it collectively (行政处罚法 art. 57 ¶2). */
        collectiveDiscussion: z.boolean().default(false),
        basis: z.array(articleRef).default([]),
      }),
    )
    .min(1),
  notes: z.array(z.string().min(4)).default([]),
  demo: z.boolean().default(false),
});
export type ReviewCatalogue = z.output<typeof reviewCatalogueSchema>;
