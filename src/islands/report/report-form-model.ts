import { batch, computed, signal } from '@preact/signals';
import { REPORT_LIMITS, cleanText, fieldErrors, reportInputSchema, type FieldError } from '../../../api/domain/report-input.ts';
import type { Receipt as ServiceReceipt } from '../../../api/domain/receipt.ts';
import { checkIdempotencyKey } from '../../../api/domain/idempotency-key.ts';

// The report form's state and rules, apart from the DOM so it can be tested in
// Node. The island renders it; the transport (XHR) and the draft store are
// passed in.

export type SubmitStatus = 'idle' | 'submitting' | 'sent' | 'failed';

/** The form's fields as the reporter typed them (strings, as a form posts them). */
export interface ReportFields {
  category: string;
  description: string;
  lat: string;
  lng: string;
  address: string;
  startedOn: string;
  name: string;
  phone: string;
  email: string;
  contactConsent: boolean;
  journalist: boolean;
  outlet: string;
  /** Honeypot: people never see it, so it stays empty. */
  website: string;
}

export const EMPTY_FIELDS: ReportFields = {
  category: '',
  description: '',
  lat: '',
  lng: '',
  address: '',
  startedOn: '',
  name: '',
  phone: '',
  email: '',
  contactConsent: false,
  journalist: false,
  outlet: '',
  website: '',
};

/** The order fields appear in the form, so the error summary lists them top to bottom. */
export const FIELD_ORDER = ['category', 'description', 'lat', 'lng', 'address', 'startedOn', 'photos', 'name', 'phone', 'email', 'contactConsent', 'journalist', 'outlet'] as const;
export type FormField = (typeof FIELD_ORDER)[number];

/** A photo ready to upload (already downscaled by the island). */
export interface DraftPhoto {
  id: string;
  name: string;
  blob: Blob;
}

/** The fields that say who the reporter is: kept in a draft only when asked (a phone may be shared). */
export const IDENTITY_FIELDS = ['name', 'phone', 'email', 'contactConsent', 'journalist', 'outlet'] as const satisfies readonly (keyof ReportFields)[];

/** What survives a closed tab: the fields, the photos and the key of this submission. */
export interface ReportDraft {
  fields: ReportFields;
  photos: DraftPhoto[];
  idempotencyKey: string;
  /** True when the reporter ticked "remember on this device": only then are the identity fields in the draft. */
  rememberIdentity: boolean;
}

/** The fields with the identity ones emptied. */
export function withoutIdentity(fields: ReportFields): ReportFields {
  const kept = { ...fields };
  for (const key of IDENTITY_FIELDS) (kept as Record<string, unknown>)[key] = EMPTY_FIELDS[key];
  return kept;
}

/** The part of the service's receipt the form shows and keeps. */
export type Receipt = Pick<ServiceReceipt, 'trackingCode' | 'secret' | 'status' | 'statusLabel' | 'office'> & Partial<Pick<ServiceReceipt, 'receivedAt' | 'photos'>>;

export interface ReportRequest {
  fields: Record<string, string>;
  photos: DraftPhoto[];
  idempotencyKey: string;
}

export type SendOutcome =
  | { kind: 'created'; receipt: Receipt }
  /** The server answered and refused (4xx): sending again unchanged would not help. */
  | { kind: 'rejected'; httpStatus: number; errors: FieldError[]; retryAfterSeconds?: number }
  /** No answer, or a 5xx: the same request may be sent again with the same key. */
  | { kind: 'unavailable'; httpStatus?: number };

export type Sender = (request: ReportRequest, onProgress: (loaded: number, total: number) => void) => Promise<SendOutcome>;

export interface Failure {
  kind: 'invalid' | 'rejected' | 'rate-limited' | 'network';
  message: string;
}

/** A category as the form offers it. */
export interface CategoryChoice {
  code: string;
  name: string;
  description: string;
  inScope: boolean;
  redirect?: string | undefined;
}

export interface ReportFormOptions {
  send: Sender;
  categories: readonly CategoryChoice[];
  /** Waits between automatic retries; tests pass one that does not sleep. */
  wait?: (ms: number) => Promise<void>;
  /** Pauses before each automatic retry after a network failure. */
  retryDelaysMs?: readonly number[];
  newKey?: () => string;
}

/**
 * 128 random bits as hex; getRandomValues also works on plain-http pages,
 * unlike randomUUID. Drawn again in the rare case the service's key check
 * would refuse it (32 decimal digits and no letter: about one key in 3.4 million).
 */
