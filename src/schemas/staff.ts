import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * 行政执法证号 in the demo province: its region code, then a five-digit serial
 * (e.g. 99010200123). Formats are set by each province (local practice).
 */
export const CERTIFICATE_NO = /^(99\d{4})(\d{5})$/;

/**
 * content/publicity/staff.yaml: enforcement staff (执法人员). Officials acting
 * in office are public by name, certificate number, category and unit; their
 * ID numbers, phones and home addresses never are, and the schema has no field
 * for them.
 */
export const staffListSchema = z.strictObject({
  /** Date the list was last checked. */
  asOf: isoDate,
  staff: z
    .array(
      z.strictObject({
        name: z.string().regex(/^\p{Script=Han}{2,4}$/u, 'expected a name of 2–4 Chinese characters'),
        /** 行政执法证号. */
        certificateNo: z.string().regex(CERTIFICATE_NO, 'expected a 行政执法证号 of the demo province: region code and five digits, e.g. 99010200123'),
        /** 执法类别 / 执法领域, e.g. 国土资源. */
        category: z.string().min(2),
        /** Region code of the office they work for. */
        office: z.string().regex(/^\d{6}$/, 'expected the six-digit code of an office'),
        /** Last day the certificate is valid. */
        validUntil: isoDate,
      }),
    )
    .min(1),
  demo: z.boolean().default(false),
});
export type StaffList = z.output<typeof staffListSchema>;
