// 报告此记录有误: a correction request about a published decision becomes a lead of the office that published it —
// stored with its first events, e-mailed through the outbox, answered on the office's page, followed by the
// requester, counted in the leads statistics — with nothing a stranger can aim elsewhere.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { formOf, postForm as postReport, queryStore, startIntake, validFields, type TestServer } from './intake-helpers.ts';

/** Posts the correction form as a program would (JSON answers). */
async function postForm(url: string, body: URLSearchParams, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/corrections`, { method: 'POST', body, headers: { accept: 'application/json', ...headers } });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}
import { startSink, type Sink } from './smtp-sink.ts';

// A listed decision of 西岭区 (990103) in the demo; 石门自然资罚〔2025〕1号 is withdrawn.
const SLUG = '西岭自然资罚-2026-12';
const DOC_NO = '西岭自然资罚〔2026〕12号';

describe('correction requests', () => {
  let server: TestServer;
  let sink: Sink;
  beforeAll(async () => {
    sink = await startSink();
    server = await startIntake({ WORKERS: 'on', SMTP_URL: sink.url, OUTBOX_POLL_MS: '100' });
  });
  afterAll(async () => {
    await server.stop();
    await sink.close();
  });

  test('the form is served for a listed decision with a form token, and a 404 for anything else', async () => {
    const form = await fetch(`${server.url}/corrections/new/?decision=${encodeURIComponent(SLUG)}`);
    expect(form.status).toBe(200);
    const text = await form.text();
    expect(text).toContain(DOC_NO);
    expect(text).toMatch(/name="formToken" value="[^"]+"/);
    expect(text).toContain('action="/api/corrections"');
    expect((await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports'))[0]?.n).toBe(0);
    for (const bad of ['石门自然资罚-2025-1', '../../etc/passwd', '', '%3Cscript%3E']) {
      const res = await fetch(`${server.url}/corrections/new/?decision=${bad}`);
      expect(res.status, bad).toBe(404);
      expect(await res.text()).not.toContain('<script>');
    }
  });

  test('a request reaches the publishing office as a lead, is answered there, and the requester sees the answer', async () => {
    const res = await postForm(server.url, new URLSearchParams({ decision: SLUG, field: 'amount', text: '罚款金额与决定书原文不一致，原文为67200元以外的数额。' }));
    expect(res.status).toBe(201);
    expect(res.json.office).toEqual({ code: '990103', name: '示范市西岭区自然资源局' });
    const [row] = await queryStore<{ source: string; source_ref: string; office_code: string; category: string; description: string; registered_by: string | null; lat: number | null }>(server.dataDir, 'SELECT * FROM reports');
    expect(row).toMatchObject({ source: 'correction', source_ref: DOC_NO, office_code: '990103', category: 'temporary-land-permanent', registered_by: null, lat: null });
    expect(row?.description).toContain('（罚款或没收金额）');
    const [mail] = await sink.waitFor(1);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('990103@leads.example.org');
    expect(mail?.text).toContain('记录纠错');

    // The office answers on its lead page.
    const link = await server.running.service.officeLink('990103');
    const opened = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const [{ id } = { id: 0 }] = await queryStore<{ id: number }>(server.dataDir, 'SELECT id FROM reports');
    const leadPage = await fetch(`${server.url}/office/leads/${id}/`, { headers: { cookie } }).then((r) => r.text());
    expect(leadPage).toContain('（记录纠错）经核实有误，已更正公示记录');
    const csrf = /name="csrf" value="([^"]+)"/.exec(leadPage)?.[1] ?? '';
    const answered = await fetch(`${server.url}/office/leads/${id}/result`, { method: 'POST', body: new URLSearchParams({ csrf, outcome: 'record-corrected', summary: '经核对决定书原件，公示的罚款金额录入有误，已更正。' }), headers: { cookie, origin: server.url }, redirect: 'manual' });
    expect(answered.status).toBe(303);
    const tracked = await fetch(`${server.url}/api/reports/${res.json.trackingCode}`, { headers: { authorization: `Bearer ${res.json.secret}` } }).then((r) => r.json());
    expect(tracked).toMatchObject({ status: 'concluded', outcome: { code: 'record-corrected' }, summary: '经核对决定书原件，公示的罚款金额录入有误，已更正。' });

    // Counted: the leads statistics have it under its source and outcome.
    const stats = parse(await fetch(`${server.url}/leads/stats.csv`).then((r) => r.text()), { bom: true, columns: true }) as Record<string, string>[];
    const west = stats.find((s) => s.office === '990103')!;
    expect([west['source:correction'], west['outcome:record-corrected']]).toEqual(['1', '1']);
  });

  test('a citizen’s lead is not offered, and cannot be given, the two outcomes of a correction request', async () => {
    const report = await postReport(server.url, formOf(validFields({ description: '村口耕地上有人堆土，准备建房。' })));
    expect(report.status).toBe(201);
    const [lead] = await queryStore<{ id: number; office_code: string }>(server.dataDir, "SELECT id, office_code FROM reports WHERE source = 'public' ORDER BY id DESC LIMIT 1");
    const link = await server.running.service.officeLink(lead?.office_code ?? '');
    const opened = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await fetch(`${server.url}/office/leads/${lead?.id}/`, { headers: { cookie } }).then((r) => r.text());
    expect(page).toContain('value="stopped"');
    expect(page).not.toContain('value="record-corrected"');
    expect(page).not.toContain('value="record-confirmed"');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const forced = await fetch(`${server.url}/office/leads/${lead?.id}/result`, { method: 'POST', body: new URLSearchParams({ csrf, outcome: 'record-corrected', summary: '经核对，记录已更正。' }), headers: { cookie, origin: server.url }, redirect: 'manual' });
    expect(forced.status).toBeGreaterThanOrEqual(400);
    expect(forced.status).toBeLessThan(500);
    expect(await forced.text()).toContain('这个核查结果不适用于这一来源的线索');
    const [after] = await queryStore<{ outcome: string | null }>(server.dataDir, 'SELECT outcome FROM reports WHERE id = ?', [lead?.id]);
    expect(after?.outcome).toBeNull();
  });

  test('refused: an unknown or withdrawn decision, no field, a short text, a foreign origin; a filled honeypot stores nothing', async () => {
    const before = (await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports'))[0]?.n;
    const cases: [Record<string, string>, string][] = [
      [{ decision: '石门自然资罚-2025-1', field: 'amount', text: '这件决定已经撤回了，但仍想报告。' }, 'decision'],
      [{ decision: 'nope', field: 'amount', text: '没有这件决定的纠错申请内容。' }, 'decision'],
      [{ decision: SLUG, field: 'office', text: '选择了不存在的一项内容说明。' }, 'field'],
      [{ decision: SLUG, field: 'amount', text: '太短' }, 'text'],
    ];
    for (const [fields, at] of cases) {
      const res = await postForm(server.url, new URLSearchParams(fields));
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(at);
    }
    const foreign = await postForm(server.url, new URLSearchParams({ decision: SLUG, field: 'amount', text: '来自其他网站的页面提交的申请。' }), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const bot = await postForm(server.url, new URLSearchParams({ decision: SLUG, field: 'amount', text: '机器人填写了蜜罐字段的申请。', website: 'x' }));
    expect(bot.status).toBe(201);
    expect((await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports'))[0]?.n).toBe(before);
  });

  test('a no-script post that is refused comes back as the form with what was typed, escaped', async () => {
    const res = await fetch(`${server.url}/api/corrections`, { method: 'POST', body: new URLSearchParams({ decision: SLUG, field: 'amount', text: '<b>短' }), headers: { accept: 'text/html', origin: server.url } });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('&lt;b&gt;短');
    expect(text).not.toContain('<b>短');
    expect(text).toContain('请用 10–2000 字说明错在哪里');
  });
});