export function randomKey(): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const key = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (checkIdempotencyKey(key).ok) return key;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The multipart fields as the API names them; empty ones are left out. */
export function toRequestFields(fields: ReportFields): Record<string, string> {
  const out: Record<string, string> = {};
  const text: (keyof ReportFields)[] = ['category', 'description', 'lat', 'lng', 'address', 'startedOn', 'name', 'phone', 'email', 'outlet', 'website'];
  for (const key of text) {
    const value = String(fields[key]).trim();
    if (value !== '') out[key] = value;
  }
  if (fields.contactConsent) out.contactConsent = 'yes';
  if (fields.journalist) out.journalist = 'yes';
  return out;
}

/** Maps an API field path (`photos.2`, `lat`) to the form field that shows it, or '' for the form as a whole. */
export function formFieldOf(apiField: string): FormField | '' {
  const head = apiField.split('.')[0] ?? '';
  return (FIELD_ORDER as readonly string[]).includes(head) ? (head as FormField) : '';
}

/** One message per field, in form order; messages about the whole form come first. */
export function orderErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const rank = (f: string) => (f === '' ? -1 : FIELD_ORDER.indexOf(f as FormField));
  return errors
    .map((e) => ({ ...e, field: formFieldOf(e.field) }))
    .filter((e) => {
      const key = e.field === '' ? `:${e.message}` : e.field;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => rank(a.field) - rank(b.field));
}

/** Checks the fields with the schema the server uses, plus what only the form knows (photos, category list). */
export function validateReport(fields: ReportFields, photos: readonly DraftPhoto[], categories: readonly CategoryChoice[]): FieldError[] {
  const errors: FieldError[] = [];
  const parsed = reportInputSchema.safeParse(toRequestFields(fields));
  if (!parsed.success) errors.push(...fieldErrors(parsed.error));
  const category = categories.find((c) => c.code === fields.category);
  if (fields.category !== '' && !category) {
    errors.push({ field: 'category', code: 'invalid', message: '请从列表中选择违法类型' });
  } else if (category && !category.inScope) {
    errors.push({ field: 'category', code: 'out_of_scope', message: `“${category.name}”不属于本渠道受理范围。${category.redirect ?? ''}` });
  }
  if (photos.length > REPORT_LIMITS.maxPhotos) {
    errors.push({ field: 'photos', code: 'too_big', message: `最多上传 ${REPORT_LIMITS.maxPhotos} 张照片，请删去 ${photos.length - REPORT_LIMITS.maxPhotos} 张` });
  }
  const tooLarge = photos.findIndex((p) => p.blob.size > REPORT_LIMITS.photoMaxBytes);
  if (tooLarge >= 0) {
    errors.push({ field: 'photos', code: 'too_big', message: `第 ${tooLarge + 1} 张照片超过 ${REPORT_LIMITS.photoMaxBytes / 1024 / 1024} MB，请换一张` });
  }
  return orderErrors(errors);
}

const REJECTED_MESSAGE: Record<number, string> = {
  413: '内容太大，超出了上传限制。请减少照片数量后重试。',
  415: '有照片不是可接受的格式，请上传 JPEG、PNG 或 WebP 图片。',
  429: '提交过于频繁，请稍后再试。',
};

