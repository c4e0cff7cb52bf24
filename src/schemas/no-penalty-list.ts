import { z } from 'zod';
import { articleRef, isoDate } from './common.ts';

/**
 * content/publicity/no-penalty.yaml: the published lists of matters not
 * penalised (不予处罚清单): 首违不罚 (行政处罚法 2021 art. 33 ¶1, second
 * sentence: first violation, slight harm, promptly corrected — may not
 * penalise) and 轻微不罚 (art. 33 ¶1, first sentence: slight, promptly
 * corrected, no harm — shall not penalise). Lists are issued locally.
 */
export const noPenaltyListSchema = z.strictObject({
  issuer: z.string().min(2),
  document: z.string().min(4),
  effectiveFrom: isoDate,
  lists: z
    .array(
      z.strictObject({
        kind: z.enum(['first-violation', 'minor'], { error: 'expected first-violation (首违不罚) or minor (轻微不罚)' }),
        items: z
          .array(
            z.strictObject({
              /** The violation. */
              matter: z.string().min(4),
              /** When it is not penalised, as the list words it. */
              conditions: z.string().min(4),
              /** The article that makes it a violation. */
              basis: z.array(articleRef).min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
  demo: z.boolean().default(false),
});
export type NoPenaltyList = z.output<typeof noPenaltyListSchema>;
