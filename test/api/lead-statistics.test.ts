// The public leads statistics (/leads/ and /leads/stats.csv): every figure against one computed here from the
// stored rows by plain SQL and day counting, with a real server, a real SQLite file and the office's own actions.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import chineseDays from 'chinese-days';
import { formOf, postForm, queryStore, startIntake, validFields, type TestServer } from './intake-helpers.ts';

const DAY = 86_400_000;
const start = new Date('2026-12-01T02:00:00Z');
let offset = 0;
const clock = { now: () => new Date(start.getTime() + offset) };
const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const workingDays = (from: string, to: string) => {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`) + DAY; t <= Date.parse(`${to}T00:00:00Z`); t += DAY) if (chineseDays.isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
  return n;
};

async function act(server: TestServer, cookie: string, path: string, fields: Record<string, string>) {
  const html = await fetch(`${server.url}${path.replace(/\/[a-z]+$/, '/')}`, { headers: { cookie } }).then((r) => r.text());
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: new URLSearchParams({ csrf, ...fields }), headers: { cookie, origin: server.url }, redirect: 'manual' });
  expect(res.status, path).toBe(303);
}

describe('the leads statistics', () => {
  let server: TestServer;
  const secretWords = '这段描述只给区县看';
  beforeAll(async () => {
    server = await startIntake({}, undefined, { clock });
    // Three leads in 东湖区, one with no point (the desk's queue), one a journalist's.
    for (const extra of [{}, {}, { journalist: 'yes', outlet: '示范日报' }]) expect((await postForm(server.url, formOf(validFields({ description: `${secretWords}：基本农田上有人打地基建房。`, ...extra })))).status).toBe(201);
    expect((await postForm(server.url, formOf(validFields({ lat: '', lng: '', description: `${secretWords}，地点不明的取土。` })))).status).toBe(201);
    const ids = (await queryStore<{ id: number }>(server.dataDir, "SELECT id FROM reports WHERE office_code = '990102' ORDER BY id")).map((r) => r.id);
    const link = await server.running.service.officeLink('990102');
    const opened = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // The first is acknowledged on the day and concluded a week later; the second acknowledged late; the third never.
    await act(server, cookie, `/office/leads/${ids[0]}/acknowledge`, {});
    offset = 2 * DAY;
    await act(server, cookie, `/office/leads/${ids[1]}/acknowledge`, {});
    offset = 7 * DAY;
    await act(server, cookie, `/office/leads/${ids[0]}/result`, { outcome: 'stopped', summary: '已现场制止，当事人已停止施工。' });
    offset = 30 * DAY; // past every conclusion deadline: the two open leads are overdue now
  });
  afterAll(() => server.stop());

  test('every figure of a county equals the one computed from the stored rows', async () => {
    const rows = await queryStore<{ office_code: string | null; source: string; status: string; assigned_at: string | null; acknowledged_at: string | null; concluded_at: string | null; acknowledge_by: string | null; conclude_by: string | null; outcome: string | null; supervised_at: string | null }>(server.dataDir, 'SELECT * FROM reports');
    const csv = await fetch(`${server.url}/leads/stats.csv`).then(async (r) => {
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      return parse(await r.text(), { bom: true, columns: true }) as Record<string, string>[];
    });
    const today = chinaDay(clock.now().toISOString());
    for (const office of ['990102', null]) {
      const own = rows.filter((r) => r.office_code === office);
      const line = csv.find((c) => c.office === (office ?? ''))!;
      expect(Number(line.received)).toBe(own.length);
      expect(Number(line['source:public']) + Number(line['source:media'])).toBe(own.length);
      expect(Number(line['source:media'])).toBe(own.filter((r) => r.source === 'media').length);
      const acked = own.filter((r) => r.acknowledged_at);
      expect(Number(line.acknowledged)).toBe(acked.length);
      expect(Number(line.acknowledgedOnTime)).toBe(acked.filter((r) => chinaDay(r.acknowledged_at!) <= r.acknowledge_by!).length);
      const concluded = own.filter((r) => r.status === 'concluded');
      expect(Number(line.concluded)).toBe(concluded.length);
      expect(line.medianWorkingDaysToOutcome).toBe(concluded.length === 1 ? String(workingDays(chinaDay(concluded[0]!.assigned_at!), chinaDay(concluded[0]!.concluded_at!))) : concluded.length === 0 ? '' : line.medianWorkingDaysToOutcome);
      expect(Number(line['outcome:stopped'])).toBe(concluded.filter((r) => r.outcome === 'stopped').length);
      expect(Number(line.overdueNow)).toBe(own.filter((r) => r.status !== 'concluded' && ((!r.acknowledged_at && r.acknowledge_by && r.acknowledge_by < today) || (!r.concluded_at && r.conclude_by && r.conclude_by < today))).length);
    }
    // The figures the demo flow set up, so the comparison above cannot pass on zeros.
    const east = csv.find((c) => c.office === '990102')!;
    expect([east.received, east['source:media'], east.acknowledged, east.acknowledgedOnTime, east.concluded, east['outcome:stopped'], east.overdueNow]).toEqual(['3', '1', '2', '1', '1', '1', '2']);
    expect(Number(east.medianWorkingDaysToOutcome)).toBeGreaterThan(0);
  });

  test('the page shows the same figures, says how fresh it is, and shows nothing of a report or reporter', async () => {
    const page = await fetch(`${server.url}/leads/`).then((r) => r.text());
    expect(page).toContain('每次打开本页时重新生成');
    expect(page).toMatch(/按时签收<\/span>1 \/ 2 条/);
    expect(page).toMatch(/当前逾期<\/span>2 条/);
    expect(page).toContain('媒体反映 1');
    for (const text of [page, await fetch(`${server.url}/leads/stats.csv`).then((r) => r.text())]) {
      expect(text).not.toContain(secretWords);
      expect(text).not.toContain('示范日报');
      expect(text).not.toContain('湖滨村');
      expect(text).not.toMatch(/JB-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    }
  });

  test('?year= narrows to the leads received that year; a malformed year is ignored, never echoed', async () => {
    const none = parse(await fetch(`${server.url}/leads/stats.csv?year=2025`).then((r) => r.text()), { bom: true, columns: true }) as Record<string, string>[];
    expect(none.every((c) => c.received === '0')).toBe(true);
    const ofYear = parse(await fetch(`${server.url}/leads/stats.csv?year=2026`).then((r) => r.text()), { bom: true, columns: true }) as Record<string, string>[];
    expect(ofYear.reduce((s, c) => s + Number(c.received), 0)).toBe(4);
    const bad = await fetch(`${server.url}/leads/?year=%3Cscript%3E2026`);
    expect(bad.status).toBe(200);
    const text = await bad.text();
    expect(text).not.toContain('<script>2026');
    expect(text).toContain('统计：全部线索');
  });
});
