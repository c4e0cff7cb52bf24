import { z } from 'zod';

// The report's fields as the intake API and the report form both check them:
// the form imports this module so a citizen sees the same rules before sending.
// Messages are for people (zh-CN); codes are for programs.

/** Limits a report must stay within. */
export const REPORT_LIMITS = {
  descriptionMin: 10,
  descriptionMax: 4000,
  addressMax: 200,
  nameMax: 50,
  outletMax: 100,
  maxPhotos: 6,
  /** Bytes per photo as uploaded. */
  photoMaxBytes: 10 * 1024 * 1024,
  /** Pixels per photo (decompression bombs are refused before decoding). */
  photoMaxPixels: 50_000_000,
} as const;

/**
 * Characters removed from every text a reporter sends: C0 and C1 controls
 * (tab and newline kept), bidirectional overrides and marks (they make a text
 * read otherwise than it is stored), zero-width and invisible formatting
 * characters (ZWSP, ZWJ, word joiner, BOM, soft hyphen, invisible operators),
 * line and paragraph separators (U+2028/2029 end lines in some readers and
 * not in others), interlinear annotations and the Unicode tag characters
 * (U+E0000–E007F, used to hide text).
 */
const UNSAFE_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

export function cleanText(value: string): string {
  return value.replace(UNSAFE_CHARS, '').replace(/\r\n?/g, '\n').trim();
}

const text = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? cleanText(v) : v), z.string({ error: message }).max(max, `不能超过 ${max} 个字`));

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? cleanText(v) || undefined : v),
    z.string().max(max, `不能超过 ${max} 个字`).optional(),
  );

/** A decimal degree from a form string or a number; NaN, Infinity and empty strings are refused. */
const degree = (min: number, max: number, label: string) =>
  z.preprocess(
    // Only plain decimals: Number() would also take '0x1E', '1e1' or 'Infinity'.
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^[+-]?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v) : v),
    z
      .number({ error: `${label}应为十进制度数，例如 30.2541` })
      .refine(Number.isFinite, `${label}应为有限的数字`)
      .min(min, `${label}应在 ${min} 到 ${max} 之间`)
      .max(max, `${label}应在 ${min} 到 ${max} 之间`)
      .optional(),
  );

const yes = z.preprocess((v) => v === 'yes' || v === 'on' || v === 'true' || v === true, z.boolean());

/** A month (YYYY-MM) or a day (YYYY-MM-DD), not in the future. */
const startedOn = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() || undefined : v),
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, '请按“年-月”或“年-月-日”填写，例如 2026-05 或 2026-05-12')
    .optional(),
);

/**
 * Zod skips refinements once any field failed. Each cross-field rule below runs
 * unless one of the fields it reads failed, so every field at fault is listed at once.
 */
const unlessFailed = (fields: readonly string[]) => ({
  when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0]))),
});

/** The text fields of a report (photos travel as files beside them). */
export const reportInputSchema = z
  .object({
    /** Violation category code from content/categories.yaml. */
    category: text(64, '请选择违法类型').pipe(z.string().min(1, '请选择违法类型')),
    /** What is happening, in the reporter's words. */
    description: text(REPORT_LIMITS.descriptionMax, '请描述发生了什么').pipe(
      z.string().min(REPORT_LIMITS.descriptionMin, `请至少写 ${REPORT_LIMITS.descriptionMin} 个字，说明发生了什么`),
    ),
    /** WGS-84 latitude in decimal degrees. */
    lat: degree(-90, 90, '纬度'),
    /** WGS-84 longitude in decimal degrees. */
    lng: degree(-180, 180, '经度'),
    /** Address or landmark as the reporter describes it. */
    address: optionalText(REPORT_LIMITS.addressMax),
    /** When it started, approximately: YYYY-MM or YYYY-MM-DD. */
    startedOn,
    /** Reporter's name (optional; seen only by the office, only with consent). */
    name: optionalText(REPORT_LIMITS.nameMax),
    /** Reporter's phone (optional). */
    phone: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') || undefined : v),
      z.string().regex(/^(\+?86)?(1[3-9]\d{9}|0\d{9,11})$/, '请填写有效的手机号或座机号，例如 13800000000').optional(),
    ),
    /** Reporter's e-mail (optional). */
    email: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), z.email('请填写有效的电子邮箱').max(254).optional()),
    /** `yes` when the office may contact the reporter. */
    contactConsent: yes,
    /** `yes` when the reporter is a journalist. */
    journalist: yes,
    /** The journalist's outlet. */
    outlet: optionalText(REPORT_LIMITS.outletMax),
  })
  .superRefine(
    (r, ctx) => {
      if ((r.lat === undefined) !== (r.lng === undefined)) {
        ctx.addIssue({ code: 'custom', path: [r.lat === undefined ? 'lat' : 'lng'], message: '经度和纬度需要同时填写' });
      }
    },
    unlessFailed(['lat', 'lng']),
  )
  .superRefine(
    (r, ctx) => {
      if (r.lat === undefined && r.lng === undefined && !r.address) {
        ctx.addIssue({ code: 'custom', path: ['lat'], message: '请在地图上标出位置，或填写地址、地标' });
      }
    },
    unlessFailed(['lat', 'lng', 'address']),
  )
  .superRefine(
    (r, ctx) => {
      if (r.contactConsent && !r.phone && !r.email) {
        ctx.addIssue({ code: 'custom', path: ['phone'], message: '同意联系时，请至少留下电话或电子邮箱' });
      }
    },
    unlessFailed(['contactConsent', 'phone', 'email']),
  )
  .superRefine(
    (r, ctx) => {
      if (r.journalist && !r.outlet) {
        ctx.addIssue({ code: 'custom', path: ['outlet'], message: '请填写所在媒体名称' });
      }
    },
    unlessFailed(['journalist', 'outlet']),
  );
export type ReportInput = z.output<typeof reportInputSchema>;

/** One field at fault, as the API answers it: `{ errors: [{ field, code, message }] }`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Turns a zod error into the API's field errors. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '',
    code: issue.code === 'custom' ? 'invalid' : issue.code,
    message: issue.message,
  }));
}
