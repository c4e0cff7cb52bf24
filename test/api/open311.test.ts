// Open311 GeoReport v2, as a client written from the spec sees it: discover,
// list services, file with a key, follow to closed — in JSON and XML, every
// answer against the spec's schemas, and never a reporter's data in a public one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formOf, postForm, queryStore, repoRoot, startIntake, storeCounts, type TestServer } from './intake-helpers.ts';
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
    const out = await post(server.url, 'json', filing(key.key, { service_code: 'official-complaint' }));
    expect(out.status).toBe(404);
    expect(expectErrors(out.json, 404)[0]?.description).toContain('12388');
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
