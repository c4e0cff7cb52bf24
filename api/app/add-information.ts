import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import { cleanText, fieldErrors } from '../domain/report-input.ts';
import { verifyReporterToken } from '../domain/reporter-token.ts';
import type { InspectedPhoto, ReceivedPhoto } from '../domain/photos.ts';
import type { IntakeDeps } from './intake-deps.ts';
import type { LeadStore } from './ports.ts';
import { notFound, openReport } from './track-report.ts';

const additionSchema = z.object({
  text: z.preprocess(
    (v) => (typeof v === 'string' ? cleanText(v) : v),
    z.string({ error: '请写下要补充的情况' }).min(5, '请至少写 5 个字').max(2000, '不能超过 2000 个字'),
  ),
});

/** The digest an info-added event binds: the text, its time and the photos' hashes. */
export function additionDigest(text: string, at: string, photos: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([1, text, at, photos])).digest('hex');
}

export interface AdditionInput {
  /** The token the tracking page carries, or the code and secret themselves (API clients). */
  token?: string | undefined;
  trackingCode?: string | undefined;
  secret?: string | undefined;
  fields: Readonly<Record<string, string>>;
  photos: readonly ReceivedPhoto[];
}

/**
 * A reporter adds information to their open lead: text and photos with the
 * same limits and checks as a report. Stored with an event that binds its
 * digest, and the office is told by e-mail.
 */
export async function addInformation(deps: IntakeDeps & { leads: LeadStore }, input: AdditionInput): Promise<{ trackingCode: string }> {
  const now = deps.now();
  const code = input.token ? verifyReporterToken(deps.keys.current.key('reporter'), input.token, now) : undefined;
  const report = code ? await deps.store.byTrackingCode(code) : input.token ? undefined : await openReport(deps, input.trackingCode ?? '', input.secret ?? '');
  if (!report) throw notFound();
  if (report.status === 'concluded') throw fieldError('invalid', 'text', 'lead_closed', '这条线索已办结，不能再补充。如有新的情况，请重新举报。');

  const errors = [];
  const parsed = additionSchema.safeParse(input.fields);
  if (!parsed.success) errors.push(...fieldErrors(parsed.error));
  const photos: InspectedPhoto[] = [];
  const kinds = new Set<IntakeError['kind']>();
  for (const [i, photo] of input.photos.entries()) {
    try {
      photos.push(await deps.photos.inspect(photo, 'photos'));
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      kinds.add(error.kind);
      errors.push(...error.errors.map((e) => ({ ...e, message: `第 ${i + 1} 张照片：${e.message}` })));
    }
  }
  if (errors.length > 0 || !parsed.success) throw new IntakeError([...kinds][0] ?? 'invalid', errors);

  await deps.photos.keepOriginals(photos);
  const at = now.toISOString();
  const text = parsed.data.text;
  await deps.leads.write(async (tx) => {
    const additionId = await deps.leads.addAddition(tx, report.id, text, at, photos.map((p) => ({ sha256: p.sha256, bytes: p.bytes, type: p.type, exifSealed: deps.photos.sealExif(p) })));
    await deps.leads.record(tx, report.id, [{ type: 'info-added', data: { additionId, digest: additionDigest(text, at, photos.map((p) => p.sha256)) }, at }]);
    const office = report.office_code ?? deps.offices.find((o) => o.role === 'desk')?.code ?? null;
    if (office) await deps.leads.queue(tx, [{ kind: 'info-added', reportId: report.id, officeCode: office, payload: { additionId } }], at);
  });
  if (photos.length > 0) deps.deriver.kick();
  return { trackingCode: report.tracking_code };
}
