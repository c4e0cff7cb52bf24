import type { FieldError } from '../domain/report-input.ts';
import type { Receipt } from '../app/intake-deps.ts';
import type { TrackedReport } from '../app/track-report.ts';
import { escapeHtml as e } from '../domain/escape-html.ts';
import { html } from '../domain/html.ts';
import { receiptDisplay } from '../domain/receipt.ts';

const FIELD_LABELS: Record<string, string> = {
  category: '违法类型',
  description: '情况描述',
  lat: '位置',
  lng: '位置',
  address: '地址或地标',
  startedOn: '开始时间',
  photos: '照片',
  name: '姓名',
  phone: '电话',
  email: '电子邮箱',
  contactConsent: '同意联系',
  journalist: '记者身份',
  outlet: '媒体名称',
  trackingCode: '查询码',
  secret: '查询密钥',
  idempotencyKey: '重复提交标识',
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? '提交内容';
}

function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Shown in China Standard Time whatever the server's zone.
  const cst = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
}

/**
 * The receipt when there is no build to take the receipt component from (the
 * service alone): the same words as the component (receiptDisplay), plainly.
 */
export function receiptFragment(receipt: Receipt): string {
  const d = receiptDisplay(receipt);
  return `<section class="receipt" role="status" aria-labelledby="receipt-title">
<h2 id="receipt-title">举报已收到</h2>
<p>请<strong>抄下、复制或截图保存</strong>下面的查询码和查询密钥。凭这两项可以随时查看办理进展，无需留下姓名；为保护您的身份，我们不保存能找回查询密钥的信息，密钥只显示这一次，丢失后无法补发。</p>
<dl class="receipt-codes">
<div><dt>查询码</dt><dd class="code">${e(d.code)}</dd></div>
<div><dt>查询密钥</dt><dd class="code">${e(d.secret)}</dd></div>
<div><dt>收到时间</dt><dd>${e(d.received)}</dd></div>
<div><dt>照片</dt><dd>${e(d.photos)}</dd></div>
</dl>
<p>${e(d.sentence)}</p>
<p><a href="/track/">查询举报进展</a></p>
</section>`;
}

/** The errors of a refused submission, each naming its field, with the way back. */
export function errorsFragment(errors: readonly FieldError[], back: { href: string; text: string }): string {
  const items = errors.map((err) => `<li><strong>${e(fieldLabel(err.field))}：</strong>${e(err.message)}</li>`).join('\n');
  return `<section class="notice bad" role="alert" aria-labelledby="errors-title">
<h2 id="errors-title">未能提交，请修改以下 ${errors.length} 处</h2>
<ul>
${items}
</ul>
<p><a href="${e(back.href)}">${e(back.text)}</a>（用浏览器的“后退”返回，可保留已填写的内容）</p>
</section>`;
}

/** A report as its reporter sees it, for the no-script tracking page: what was reported, what happens next and by when, and a form to add information. */
export function trackFragment(report: TrackedReport): string {
  const unreadable = report.photos.filter((p) => p.state === 'unreadable').length;
  const next =
    report.status === 'concluded'
      ? '承办单位已记录核查结果。'
      : report.deadlines
        ? `承办单位应在 ${report.deadlines.acknowledgeBy ?? '—'} 前签收，在 ${report.deadlines.concludeBy ?? '—'} 前核查并记录结果（${report.deadlines.basis}）。`
        : '市级执法监察机构将判断线索位置并分派给负责的区县，分派后开始计算办理期限。';
  return html`<section class="card" aria-labelledby="track-title">
<h2 id="track-title">查询码 <code>${report.trackingCode}</code></h2>
<dl class="fields">
<div><dt>当前状态</dt><dd>${report.statusLabel}${report.supervised ? '（上级机关已挂牌督办）' : ''}<br><span class="meta">${report.statusExplanation}</span></dd></div>
<div><dt>承办单位</dt><dd>${report.office ? report.office.name : '待分派'}</dd></div>
<div><dt>违法类型</dt><dd>${report.category.name}</dd></div>
<div><dt>收到时间</dt><dd>${dateTime(report.receivedAt)}（北京时间）</dd></div>
<div><dt>照片</dt><dd>${report.photos.length} 张${unreadable > 0 ? `（其中 ${unreadable} 张无法处理，原件已作为证据保存）` : ''}</dd></div>
${report.outcome ? html`<div><dt>核查结果</dt><dd>${report.outcome.label}</dd></div>` : ''}
${report.summary ? html`<div><dt>承办单位说明</dt><dd class="prewrap">${report.summary}</dd></div>` : ''}
<div><dt>接下来</dt><dd>${next}</dd></div>
<div><dt>您举报的内容</dt><dd class="prewrap">${report.description}</dd></div>
</dl>
<h3>办理记录</h3>
<ol class="timeline">
${report.timeline.map((ev) => html`<li><time datetime="${ev.at}">${dateTime(ev.at)}</time> ${ev.text}</li>\n`)}
</ol>
${
  report.canAddInformation && report.additionToken
    ? html`<h3 id="add-title">补充情况</h3>
<form method="post" action="/api/reports/track/additions" enctype="multipart/form-data" aria-labelledby="add-title">
<input type="hidden" name="token" value="${report.additionToken}">
<div class="form-field"><label for="add-text">补充的情况</label><p class="form-hint" id="add-text-hint">例如：现场又来了几辆挖掘机。补充的内容会转告承办单位。</p><textarea id="add-text" name="text" rows="4" maxlength="2000" aria-describedby="add-text-hint"></textarea></div>
<div class="form-field"><label for="add-photos">照片（可选，最多 6 张）</label><input id="add-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple></div>
<button class="button" type="submit">提交补充情况</button>
</form>`
    : ''
}
</section>`.value;
}
