// Leads reach their county office by e-mail, through a real SMTP server on
// loopback: what arrives, what never does (a contact without consent), and
// what an outage, a refusal or a killed process do to the queue.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formOf, makeJpeg, postForm, queryStore, repoRoot, startIntake, validFields, type TestServer } from './intake-helpers.ts';
import { startSink, type Sink } from './smtp-sink.ts';

const ADMIN = 'admin@ops.example.org';
const DONGHU = '990102@leads.example.org';

function mailEnv(sink: Sink, extra: Record<string, string> = {}): Record<string, string> {
  return { WORKERS: 'on', SMTP_URL: sink.url, MAIL_FROM: 'zhifa@example.org', ADMIN_EMAIL: ADMIN, OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_S: '1', OUTBOX_RETRY_CAP_S: '2', ...extra };
}

/** Polls until `done` holds (the record is written just after the mail server answers). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const headerOf = (mail: { headers: Map<string, unknown> }, name: string) => String(mail.headers.get(name) ?? '');

describe('a lead by e-mail', () => {
  let sink: Sink;
  let server: TestServer;
  beforeAll(async () => {
    sink = await startSink(undefined, { ignoreDailySummary: true });
    server = await startIntake(mailEnv(sink));
  });
  afterAll(async () => {
    await server.stop();
    await sink.close();
  });

  test('reaches its county office as a well-formed message: both parts, the photos attached, both coordinate systems, deadlines, links — and the consenting reporter’s contact', async () => {
    const photos = [await makeJpeg({ width: 900, height: 700, seed: 41 }), await makeJpeg({ width: 700, height: 900, seed: 42 })];
    const description = '村口耕地上有人连夜浇筑地基 <script>alert("x")</script> & 围墙，\r\nSubject: forged\r\nBcc: evil@example.org';
    const res = await postForm(server.url, formOf(validFields({ description, name: '陈某某测试', phone: '13700001111', contactConsent: 'yes' }), photos.map((bytes, i) => ({ name: `p${i}.jpg`, bytes }))));
    expect(res.status).toBe(201);
    const [mail] = await sink.waitFor(1);
    if (!mail) throw new Error('no mail');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(DONGHU);
    expect(mail.subject).toBe(`【违法线索】非法占用土地 · ${res.json.trackingCode}`);
    expect(mail.messageId).toMatch(/^<forward-lead\.\d+\.[A-Za-z0-9_-]+@example\.org>$/);
    expect(headerOf(mail, 'auto-submitted')).toBe('auto-generated');
    // No header was made from what the reporter typed.
    expect(mail.headers.has('bcc')).toBe(false);
    const head = (sink.raw[0] ?? '').split('\r\n\r\n')[0] ?? '';
    expect(head).not.toMatch(/^(Subject: forged|Bcc:)/m);
    expect(head.match(/^Subject:/gm)).toHaveLength(1);
    expect(mail.text).toContain(res.json.trackingCode);
    expect(mail.text).toContain('<script>alert("x")</script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 围墙');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toMatch(/坐标（WGS-84，GPS\/天地图）：30\.300000, 116\.500000/);
    expect(mail.text).toMatch(/坐标（GCJ-02，高德等）：30\.29\d+, 116\.50\d+/);
    expect(mail.text).toContain('uri.amap.com/marker');
    expect(mail.text).toMatch(/签收期限：\d{4}-\d{2}-\d{2} 前/);
    expect(mail.text).toContain('13700001111');
    expect(mail.text).toContain('陈某某测试');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['photo-1.jpg', 'image/jpeg'],
      ['photo-2.jpg', 'image/jpeg'],
    ]);
    const leadUrl = /打开线索页面（签收、记录核查结果）：(\S+)/.exec(mail.text ?? '')?.[1] ?? '';
    expect(leadUrl).toMatch(/\/office\/leads\/\d+\/\?t=o1\.990102\.lead-\d+\./);
    expect(mail.text).toMatch(/本单位线索列表：\S+\/office\/\?t=o1\.990102\.inbox\./);

    // The record says the lead went out, with the Message-ID.
    const sent = await eventually(() => queryStore<{ data: string }>(server.dataDir, "SELECT data FROM timeline_events WHERE type = 'sent'"), (rows) => rows.length > 0);
    expect(sent.map((e) => JSON.parse(e.data).messageId)).toEqual([mail.messageId]);

    // The link opens the lead for that office: a cookie, the token gone from the address, the contact shown.
    const opened = await fetch(leadUrl.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(/^\/office\/leads\/\d+\/$/);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const page = await fetch(`${server.url}${opened.headers.get('location')}`, { headers: { cookie } }).then((r) => r.text());
    expect(page).toContain(res.json.trackingCode);
    expect(page).toContain('13700001111');
    expect(page).toContain('&lt;script&gt;');
  });

  test('without the reporter’s consent, the message carries no name, phone or e-mail', async () => {
    const before = sink.messages.length;
    const res = await postForm(server.url, formOf(validFields({ description: '河道里夜间有人挖砂，有三辆货车。', name: '李某某测试', phone: '13600002222', email: 'me@example.org' })));
    expect(res.status).toBe(201);
    const mail = (await sink.waitFor(before + 1))[before];
    expect(mail?.text).not.toContain('13600002222');
    expect(mail?.text).not.toContain('李某某测试');
    expect(mail?.text).not.toContain('me@example.org');
    expect(mail?.html).not.toContain('13600002222');
    expect(mail?.text).toContain('匿名或未同意联系');
  });

  test('photos over the size bound stay on the lead page, and the message says how many are there', async () => {
    const bounded = await startIntake(mailEnv(sink, { MAIL_ATTACHMENT_MB: '1' }));
    try {
      const before = sink.messages.length;
      const big = await Promise.all([51, 52, 53].map((seed) => makeJpeg({ width: 1900, height: 1400, quality: 92, seed })));
      const res = await postForm(bounded.url, formOf(validFields(), big.map((bytes, i) => ({ name: `b${i}.jpg`, bytes }))));
      expect(res.status).toBe(201);
      const mail = (await sink.waitFor(before + 1, 60_000))[before];
      expect(mail?.attachments.length).toBeLessThan(3);
      expect(mail?.text).toMatch(/3 张（附 [012] 张，其余请在线索页面查看）/);
      expect(mail?.attachments.reduce((sum, a) => sum + a.size, 0)).toBeLessThanOrEqual(1024 * 1024);
    } finally {
      await bounded.stop();
    }
  });
});

describe('when the mail server is down for a while', () => {
  test('every lead queued meanwhile is delivered once it is back: none lost, none twice', async () => {
    const sink = await startSink(undefined, { ignoreDailySummary: true });
    await sink.stop();
    const server = await startIntake(mailEnv(sink));
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i += 1) codes.push((await postForm(server.url, formOf(validFields({ description: `停机期间的第 ${i + 1} 条线索：耕地上堆放建筑垃圾。` })))).json.trackingCode);
      // Let the outbox fail a few times against a closed port.
      await new Promise((r) => setTimeout(r, 2_500));
      const [failed] = await queryStore<{ n: number }>(server.dataDir, "SELECT count(*) AS n FROM outbox WHERE kind != 'daily-summary' AND attempts > 0 AND sent_at IS NULL AND last_error LIKE '%ECONNREFUSED%'");
      expect(failed?.n).toBe(5);
      await sink.start();
      const mails = await sink.waitFor(5, 30_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sink.messages).toHaveLength(5);
      await eventually(() => queryStore<{ n: number }>(server.dataDir, "SELECT count(*) AS n FROM timeline_events WHERE type = 'sent'"), (rows) => rows[0]?.n === 5);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(5);
      expect(mails.map((m) => /JB-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(m.subject ?? '')?.[0]).sort()).toEqual([...codes].sort());
      const events = await queryStore<{ type: string; n: number }>(server.dataDir, "SELECT type, count(*) AS n FROM timeline_events WHERE type IN ('sent', 'delivery-failed') GROUP BY type ORDER BY type");
      expect(events).toEqual([
        { type: 'delivery-failed', n: 5 },
        { type: 'sent', n: 5 },
      ]);
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});

describe('when the mail server comes back before the back-off ends', () => {
  test('a probe finds it and every waiting lead goes at once, not after the hour-long back-off', async () => {
    const sink = await startSink(undefined, { ignoreDailySummary: true });
    await sink.stop();
    const server = await startIntake(mailEnv(sink, { OUTBOX_RETRY_BASE_S: '3600', OUTBOX_RETRY_CAP_S: '3600', OUTBOX_PROBE_S: '1' }));
    try {
      for (let i = 0; i < 3; i += 1) await postForm(server.url, formOf(validFields({ description: `探测测试第 ${i + 1} 条：耕地上有人取土。` })));
      await eventually(() => queryStore<{ n: number }>(server.dataDir, "SELECT count(*) AS n FROM outbox WHERE last_error IS NOT NULL AND next_attempt_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+30 minutes')"), (rows) => rows[0]?.n === 3);
      await sink.start();
      const mails = await sink.waitFor(3, 20_000);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(3);
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});

describe('when the office’s address is refused (5xx)', () => {
  test('the lead goes dead at once, the administrator is alerted, and the desk sees it', async () => {
    const sink = await startSink(undefined, { ignoreDailySummary: true });
    sink.refuse(DONGHU);
    const server = await startIntake(mailEnv(sink));
    try {
      const res = await postForm(server.url, formOf(validFields()));
      const [alert] = await sink.waitFor(1);
      expect(alert?.to && 'text' in alert.to ? alert.to.text : '').toBe(ADMIN);
      expect(alert?.subject).toBe(`【投递失败】forward-lead ${res.json.trackingCode}`);
      expect(alert?.text).toMatch(/550/);
      const [row] = await queryStore<{ dead_at: string | null; attempts: number }>(server.dataDir, "SELECT dead_at, attempts FROM outbox WHERE kind = 'forward-lead'");
      expect(row?.attempts).toBe(1);
      expect(row?.dead_at).not.toBeNull();
      const events = await eventually(() => queryStore<{ type: string }>(server.dataDir, 'SELECT type FROM timeline_events ORDER BY id'), (rows) => rows.some((e) => e.type === 'delivery-dead'));
      expect(events.map((e) => e.type)).toContain('delivery-dead');
      const desk = await server.running.service.officeLink('990100');
      const opened = await fetch(desk.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
      const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const page = await fetch(`${server.url}/office/`, { headers: { cookie } }).then((r) => r.text());
      expect(page).toMatch(/投递失败（1）/);
      expect(page).toContain(res.json.trackingCode);
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});

/** `node api/server.ts` in its own process; resolves once it listens. */
function spawnServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['api/server.ts'], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: join(repoRoot, 'content'), SERVE_SITE: 'off', RATE_LIMIT: 'off', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /serving on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

