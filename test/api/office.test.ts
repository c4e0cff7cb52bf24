// The county office's side: links that open only what they were made for,
// the actions an officer records, the desk's, deadlines that pass, and what
// the reporter then sees.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signOfficeToken } from '../../api/domain/office-token.ts';
import { formOf, keyRingOf, postForm, queryStore, startIntake, validFields, type TestServer } from './intake-helpers.ts';
import { startSink, type Sink } from './smtp-sink.ts';

const DAY = 86_400_000;

/** A clock the test moves forward. */
function movableClock(start = new Date('2026-12-01T02:00:00Z')) {
  let offset = 0;
  return {
    now: () => new Date(start.getTime() + offset + (Date.now() - real)),
    advance: (ms: number) => void (offset += ms),
  };
}
const real = Date.now();

/** Opens an office link like a browser: answers the session cookie. */
async function open(server: TestServer, link: string): Promise<{ status: number; cookie: string; location: string | null }> {
  const res = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', location: res.headers.get('location') };
}

async function page(server: TestServer, path: string, cookie: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: res.status, text: await res.text() };
}

async function act(server: TestServer, path: string, cookie: string, fields: Record<string, string | string[]>): Promise<{ status: number; text: string; location: string | null }> {
  const html = await page(server, path.replace(/\/[a-z]+$/, '/'), cookie);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html.text)?.[1] ?? '';
  const body = new URLSearchParams();
  body.append('csrf', csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body, headers: { cookie, origin: server.url }, redirect: 'manual' });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

