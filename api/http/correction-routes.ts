import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from '../domain/html.ts';
import { IntakeError } from '../domain/intake-error.ts';
import { issueFormToken } from '../domain/form-token.ts';
import { submitReport } from '../app/submit-report.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { sendHtml } from './answer.ts';
import { prefersHtml } from './negotiate.ts';
import { parseSubmission } from './parse-submission.ts';
import { REPORT_RESULT, renderResultPage } from './result-page.ts';
import { receiptFragment } from './render-fragments.ts';
import { sendJson } from './send.ts';
import type { PageRenderer } from './page-renderer.ts';
import { answerError, checkOrigin, checkRate, logRefusal, retryKey, type IntakeRouteDeps } from './intake-routes.ts';

/** A published decision a reader may report as wrong: what the request needs of it. */
export interface CorrectionTarget {
  slug: string;
  docNo: string;
  /** The office that published it; the request goes there. */
  authority: string;
  category: string;
  status: string;
  displayUntil: string;
  creditRepairOn: string | undefined;
}

export interface CorrectionDeps {
  intake: IntakeRouteDeps;
  page: PageRenderer;
  /** The decisions by slug (read from the content once, when first needed). */
  targets(): Map<string, CorrectionTarget>;
}

/** What a reader can say is wrong; the label goes into the lead's description for the office. */
export const CORRECTION_FIELDS = {
  party: '当事人名称或类别',
  amount: '罚款或没收金额',
  facts: '违法事实、地点或面积',
  basis: '处罚依据或处罚种类',
  dates: '日期（决定、公示、公示截止）',
  privacy: '公开了不应公开的个人信息',
  other: '其他',
} as const;
type CorrectionField = keyof typeof CORRECTION_FIELDS;

/**
 * Only a decision on the site today can be reported: the same test as the
 * site's visibilityOf (src/lib/site-data.ts), which the service may not import.
 */
function listed(t: CorrectionTarget, today: string): boolean {
  return t.status !== 'withdrawn' && !(t.creditRepairOn && t.creditRepairOn <= today) && t.displayUntil >= today;
}

