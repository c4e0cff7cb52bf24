import gcoord from 'gcoord';
import { html, type SafeHtml } from '../domain/html.ts';
import type { ReporterContact } from '../domain/contact-seal.ts';
import type { ExifReading } from '../domain/photos.ts';
import type { FieldError } from '../domain/report-input.ts';
import type { OutboxRow, ReportRow, TimelineRow } from '../domain/records.ts';
import type { LeadChannel } from '../app/ports.ts';
import { DEPARTMENTS, LEAD_SOURCES, OFFICE_SOURCES, OUTCOMES, REPORT_STATUSES, outcomesFor, type Department, type Outcome } from '../domain/report-status.ts';
import type { LeadView } from '../app/ports.ts';

// The office pages, as escaped HTML fragments inside the site's shell: made
// for a county officer on a phone at the site of a lead (stacked records, no
// tables wider than the screen, big buttons, forms that work without script).

export interface OfficeDirectory {
  officeName(code: string | null): string;
  categoryName(code: string): string;
  counties: readonly { code: string; name: string }[];
  /** The office's territory (WGS-84 rings), for the lead's sketch map. */
  boundaryOf(code: string | null): number[][][][] | undefined;
  deadlineBasis: string;
}

function chinaTime(iso: string | null): string {
  if (!iso) return '—';
  const cst = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
}

function statusTag(report: ReportRow): SafeHtml {
  return html`<span class="tag">${REPORT_STATUSES[report.status]}</span>${report.supervised_at ? html` <span class="tag tag-alert">挂牌督办</span>` : ''}`;
}

export interface LateInfo {
  stage: '签收' | '办结';
  days: number;
}

function lateText(late: LateInfo | undefined): SafeHtml | string {
  return late && late.days > 0 ? html` <strong class="error-text">逾期 ${late.days} 个工作日未${late.stage}</strong>` : '';
}

/** One lead in a list: a stacked record that reads at 360 px. */
function leadItem(report: ReportRow, dir: OfficeDirectory, late: LateInfo | undefined): SafeHtml {
  return html`<li class="card lead-item">
<h3><a href="/office/leads/${report.id}/">${dir.categoryName(report.category)} <span class="nowrap">${report.tracking_code}</span></a></h3>
<p>${statusTag(report)}${lateText(late)}</p>
<dl class="fields">
<div><dt>收到</dt><dd><span class="nowrap">${chinaTime(report.received_at)}</span></dd></div>
<div><dt>来源</dt><dd>${LEAD_SOURCES[report.source]}</dd></div>
${report.office_code ? html`<div><dt>签收期限</dt><dd><span class="nowrap">${report.acknowledge_by ?? '—'}</span>${report.acknowledged_at ? '（已签收）' : ''}</dd></div><div><dt>办结期限</dt><dd><span class="nowrap">${report.conclude_by ?? '—'}</span></dd></div>` : html`<div><dt>承办单位</dt><dd>待分派</dd></div>`}
${report.outcome ? html`<div><dt>结果</dt><dd>${OUTCOMES[report.outcome]}</dd></div>` : ''}
</dl>
</li>`;
}

export interface InboxView {
  officeName: string;
  isDesk: boolean;
  filter: 'open' | 'overdue' | 'concluded';
  leads: { report: ReportRow; late: LateInfo | undefined }[];
  unrouted: ReportRow[];
  dead: (OutboxRow & { tracking_code: string | null })[];
  notice?: string | undefined;
}

const FILTERS = [
  ['open', '未办结'],
  ['overdue', '已逾期'],
  ['concluded', '已办结'],
] as const;

