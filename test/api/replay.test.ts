// A reporter's secret is shown to the client that submitted, and to no one
// else: not to someone who posts the same content, guesses who reported, or
// replays a retry key from elsewhere.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { issueFormToken } from '../../api/domain/form-token.ts';
import { formOf, keyRingOf, makeJpeg, postForm, queryStore, randomKey, runSql, startIntake, validFields, type TestServer } from './intake-helpers.ts';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const codeIn = (html: string) => /JB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(html)?.[0];
const secretIn = (html: string) => /(?:[A-Z0-9]{4}-){6}[A-Z0-9]{4}/.exec(html)?.[0];

describe('replays learn nothing', () => {
  let server: TestServer;
  beforeAll(async () => {
    // X-Forwarded-For then names the client's address, so a test can post "from elsewhere".
    server = await startIntake({ TRUST_PROXY: '1' });
  });
  afterAll(() => server.stop());

  test("a plain-form post of someone else's content — same fields, whitespace, bidi characters, extra fields, multipart or urlencoded, another address — gets a new report, never their code or secret", async () => {
    const victim = validFields({ description: '后山的林地被人推平，准备建厂房。', name: '李某某', phone: '13811112222', contactConsent: 'yes' });
    const original = await postForm(server.url, formOf(victim), { accept: browserAccept });
    expect(original.status).toBe(201);
    const code = codeIn(original.text);
    const secret = secretIn(original.text);
    expect(code).toBeDefined();
    expect(secret).toBeDefined();

    const variants: (FormData | URLSearchParams)[] = [
      formOf(victim),
      new URLSearchParams(victim),
      formOf({ ...victim, description: `  ${victim.description}\u202E  ` }),
      formOf({ ...victim, extra: 'x', formToken: 'not-a-token' }),
      // A guess of who reported: the name and phone with the rest of the content.
      formOf({ ...validFields(), description: victim.description ?? '', name: '李某某', phone: '13811112222', contactConsent: 'yes' }),
    ];
    for (const body of variants) {
      const res = await postForm(server.url, body, { accept: browserAccept, 'x-forwarded-for': '203.0.113.9' });
      expect(res.status).toBe(201);
      expect(codeIn(res.text)).not.toBe(code);
      expect(res.text).not.toContain(secret);
    }
    const [row] = await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports WHERE description = ?', [victim.description]);
    expect(row?.n).toBe(1 + variants.length);
  });

  test("a form token is that page's alone: the same content with another served token is a new report; a forged or expired token is no key at all", async () => {
    const fields = validFields({ description: '河滩上每天夜里有人用铲车挖砂。' });
    const key = keyRingOf(server.dataDir).current.key('form');
    const mine = issueFormToken(key, new Date());
    const theirs = issueFormToken(key, new Date());
    const first = await postForm(server.url, formOf({ ...fields, formToken: mine }), { accept: browserAccept });
    const reload = await postForm(server.url, formOf({ ...fields, formToken: mine }), { accept: browserAccept });
    const stranger = await postForm(server.url, formOf({ ...fields, formToken: theirs }), { accept: browserAccept });
    expect(codeIn(reload.text)).toBe(codeIn(first.text));
    expect(secretIn(reload.text)).toBe(secretIn(first.text));
    expect(codeIn(stranger.text)).not.toBe(codeIn(first.text));
    expect(stranger.text).not.toContain(secretIn(first.text));

    const forged = `${mine.slice(0, -4)}AAAA`;
    const expired = issueFormToken(key, new Date(Date.now() - 25 * 3600_000));
    for (const token of [forged, expired, forged]) {
      const res = await postForm(server.url, formOf({ ...fields, description: '同一份内容带着伪造或过期的令牌提交了两次。', formToken: token }), { accept: browserAccept });
      expect(res.status).toBe(201);
    }
    const [row] = await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports WHERE description = ?', ['同一份内容带着伪造或过期的令牌提交了两次。']);
    expect(row?.n).toBe(3);
  });

  test("an Idempotency-Key replayed from another address with other content gets a new report and learns nothing of the first; with the same content it is that client's retry", async () => {
    const key = randomKey();
    const photo = await makeJpeg({ seed: 31 });
    const first = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: photo }]), { 'idempotency-key': key });
    const attacker = await postForm(server.url, formOf(validFields({ description: '我想知道这个 Key 是谁用过的。' })), { 'idempotency-key': key, 'x-forwarded-for': '198.51.100.7' });
    expect(attacker.status).toBe(201);
    expect(attacker.json.trackingCode).not.toBe(first.json.trackingCode);
    expect(attacker.json.secret).not.toBe(first.json.secret);
    expect(JSON.stringify(attacker.json)).not.toContain('idempotency_key_reused');
    const retry = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: photo }]), { 'idempotency-key': key });
    expect(retry.json).toEqual(first.json);
  });

  test('keys that cannot carry 128 bits are refused with 422 weak_idempotency_key; the form’s 32 hex digits, a UUID and 22 base64url characters are taken', async () => {
    for (const weak of ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '0123456789abcdef', 'abababababababababababababababab', 'report-report-report-report-1234', '1111111111111111111111111111111111111111']) {
      const res = await postForm(server.url, formOf(validFields()), { 'idempotency-key': weak });
      expect(res.status, weak).toBe(422);
      expect(res.json.errors, weak).toEqual([{ field: 'idempotencyKey', code: 'weak_idempotency_key', message: expect.stringContaining('128') }]);
    }
    for (const strong of [randomKey(), crypto.randomUUID(), Buffer.from(crypto.getRandomValues(new Uint8Array(17))).toString('base64url')]) {
      const res = await postForm(server.url, formOf(validFields()), { 'idempotency-key': strong });
      expect(res.status, strong).toBe(201);
    }
    expect(server.logs().filter((l) => l.event === 'weak_idempotency_key').length).toBeGreaterThanOrEqual(5);
  });

  test('after its 24-hour window a key finds nothing: the same post is a new report', async () => {
    const key = randomKey();
    const fields = validFields({ description: '一天以后又用同一个 Key 提交了同一份内容。' });
    const first = await postForm(server.url, formOf(fields), { 'idempotency-key': key });
    await runSql(server.dataDir, "UPDATE reports SET idempotency_expires_at = '2000-01-01T00:00:00.000Z' WHERE tracking_code = ?", [first.json.trackingCode]);
    const later = await postForm(server.url, formOf(fields), { 'idempotency-key': key });
    expect(later.status).toBe(201);
    expect(later.json.trackingCode).not.toBe(first.json.trackingCode);
    const again = await postForm(server.url, formOf(fields), { 'idempotency-key': key });
    expect(again.json).toEqual(later.json);
  });
});
