// Open311 GeoReport v2, as a client written from the spec sees it: discover,
// list services, file with a key, follow to closed — in JSON and XML, every
// answer against the spec's schemas, and never a reporter's data in a public one.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { simpleParser } from 'mailparser';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formOf, keyRingOf, makeJpeg, postForm, queryStore, randomKey, repoRoot, runSql, settledCounts, startIntake, storeCounts, type TestServer } from './intake-helpers.ts';
import { verifyTimeline } from '../../api/verify-timeline.ts';
import { HAVE_SCHEMAS, NO_SCHEMAS, apikey, call, expectConforms, expectErrors, expectXmlMatchesJson, newKey, parseXml, post } from './open311-helpers.ts';

const categories = (yaml.load(readFileSync(join(repoRoot, 'content', 'categories.yaml'), 'utf8')) as { categories: { code: string; name: string; group: string; inScope: boolean; redirect?: string }[] }).categories;
const inScope = categories.filter((c) => c.inScope);
const ISO_CHINA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** A request as a newsroom tool would file it: in 东湖区, with the reporter's identity. */
function filing(key: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    api_key: key,
    service_code: 'illegal-occupation',
    lat: '30.301234',
    long: '116.504321',
    address_string: '东湖区湖滨村张家组12号旁（示例）',
    description: '村口基本农田上有人打地基建房，挖掘机在场，已经持续两周。',
    first_name: '小明',
    last_name: '测',
    email: 'reporter.ceshi@example.org',
    phone: '13912345678',
    device_id: 'DEVICE-7f3a9c',
    account_id: 'ACCOUNT-55821',
    media_url: 'https://media.example.org/p/123.jpg',
    'attribute[area]': '600',
    'attribute[area_unit]': 'm2',
    'attribute[land_type]': 'basic-farmland',
    'attribute[activity][]': ['building', 'digging'],
    'attribute[machinery]': 'yes',
    'attribute[started_on]': '2026-11',
    // What FixMyStreet's sender adds of its own: ignored, not kept.
    'attribute[external_id]': '4711',
    'attribute[title]': 'Building on farmland',
    ...overrides,
  };
}

