import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from '../domain/html.ts';
import { workingDaysLate } from '../domain/deadlines.ts';
import { LEAD_SOURCES, OUTCOMES, REPORT_STATUSES, type LeadSource, type Outcome } from '../domain/report-status.ts';
import { leadStatistics, type LeadStats } from '../domain/lead-statistics.ts';
import { sendCsv } from './send-csv.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import type { Clock, LeadPolicy, LeadStore } from '../app/ports.ts';
import { sendHtml } from './answer.ts';
import type { PageRenderer } from './page-renderer.ts';

export interface LeadPagesDeps {
  leads: LeadStore;
  policy: LeadPolicy;
  clock: Clock;
  page: PageRenderer;
  counties: readonly { code: string; name: string; areaName: string }[];
  categoryName(code: string): string;
}

/**
 * /leads/ and /leads/<county>/: how each county office handles its leads —
 * counts, and each overdue lead with its days late — for the public to see
 * (群众监督). Never a description, a place, a photo or anything of the
 * reporter: a lead appears by its category, dates and status only. Computed
 * from the database on each request, so always current.
 */
export async function handleLeadPages(req: IncomingMessage, res: ServerResponse, deps: LeadPagesDeps): Promise<boolean> {
  const [path = '/', query = ''] = (req.url ?? '/').split('?');
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const now = deps.clock.now();
  const today = todayInChina(now);
  if (path === '/leads/' || path === '/leads/stats.csv') {
    // ?year=YYYY narrows the statistics to the leads received that year (the annual report links here); anything
    // else in the query is ignored, and a year that is not four digits is treated as none.
    const raw = new URLSearchParams(query).get('year');
    const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
    const offices = [...deps.counties.map((c) => c.code), null];
    const figures = leadStatistics(await deps.leads.statsRows(year), offices, deps.policy.calendar, today);
    if (path === '/leads/stats.csv') {
      sendCsv(res, leadStatsCsv(figures, deps), `leads-${year ?? 'all'}.csv`);
      return true;
    }
    const stats = await deps.leads.statsByOffice(today);
    const row = (code: string) => stats.find((s) => s.office_code === code);
    const unrouted = stats.find((s) => s.office_code === null);
    const main = html`<h1>线索办理情况</h1>
<p>各区县自然资源部门收到的违法线索及办理进度，数据实时生成（${today}）。办理时限：${deps.policy.basis}。不公开举报内容、地点和举报人的任何信息。</p>
<ol class="cards">${deps.counties.map((c) => {
      const s = row(c.code);
      return html`<li class="card"><h2><a href="/leads/${c.code}/">${c.name}</a></h2><dl class="fields">
<div><dt>收到</dt><dd>${s?.received ?? 0} 条</dd></div><div><dt>办理中</dt><dd>${s?.open ?? 0} 条</dd></div><div><dt>已办结</dt><dd>${s?.concluded ?? 0} 条</dd></div>
<div><dt>逾期</dt><dd>${(s?.overdue ?? 0) > 0 ? html`<strong class="error-text">${s?.overdue} 条</strong>` : '0 条'}</dd></div><div><dt>挂牌督办</dt><dd>${s?.supervised ?? 0} 条</dd></div></dl></li>`;
    })}</ol>
<p>待分派（位置不在任何区县或未标出）：${unrouted?.open ?? 0} 条。</p>
${leadStatsSection(figures, deps, year, now)}`;
    sendHtml(res, 200, await deps.page('线索办理情况', main), { 'cache-control': 'no-cache' });
    return true;
  }
  const match = /^\/leads\/(\d{6})\/$/.exec(path);
  const county = match ? deps.counties.find((c) => c.code === match[1]) : undefined;
  if (!county) return false;
  const overdue = (await deps.leads.list({ officeCode: county.code, status: 'overdue', today })).map((r) => {
    const stage = !r.acknowledged_at && r.acknowledge_by && r.acknowledge_by < today ? '签收' : '办结';
    const due = stage === '签收' ? r.acknowledge_by : r.conclude_by;
    return { r, stage, due, late: due ? workingDaysLate(deps.policy.calendar, due, now) : 0 };
  });
  const main = html`<nav class="breadcrumb" aria-label="当前位置"><ol><li><a href="/leads/">线索办理情况</a></li><li>${county.name}</li></ol></nav>
<h1>${county.name} · 线索办理情况</h1>
<p>办理时限：${deps.policy.basis}。以下为已超过期限仍未签收或办结的线索（${today}）。</p>
${overdue.length === 0 ? html`<p>目前没有逾期的线索。</p>` : html`<ol class="cards">${overdue.map(({ r, stage, due, late }) => html`<li class="card"><h2>${deps.categoryName(r.category)}</h2><dl class="fields">
<div><dt>收到</dt><dd><span class="nowrap">${todayInChina(new Date(r.received_at))}</span></dd></div><div><dt>状态</dt><dd>${REPORT_STATUSES[r.status]}${r.supervised_at ? '（挂牌督办）' : ''}</dd></div>
<div><dt>${stage}期限</dt><dd><span class="nowrap">${due ?? '—'}</span></dd></div><div><dt>逾期</dt><dd><strong class="error-text">${late} 个工作日</strong></dd></div></dl></li>`)}</ol>`}`;
  sendHtml(res, 200, await deps.page(`${county.name} · 线索办理情况`, main), { 'cache-control': 'no-cache' });
  return true;
}

