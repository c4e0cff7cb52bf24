import gcoord from 'gcoord';
import type { ReporterContact } from '../domain/contact-seal.ts';
import type { MailAttachment, MailMessage } from '../domain/mail-message.ts';
import { LEAD_SOURCES, OUTCOMES, REPORT_STATUSES, type Outcome, type ReportStatus } from '../domain/report-status.ts';
import type { AdditionRow, PhotoRow, ReportRow } from '../domain/records.ts';
import { html, type SafeHtml } from '../domain/html.ts';
import type { LeadChannel } from './ports.ts';

// Every message the service sends, composed from data alone: subjects carry
// no user text at all (nothing a reporter types can reach a header), both
// parts say the same, and the HTML part escapes every value through `html`.

export interface MailContext {
  from: string;
  authority: string;
  publicUrl: string;
  categoryName(code: string): string;
  officeName(code: string | null): string;
  /** Total bytes of photos attached to one message; the rest are linked. */
  attachmentLimit: number;
}

/** One line of a message: a label and a value, in both parts. */
type Line = [label: string, value: string];

function body(title: string, lines: readonly Line[], paragraphs: readonly string[], links: readonly [string, string][]): { text: string; html: string } {
  const text = [
    title,
    '',
    ...lines.map(([label, value]) => `${label}：${value}`),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...links.map(([label, url]) => `${label}：${url}`),
    '',
    '（本邮件由系统自动发送，请勿直接回复。）',
  ].join('\n');
  const page: SafeHtml = html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: sans-serif; line-height: 1.6; max-width: 40em">
<h1 style="font-size: 1.25em">${title}</h1>
<table style="border-collapse: collapse">
${lines.map(([label, value]) => html`<tr><th style="text-align: left; vertical-align: top; padding: 2px 12px 2px 0; white-space: nowrap">${label}</th><td style="white-space: pre-wrap">${value}</td></tr>\n`)}
</table>
${paragraphs.map((p) => html`<p style="white-space: pre-wrap">${p}</p>\n`)}
<ul>
${links.map(([label, url]) => html`<li><a href="${url}">${label}</a></li>\n`)}
</ul>
<p style="color: #555">（本邮件由系统自动发送，请勿直接回复。）</p>
</body></html>`;
  return { text, html: page.value };
}

function chinaTime(iso: string): string {
  const cst = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}（北京时间）`;
}