export function createReportFormModel(options: ReportFormOptions) {
  const wait = options.wait ?? sleep;
  const delays = options.retryDelaysMs ?? [2_000, 5_000, 15_000];
  const newKey = options.newKey ?? randomKey;

  const fields = signal<ReportFields>({ ...EMPTY_FIELDS });
  const photos = signal<DraftPhoto[]>([]);
  const status = signal<SubmitStatus>('idle');
  const errors = signal<FieldError[]>([]);
  const failure = signal<Failure | undefined>(undefined);
  const progress = signal<{ loaded: number; total: number } | undefined>(undefined);
  const receipt = signal<Receipt | undefined>(undefined);
  const idempotencyKey = signal(newKey());
  /** The reporter's choice to keep name and contacts in the draft on this device (off by default). */
  const rememberIdentity = signal(false);
  /** Requests sent for the current submission, retries included. */
  const attempts = signal(0);
  const descriptionLength = computed(() => cleanText(fields.value.description).length);

  function errorFor(field: FormField): string | undefined {
    return errors.value.find((e) => e.field === field)?.message;
  }

  function setField<K extends keyof ReportFields>(key: K, value: ReportFields[K]): void {
    fields.value = { ...fields.value, [key]: value };
  }

  function setLocation(lat: number, lng: number): void {
    fields.value = { ...fields.value, lat: String(lat), lng: String(lng) };
  }

  function addPhotos(added: readonly DraftPhoto[]): void {
    photos.value = [...photos.value, ...added];
  }

  function removePhoto(id: string): void {
    photos.value = photos.value.filter((p) => p.id !== id);
  }

  /** Puts a photo read again from its file in the place of the one the server found incomplete. */
  function replacePhoto(id: string, blob: Blob): void {
    photos.value = photos.value.map((p) => (p.id === id ? { ...p, blob } : p));
  }

  /** The photos the server refused as incomplete (cut off on the way), by their place in the form. */
  function incompletePhotoIds(): string[] {
    return errors.value
      .filter((e) => e.field === 'photos' && e.code === 'photo_incomplete')
      .map((e) => Number(/^第 (\d+) 张/.exec(e.message)?.[1]) - 1)
      .map((i) => photos.value[i]?.id)
      .filter((id): id is string => id !== undefined);
  }

  function validate(): FieldError[] {
    const found = validateReport(fields.value, photos.value, options.categories);
    errors.value = found;
    return found;
  }

  async function submit(): Promise<void> {
    if (status.value === 'submitting' || status.value === 'sent') return;
    if (validate().length > 0) {
      batch(() => {
        status.value = 'failed';
        failure.value = { kind: 'invalid', message: '请修改标出的问题后再提交。' };
      });
      return;
    }
    batch(() => {
      status.value = 'submitting';
      failure.value = undefined;
      progress.value = undefined;
      attempts.value = 0;
    });
    const request: ReportRequest = { fields: toRequestFields(fields.value), photos: photos.value, idempotencyKey: idempotencyKey.value };
    for (let retry = 0; ; retry++) {
      attempts.value += 1;
      const outcome = await options.send(request, (loaded, total) => {
        progress.value = { loaded, total };
      });
      if (outcome.kind === 'created') {
        batch(() => {
          receipt.value = outcome.receipt;
          status.value = 'sent';
          errors.value = [];
        });
        return;
      }
      if (outcome.kind === 'rejected') {
        const ordered = orderErrors(outcome.errors);
        const general = REJECTED_MESSAGE[outcome.httpStatus] ?? '举报未被接受，请修改标出的问题后再提交。';
        const rateLimited = outcome.httpStatus === 429;
        const wait = outcome.retryAfterSeconds;
        batch(() => {
          // Nothing was stored for a refused request, and a server may remember the
          // refusal under its key: the corrected report goes with a new key.
          idempotencyKey.value = newKey();
          errors.value = ordered.length > 0 ? ordered : [{ field: '', code: 'rejected', message: general }];
          failure.value = {
            kind: rateLimited ? 'rate-limited' : 'rejected',
            message: rateLimited && wait !== undefined ? `提交过于频繁，请在 ${wait} 秒后重试。` : general,
          };
          status.value = 'failed';
        });
        return;
      }
      const delay = delays[retry];
      if (delay === undefined) {
        batch(() => {
          errors.value = [];
          failure.value = {
            kind: 'network',
            message: '网络连接中断，举报还没有送达。内容已保存在本机浏览器中，恢复网络后请点“重新提交”；重新提交不会产生重复的举报。',
          };
          status.value = 'failed';
        });
        return;
      }
      await wait(delay);
    }
  }

  /** Starts a new report after one was sent: empty form, new key. */
  function startNew(): void {
    batch(() => {
      fields.value = { ...EMPTY_FIELDS };
      photos.value = [];
      errors.value = [];
      failure.value = undefined;
      progress.value = undefined;
      receipt.value = undefined;
      attempts.value = 0;
      idempotencyKey.value = newKey();
      rememberIdentity.value = false;
      status.value = 'idle';
    });
  }

  /** The draft to keep on this device: without the identity fields unless the reporter asked to remember them. */
  function toDraft(): ReportDraft {
    const remember = rememberIdentity.value;
    return { fields: remember ? fields.value : withoutIdentity(fields.value), photos: photos.value, idempotencyKey: idempotencyKey.value, rememberIdentity: remember };
  }

  function restoreDraft(draft: ReportDraft): void {
    batch(() => {
      fields.value = { ...EMPTY_FIELDS, ...(draft.rememberIdentity ? draft.fields : withoutIdentity(draft.fields)) };
      photos.value = draft.photos;
      idempotencyKey.value = draft.idempotencyKey;
      rememberIdentity.value = draft.rememberIdentity;
    });
  }

  return {
    fields,
    photos,
    status,
    errors,
    failure,
    progress,
    receipt,
    idempotencyKey,
    rememberIdentity,
    attempts,
    descriptionLength,
    errorFor,
    setField,
    setLocation,
    addPhotos,
    removePhoto,
    replacePhoto,
    incompletePhotoIds,
    validate,
    submit,
    startNew,
    toDraft,
    restoreDraft,
  };
}

export type ReportFormModel = ReturnType<typeof createReportFormModel>;