const SOURCE_KEYS = Object.keys(LEAD_SOURCES) as LeadSource[];
const OUTCOME_KEYS = Object.keys(OUTCOMES) as Outcome[];

function officeLabel(code: string | null, deps: LeadPagesDeps): string {
  return code === null ? '待分派' : (deps.counties.find((c) => c.code === code)?.name ?? code);
}

/** The statistics table: one row per county office and the unrouted queue, every figure from leadStatistics. */
function leadStatsSection(figures: readonly LeadStats[], deps: LeadPagesDeps, year: number | undefined, now: Date) {
  const cell = (label: string, value: unknown) => html`<td role="cell"><span class="cell-label" aria-hidden="true">${label}</span>${value}</td>`;
  const at = now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return html`<h2 id="stats">统计${year ? html`：${year}年收到的线索` : '：全部线索'}</h2>
<p>从举报服务的数据库按需计算，每次打开本页时重新生成（本次 ${at}，北京时间），不缓存。按时签收指在签收期限当日或之前签收；办结用时为线索到达区县之日至办结之日的工作日数（首日不计，含国务院调休安排）。${year ? html` <a href="/leads/#stats">查看全部年份</a>` : ''}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="各区县线索统计"><table class="stack stat-table" role="table"><caption class="visually-hidden">各区县线索统计</caption>
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">区县</th><th scope="col" role="columnheader">收到</th><th scope="col" role="columnheader">按来源</th><th scope="col" role="columnheader">按时签收</th><th scope="col" role="columnheader">办结用时中位数</th><th scope="col" role="columnheader">办结结果</th><th scope="col" role="columnheader">当前逾期</th><th scope="col" role="columnheader">挂牌督办</th></tr></thead>
<tbody role="rowgroup">${figures.map((f) => html`<tr role="row"><th scope="row" role="rowheader" class="record-title">${officeLabel(f.officeCode, deps)}</th>
${cell('收到', `${f.received} 条`)}
${cell('按来源', SOURCE_KEYS.filter((k) => f.bySource[k] > 0).map((k) => `${LEAD_SOURCES[k]} ${f.bySource[k]}`).join('；') || '—')}
${cell('按时签收', f.acknowledged ? `${f.acknowledgedOnTime} / ${f.acknowledged} 条` : '—')}
${cell('办结用时中位数', f.medianWorkingDaysToOutcome === undefined ? '—' : `${f.medianWorkingDaysToOutcome} 个工作日`)}
${cell('办结结果', OUTCOME_KEYS.filter((k) => f.byOutcome[k] > 0).map((k) => `${OUTCOMES[k]} ${f.byOutcome[k]}`).join('；') || '—')}
${cell('当前逾期', `${f.overdueNow} 条`)}
${cell('挂牌督办', `${f.supervised} 条`)}</tr>`)}</tbody></table></div>
<p class="meta">下载本表：<a href="/leads/stats.csv${year ? `?year=${year}` : ''}" download>leads-${year ?? 'all'}.csv</a>（UTF-8 CSV）。</p>`;
}

/** The same figures as CSV, one column per source and per outcome. */
function leadStatsCsv(figures: readonly LeadStats[], deps: LeadPagesDeps): string {
  const header = ['office', 'officeName', 'received', ...SOURCE_KEYS.map((k) => `source:${k}`), 'acknowledged', 'acknowledgedOnTime', 'concluded', 'medianWorkingDaysToOutcome', ...OUTCOME_KEYS.map((k) => `outcome:${k}`), 'overdueNow', 'supervised'];
  const rows = figures.map((f) => [
    f.officeCode ?? '',
    officeLabel(f.officeCode, deps),
    f.received,
    ...SOURCE_KEYS.map((k) => f.bySource[k]),
    f.acknowledged,
    f.acknowledgedOnTime,
    f.concluded,
    f.medianWorkingDaysToOutcome ?? '',
    ...OUTCOME_KEYS.map((k) => f.byOutcome[k]),
    f.overdueNow,
    f.supervised,
  ]);
  return [header, ...rows].map((r) => r.map((v) => csvField(String(v))).join(',')).join('\r\n') + '\r\n';
}

/** A CSV field, quoted when it must be; a leading =, +, - or @ is prefixed so no spreadsheet reads it as a formula. */
function csvField(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