function formPage(t: CorrectionTarget, token: string, errors: readonly { field: string; message: string }[] = [], typed: Record<string, string> = {}) {
  const errorOf = (f: string) => errors.find((e) => e.field === f)?.message;
  return html`<nav class="breadcrumb" aria-label="当前位置"><ol><li><a href="/">首页</a></li><li><a href="/decisions/${encodeURIComponent(t.slug)}/">${t.docNo}</a></li><li>报告此记录有误</li></ol></nav>
<h1>报告此记录有误</h1>
<p>关于 <strong>${t.docNo}</strong> 的公示记录。申请将作为“记录纠错”线索送交作出并公示该决定的机关核实答复，计入<a href="/leads/">线索办理情况</a>的统计。提交后您会得到查询码和密钥，可在<a href="/track/">查询举报进展</a>中查看答复。本页不收集您的姓名和联系方式。</p>
${errors.length > 0 ? html`<div class="notice bad" role="alert"><h2>请修改以下内容</h2><ul>${errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/api/corrections" class="report-form correction-form">
<input type="hidden" name="decision" value="${t.slug}">
<input type="hidden" name="formToken" value="${token}">
<fieldset class="form-field"><legend><span class="label-heading">哪一项有误</span></legend><div class="radios">
${(Object.keys(CORRECTION_FIELDS) as CorrectionField[]).map((k) => html`<div class="radio"><input type="radio" id="field-${k}" name="field" value="${k}" ${typed.field === k ? 'checked' : ''} required><label for="field-${k}">${CORRECTION_FIELDS[k]}</label></div>`)}
</div>
${errorOf('field') ? html`<p class="form-error">${errorOf('field')}</p>` : ''}
</fieldset>
<div class="form-field"><label for="text">错在哪里、应当是什么（10–2000 字，可注明依据）</label>
${errorOf('text') ? html`<p class="form-error" id="text-error">${errorOf('text')}</p>` : ''}
<textarea id="text" name="text" rows="6" minlength="10" maxlength="2000" required ${errorOf('text') ? html`aria-describedby="text-error" class="invalid"` : ''}>${typed.text ?? ''}</textarea></div>
<div class="visually-hidden" aria-hidden="true"><label for="website">请勿填写</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p><button type="submit" class="button">提交</button></p>
</form>`;
}

/** GET /corrections/new/?decision=<slug>: the form, for a decision on the site; anything else is a 404. */
export async function getCorrectionForm(req: IncomingMessage, res: ServerResponse, deps: CorrectionDeps): Promise<void> {
  const slug = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('decision') ?? '';
  const t = deps.targets().get(slug);
  const now = deps.intake.intake.now();
  if (!t || !listed(t, todayInChina(now))) {
    return sendHtml(res, 404, await deps.page('没有这件决定', html`<h1>没有这件公示中的决定</h1><p>只能对公示中的处罚决定报告记录有误。<a href="/decisions/">查看处罚决定</a></p>`));
  }
  sendHtml(res, 200, await deps.page(`报告此记录有误 · ${t.docNo}`, formPage(t, issueFormToken(deps.intake.intake.keys.current.key('form'), now))));
}

/**
 * POST /api/corrections: a correction request becomes a lead (source
 * correction) of the decision's category, routed to the office that published
 * it — stored, on the record, e-mailed through the outbox, acknowledged and
 * answered (已更正 / 记录无误) on the office's lead page, followed by the
 * requester with the tracking code — with every protection of a report:
 * origin policy, rate limit, honeypot, retry by form token or key.
 */
export async function postCorrection(req: IncomingMessage, res: ServerResponse, deps: CorrectionDeps): Promise<void> {
  const intake = deps.intake;
  const route = 'POST /api/corrections';
  let fields: Record<string, string> = {};
  try {
    checkOrigin(req, intake, route);
    checkRate(req, intake.reportLimiter, intake, route);
    // No photos: a file part is refused before it is stored (photos: 0); 2000 Han characters are 6 KB.
    const body = await parseSubmission(req, intake.receiver, { fields: 10, fieldBytes: 8 * 1024, photos: 0, photoBytes: 0, bodyBytes: 32 * 1024 }, undefined, intake.uploadIdleTimeoutMs);
    fields = body.fields;
    const t = deps.targets().get(fields.decision ?? '');
    const errors: { field: string; code: string; message: string }[] = [];
    if (!t || !listed(t, todayInChina(intake.intake.now()))) errors.push({ field: 'decision', code: 'unknown_decision', message: '没有这件公示中的处罚决定' });
    const field = fields.field ?? '';
    if (!(field in CORRECTION_FIELDS)) errors.push({ field: 'field', code: 'invalid_enum_value', message: '请选择哪一项有误' });
    const text = (fields.text ?? '').trim();
    if ([...text].length < 10 || [...text].length > 2000) errors.push({ field: 'text', code: 'too_short', message: '请用 10–2000 字说明错在哪里' });
    if (errors.length > 0 || !t) throw new IntakeError('invalid', errors);
    const result = await submitReport(intake.intake, {
      fields: {
        category: t.category,
        description: `【记录纠错】${t.docNo}（${CORRECTION_FIELDS[field as CorrectionField]}）：${text}`,
        // The matter has no place on the ground: the record is where it is.
        address: `公示记录 ${t.docNo}`,
        website: fields.website ?? '',
      },
      photos: [],
      idempotencyKey: retryKey(req, fields, intake),
      source: { kind: 'correction', ref: t.docNo, routeTo: t.authority },
    });
    if (prefersHtml(req.headers)) sendHtml(res, 201, await renderResultPage(intake.distDir, REPORT_RESULT, '纠错申请已收到', receiptFragment(result.receipt)));
    else sendJson(res, 201, result.receipt);
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    logRefusal(req, intake, route, error);
    const t = deps.targets().get(fields.decision ?? '');
    if (error.kind === 'invalid' && t && prefersHtml(req.headers)) {
      const page = await deps.page(`报告此记录有误 · ${t.docNo}`, formPage(t, issueFormToken(intake.intake.keys.current.key('form'), intake.intake.now()), error.errors, fields));
      return sendHtml(res, 422, page);
    }
    await answerError(req, res, intake, error, REPORT_RESULT, { href: t ? `/decisions/${encodeURIComponent(t.slug)}/` : '/decisions/', text: '返回处罚决定' });
  }
}
