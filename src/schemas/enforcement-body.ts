import { z } from 'zod';
import { articleRef, isoDate, regionCode } from './common.ts';

/**
 * content/publicity/body.yaml: the enforcement body (执法主体) and the legal
 * basis of its powers, with powers transferred to 综合行政执法 or townships
 * (国办发〔2018〕118号, 事前公开: 执法主体、职责、权限).
 */
export const enforcementBodySchema = z.strictObject({
  /** Name of the body, e.g. 示范市自然资源和规划局. */
  name: z.string().min(4),
  /** Its nature: 行政机关, 法律法规授权组织… */
  nature: z.string().min(2),
  /** What gives it its powers. */
  legalBasis: z.array(z.strictObject({ text: z.string().min(4), ref: articleRef.optional() })).min(1),
  /** The county offices that enforce in their territory (region codes in content/offices). */
  offices: z.array(regionCode).default([]),
  /** Powers moved elsewhere, each with its document and dates. */
  transfers: z
    .array(
      z.strictObject({
        /** Who now exercises it, e.g. 示范市东湖区青石镇人民政府. */
        to: z.string().min(4),
        /** What was transferred. */
        scope: z.string().min(4),
        /** The document that transferred it. */
        document: z.string().min(4),
        /** First day the receiving body exercises it. */
        from: isoDate,
        /** Last day, when it was taken back. */
        until: isoDate.optional(),
      }),
    )
    .default([]),
  /** Supervision and complaints about enforcement (救济、监督渠道). */
  supervision: z.array(z.string().min(4)).default([]),
  demo: z.boolean().default(false),
});
export type EnforcementBody = z.output<typeof enforcementBodySchema>;
