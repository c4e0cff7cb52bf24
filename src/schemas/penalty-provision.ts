import { z } from 'zod';
import { isoDate } from './common.ts';
import { legalRangeSchema } from './baseline.ts';
import { circumstances, orderKinds, penaltyKinds } from './decision.ts';
import { landTypes } from './land-type.ts';
import { lawId } from './law.ts';

/** What a penalty item needs the case to have established before the article allows it. */
const requirementSchema = z.strictObject({
  /** The most protected land involved must be one of these (e.g. art. 77's demolition: 农用地 turned to construction). */
  landTypes: z.array(z.enum(landTypes)).min(1).optional(),
  /** Every one of these must be recorded in the decision's circumstances. */
  circumstances: z.array(z.enum(circumstances)).min(1).optional(),
});
export type Requirement = z.output<typeof requirementSchema>;

/**
 * One penalty article (罚则) of one version of a law: which penalties and
 * orders it provides and the fine range it sets. A decision may impose only
 * what an article it cites provides (行政处罚法 2021 art. 38: a penalty without
 * basis is void), and a fine only within the range its articles set.
 */
export const penaltyProvisionSchema = z.strictObject({
  /** The law's id in content/basis. */
  law: lawId,
  /** First day in force of the version this entry reads. */
  version: isoDate,
  /** Article number. */
  article: z.number().int().positive(),
  /** Paragraph (款), when the article's paragraphs provide different things. */
  paragraph: z.number().int().positive().optional(),
  /** Item (项), when the article's items provide different things (e.g. 矿产资源法实施细则 art. 42). */
  item: z.number().int().positive().optional(),
  /** The violation it punishes, in a few words. */
  violation: z.string().min(4),
  /** The penalties it provides, each with what it requires of the case. */
  penalties: z
    .array(
      z.strictObject({
        kind: z.enum(penaltyKinds, { error: `expected one of ${penaltyKinds.join(', ')}` }),
        requires: requirementSchema.optional(),
        /** The condition as the article words it, shown with the check. */
        condition: z.string().min(4).optional(),
      }),
    )
    .default([]),
  /** The correction orders it provides. */
  orders: z.array(z.enum(orderKinds, { error: `expected one of ${orderKinds.join(', ')}` })).default([]),
  /** The fine range it sets, in the units baselines use. */
  fine: legalRangeSchema.optional(),
  /** The land the article concerns: a case on other land is not this violation (e.g. art. 75: 耕地). */
  appliesTo: z.strictObject({ landTypes: z.array(z.enum(landTypes)).min(1) }).optional(),
});
export type PenaltyProvision = z.output<typeof penaltyProvisionSchema>;

/** content/penalty-provisions.yaml. */
export const penaltyProvisionsFileSchema = z.strictObject({ provisions: z.array(penaltyProvisionSchema).min(1) });