/** /office/: an office's leads, open by default; for the desk also the unrouted queue and undelivered mail. */
export function inboxPage(view: InboxView, dir: OfficeDirectory): SafeHtml {
  return html`<h1>${view.officeName} · 线索</h1>
${view.notice ? html`<div class="notice" role="status"><p>${view.notice}</p></div>` : ''}
<p>办理时限：${dir.deadlineBasis}。<a href="/office/leads/new/">登记其他来源的线索</a>（执法巡查、遥感监测、随机抽查、上级交办）</p>
${
  view.isDesk
    ? html`<section aria-labelledby="unrouted-title">
<h2 id="unrouted-title">待分派（${view.unrouted.length}）</h2>
${view.unrouted.length === 0 ? html`<p>没有待分派的线索。</p>` : html`<ol class="lead-list">${view.unrouted.map((r) => leadItem(r, dir, undefined))}</ol>`}
</section>
<section aria-labelledby="dead-title">
<h2 id="dead-title">投递失败（${view.dead.length}）</h2>
${
  view.dead.length === 0
    ? html`<p>没有投递失败的邮件。</p>`
    : html`<ol class="lead-list">${view.dead.map(
        (d) => html`<li class="card"><p><strong>${d.kind}</strong> ${d.tracking_code ? html`<a href="/office/leads/${d.report_id}/">${d.tracking_code}</a>` : ''} → ${dir.officeName(d.office_code)}</p><p class="meta">${chinaTime(d.dead_at)}：${d.last_error ?? ''}</p></li>`,
      )}</ol>`
}
</section>`
    : ''
}
<nav aria-label="线索筛选"><ul class="filter-tabs">
${FILTERS.map(([key, label]) => html`<li><a href="/office/?show=${key}" ${view.filter === key ? html`aria-current="page"` : ''}>${label}</a></li>`)}
</ul></nav>
<h2>${FILTERS.find(([k]) => k === view.filter)?.[1]}（${view.leads.length}）</h2>
${view.leads.length === 0 ? html`<p>没有线索。</p>` : html`<ol class="lead-list">${view.leads.map((l) => leadItem(l.report, dir, l.late))}</ol>`}`;
}

/** A sketch of the office's territory and the point, in inline SVG: no tiles, no script, readable offline. */
function sketchMap(report: ReportRow, boundary: number[][][][] | undefined): SafeHtml | string {
  if (report.lat === null || report.lng === null || !boundary) return '';
  const points = boundary.flatMap((polygon) => polygon.flat());
  const lngs = [...points.map((p) => p[0] ?? 0), report.lng];
  const lats = [...points.map((p) => p[1] ?? 0), report.lat];
  const [minX, maxX, minY, maxY] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const scale = 300 / Math.max(maxX - minX, maxY - minY, 1e-6);
  const x = (lng: number) => ((lng - minX) * scale + 10).toFixed(1);
  const y = (lat: number) => ((maxY - lat) * scale + 10).toFixed(1);
  const rings = boundary.flatMap((polygon) => polygon.map((ring) => `M${ring.map((p) => `${x(p[0] ?? 0)},${y(p[1] ?? 0)}`).join('L')}Z`)).join(' ');
  const width = ((maxX - minX) * scale + 20).toFixed(0);
  const height = ((maxY - minY) * scale + 20).toFixed(0);
  return html`<figure class="sketch-map"><svg viewBox="0 0 ${width} ${height}" width="100%" style="max-width: 320px" role="img" aria-label="线索位置在承办单位辖区内的示意图">
<path d="${rings}" fill="#eef4ef" stroke="#2a6f4e" stroke-width="1.5" fill-rule="evenodd"/>
<circle cx="${x(report.lng)}" cy="${y(report.lat)}" r="6" fill="#b10e1e" stroke="#fff" stroke-width="2"/>
</svg><figcaption class="meta">辖区示意，红点为线索位置（WGS-84）</figcaption></figure>`;
}

