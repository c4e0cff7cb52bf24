import { z } from 'zod';
import { articleRef } from './common.ts';

/** One violation category, shared by reports, decisions and Open311 services. */
export const categorySchema = z
  .strictObject({
    /** Stable code used in URLs, the report API and Open311 service_code. */
    code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a code in lower-case letters, digits and dashes'),
    /** Name shown to people, e.g. 非法占用土地. */
    name: z.string().min(2),
    /** A plain description a citizen understands. */
    description: z.string().min(4),
    /** Group for Open311 (土地 / 矿产 / 不受理). */
    group: z.string().min(1),
    /** False for matters this channel does not take (ownership disputes, complaints against officials…). */
    inScope: z.boolean(),
    /** Where to go instead, required when the category is out of scope. */
    redirect: z.string().optional(),
    /** Articles that set the penalty for this violation. */
    penaltyArticles: z.array(articleRef).default([]),
    /** Search words for Open311 keywords. */
    keywords: z.array(z.string()).default([]),
  })
  .refine((c) => c.inScope || (c.redirect !== undefined && c.redirect.length > 0), {
    message: 'expected a redirect (where to go instead) for an out-of-scope category',
    path: ['redirect'],
  });
export type Category = z.output<typeof categorySchema>;

/** content/categories.yaml: the list of categories. */
export const categoriesFileSchema = z.strictObject({ categories: z.array(categorySchema).min(1) });