/** Opens an office link like a browser and returns its session cookie. */
async function officeSession(server: TestServer, code: string): Promise<string> {
  const link = await server.running.service.officeLink(code);
  const res = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function officeAct(server: TestServer, cookie: string, leadId: string, action: string, fields: Record<string, string>): Promise<number> {
  const page = await (await fetch(`${server.url}/office/leads/${leadId}/`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const res = await fetch(`${server.url}/office/leads/${leadId}/${action}`, { method: 'POST', body: new URLSearchParams({ csrf, ...fields }), headers: { cookie, origin: server.url }, redirect: 'manual' });
  return res.status;
}

test.runIf(!HAVE_SCHEMAS)(NO_SCHEMAS, () => {
  console.warn(NO_SCHEMAS);
});

describe('Open311 discovery and services', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake({ PUBLIC_URL: 'https://zhifa.example.gov.cn' });
  });
  afterAll(() => server.stop());

  test('discovery names the endpoint, the spec and both formats, in JSON and in XML with the right content types', async () => {
    const json = await call(server.url, 'discovery.json');
    expect(json.status).toBe(200);
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(json.json.endpoints).toEqual([{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://zhifa.example.gov.cn/open311/v2', changeset: json.json.changeset, type: 'production', formats: ['text/xml', 'application/json'] }]);
    expect(json.json.changeset).toMatch(ISO_CHINA);
    expect(json.json.contact).toContain('示范市');
    expect(json.json.key_service).toContain('api_key');
    const xml = await call(server.url, 'discovery.xml');
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expectXmlMatchesJson(xml.text, 'discovery', json.json);
  });

  test('services: one per in-scope category, grouped 土地 / 矿产, with keywords; the XML says the same', async () => {
    const json = await call(server.url, 'services.json');
    expect(json.status).toBe(200);
    expectConforms('services', json.json);
    expect(json.json.map((s: { service_code: string }) => s.service_code)).toEqual(inScope.map((c) => c.code));
    for (const s of json.json) {
      expect(['土地', '矿产']).toContain(s.group);
      expect(s.metadata).toBe(true);
      expect(s.type).toBe('realtime');
      expect(s.keywords.split(',').length).toBeGreaterThan(0);
    }
    expect(json.json.find((s: { service_code: string }) => s.service_code === 'unlicensed-mining').group).toBe('矿产');
    expectXmlMatchesJson((await call(server.url, 'services.xml')).text, 'services', json.json);
  });

  test("each service's definition lists its group's questions as attributes, valid and the same in XML", async () => {
    for (const c of inScope) {
      const json = await call(server.url, `services/${c.code}.json`);
      expect(json.status).toBe(200);
      expectConforms('service-definition', json.json);
      expect(json.json.service_code).toBe(c.code);
      const codes = json.json.attributes.map((a: { code: string }) => a.code);
      expect(codes).toEqual(expect.arrayContaining(c.group === '矿产' ? ['mineral', 'machinery', 'started_on', 'contact_consent'] : ['area', 'area_unit', 'land_type', 'machinery', 'started_on', 'contact_consent']));
      expect(json.json.attributes.map((a: { order: number }) => a.order)).toEqual(codes.map((_: string, i: number) => i + 1));
      expectXmlMatchesJson((await call(server.url, `services/${c.code}.xml`)).text, 'service_definition', json.json);
    }
  });

  test('an unknown service is 404; an out-of-scope one is 404 telling where to go; a foreign jurisdiction is 404', async () => {
    const unknown = await call(server.url, 'services/no-such-thing.json');
    expect(unknown.status).toBe(404);
    expectErrors(unknown.json, 404);
    const dispute = categories.find((c) => c.code === 'ownership-dispute');
    const out = await call(server.url, 'services/ownership-dispute.xml');
    expect(out.status).toBe(404);
    const doc = parseXml(out.text) as { errors: { error: { code: string; description: string }[] } };
    expect(doc.errors.error[0]?.code).toBe('404');
    expect(doc.errors.error[0]?.description).toContain(dispute?.redirect ?? '?');
    const foreign = await call(server.url, 'services.json?jurisdiction_id=sfgov.org');
    expect(foreign.status).toBe(404);
    expect(expectErrors(foreign.json, 404)[0]?.description).toContain('jurisdiction_id');
    // An empty parameter is no parameter (the spec's "optional").
    expect((await call(server.url, 'services.json?jurisdiction_id=')).status).toBe(200);
    expect((await call(server.url, 'services.json?jurisdiction_id=zhifa.example.gov.cn')).status).toBe(200);
  });

  test('tokens are not used (ids come at once): 404 in the spec’s error shape; an unknown path is 404 in XML', async () => {
    const token = await call(server.url, 'tokens/abc123.json');
    expect(token.status).toBe(404);
    expect(expectErrors(token.json, 404)[0]?.description).toContain('service_request_id');
    const none = await call(server.url, 'nothing-here.json');
    expect(none.status).toBe(404);
    const plain = await fetch(`${server.url}/open311/v2/services`);
    expect(plain.status).toBe(404);
    expect(plain.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  });
});

describe('Open311 requests', () => {
  let server: TestServer;
  let key: { id: number; key: string };
  beforeAll(async () => {
    server = await startIntake();
    key = await newKey(server.dataDir, '示范日报社 新闻线索平台');
  });
  afterAll(() => server.stop());

  test('without an api_key, or with a wrong one, POST is 403 and nothing is stored', async () => {
    const before = await storeCounts(server.dataDir);
    const none = await post(server.url, 'json', { ...filing(''), api_key: '' });
    expect(none.status).toBe(403);
    expect(expectErrors(none.json, 403)[0]?.description).toContain('api_key');
    const wrong = await post(server.url, 'xml', filing(`o311_${'A'.repeat(43)}`));
    expect(wrong.status).toBe(403);
    const doc = parseXml(wrong.text) as { errors: { error: { code: string }[] } };
    expect(doc.errors.error[0]?.code).toBe('403');
    expect(await storeCounts(server.dataDir)).toEqual(before);
  });

  test('several faults are listed at once (400), each naming its parameter in Chinese, and nothing is stored', async () => {
    const before = await storeCounts(server.dataDir);
    const bad = await post(server.url, 'json', filing(key.key, { description: '太短', lat: '', long: '', address_string: '', 'attribute[land_type]': 'swamp', 'attribute[area]': '-3', media_url: 'javascript:alert(1)' }));
    expect(bad.status).toBe(400);
    const descriptions = expectErrors(bad.json, 400).map((e) => e.description);
    for (const part of ['description：', 'lat：', 'attribute[land_type]：', 'attribute[area]：', 'media_url：']) expect(descriptions.some((d) => d.startsWith(part)), part).toBe(true);
    expect(descriptions.join('\n')).toMatch(/请至少写 10 个字/);
    const addressId = await post(server.url, 'json', filing(key.key, { lat: '', long: '', address_string: '', address_id: 'A-1001' }));
    expect(addressId.status).toBe(400);
    expect(expectErrors(addressId.json, 400).some((e) => e.description.startsWith('address_id：'))).toBe(true);
    const put = await call(server.url, 'requests.json', { method: 'PUT', body: 'x=1' });
    expect(put.status).toBe(400);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expectErrors(put.json, 400);
    const form = await call(server.url, 'requests.json', { method: 'POST', body: JSON.stringify(filing(key.key)), headers: { 'content-type': 'application/json' } });
    expect(form.status).toBe(400);
    expectErrors(form.json, 400);
    const noService = await post(server.url, 'json', filing(key.key, { service_code: '' }));
    expect(noService.status).toBe(400);
    expect(expectErrors(noService.json, 400)[0]?.description).toContain('service_code');
    expect(await storeCounts(server.dataDir)).toEqual(before);
  });

  test('an out-of-scope matter becomes no lead: 200 with a service_notice saying where to go, no id, nothing stored', async () => {
    const before = await storeCounts(server.dataDir);
    const out = await post(server.url, 'json', filing(key.key, { service_code: 'official-complaint' }));
    expect(out.status).toBe(200);
    expectConforms('request-response', out.json);
    expect(out.json).toEqual([{ service_notice: categories.find((c) => c.code === 'official-complaint')?.redirect }]);
    expect(out.json[0].service_notice).toContain('12388');
    const xml = await post(server.url, 'xml', filing(key.key, { service_code: 'village-housing' }));
    expectXmlMatchesJson(xml.text, 'service_requests', [{ service_notice: categories.find((c) => c.code === 'village-housing')?.redirect }]);
    // Still only for a live key.
    expect((await post(server.url, 'json', filing('', { service_code: 'official-complaint' }))).status).toBe(403);
    expect(await storeCounts(server.dataDir)).toEqual(before);
  });

  test('a request goes the web form’s one path: routed, stored, recorded and queued for the office; the channel remembers its key', async () => {
    const res = await post(server.url, 'json', filing(key.key));
    expect(res.status).toBe(201);
    expectConforms('request-response', res.json);
    const [answer] = res.json as { service_request_id: string; service_notice: string }[];
    expect(answer?.service_notice).toContain('示范市东湖区自然资源局');
    const id = Number(answer?.service_request_id);
    const [report] = await queryStore<{ status: string; office_code: string; source: string; started_on: string; category: string }>(server.dataDir, 'SELECT * FROM reports WHERE id = ?', [id]);
    expect(report).toMatchObject({ status: 'routed', office_code: '990102', source: 'public', started_on: '2026-11', category: 'illegal-occupation' });
    const events = await queryStore<{ type: string }>(server.dataDir, 'SELECT type FROM timeline_events WHERE report_id = ? ORDER BY id', [id]);
    expect(events.map((e) => e.type)).toEqual(['received', 'routed']);
    const outbox = await queryStore<{ kind: string; office_code: string }>(server.dataDir, 'SELECT kind, office_code FROM outbox WHERE report_id = ?', [id]);
    expect(outbox).toEqual([{ kind: 'forward-lead', office_code: '990102' }]);
    const [channel] = await queryStore<{ api_key_id: number; media_url: string; attributes: string }>(server.dataDir, 'SELECT * FROM open311_requests WHERE report_id = ?', [id]);
    expect(channel?.api_key_id).toBe(key.id);
    expect(channel?.media_url).toBe('https://media.example.org/p/123.jpg');
    expect(JSON.parse(channel?.attributes ?? '{}')).toEqual({ area: '600', area_unit: 'm2', land_type: 'basic-farmland', activity: ['building', 'digging'], machinery: 'yes' });
    // The reporter's identity is sealed like the form's (and the device and account are not kept at all).
    expect((await queryStore(server.dataDir, 'SELECT * FROM report_contacts WHERE report_id = ?', [id])).length).toBe(1);
    const dump = JSON.stringify(await queryStore(server.dataDir, 'SELECT * FROM reports WHERE id = ?', [id]));
    for (const secret of ['13912345678', 'reporter.ceshi', 'DEVICE-7f3a9c', 'ACCOUNT-55821']) expect(dump).not.toContain(secret);
  });

  test('a request with an address and no point waits in the desk’s queue: the desk is responsible, no point, no deadline yet', async () => {
    const res = await post(server.url, 'json', filing(key.key, { lat: '', long: '', address_string: '示范市某镇砖厂后面（示例）' }));
    expect(res.status).toBe(201);
    expect(res.json[0].service_notice).toContain('待分派');
    const [r] = (await call(server.url, `requests/${res.json[0].service_request_id}.json`)).json;
    expectConforms('requests', [r]);
    expect(r).toMatchObject({ status: 'open', status_notes: '待分派', lat: null, long: null, address: '示范市', expected_datetime: null });
    expect(r.agency_responsible).toMatch(/示范市/);
    expect(JSON.stringify(r)).not.toContain('砖厂');
  });

  test('POST requests.xml answers in XML, the same fields as JSON would', async () => {
    const res = await post(server.url, 'xml', filing(key.key, { description: '河道边有人用挖掘机挖砂，晚上也在干，砂堆得很高。', service_code: 'unlicensed-mining', 'attribute[area]': '', 'attribute[area_unit]': '', 'attribute[land_type]': '', 'attribute[activity][]': [], 'attribute[mineral]': 'sand', 'attribute[at_night]': 'yes' }));
    expect(res.status).toBe(201);
    expect(res.type).toBe('text/xml; charset=utf-8');
    const doc = parseXml(res.text) as { service_requests: { request: { service_request_id: string; service_notice: string }[] } };
    const [request] = doc.service_requests.request;
    expect(request?.service_request_id).toMatch(/^\d+$/);
    expect(request?.service_notice).toContain('工作日');
    expect(Object.keys(request ?? {})).toEqual(['service_request_id', 'service_notice']);
    const byId = await call(server.url, `requests/${request?.service_request_id}.json`);
    expect(byId.json[0].service_code).toBe('unlicensed-mining');
  });

  test('a multipart request may carry photos, checked and stored as the form’s; media_url stays a link the server never opens', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(filing(key.key))) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    // An address no one answers: the server would hang or fail if it fetched it.
    form.set('media_url', 'http://10.255.255.1:9/never-fetched.jpg');
    form.append('photos', new Blob([new Uint8Array(await makeJpeg({ seed: 311 }))], { type: 'image/jpeg' }), 'site.jpg');
    const res = await call(server.url, 'requests.json', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const id = Number(res.json[0].service_request_id);
    await settledCounts(server.dataDir);
    const photos = await queryStore<{ original_sha256: string; derived_at: string | null }>(server.dataDir, 'SELECT * FROM photos WHERE report_id = ?', [id]);
    expect(photos).toHaveLength(1);
    expect(photos[0]?.derived_at).not.toBeNull();
    const [channel] = await queryStore<{ media_url: string }>(server.dataDir, 'SELECT media_url FROM open311_requests WHERE report_id = ?', [id]);
    expect(channel?.media_url).toBe('http://10.255.255.1:9/never-fetched.jpg');
    // A file that is not an image is refused as the form refuses it, in the spec's error shape.
    const bad = new FormData();
    for (const [k, v] of Object.entries(filing(key.key))) for (const one of Array.isArray(v) ? v : [v]) bad.append(k, one);
    bad.append('photos', new Blob([new TextEncoder().encode('<html>not a photo</html>')], { type: 'image/jpeg' }), 'x.jpg');
    const refused = await call(server.url, 'requests.json', { method: 'POST', body: bad });
    expect(refused.status).toBe(400);
    expectErrors(refused.json, 400);
  });

  test('a retry with the same Idempotency-Key gets the same id; the same key from another API key is another request', async () => {
    const retryKey = randomKey();
    const first = await post(server.url, 'json', filing(key.key), { 'idempotency-key': retryKey });
    const again = await post(server.url, 'json', filing(key.key), { 'idempotency-key': retryKey });
    expect(first.status).toBe(201);
    expect(again.json[0].service_request_id).toBe(first.json[0].service_request_id);
    const other = await newKey(server.dataDir, '另一家媒体');
    const elsewhere = await post(server.url, 'json', filing(other.key), { 'idempotency-key': retryKey });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.json[0].service_request_id).not.toBe(first.json[0].service_request_id);
    const weak = await post(server.url, 'json', filing(key.key), { 'idempotency-key': 'aaaaaaaaaaaaaaaa' });
    expect(weak.status).toBe(400);
    expect(expectErrors(weak.json, 400)[0]?.description).toContain('Idempotency-Key');
  });

  test('the record binds what the client sent: verify:timeline passes, and a changed media_url or answer is found', async () => {
    const anchor = join(server.dataDir, 'anchor', 'timeline.log');
    expect((await verifyTimeline(server.dataDir, keyRingOf(server.dataDir), anchor)).problems).toEqual([]);
    for (const sql of ["UPDATE open311_requests SET media_url = 'https://elsewhere.example/x.jpg'", `UPDATE open311_requests SET attributes = '{"land_type":"construction"}'`, 'DELETE FROM open311_requests']) {
      // A copy whose triggers are dropped: what someone holding the file could do.
      const copy = mkdtempSync(join(tmpdir(), 'zhifa-open311-tamper-'));
      try {
        await runSql(server.dataDir, 'PRAGMA wal_checkpoint(TRUNCATE)');
        copyFileSync(join(server.dataDir, 'portal.sqlite'), join(copy, 'portal.sqlite'));
        for (const t of await queryStore<{ name: string }>(copy, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'open311_requests'")) await runSql(copy, `DROP TRIGGER ${t.name}`);
        await runSql(copy, sql);
        const problems = (await verifyTimeline(copy, keyRingOf(server.dataDir), anchor)).problems;
        expect(problems.length, sql).toBeGreaterThan(0);
        expect(problems.every((p) => /its content, photos or contact differ/.test(p)), sql).toBe(true);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }
  });

  test('a foreign page’s Origin is refused (403, nothing stored); a client with no Origin is accepted', async () => {
    const before = await storeCounts(server.dataDir);
    const foreign = await post(server.url, 'json', filing(key.key), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expectErrors(foreign.json, 403);
    const nullOrigin = await post(server.url, 'json', filing(key.key), { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await post(server.url, 'json', filing(key.key), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(await storeCounts(server.dataDir)).toEqual(before);
    expect(server.logs().some((l) => l.event === 'cross_site_refused' && l.route === 'POST /open311/v2/requests')).toBe(true);
    expect((await post(server.url, 'json', filing(key.key))).status).toBe(201);
  });
});

describe('Open311: following requests', () => {
  let server: TestServer;
  let key: { id: number; key: string };
  let filed: string;
  let mining: string;
  let webLead: string;
  const publicBodies: string[] = [];
  /** GET, keeping every public body to search for the reporter afterwards. */
  const get = async (path: string) => {
    const answer = await call(server.url, path);
    publicBodies.push(answer.text);
    return answer;
  };
  beforeAll(async () => {
    server = await startIntake();
    key = await newKey(server.dataDir, '示范市融媒体中心');
    filed = (await post(server.url, 'json', filing(key.key))).json[0].service_request_id;
    mining = (await post(server.url, 'json', filing(key.key, { service_code: 'unlicensed-mining', description: '河滩上有人夜里挖砂，联系我请打 13800001111。', 'attribute[area]': '', 'attribute[area_unit]': '', 'attribute[land_type]': '', 'attribute[activity][]': [] }))).json[0].service_request_id;
    // A report through the web form is a lead too, but its words were not written for publication.
    await postForm(server.url, formOf({ category: 'farmland-damage', description: '有人在耕地上取土烧砖，耕作层已经挖穿。', lat: '30.30', lng: '116.50', name: '网页举报人', phone: '13700002222' }));
    webLead = String((await queryStore<{ id: number }>(server.dataDir, "SELECT id FROM reports WHERE category = 'farmland-damage'"))[0]?.id);
  });
  afterAll(() => server.stop());

  test('GET requests/{id}: open, the county office, its deadline, the point to 0.01°, the county as address — valid, and the same in XML', async () => {
    const json = await get(`requests/${filed}.json`);
    expect(json.status).toBe(200);
    expectConforms('requests', json.json);
    expect(json.json).toHaveLength(1);
    const r = json.json[0];
    const [row] = await queryStore<{ conclude_by: string }>(server.dataDir, 'SELECT conclude_by FROM reports WHERE id = ?', [Number(filed)]);
    expect(r).toMatchObject({
      service_request_id: filed,
      status: 'open',
      status_notes: '已分派至区县',
      service_code: 'illegal-occupation',
      service_name: '非法占用土地',
      agency_responsible: '示范市东湖区自然资源局',
      address: '示范市东湖区',
      address_id: null,
      zipcode: null,
      lat: 30.3,
      long: 116.5,
      media_url: null,
      expected_datetime: `${row?.conclude_by}T23:59:59+08:00`,
    });
    expect(r.description).toBe(filing('').description);
    expect(r.requested_datetime).toMatch(ISO_CHINA);
    expect(r.updated_datetime).toMatch(ISO_CHINA);
    expect(r.service_notice).toContain('个工作日内办结');
    const xml = await get(`requests/${filed}.xml`);
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expectXmlMatchesJson(xml.text, 'service_requests', json.json);
  });

  test('a description with a phone number in it is withheld; a web-form report shows no description at all', async () => {
    expect((await get(`requests/${mining}.json`)).json[0].description).toBe('（举报描述含个人信息，不予公开）');
    const web = (await get(`requests/${webLead}.json`)).json[0];
    expect(web.description).toBeNull();
    expect(web.service_code).toBe('farmland-damage');
  });

  test('an unknown or malformed id is 404 in the spec’s shape', async () => {
    for (const id of ['999999', 'abc', '0', '1%2F2']) {
      const res = await get(`requests/${id}.json`);
      expect(res.status, id).toBe(404);
      expectErrors(res.json, 404);
    }
  });

  test('GET requests filters by id list (overriding the rest), service, status and dates; the default window is the last 90 days', async () => {
    const ids = (r: { service_request_id: string }[]) => r.map((x) => x.service_request_id).sort();
    const all = await get('requests.json');
    expectConforms('requests', all.json);
    expect(ids(all.json)).toEqual([filed, mining, webLead].sort());
    const byIds = await get(`requests.json?service_request_id=${filed},${webLead}&service_code=unlicensed-mining&status=closed`);
    expect(ids(byIds.json)).toEqual([filed, webLead].sort());
    expect(ids((await get('requests.json?service_code=unlicensed-mining')).json)).toEqual([mining]);
    expect(ids((await get('requests.json?status=open')).json)).toHaveLength(3);
    expect((await get('requests.json?status=closed')).json).toEqual([]);
    expect(ids((await get('requests.json?status=open,closed')).json)).toHaveLength(3);
    // A window in the past holds none of them; one around now holds all.
    expect((await get('requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-02-01T00:00:00%2B08:00')).json).toEqual([]);
    const now = Date.now();
    const around = await get(`requests.json?start_date=${new Date(now - 3_600_000).toISOString()}&end_date=${new Date(now + 3_600_000).toISOString()}`);
    expect(ids(around.json)).toHaveLength(3);
    expect(ids((await get(`requests.json?end_date=${new Date(now - 91 * 86_400_000).toISOString()}`)).json)).toEqual([]);
    const xml = await get('requests.xml?service_code=illegal-occupation');
    expectXmlMatchesJson(xml.text, 'service_requests', (await get('requests.json?service_code=illegal-occupation')).json);
    // No match: an empty list (XML: an empty root).
    expect(parseXml((await get('requests.xml?status=closed')).text)).toEqual({ service_requests: '' });
  });

  test('bad filters are 400 (all listed at once); an unknown service code is 404', async () => {
    const bad = await get('requests.json?status=pending&start_date=yesterday&end_date=2026-13-01');
    expect(bad.status).toBe(400);
    const d = expectErrors(bad.json, 400).map((e) => e.description);
    expect(d.some((x) => x.startsWith('status：'))).toBe(true);
    expect(d.some((x) => x.startsWith('start_date：'))).toBe(true);
    expect(d.some((x) => x.startsWith('end_date：'))).toBe(true);
    const long = await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(long.status).toBe(400);
    expect(expectErrors(long.json, 400)[0]?.description).toContain('90');
    expect((await get('requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await get('requests.json?service_request_id=1,x')).status).toBe(400);
    const unknown = await get('requests.json?service_code=potholes');
    expect(unknown.status).toBe(404);
    expectErrors(unknown.json, 404);
  });

  test('the office sees the channel, the answers and the media link (escaped, http/https only); a revoked key shows as such', async () => {
    const odd = (await post(server.url, 'json', filing(key.key, { media_url: 'https://media.example.org/a?x="><script>alert(1)</script>' }))).json[0].service_request_id;
    const cookie = await officeSession(server, '990102');
    const page = await (await fetch(`${server.url}/office/leads/${odd}/`, { headers: { cookie } })).text();
    expect(page).toContain('Open311 接口 · 示范市融媒体中心');
    expect(page).toContain('永久基本农田');
    expect(page).toContain('建房、建厂或其他建筑、挖砂、取土、采石');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toMatch(/<a href="https:\/\/media\.example\.org\/a\?x=%22%3E%3Cscript%3Ealert\(1\)%3C\/script%3E" rel="noopener noreferrer nofollow"/);
    // The lead's e-mail says the same: the channel, the answers, the media link as text.
    await server.running.service.deliver();
    const mails = await Promise.all(readdirSync(join(server.dataDir, 'mail')).map(async (f) => simpleParser(readFileSync(join(server.dataDir, 'mail', f)))));
    const lead = mails.find((m) => m.text?.includes('a?x=%22%3E%3Cscript'));
    expect(lead?.text).toContain('Open311 接口 · 示范市融媒体中心');
    expect(lead?.text).toContain('土地类型：永久基本农田');
    expect(lead?.text).toContain('媒体链接（客户端提供，本平台未打开）');
    expect(String(lead?.html)).not.toContain('<script>');
  });

  test('round trip: the office acknowledges and records an outcome; the request is closed with its public summary', async () => {
    const cookie = await officeSession(server, '990102');
    expect(await officeAct(server, cookie, filed, 'acknowledge', {})).toBe(303);
    expect((await get(`requests/${filed}.json`)).json[0].status_notes).toBe('已签收');
    expect(await officeAct(server, cookie, filed, 'result', { outcome: 'case-opened', caseNumber: '东自然资立〔2026〕88号', summary: '经现场核查，当事人未经批准占用耕地建房，已立案查处。' })).toBe(303);
    const closed = await get(`requests/${filed}.json`);
    expectConforms('requests', closed.json);
    const r = closed.json[0];
    expect(r.status).toBe('closed');
    expect(r.status_notes).toBe('核查结果：已立案查处。经现场核查，当事人未经批准占用耕地建房，已立案查处。');
    expect(r.updated_datetime >= r.requested_datetime).toBe(true);
    expect(ids((await get('requests.json?status=closed')).json)).toEqual([filed]);
    expectXmlMatchesJson((await get(`requests/${filed}.xml`)).text, 'service_requests', closed.json);
    function ids(list: { service_request_id: string }[]) {
      return list.map((x) => x.service_request_id);
    }
  });

  test('no public answer carries anything of a reporter: name, phone, e-mail, device, account, address, media link', async () => {
    for (const path of ['requests.json', 'requests.xml', `requests/${filed}.json`, `requests/${filed}.xml`, `requests/${webLead}.json`, 'requests.xml?status=open,closed']) await get(path);
    expect(publicBodies.length).toBeGreaterThan(20);
    const f = filing('');
    for (const body of publicBodies) {
      for (const secret of [String(f.first_name), String(f.last_name) + String(f.first_name), String(f.email), String(f.phone), String(f.device_id), String(f.account_id), '张家组', String(f.media_url), '网页举报人', '13700002222', '13800001111', '30.301234', '116.504321']) {
        expect(body, secret).not.toContain(secret);
      }
      for (const field of ['first_name', 'last_name', 'email', 'phone', 'device_id', 'account_id']) expect(body).not.toContain(field);
    }
  });

  test('a lead an office registered from its own work (a patrol) is no service request: 404, and not listed', async () => {
    const patrol = (await post(server.url, 'json', filing(key.key, { description: '巡查发现河道旁有新堆放的建筑垃圾，面积较大。' }))).json[0].service_request_id;
    expect((await get(`requests/${patrol}.json`)).status).toBe(200);
    await runSql(server.dataDir, "UPDATE reports SET source = 'patrol' WHERE id = ?", [Number(patrol)]);
    expect((await get(`requests/${patrol}.json`)).status).toBe(404);
    expect((await get(`requests.json?service_request_id=${patrol}`)).json).toEqual([]);
    await runSql(server.dataDir, "UPDATE reports SET source = 'public' WHERE id = ?", [Number(patrol)]);
  });

  test('a revoked key is refused at once (403); the leads it filed keep naming it', async () => {
    const other = await newKey(server.dataDir, '示范县广播电视台');
    expect((await post(server.url, 'json', filing(other.key))).status).toBe(201);
    expect(await apikey(server.dataDir, 'revoke', String(other.id))).toContain('revoked');
    const refused = await post(server.url, 'json', filing(other.key));
    expect(refused.status).toBe(403);
    expect(expectErrors(refused.json, 403)[0]?.description).toContain('吊销');
    const list = await apikey(server.dataDir, 'list');
    expect(list).toMatch(new RegExp(`^${other.id}\\t.*示范县广播电视台.*revoked`, 'm'));
    // The list shows a prefix, never the key.
    expect(list).not.toContain(other.key);
    const [stored] = await queryStore<{ key_hash: string }>(server.dataDir, 'SELECT key_hash FROM api_keys WHERE id = ?', [other.id]);
    expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await queryStore(server.dataDir, 'SELECT * FROM api_keys'))).not.toContain(other.key.slice(10));
  });
});

describe('Open311 rate limits', () => {
  let server: TestServer;
  afterAll(() => server.stop());

  test('each key has its own limit: over it, 429 with Retry-After; another key still files', async () => {
    server = await startIntake({ RATE_LIMIT: 'on', RATE_LIMIT_OPEN311_PER_KEY_PER_HOUR: '2' });
    const a = await newKey(server.dataDir, '甲机构');
    const b = await newKey(server.dataDir, '乙机构');
    expect((await post(server.url, 'json', filing(a.key))).status).toBe(201);
    expect((await post(server.url, 'json', filing(a.key))).status).toBe(201);
    const over = await post(server.url, 'json', filing(a.key));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expectErrors(over.json, 429);
    expect((await post(server.url, 'json', filing(b.key))).status).toBe(201);
    expect((await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports'))[0]?.n).toBe(3);
  });

  test('an address guessing keys is limited before its bodies are read; the public reads share that limit', async () => {
    const limited = await startIntake({ RATE_LIMIT: 'on', RATE_LIMIT_OPEN311_READS_PER_HOUR: '3' });
    try {
      for (let i = 0; i < 3; i += 1) expect((await post(limited.url, 'json', filing(`o311_${String(i).repeat(43)}`))).status).toBe(403);
      const over = await post(limited.url, 'json', filing(`o311_${'9'.repeat(43)}`));
      expect(over.status).toBe(429);
      expect((await call(limited.url, 'requests.json')).status).toBe(429);
      // Discovery and the services stay open: they are the same for everyone.
      expect((await call(limited.url, 'services.json')).status).toBe(200);
      expect(limited.logs().filter((l) => l.event === 'api_key_refused')).toHaveLength(3);
    } finally {
      await limited.stop();
    }
  });
});