/** The point in both systems a county office may use: WGS-84 (GPS, 天地图) and GCJ-02 (高德 and most Chinese web maps). */
export function locationLines(report: Pick<ReportRow, 'lat' | 'lng' | 'address'>): { lines: Line[]; links: [string, string][] } {
  const lines: Line[] = [];
  const links: [string, string][] = [];
  if (report.address) lines.push(['地址或地标', report.address]);
  if (report.lat !== null && report.lng !== null) {
    const [gLng, gLat] = gcoord.transform([report.lng, report.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    lines.push(['坐标（WGS-84，GPS/天地图）', `${report.lat.toFixed(6)}, ${report.lng.toFixed(6)}`]);
    lines.push(['坐标（GCJ-02，高德等）', `${gLat.toFixed(6)}, ${gLng.toFixed(6)}`]);
    links.push(['在地图上查看（高德，GCJ-02）', `https://uri.amap.com/marker?position=${gLng.toFixed(6)},${gLat.toFixed(6)}&coordinate=gaode`]);
    links.push(['在地图上查看（OpenStreetMap，WGS-84）', `https://www.openstreetmap.org/?mlat=${report.lat.toFixed(6)}&mlon=${report.lng.toFixed(6)}#map=17/${report.lat.toFixed(6)}/${report.lng.toFixed(6)}`]);
  } else if (!report.address) {
    lines.push(['位置', '未标出']);
  }
  return { lines, links };
}

/** Attaches the forwarding copies in order while they fit the limit; the rest are counted, to be seen on the lead's page. */
export function attachPhotos(ctx: MailContext, photos: readonly PhotoRow[], copyPath: (sha: string) => string, sizeOf: (path: string) => number): { attachments: MailAttachment[]; left: number; unreadable: number } {
  const attachments: MailAttachment[] = [];
  let total = 0;
  let left = 0;
  let unreadable = 0;
  for (const photo of photos) {
    if (!photo.forward_sha256) {
      unreadable += 1;
      continue;
    }
    const path = copyPath(photo.forward_sha256);
    const size = sizeOf(path);
    if (total + size > ctx.attachmentLimit) {
      left += 1;
      continue;
    }
    total += size;
    attachments.push({ filename: `photo-${photo.position + 1}.jpg`, path, contentType: 'image/jpeg' });
  }
  return { attachments, left, unreadable };
}

function contactLines(contact: ReporterContact | undefined): Line[] {
  if (!contact?.contactConsent) return [['举报人', '匿名或未同意联系（身份保密：不得向被举报人透露举报人信息或举报内容）']];
  const lines: Line[] = [['举报人（同意联系，仅限承办单位使用）', contact.name ?? '未留姓名']];
  if (contact.phone) lines.push(['举报人电话', contact.phone]);
  if (contact.email) lines.push(['举报人邮箱', contact.email]);
  if (contact.journalist) lines.push(['媒体', contact.outlet ?? '记者']);
  return lines;
}

export interface LeadMailInput {
  report: ReportRow;
  photos: readonly PhotoRow[];
  contact: ReporterContact | undefined;
  to: string;
  messageId: string;
  leadUrl: string;
  inboxUrl: string;
  attachments: MailAttachment[];
  photosLeft: number;
  photosUnreadable: number;
  deadlinesCertain: boolean;
  /** The Open311 client that filed it, with its answers and media link. */
  channel?: LeadChannel | undefined;
}

/** What an Open311 client sent beside the report; the media link as text, since the server never opened it. */
function channelLines(channel: LeadChannel | undefined): Line[] {
  if (!channel) return [];
  return [
    ['提交渠道', `Open311 接口 · ${channel.organisation}（密钥 ${channel.keyId}）`],
    ...channel.answers.map((a): Line => [a.label, a.value]),
    ...(channel.mediaUrl ? ([['媒体链接（客户端提供，本平台未打开）', channel.mediaUrl]] as Line[]) : []),
  ];
}

/** The lead, to the office that holds it. */
export function leadMail(ctx: MailContext, input: LeadMailInput): MailMessage {
  const r = input.report;
  const where = locationLines(r);
  const lines: Line[] = [
    ['查询码', r.tracking_code],
    ['违法类型', ctx.categoryName(r.category)],
    ['线索来源', `${LEAD_SOURCES[r.source]}${r.source_ref ? `（${r.source_ref}）` : ''}`],
    ...channelLines(input.channel),
    ['收到时间', chinaTime(r.received_at)],
    ...(r.started_on ? ([['大约开始于', r.started_on]] as Line[]) : []),
    ...where.lines,
    ['照片', `${input.photos.length} 张${input.attachments.length < input.photos.length ? `（附 ${input.attachments.length} 张，其余请在线索页面查看）` : ''}${input.photosUnreadable > 0 ? `，其中 ${input.photosUnreadable} 张无法处理，原件留存为证据` : ''}`],
    ...contactLines(input.contact),
    ['签收期限', `${r.acknowledge_by ?? '—'} 前`],
    ['办结期限', `${r.conclude_by ?? '—'} 前${input.deadlinesCertain ? '' : '（跨越尚未公布放假安排的年份，日期可能调整）'}`],
  ];
  const content = body(`违法线索：${ctx.categoryName(r.category)}（${r.tracking_code}）`, lines, [`情况描述：\n${r.description}`, '请在期限内打开线索页面签收，核查后记录结果并填写公开说明；举报人凭查询码可以看到签收和结果。'], [
    ['打开线索页面（签收、记录核查结果）', input.leadUrl],
    ['本单位线索列表', input.inboxUrl],
    ...where.links,
  ]);
  return {
    to: input.to,
    from: ctx.from,
    messageId: input.messageId,
    subject: `【违法线索】${ctx.categoryName(r.category)} · ${r.tracking_code}`,
    ...content,
    attachments: input.attachments,
  };
}

/** What a reporter added, to the office. */
export function additionMail(ctx: MailContext, input: { report: ReportRow; addition: AdditionRow; to: string; messageId: string; leadUrl: string; attachments: MailAttachment[] }): MailMessage {
  const r = input.report;
  const content = body(`举报人补充了情况：${r.tracking_code}`, [['查询码', r.tracking_code], ['违法类型', ctx.categoryName(r.category)], ['补充时间', chinaTime(input.addition.received_at)], ['照片', `${input.attachments.length} 张`]], [`补充内容：\n${input.addition.text}`], [['打开线索页面', input.leadUrl]]);
  return { to: input.to, from: ctx.from, messageId: input.messageId, subject: `【补充情况】${ctx.categoryName(r.category)} · ${r.tracking_code}`, ...content, attachments: input.attachments };
}

/** A short notice to a reporter who consented and left an e-mail: never the office's notes, never who they are. */
export function reporterNotice(ctx: MailContext, input: { report: ReportRow; to: string; messageId: string }): MailMessage {
  const r = input.report;
  const status = REPORT_STATUSES[r.status as ReportStatus];
  const lines: Line[] = [['查询码', r.tracking_code], ['当前状态', status], ['承办单位', ctx.officeName(r.office_code)]];
  if (r.outcome) lines.push(['核查结果', OUTCOMES[r.outcome as Outcome]]);
  const paragraphs = r.public_summary ? [`承办单位的说明：\n${r.public_summary}`] : [];
  paragraphs.push('凭查询码和查询密钥可以随时查看办理进展。为保护您的安全，本邮件不含查询密钥。');
  const content = body(`您举报的线索有了进展（${r.tracking_code}）`, lines, paragraphs, [['查询办理进展', `${ctx.publicUrl}/track/`]]);
  return { to: input.to, from: ctx.from, messageId: input.messageId, subject: `【举报进展】${r.tracking_code}：${status}`, ...content, attachments: [] };
}

/** A deadline passed (to the office), or a lead is still overdue (to the desk), or it is now supervised (挂牌督办). */
export function alertMail(
  ctx: MailContext,
  input: { kind: 'remind' | 'escalate' | 'supervised'; stage?: 'acknowledge' | 'conclude'; daysLate?: number; report: ReportRow; to: string; messageId: string; leadUrl: string },
): MailMessage {
  const r = input.report;
  const stage = input.stage === 'acknowledge' ? '签收' : '办结';
  const title =
    input.kind === 'supervised'
      ? `线索已被挂牌督办：${r.tracking_code}`
      : input.kind === 'remind'
        ? `催办：线索 ${r.tracking_code} 已超过${stage}期限`
        : `超期报告：${ctx.officeName(r.office_code)}的线索 ${r.tracking_code} 逾期 ${input.daysLate ?? 0} 个工作日未${stage}`;
  const lines: Line[] = [
    ['查询码', r.tracking_code],
    ['违法类型', ctx.categoryName(r.category)],
    ['承办单位', ctx.officeName(r.office_code)],
    ['收到时间', chinaTime(r.received_at)],
    ['签收期限', r.acknowledge_by ?? '—'],
    ['办结期限', r.conclude_by ?? '—'],
    ['当前状态', REPORT_STATUSES[r.status as ReportStatus]],
  ];
  const note = input.kind === 'supervised' ? '上级机关已对本线索挂牌督办，请优先核查处理并及时记录结果。' : input.kind === 'remind' ? `请尽快${stage}并记录。` : '请督促承办单位办理，必要时提级办理。';
  const subject = input.kind === 'supervised' ? `【挂牌督办】${r.tracking_code}` : input.kind === 'remind' ? `【催办】${r.tracking_code} 超过${stage}期限` : `【超期】${r.tracking_code} 逾期未${stage}`;
  return { to: input.to, from: ctx.from, messageId: input.messageId, subject, ...body(title, lines, [note], [['打开线索页面', input.leadUrl]]), attachments: [] };
}

/** A message could not be delivered: to the administrator. */
export function deliveryAlert(ctx: MailContext, input: { to: string; messageId: string; failed: { kind: string; reportCode: string | null; office: string | null; error: string; attempts: number }; deskUrl: string }): MailMessage {
  const f = input.failed;
  const content = body(
    '邮件投递失败，已停止重试',
    [['邮件类型', f.kind], ['线索查询码', f.reportCode ?? '—'], ['收件单位', ctx.officeName(f.office)], ['尝试次数', String(f.attempts)], ['最后错误', f.error]],
    ['这封邮件不会再自动重试。请核对收件地址和邮件服务器，线索已列在执法监察支队的待处理页面上。'],
    [['待处理线索（执法监察支队）', input.deskUrl]],
  );
  return { to: input.to, from: ctx.from, messageId: input.messageId, subject: `【投递失败】${f.kind} ${f.reportCode ?? ''}`.trim(), ...content, attachments: [] };
}

export interface DailyFigures {
  date: string;
  received: number;
  open: number;
  overdue: { code: string; office: string; stage: string; daysLate: number }[];
  dead: number;
  chain: { events: number; head: string };
}

/** The day's figures and the record's head (an anchor kept outside the server): to the administrator. */
export function dailySummary(ctx: MailContext, input: { to: string; messageId: string; figures: DailyFigures; deskUrl: string }): MailMessage {
  const f = input.figures;
  const content = body(
    `线索办理日报（${f.date}）`,
    [
      ['过去 24 小时收到', `${f.received} 条`],
      ['未办结', `${f.open} 条`],
      ['超期', `${f.overdue.length} 条`],
      ['投递失败', `${f.dead} 封`],
      ['执法全过程记录', `共 ${f.chain.events} 个事件；最新链接 ${f.chain.head}`],
    ],
    [
      f.overdue.length > 0 ? `超期线索：\n${f.overdue.map((o) => `${o.code} ${o.office} 逾期 ${o.daysLate} 个工作日未${o.stage}`).join('\n')}` : '没有超期线索。',
      '请保存本邮件：记录的事件数和最新链接是校验记录完整性的锚点（npm run verify:timeline）。',
    ],
    [['待处理线索（执法监察支队）', input.deskUrl]],
  );
  return { to: input.to, from: ctx.from, messageId: input.messageId, subject: `【线索日报】${f.date}`, ...content, attachments: [] };
}