describe('a server killed while it sends a lead', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-kill-mail-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('after the restart the office has exactly one lead: re-sent under the same Message-ID', async () => {
    const sink = await startSink(undefined, { ignoreDailySummary: true });
    try {
      const env = { DATA_DIR: dataDir, ...mailEnv(sink, { OUTBOX_LEASE_S: '2' }) };
      const first = await spawnServer(env);
      child = first.child;
      sink.hold();
      const inData = sink.inData();
      const res = await postForm(first.url, formOf(validFields()));
      expect(res.status).toBe(201);
      await inData;
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      sink.release();
      const second = await spawnServer(env);
      child = second.child;
      // The claim of the killed process lapses after its lease; the row is claimed again and sent.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const [row] = await queryStore<{ sent_at: string | null }>(dataDir, "SELECT sent_at FROM outbox WHERE kind = 'forward-lead'");
        if (row?.sent_at) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const ids = sink.messages.map((m) => m.messageId);
      expect(ids.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ids).size).toBe(1);
      const [row] = await queryStore<{ n: number; sent: number }>(dataDir, "SELECT count(*) AS n, sum(sent_at IS NOT NULL) AS sent FROM outbox WHERE kind = 'forward-lead'");
      expect(row).toEqual({ n: 1, sent: 1 });
      expect(await queryStore(dataDir, 'SELECT count(*) AS n FROM reports')).toEqual([{ n: 1 }]);
      expect(readdirSync(dataDir)).toContain('portal.sqlite');
    } finally {
      child?.kill('SIGKILL');
      await sink.close();
    }
  });
});

