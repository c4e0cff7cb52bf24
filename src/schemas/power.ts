import { z } from 'zod';
import { articleRef } from './common.ts';

/** Kinds of power in a 权责清单 (the usual ten categories, of which enforcement uses these). */
export const powerKinds = ['行政处罚', '行政强制', '行政检查', '行政确认', '其他行政权力'] as const;

/** content/publicity/powers.yaml: the 权责清单 of the enforcement body. */
export const powerListSchema = z.strictObject({
  /** Version of the list, e.g. 2025年版. */
  version: z.string().min(2),
  /** Who approved it. */
  approvedBy: z.string().min(4),
  powers: z
    .array(
      z.strictObject({
        /** Stable code of the power, e.g. 990100-CF-001. */
        code: z.string().regex(/^[0-9A-Z-]{4,30}$/, 'expected a code of digits, capitals and dashes'),
        /** Name of the power. */
        name: z.string().min(4),
        kind: z.enum(powerKinds, { error: `expected one of ${powerKinds.join('、')}` }),
        /** The articles it rests on. */
        basis: z.array(articleRef).min(1, 'expected the articles the power rests on'),
        /** The unit that exercises it. */
        unit: z.string().min(4),
        /** Duties that come with it (责任事项). */
        duties: z.string().min(4).optional(),
      }),
    )
    .min(1),
  demo: z.boolean().default(false),
});
export type PowerList = z.output<typeof powerListSchema>;