function locationBlock(report: ReportRow): SafeHtml {
  if (report.lat === null || report.lng === null) return html`<div><dt>位置</dt><dd>${report.address ?? '未标出'}</dd></div>`;
  const [gLng, gLat] = gcoord.transform([report.lng, report.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return html`${report.address ? html`<div><dt>地址或地标</dt><dd>${report.address}</dd></div>` : ''}
<div><dt>坐标 WGS-84（GPS、天地图）</dt><dd><span class="nowrap">${report.lat.toFixed(6)}, ${report.lng.toFixed(6)}</span></dd></div>
<div><dt>坐标 GCJ-02（高德等）</dt><dd><span class="nowrap">${gLat.toFixed(6)}, ${gLng.toFixed(6)}</span></dd></div>
<div><dt>地图</dt><dd><a href="https://uri.amap.com/marker?position=${gLng.toFixed(6)},${gLat.toFixed(6)}&amp;coordinate=gaode">高德地图</a> · <a href="https://www.openstreetmap.org/?mlat=${report.lat.toFixed(6)}&amp;mlon=${report.lng.toFixed(6)}#map=17/${report.lat.toFixed(6)}/${report.lng.toFixed(6)}">OpenStreetMap</a></dd></div>`;
}

/** How an event reads to an office (all events, internal ones too). */
export function officeEventText(event: TimelineRow, dir: OfficeDirectory): string {
  const d = JSON.parse(event.data) as Record<string, unknown>;
  const office = dir.officeName((d.officeCode as string | null | undefined) ?? null);
  switch (event.type) {
    case 'received':
      return '收到线索';
    case 'routed':
      return `按位置分派至${office}`;
    case 'unrouted':
      return `进入待分派队列（${d.reason === 'no-point' ? '未标出位置' : '位置不在任何区县内'}）`;
    case 'sent':
      return `${d.kind === 'info-added' ? '补充情况' : '线索邮件'}已送达${office}（Message-ID ${String(d.messageId ?? '')}）`;
    case 'delivery-failed':
      return `邮件投递失败，将重试：${String(d.error ?? '')}`;
    case 'delivery-dead':
      return `邮件投递失败，已停止重试：${String(d.error ?? '')}`;
    case 'acknowledged':
      return `${office}签收`;
    case 'result': {
      const outcome = d.outcome ? OUTCOMES[d.outcome as Outcome] : '核查中';
      const extra = [
        d.caseNumber ? `立案编号 ${String(d.caseNumber)}` : '',
        d.referral ? `转交 ${String(d.referral)}` : '',
        d.duplicateOf ? `与 ${String(d.duplicateOf)} 重复` : '',
        Array.isArray(d.departments) ? `抄告 ${(d.departments as Department[]).map((k) => DEPARTMENTS[k]).join('、')}` : '',
      ].filter(Boolean);
      return `核查结果：${outcome}${extra.length ? `（${extra.join('；')}）` : ''}。公开说明：${String(d.summary ?? '')}`;
    }
    case 'note':
      return `内部备注（${dir.officeName(String(d.by ?? ''))}）：${String(d.note ?? '')}`;
    case 'reminded':
      return `已超过${d.stage === 'acknowledge' ? '签收' : '办结'}期限，已向${office}催办`;
    case 'escalated':
      return `逾期 ${String(d.daysLate ?? '')} 个工作日未${d.stage === 'acknowledge' ? '签收' : '办结'}，已报告${dir.officeName(String(d.to ?? ''))}`;
    case 'assigned':
      return `由${dir.officeName(String(d.by ?? ''))}分派至${office}`;
    case 'supervised':
      return '挂牌督办';
    case 'info-added':
      return '举报人补充了情况';
    case 'reporter-notified':
      return '已通知举报人（邮件）';
  }
}

function errorSummary(errors: readonly FieldError[]): SafeHtml | string {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="office-errors-title"><h2 id="office-errors-title">请修改以下 ${errors.length} 处</h2><ul>${errors.map((e) => html`<li><a href="#field-${e.field || 'outcome'}">${e.message}</a></li>`)}</ul></div>`;
}

function fieldError(errors: readonly FieldError[], field: string): SafeHtml | string {
  const error = errors.find((e) => e.field === field);
  return error ? html`<p class="error-text" id="field-${field}-error">${error.message}</p>` : '';
}

export interface LeadPageView {
  lead: LeadView;
  contact: ReporterContact | undefined;
  exif: (ExifReading | undefined)[];
  csrf: string;
  isDesk: boolean;
  late: LateInfo | undefined;
  errors: FieldError[];
  values: Record<string, string | string[]>;
  notice?: string | undefined;
  /** Links that only a full (inbox) session may follow. */
  inboxLink: boolean;
  /** The Open311 client that filed the lead, when one did. */
  channel?: LeadChannel | undefined;
}


/** Only an http(s) address becomes a link; anything else is shown as text. */
function mediaLink(url: string): SafeHtml {
  const web = /^https?:\/\//i.test(url);
  return html`<div><dt>媒体链接</dt><dd class="prewrap">${web ? html`<a href="${url}" rel="noopener noreferrer nofollow" target="_blank">${url}</a>` : html`<code class="code">${url}</code>`}<p class="meta">举报客户端提供的地址。本平台没有打开过它，也没有保存其内容；打开前请确认来源可信。</p></dd></div>`;
}

function channelBlock(channel: LeadChannel | undefined): SafeHtml | string {
  if (!channel) return '';
  return html`<div><dt>提交渠道</dt><dd>Open311 接口 · ${channel.organisation}（密钥 ${channel.keyId}${channel.revoked ? '，已吊销' : ''}）</dd></div>
${channel.answers.map((a) => html`<div><dt>${a.label}</dt><dd>${a.value}</dd></div>`)}
${channel.mediaUrl ? mediaLink(channel.mediaUrl) : ''}`;
}

/** /office/leads/{id}/: everything an officer needs on site, and the forms to record what was done. */
export function leadPage(view: LeadPageView, dir: OfficeDirectory): SafeHtml {
  const r = view.lead.report;
  const own = view.lead.photos.filter((p) => p.addition_id === null);
  const csrf = html`<input type="hidden" name="csrf" value="${view.csrf}">`;
  const value = (k: string) => (typeof view.values[k] === 'string' ? (view.values[k] as string) : '');
  const chosen = (k: string) => (Array.isArray(view.values[k]) ? (view.values[k] as string[]) : typeof view.values[k] === 'string' ? [view.values[k] as string] : []);
  const photo = (p: LeadView['photos'][number], i: number) =>
    html`<li class="photo">${p.display_sha256 ? html`<a href="/office/leads/${r.id}/photos/${p.position}.jpg"><img src="/office/leads/${r.id}/photos/${p.position}.jpg" alt="第 ${i + 1} 张照片" loading="lazy" width="${p.width ?? ''}" height="${p.height ?? ''}"></a>` : html`<p>${p.unreadable_at ? '这张照片无法处理（原件留存为证据）' : '照片处理中'}</p>`}
<p class="meta">原件 SHA-256：<code class="code">${p.original_sha256}</code>${view.exif[view.lead.photos.indexOf(p)]?.takenAt ? html`；拍摄于 ${view.exif[view.lead.photos.indexOf(p)]?.takenAt}` : ''}${view.exif[view.lead.photos.indexOf(p)]?.lat !== undefined ? html`；照片 GPS ${view.exif[view.lead.photos.indexOf(p)]?.lat?.toFixed(5)}, ${view.exif[view.lead.photos.indexOf(p)]?.lng?.toFixed(5)}` : ''}</p></li>`;

  return html`<nav class="breadcrumb" aria-label="当前位置"><ol>${view.inboxLink ? html`<li><a href="/office/">本单位线索</a></li>` : ''}<li>${r.tracking_code}</li></ol></nav>
<h1>${dir.categoryName(r.category)} <span class="nowrap">${r.tracking_code}</span></h1>
${view.notice ? html`<div class="notice" role="status"><p>${view.notice}</p></div>` : ''}
${errorSummary(view.errors)}
<p>${statusTag(r)}${lateText(view.late)}</p>
<section aria-labelledby="facts-title"><h2 id="facts-title">线索</h2>
<dl class="fields">
<div><dt>承办单位</dt><dd>${r.office_code ? dir.officeName(r.office_code) : '待分派'}</dd></div>
<div><dt>来源</dt><dd>${LEAD_SOURCES[r.source]}${r.source_ref ? html`（${r.source_ref}）` : ''}</dd></div>
${channelBlock(view.channel)}
<div><dt>收到</dt><dd><span class="nowrap">${chinaTime(r.received_at)}</span></dd></div>
${r.office_code ? html`<div><dt>签收期限</dt><dd><span class="nowrap">${r.acknowledge_by ?? '—'}</span>${r.acknowledged_at ? html`（${chinaTime(r.acknowledged_at)} 已签收）` : ''}</dd></div><div><dt>办结期限</dt><dd><span class="nowrap">${r.conclude_by ?? '—'}</span></dd></div>` : ''}
${r.started_on ? html`<div><dt>大约开始于</dt><dd>${r.started_on}</dd></div>` : ''}
<div><dt>情况描述</dt><dd class="prewrap">${r.description}</dd></div>
${locationBlock(r)}
</dl>
${sketchMap(r, dir.boundaryOf(r.office_code))}
<p class="meta">办理时限：${dir.deadlineBasis}</p>
</section>
<section aria-labelledby="reporter-title"><h2 id="reporter-title">举报人</h2>
${
  view.contact?.contactConsent
    ? html`<dl class="fields"><div><dt>姓名</dt><dd>${view.contact.name ?? '未留姓名'}</dd></div>${view.contact.phone ? html`<div><dt>电话</dt><dd><a href="tel:${view.contact.phone}">${view.contact.phone}</a></dd></div>` : ''}${view.contact.email ? html`<div><dt>电子邮箱</dt><dd>${view.contact.email}</dd></div>` : ''}${view.contact.journalist ? html`<div><dt>媒体</dt><dd>${view.contact.outlet ?? '记者'}</dd></div>` : ''}</dl><p class="meta">举报人同意联系。身份保密：不得向被举报人或其他无关人员透露举报人信息。</p>`
    : html`<p>匿名举报，或举报人未同意联系。${view.contact?.journalist ? html`（来自媒体：${view.contact.outlet ?? ''}）` : ''}</p>`
}
</section>
<section aria-labelledby="photos-title"><h2 id="photos-title">照片（${own.length}）</h2>
${own.length === 0 ? html`<p>没有照片。</p>` : html`<ol class="photo-list">${own.map(photo)}</ol>`}
</section>
${
  view.lead.additions.length > 0
    ? html`<section aria-labelledby="additions-title"><h2 id="additions-title">举报人补充的情况</h2>${view.lead.additions.map(
        (a) => html`<div class="card"><p class="meta">${chinaTime(a.received_at)}</p><p class="prewrap">${a.text}</p>${(() => {
          const added = view.lead.photos.filter((p) => p.addition_id === a.id);
          return added.length ? html`<ol class="photo-list">${added.map(photo)}</ol>` : '';
        })()}</div>`,
      )}</section>`
    : ''
}
<section aria-labelledby="act-title"><h2 id="act-title">办理</h2>
${
  r.office_code && !r.acknowledged_at
    ? html`<form method="post" action="/office/leads/${r.id}/acknowledge">${csrf}<button class="button" type="submit">签收</button></form>`
    : ''
}
${
  r.office_code
    ? html`<form method="post" action="/office/leads/${r.id}/result" class="office-form" novalidate>${csrf}
<fieldset class="form-field" id="field-outcome"><legend class="label-heading">核查结果</legend>${fieldError(view.errors, 'outcome')}
<div class="radios">
<div class="radio"><input type="radio" id="outcome-verifying" name="outcome" value="verifying" ${value('outcome') === 'verifying' ? 'checked' : ''}><label for="outcome-verifying">核查中</label></div>
${outcomesFor(r.source).map((k) => html`<div class="radio"><input type="radio" id="outcome-${k}" name="outcome" value="${k}" ${value('outcome') === k ? 'checked' : ''}><label for="outcome-${k}">${OUTCOMES[k]}</label></div>`)}
</div></fieldset>
<div class="form-field" id="field-summary"><label for="summary">公开说明（举报人可见，请勿写入个人信息）</label>${fieldError(view.errors, 'summary')}
<textarea id="summary" name="summary" rows="4" maxlength="500" aria-describedby="summary-hint">${value('summary')}</textarea><p class="form-hint" id="summary-hint">例如：已到现场核查，当事人已停止施工，责令恢复原状。</p></div>
<div class="form-field" id="field-caseNumber"><label for="caseNumber">立案编号（已立案时）</label>${fieldError(view.errors, 'caseNumber')}<input id="caseNumber" name="caseNumber" value="${value('caseNumber')}"></div>
<div class="form-field" id="field-referral"><label for="referral">转交单位（不属于本部门职责时）</label>${fieldError(view.errors, 'referral')}<input id="referral" name="referral" value="${value('referral')}"></div>
<div class="form-field" id="field-duplicateOf"><label for="duplicateOf">重复的线索查询码（重复线索时）</label>${fieldError(view.errors, 'duplicateOf')}<input id="duplicateOf" name="duplicateOf" value="${value('duplicateOf')}" autocapitalize="characters"></div>
<fieldset class="form-field" id="field-departments"><legend>抄告部门（制止无效、报告政府时）</legend>${fieldError(view.errors, 'departments')}
<div class="checkboxes">${(Object.keys(DEPARTMENTS) as Department[]).map((k) => html`<div class="radio"><input type="checkbox" id="dept-${k}" name="departments" value="${k}" ${chosen('departments').includes(k) ? 'checked' : ''}><label for="dept-${k}">${DEPARTMENTS[k]}</label></div>`)}</div></fieldset>
<button class="button" type="submit">记录核查结果</button>
</form>`
    : ''
}
<form method="post" action="/office/leads/${r.id}/note" class="office-form">${csrf}
<div class="form-field" id="field-note"><label for="note">内部备注（仅各承办单位可见）</label>${fieldError(view.errors, 'note')}<textarea id="note" name="note" rows="3" maxlength="2000">${value('note')}</textarea></div>
<button class="button secondary" type="submit">保存备注</button>
</form>
${
  view.isDesk
    ? html`<form method="post" action="/office/leads/${r.id}/assign" class="office-form">${csrf}
<div class="form-field" id="field-officeCode"><label for="officeCode">分派给</label>${fieldError(view.errors, 'officeCode')}<select id="officeCode" name="officeCode"><option value="">请选择</option>${dir.counties.map((c) => html`<option value="${c.code}" ${r.office_code === c.code ? 'selected' : ''}>${c.name}</option>`)}</select></div>
<button class="button secondary" type="submit">分派</button></form>
${r.supervised_at ? html`<p>已于 ${chinaTime(r.supervised_at)} 挂牌督办。</p>` : html`<form method="post" action="/office/leads/${r.id}/supervise">${csrf}<button class="button secondary" type="submit">挂牌督办</button></form>`}`
    : ''
}
</section>
<section aria-labelledby="record-title"><h2 id="record-title">办理记录（执法全过程记录）</h2>
<ol class="timeline">${view.lead.events.map((e) => html`<li><time datetime="${e.at}">${chinaTime(e.at)}</time> ${officeEventText(e, dir)}</li>`)}</ol>
</section>`;
}

export interface RegisterView {
  csrf: string;
  errors: FieldError[];
  values: Record<string, string>;
  categories: readonly { code: string; name: string }[];
}

/** /office/leads/new/: a lead from the office's own work, through the same steps as a report. */
export function registerPage(view: RegisterView): SafeHtml {
  const v = (k: string) => view.values[k] ?? '';
  return html`<nav class="breadcrumb" aria-label="当前位置"><ol><li><a href="/office/">本单位线索</a></li><li>登记线索</li></ol></nav>
<h1>登记其他来源的线索</h1>
<p>执法巡查、遥感监测、随机抽查发现或上级交办的线索，与群众举报一样分派、核查、记录结果。</p>
${errorSummary(view.errors)}
<form method="post" action="/office/leads/" enctype="multipart/form-data" class="office-form" novalidate>
<input type="hidden" name="csrf" value="${view.csrf}">
<fieldset class="form-field" id="field-source"><legend class="label-heading">来源</legend>${fieldError(view.errors, 'source')}<div class="radios">
${OFFICE_SOURCES.map((s) => html`<div class="radio"><input type="radio" id="source-${s}" name="source" value="${s}" ${v('source') === s ? 'checked' : ''}><label for="source-${s}">${LEAD_SOURCES[s]}</label></div>`)}
</div></fieldset>
<div class="form-field" id="field-sourceRef"><label for="sourceRef">图斑编号或交办文号</label>${fieldError(view.errors, 'sourceRef')}<input id="sourceRef" name="sourceRef" value="${v('sourceRef')}"></div>
<div class="form-field" id="field-category"><label for="category">违法类型</label>${fieldError(view.errors, 'category')}<select id="category" name="category"><option value="">请选择</option>${view.categories.map((c) => html`<option value="${c.code}" ${v('category') === c.code ? 'selected' : ''}>${c.name}</option>`)}</select></div>
<div class="form-field" id="field-description"><label for="description">情况</label>${fieldError(view.errors, 'description')}<textarea id="description" name="description" rows="5">${v('description')}</textarea></div>
<div class="form-field" id="field-lat"><label for="lat">纬度（WGS-84）</label>${fieldError(view.errors, 'lat')}<input id="lat" name="lat" inputmode="decimal" value="${v('lat')}"></div>
<div class="form-field" id="field-lng"><label for="lng">经度（WGS-84）</label>${fieldError(view.errors, 'lng')}<input id="lng" name="lng" inputmode="decimal" value="${v('lng')}"></div>
<div class="form-field" id="field-address"><label for="address">地址或地标</label>${fieldError(view.errors, 'address')}<input id="address" name="address" value="${v('address')}"></div>
<div class="form-field" id="field-photos"><label for="photos">照片（可多选）</label>${fieldError(view.errors, 'photos')}<input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple></div>
<button class="button" type="submit">登记</button>
</form>`;
}

/** A page that says why a link does not open anything. */
export function refusalPage(text: string): SafeHtml {
  return html`<h1>无法打开</h1><div class="notice bad" role="alert"><p>${text}</p></div>`;
}
