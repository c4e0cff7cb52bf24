import type { FieldError } from '../domain/report-input.ts';
import type { Receipt } from '../app/intake-deps.ts';
import type { TrackedReport } from '../app/track-report.ts';
import { escapeHtml as e } from './escape-html.ts';

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

/** The receipt of a report filed without JavaScript. */
export function receiptFragment(receipt: Receipt): string {
  const office = receipt.office ? `已分派至 ${e(receipt.office.name)}` : e(receipt.statusLabel);
  return `<section class="notice" role="status" aria-labelledby="receipt-title">
<h2 id="receipt-title">举报已收到</h2>
<p>请<strong>抄下或截图保存</strong>下面的查询码和查询密钥。密钥只显示这一次，我们也无法找回；凭这两项可以随时查询办理进展，无需留下姓名。</p>
<dl class="fields">
<dt>查询码</dt><dd><code>${e(receipt.trackingCode)}</code></dd>
<dt>查询密钥</dt><dd><code>${e(receipt.secret)}</code></dd>
<dt>当前状态</dt><dd>${office}</dd>
<dt>收到时间</dt><dd>${e(dateTime(receipt.receivedAt))}（北京时间）</dd>
<dt>照片</dt><dd>${receipt.photos.length} 张</dd>
</dl>
<p><a href="/track/">查询办理进展</a></p>
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

/** A report's status and public timeline for the tracking page. */
export function trackFragment(report: TrackedReport): string {
  const events = report.timeline.map((ev) => `<li><time datetime="${e(ev.at)}">${e(dateTime(ev.at))}</time> ${e(ev.text)}</li>`).join('\n');
  return `<section class="card" aria-labelledby="track-title">
<h2 id="track-title">查询码 <code>${e(report.trackingCode)}</code></h2>
<dl class="fields">
<dt>当前状态</dt><dd>${e(report.statusLabel)}</dd>
<dt>承办单位</dt><dd>${report.office ? e(report.office.name) : '待分派'}</dd>
<dt>违法类型</dt><dd>${e(report.category.name)}</dd>
<dt>收到时间</dt><dd>${e(dateTime(report.receivedAt))}（北京时间）</dd>
</dl>
<h3>办理记录</h3>
<ol>
${events}
</ol>
</section>`;
}
