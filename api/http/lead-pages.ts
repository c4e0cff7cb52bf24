import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from '../domain/html.ts';
import { workingDaysLate } from '../domain/deadlines.ts';
import { REPORT_STATUSES } from '../domain/report-status.ts';
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
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const now = deps.clock.now();
  const today = todayInChina(now);
  if (path === '/leads/') {
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
<p>待分派（位置不在任何区县或未标出）：${unrouted?.open ?? 0} 条。</p>`;
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