describe('office links', () => {
  let server: TestServer;
  let leadId: number;
  beforeAll(async () => {
    server = await startIntake();
    await postForm(server.url, formOf(validFields()));
    leadId = (await queryStore<{ id: number }>(server.dataDir, 'SELECT id FROM reports'))[0]?.id ?? 0;
  });
  afterAll(() => server.stop());

  test("an office's inbox link opens its leads; the token leaves the address bar at once", async () => {
    const link = await server.running.service.officeLink('990102');
    const opened = await open(server, link);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe('/office/');
    const inbox = await page(server, '/office/', opened.cookie);
    expect(inbox.status).toBe(200);
    expect(inbox.text).toContain('示范市东湖区自然资源局 · 线索');
    expect(inbox.text).toMatch(/JB-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  test('a tampered, expired, forged or another office’s token gets a clear page and never the lead', async () => {
    const link = await server.running.service.officeLink('990102');
    const token = new URL(link).searchParams.get('t') ?? '';
    const base = keyRingOf(server.dataDir).current.key('office');
    const expired = signOfficeToken(base, { officeCode: '990102', scope: { kind: 'inbox' }, expires: Math.floor(Date.now() / 1000) - 60, version: 1 });
    const other = await server.running.service.officeLink('990103');
    const otherOpened = await open(server, other);
    const wrongKey = signOfficeToken(Buffer.alloc(32, 7), { officeCode: '990102', scope: { kind: 'inbox' }, expires: Math.floor(Date.now() / 1000) + 3600, version: 1 });
    for (const [bad, words] of [
      [`${token.slice(0, -3)}AAA`, '无效'],
      [token.replace('.inbox.', '.lead-1.'), '无效'],
      [expired, '已过期'],
      [wrongKey, '无效'],
    ] as const) {
      const res = await fetch(`${server.url}/office/leads/${leadId}/?t=${bad}`, { redirect: 'manual' });
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).toContain(words);
      expect(text).not.toContain('村口的基本农田');
    }
    // 990103's session does not open a lead of 990102.
    const foreign = await page(server, `/office/leads/${leadId}/`, otherOpened.cookie);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain('村口的基本农田');
    // No session at all.
    expect((await page(server, `/office/leads/${leadId}/`, '')).status).toBe(403);
  });

  test('a lead link opens that lead only; re-issuing an office’s links voids the old ones at once', async () => {
    const inbox = await server.running.service.officeLink('990102');
    const token = new URL(inbox).searchParams.get('t') ?? '';
    const leadToken = signOfficeToken(keyRingOf(server.dataDir).current.key('office'), { officeCode: '990102', scope: { kind: 'lead', leadId }, expires: Math.floor(Date.now() / 1000) + 3600, version: 1 });
    const one = await open(server, `${server.url}/office/leads/${leadId}/?t=${leadToken}`);
    expect((await page(server, `/office/leads/${leadId}/`, one.cookie)).status).toBe(200);
    expect((await page(server, '/office/', one.cookie)).text).toContain('只能打开邮件中的那一条线索');
    await server.running.service.officeLink('990102', { reissue: true });
    const stale = await fetch(`${server.url}/office/?t=${token}`, { redirect: 'manual' });
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('已作废');
    expect((await page(server, `/office/leads/${leadId}/`, one.cookie)).status).toBe(403);
  });
});

describe('an officer handles a lead, and the reporter sees it', () => {
  let sink: Sink;
  let server: TestServer;
  let cookie: string;
  let report: { trackingCode: string; secret: string };
  let leadId: number;
  beforeAll(async () => {
    sink = await startSink(undefined, { ignoreDailySummary: true });
    server = await startIntake({ WORKERS: 'on', SMTP_URL: sink.url, OUTBOX_POLL_MS: '100', ADMIN_EMAIL: 'admin@ops.example.org' });
    report = (await postForm(server.url, formOf(validFields({ email: 'reporter@example.org', contactConsent: 'yes' })))).json;
    leadId = (await queryStore<{ id: number }>(server.dataDir, 'SELECT id FROM reports WHERE tracking_code = ?', [report.trackingCode]))[0]?.id ?? 0;
    cookie = (await open(server, await server.running.service.officeLink('990102'))).cookie;
    await sink.waitFor(1);
  });
  afterAll(async () => {
    await server.stop();
    await sink.close();
  });

  const track = () => fetch(`${server.url}/api/reports/${report.trackingCode}`, { headers: { authorization: `Bearer ${report.secret}` } }).then((r) => r.json());

  test('签收 is recorded once, the reporter (who consented) is told by e-mail, and the tracking page says so', async () => {
    const first = await act(server, `/office/leads/${leadId}/acknowledge`, cookie, {});
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/office/leads/${leadId}/?done=acknowledge`);
    await act(server, `/office/leads/${leadId}/acknowledge`, cookie, {});
    const events = await queryStore<{ type: string }>(server.dataDir, "SELECT type FROM timeline_events WHERE type = 'acknowledged'");
    expect(events).toHaveLength(1);
    const notice = (await sink.waitFor(2)).find((m) => m.to && 'text' in m.to && m.to.text === 'reporter@example.org');
    expect(notice?.subject).toBe(`【举报进展】${report.trackingCode}：已签收`);
    expect(notice?.text).not.toContain(report.secret);
    const tracked = await track();
    expect(tracked.status).toBe('acknowledged');
    expect(tracked.timeline.map((e: { text: string }) => e.text)).toContain('示范市东湖区自然资源局已签收');
  });

  test('a result without its summary, or with a phone in the summary, or 已立案 without a case number, is refused naming each field; nothing is recorded', async () => {
    const bad = await act(server, `/office/leads/${leadId}/result`, cookie, { outcome: 'case-opened', summary: '联系人电话 13912345678' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('公开说明会公开给举报人，不能包含个人电话号码');
    expect(bad.text).toContain('已立案时请填写立案编号');
    expect(bad.text).toContain('value="case-opened" checked');
    const none = await act(server, `/office/leads/${leadId}/result`, cookie, { outcome: 'reported-to-government', summary: '当事人拒不停止施工。' });
    expect(none.text).toContain('请选择抄告的部门');
    expect(await queryStore(server.dataDir, "SELECT count(*) AS n FROM timeline_events WHERE type = 'result'")).toEqual([{ n: 0 }]);
  });

  test('核查中, a note, then 制止无效、报告政府并抄告 with the departments: the reporter sees the public summary and never the note', async () => {
    expect((await act(server, `/office/leads/${leadId}/result`, cookie, { outcome: 'verifying', summary: '已安排国土所人员到现场核查。' })).status).toBe(303);
    expect((await act(server, `/office/leads/${leadId}/note`, cookie, { note: '当事人系村干部亲属，注意回避（内部）' })).status).toBe(303);
    const done = await act(server, `/office/leads/${leadId}/result`, cookie, { outcome: 'reported-to-government', summary: '现场制止后当事人仍继续施工，已报告区政府并抄告相关部门。', departments: ['power', 'police', 'planning'] });
    expect(done.status).toBe(303);
    const tracked = await track();
    expect(tracked).toMatchObject({ status: 'concluded', outcome: { code: 'reported-to-government', label: '制止无效，已报告政府并抄告相关部门' }, summary: '现场制止后当事人仍继续施工，已报告区政府并抄告相关部门。' });
    expect(JSON.stringify(tracked)).not.toContain('村干部亲属');
    expect(JSON.stringify(tracked)).not.toContain('police');
    const office = await page(server, `/office/leads/${leadId}/`, cookie);
    expect(office.text).toContain('抄告 电力、公安、规划');
    expect(office.text).toContain('当事人系村干部亲属');
    const notices = sink.messages.filter((m) => m.to && 'text' in m.to && m.to.text === 'reporter@example.org');
    await sink.waitFor(sink.messages.length);
    expect(notices.at(-1)?.text ?? '').not.toContain('村干部亲属');
  });

  test('the reporter may add information while the lead is open, and not once it is concluded', async () => {
    const closed = await fetch(`${server.url}/api/reports/${report.trackingCode}/additions`, { method: 'POST', body: new URLSearchParams({ text: '又来了两台挖掘机。' }), headers: { authorization: `Bearer ${report.secret}` } });
    expect(closed.status).toBe(422);
    expect((await closed.json()).errors[0].code).toBe('lead_closed');
    const other = (await postForm(server.url, formOf(validFields({ description: '另一处：山脚下的林地被推平。' })))).json;
    const before = sink.messages.length;
    const added = await fetch(`${server.url}/api/reports/${other.trackingCode}/additions`, { method: 'POST', body: new URLSearchParams({ text: '今天又来了两台挖掘机，正在挖沟。' }), headers: { authorization: `Bearer ${other.secret}` } });
    expect(added.status).toBe(201);
    const wrong = await fetch(`${server.url}/api/reports/${other.trackingCode}/additions`, { method: 'POST', body: new URLSearchParams({ text: '冒充举报人补充的内容。' }), headers: { authorization: 'Bearer WRONG' } });
    expect(wrong.status).toBe(404);
    await sink.waitFor(before + 1);
    const until = Date.now() + 15_000;
    while (!sink.messages.some((m) => m.subject?.startsWith('【补充情况】')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const told = sink.messages.find((m) => m.subject?.startsWith('【补充情况】'));
    expect(told, sink.messages.map((m) => m.subject).join(' | ')).toBeDefined();
    expect(told?.text).toContain('今天又来了两台挖掘机');
    const tracked = await fetch(`${server.url}/api/reports/${other.trackingCode}`, { headers: { authorization: `Bearer ${other.secret}` } }).then((r) => r.json());
    expect(tracked.additions).toBe(1);
    expect(tracked.timeline.map((e: { type: string }) => e.type)).toContain('info-added');
  });
});

describe('the desk', () => {
  let server: TestServer;
  let desk: string;
  beforeAll(async () => {
    server = await startIntake();
    desk = (await open(server, await server.running.service.officeLink('990100'))).cookie;
  });
  afterAll(() => server.stop());

  test('sees the unrouted queue, assigns a lead to a county (which then holds it, with deadlines), and supervises it (挂牌督办, on the public list)', async () => {
    const res = await postForm(server.url, formOf(validFields({ lat: '', lng: '', address: '只写了地址的线索（示例）' })));
    expect(res.json.status).toBe('unrouted');
    const id = (await queryStore<{ id: number }>(server.dataDir, 'SELECT id FROM reports WHERE tracking_code = ?', [res.json.trackingCode]))[0]?.id ?? 0;
    expect((await page(server, '/office/', desk)).text).toMatch(/待分派（1）/);
    expect((await act(server, `/office/leads/${id}/assign`, desk, { officeCode: '990121' })).status).toBe(303);
    const [row] = await queryStore<{ office_code: string; status: string; acknowledge_by: string; conclude_by: string }>(server.dataDir, 'SELECT office_code, status, acknowledge_by, conclude_by FROM reports WHERE id = ?', [id]);
    expect(row).toMatchObject({ office_code: '990121', status: 'routed' });
    expect(row?.acknowledge_by).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row?.conclude_by).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await queryStore(server.dataDir, "SELECT office_code FROM outbox WHERE kind = 'forward-lead' AND report_id = ? ORDER BY id", [id])).toEqual([{ office_code: '990100' }, { office_code: '990121' }]);
    expect((await act(server, `/office/leads/${id}/supervise`, desk, {})).status).toBe(303);
    const publicPage = await fetch(`${server.url}/leads/`).then((r) => r.text());
    expect(publicPage).toMatch(/示范市清河县自然资源局[\s\S]*挂牌督办<\/dt><dd>1 条/);
    expect(publicPage).not.toContain('只写了地址的线索');
    // A county cannot assign or supervise.
    const county = (await open(server, await server.running.service.officeLink('990121'))).cookie;
    const refused = await act(server, `/office/leads/${id}/assign`, county, { officeCode: '990122' });
    expect(refused.status).toBe(403);
  });

  test('an office registers a lead from its own patrol: it runs through the same steps, with its source', async () => {
    const county = (await open(server, await server.running.service.officeLink('990122'))).cookie;
    const form = await page(server, '/office/leads/new/', county);
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const missing = await fetch(`${server.url}/office/leads/`, { method: 'POST', headers: { cookie: county, origin: server.url }, body: formOf({ csrf, source: 'remote-sensing', category: 'illegal-occupation', description: '遥感图斑显示耕地上新增建筑物。', address: '某村' }), redirect: 'manual' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('遥感监测线索请填写图斑编号');
    const ok = await fetch(`${server.url}/office/leads/`, { method: 'POST', headers: { cookie: county, origin: server.url }, body: formOf({ csrf, source: 'remote-sensing', sourceRef: 'TB-2026-0417', category: 'illegal-occupation', description: '遥感图斑显示耕地上新增建筑物约 300 平方米。', address: '某村（示例）' }), redirect: 'manual' });
    expect(ok.status).toBe(303);
    const [row] = await queryStore<{ source: string; source_ref: string; office_code: string; registered_by: string }>(server.dataDir, "SELECT source, source_ref, office_code, registered_by FROM reports WHERE source = 'remote-sensing'");
    expect(row).toEqual({ source: 'remote-sensing', source_ref: 'TB-2026-0417', office_code: '990122', registered_by: '990122' });
    const crossSite = await fetch(`${server.url}/office/leads/`, { method: 'POST', headers: { cookie: county, origin: 'https://evil.example' }, body: formOf({ csrf, source: 'patrol', category: 'illegal-occupation', description: '跨站提交的登记。', address: 'x' }), redirect: 'manual' });
    expect(crossSite.status).toBe(403);
    const noCsrf = await fetch(`${server.url}/office/leads/`, { method: 'POST', headers: { cookie: county, origin: server.url }, body: formOf({ source: 'patrol', category: 'illegal-occupation', description: '没有 CSRF 令牌的登记。', address: 'x' }), redirect: 'manual' });
    expect(noCsrf.status).toBe(403);
  });
});

describe('deadlines', () => {
  test('a lead not acknowledged gets a reminder to its office the working day after its deadline, then an escalation to the desk, each once; the public county page lists it with its days late', async () => {
    const sink = await startSink();
    const clock = movableClock();
    const server = await startIntake({ WORKERS: 'on', SMTP_URL: sink.url, OUTBOX_POLL_MS: '100', DEADLINE_CHECK_S: '3600' }, undefined, { clock });
    try {
      const res = await postForm(server.url, formOf(validFields()));
      await sink.waitFor(1);
      const [row] = await queryStore<{ acknowledge_by: string }>(server.dataDir, 'SELECT acknowledge_by FROM reports');
      // 2026-12-01 (Tuesday) + 1 working day: due Wednesday 12-02.
      expect(row?.acknowledge_by).toBe('2026-12-02');
      expect(await server.running.service.checkDeadlines()).toEqual({ reminded: 0, escalated: 0 });
      clock.advance(2 * DAY); // Thursday: one working day late
      expect(await server.running.service.checkDeadlines()).toEqual({ reminded: 1, escalated: 0 });
      expect(await server.running.service.checkDeadlines()).toEqual({ reminded: 0, escalated: 0 });
      clock.advance(4 * DAY); // the Monday after: three working days late (escalateAfter 2)
      expect(await server.running.service.checkDeadlines()).toEqual({ reminded: 0, escalated: 1 });
      const mails = await sink.waitFor(3);
      expect(mails[1]?.subject).toBe(`【催办】${res.json.trackingCode} 超过签收期限`);
      expect(mails[1]?.to && 'text' in mails[1].to ? mails[1].to.text : '').toBe('990102@leads.example.org');
      expect(mails[2]?.subject).toBe(`【超期】${res.json.trackingCode} 逾期未签收`);
      expect(mails[2]?.to && 'text' in mails[2].to ? mails[2].to.text : '').toBe('desk@leads.example.org');
      const county = await fetch(`${server.url}/leads/990102/`).then((r) => r.text());
      expect(county).toMatch(/签收期限<\/dt><dd><span class="nowrap">2026-12-02<\/span><\/dd><\/div><div><dt>逾期<\/dt><dd><strong class="error-text">3 个工作日/);
      const tracked = await fetch(`${server.url}/api/reports/${res.json.trackingCode}`, { headers: { authorization: `Bearer ${res.json.secret}` } }).then((r) => r.json());
      expect(tracked.timeline.map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining(['示范市东湖区自然资源局未在期限内签收，已催办', '办理超期，已报告上级机关督办']));
    } finally {
      await server.stop();
      await sink.close();
    }
  });

  test('the daily summary goes to ADMIN_EMAIL once a day after 08:00 with the record’s head', async () => {
    const sink = await startSink();
    const clock = movableClock(new Date('2026-11-30T23:00:00Z')); // 07:00 in China: no summary yet
    const server = await startIntake({ WORKERS: 'on', SMTP_URL: sink.url, OUTBOX_POLL_MS: '100', ADMIN_EMAIL: 'admin@ops.example.org' }, undefined, { clock });
    try {
      await postForm(server.url, formOf(validFields()));
      await server.running.service.checkDeadlines();
      expect(await queryStore(server.dataDir, "SELECT count(*) AS n FROM outbox WHERE kind = 'daily-summary'")).toEqual([{ n: 0 }]);
      clock.advance(2 * 3600_000); // 09:00
      await server.running.service.checkDeadlines();
      await server.running.service.checkDeadlines();
      const mails = await sink.waitFor(2);
      await new Promise((r) => setTimeout(r, 500));
      const summaries = sink.messages.filter((m) => m.subject?.startsWith('【线索日报】'));
      expect(summaries).toHaveLength(1);
      expect(summaries[0]?.subject).toBe('【线索日报】2026-12-01');
      // The head it carries is a real link of the record, at the event count it names.
      const [, count, link] = /共 (\d+) 个事件；最新链接 ([0-9a-f]{64})/.exec(summaries[0]?.text ?? '') ?? [];
      expect(await queryStore(server.dataDir, 'SELECT hash FROM timeline_events WHERE id = ?', [Number(count)])).toEqual([{ hash: link }]);
      expect(mails.length).toBeGreaterThanOrEqual(2);
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});
