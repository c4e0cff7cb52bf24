import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formOf, postForm, startIntake, validFields, type TestServer } from './intake-helpers.ts';

async function track(url: string, code: string, secret: string | undefined) {
  const res = await fetch(`${url}/api/reports/${encodeURIComponent(code)}`, { headers: secret === undefined ? {} : { authorization: `Bearer ${secret}` } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('tracking a report', () => {
  let server: TestServer;
  let receipt: { trackingCode: string; secret: string };
  beforeAll(async () => {
    server = await startIntake();
    const res = await postForm(server.url, formOf(validFields({ name: '李某某', phone: '13800001111', contactConsent: 'yes' })));
    receipt = res.json;
  });
  afterAll(() => server.stop());

  test('the right secret shows the status and the public timeline: received, then routed to 东湖区', async () => {
    const res = await track(server.url, receipt.trackingCode, receipt.secret);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({ trackingCode: receipt.trackingCode, status: 'routed', office: { code: '990102' }, category: { code: 'illegal-occupation', name: '非法占用土地' } });
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'routed']);
    expect(body.timeline[1].text).toContain('东湖区');
  });

  test("the answer never carries the reporter's identity", async () => {
    const res = await track(server.url, receipt.trackingCode, receipt.secret);
    expect(res.text).not.toContain('13800001111');
    expect(res.text).not.toContain('李某某');
    expect(res.text).not.toContain(receipt.secret);
  });

  test('a code and secret typed in lower case with spaces are still found', async () => {
    const res = await track(server.url, receipt.trackingCode.toLowerCase().replace(/-/g, ' '), receipt.secret.toLowerCase().replace(/-/g, ' '));
    expect(res.status).toBe(200);
  });

  test('a wrong secret and an unknown code get the same 404 answer', async () => {
    const wrong = await track(server.url, receipt.trackingCode, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG');
    const unknown = await track(server.url, 'JB-2222-3333', receipt.secret);
    const missing = await track(server.url, receipt.trackingCode, undefined);
    const garbage = await track(server.url, "'; DROP TABLE reports; --", receipt.secret);
    expect(wrong.status).toBe(404);
    for (const other of [unknown, missing, garbage]) {
      expect(other.status).toBe(404);
      expect(other.text).toBe(wrong.text);
    }
  });

  test('the no-JS tracking form answers JSON when asked and a page for a browser', async () => {
    const form = () => new URLSearchParams({ trackingCode: receipt.trackingCode, secret: receipt.secret });
    const json = await fetch(`${server.url}/api/reports/track`, { method: 'POST', body: form(), headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect((await json.json()).status).toBe('routed');
    const page = await fetch(`${server.url}/api/reports/track`, { method: 'POST', body: form(), headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(receipt.trackingCode);
    expect(html).toContain('东湖区');
    const bad = await fetch(`${server.url}/api/reports/track`, { method: 'POST', body: new URLSearchParams({ trackingCode: receipt.trackingCode, secret: 'nope' }), headers: { accept: 'text/html' } });
    expect(bad.status).toBe(404);
    expect(await bad.text()).toContain('href="/track/"');
  });
});

describe('rate limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake({ RATE_LIMIT: '', RATE_LIMIT_REPORTS_PER_HOUR: '2', RATE_LIMIT_TRACKING_PER_HOUR: '3' });
  });
  afterAll(() => server.stop());

  test('the third report from one address within the hour answers 429 with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await postForm(server.url, formOf(validFields())));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 429]);
    const retryAfter = Number(answers[2]?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(answers[2]?.json.errors[0].code).toBe('rate_limited');
  });

  test('the fourth tracking attempt from one address within the hour answers 429', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await track(server.url, 'JB-2222-3333', 'x')).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});

describe('rate limits behind a proxy', () => {
  test('without TRUST_PROXY a forged X-Forwarded-For does not escape the limit', async () => {
    const server = await startIntake({ RATE_LIMIT: '', RATE_LIMIT_REPORTS_PER_HOUR: '1' });
    try {
      const first = await postForm(server.url, formOf(validFields()), { 'x-forwarded-for': '203.0.113.1' });
      const second = await postForm(server.url, formOf(validFields()), { 'x-forwarded-for': '203.0.113.2' });
      expect([first.status, second.status]).toEqual([201, 429]);
    } finally {
      await server.stop();
    }
  });

  test('with TRUST_PROXY=1 each address the proxy names has its own limit', async () => {
    const server = await startIntake({ RATE_LIMIT: '', RATE_LIMIT_REPORTS_PER_HOUR: '1', TRUST_PROXY: '1' });
    try {
      const a = await postForm(server.url, formOf(validFields()), { 'x-forwarded-for': '198.51.100.7, 203.0.113.1' });
      const b = await postForm(server.url, formOf(validFields()), { 'x-forwarded-for': '203.0.113.2' });
      const again = await postForm(server.url, formOf(validFields()), { 'x-forwarded-for': '10.0.0.9, 203.0.113.1' });
      expect([a.status, b.status, again.status]).toEqual([201, 201, 429]);
    } finally {
      await server.stop();
    }
  });
});