describe('with no SMTP_URL (a fresh machine)', () => {
  test('each lead is written as an .eml file under DATA_DIR/mail, exactly as it would go over the wire, and its path logged', async () => {
    const server = await startIntake({ WORKERS: 'on', OUTBOX_POLL_MS: '100' });
    try {
      const res = await postForm(server.url, formOf(validFields()));
      const dir = join(server.dataDir, 'mail');
      const deadline = Date.now() + 15_000;
      let files: string[] = [];
      while (files.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      }
      expect(files).toHaveLength(1);
      const { simpleParser } = await import('mailparser');
      const mail = await simpleParser(readFileSync(join(dir, files[0] ?? '')));
      expect(mail.subject).toBe(`【违法线索】非法占用土地 · ${res.json.trackingCode}`);
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(DONGHU);
      expect(server.logs().some((l) => l.msg === 'mail written (no SMTP_URL set)' && String(l.path).endsWith(files[0] ?? '?'))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('the tracking page’s addition form (no secret in the page)', () => {
  test('takes the signed token a lookup returned; a forged or another report’s token gets the 404 of a wrong secret', async () => {
    const server = await startIntake();
    try {
      const a = (await postForm(server.url, formOf(validFields()))).json;
      const b = (await postForm(server.url, formOf(validFields({ description: '另一份举报：林地里有人堆放垃圾。' })))).json;
      const lookup = await fetch(`${server.url}/api/reports/${a.trackingCode}`, { headers: { authorization: `Bearer ${a.secret}` } }).then((r) => r.json());
      expect(lookup.additionToken).toMatch(/^r1\./);
      expect(JSON.stringify(lookup)).not.toContain(a.secret);
      const post = (token: string) => fetch(`${server.url}/api/reports/track/additions`, { method: 'POST', body: new URLSearchParams({ token, text: '补充：今天上午又有卡车运土进场。' }), headers: { accept: 'application/json' } });
      expect((await post(lookup.additionToken)).status).toBe(201);
      const forged = String(lookup.additionToken).replace(a.trackingCode, b.trackingCode);
      expect((await post(forged)).status).toBe(404);
      expect((await post('r1.JB-2222-2222.zzzzzz.AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      const [row] = await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM report_additions');
      expect(row?.n).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
