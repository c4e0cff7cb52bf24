import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkIdempotencyKey, nominalBits } from '../../api/domain/idempotency-key.ts';
import { randomKey } from '../../src/islands/report/report-form-model.ts';
import { FORM_TOKEN_TTL_MS, issueFormToken, verifyFormToken } from '../../api/domain/form-token.ts';

describe('checkIdempotencyKey', () => {
  // One in nine thousand such keys failed an earlier, stricter test: a reporter would have been refused.
  test('takes 50,000 keys drawn as the report form draws them (32 hex digits) and 50,000 UUIDs', () => {
    for (let i = 0; i < 50_000; i += 1) {
      expect(checkIdempotencyKey(randomKey()).ok).toBe(true);
      expect(checkIdempotencyKey(crypto.randomUUID()).ok).toBe(true);
    }
  });

  test.each([
    ['16 hex digits (64 bits)', '0123456789abcdef', 'weak_idempotency_key'],
    // About one random 32-digit hex key in 3.4 million has no letter: the form draws again (randomKey).
    ['32 decimal digits (106 bits)', '80315597264108375926041837529164', 'weak_idempotency_key'],
    ['one repeated character', 'x'.repeat(40), 'weak_idempotency_key'],
    ['two alternating characters', 'ab'.repeat(20), 'weak_idempotency_key'],
    ['a repeated word', 'retry-retry-retry-retry-retry-01', 'weak_idempotency_key'],
    ['too short', 'abc', 'invalid_idempotency_key'],
    ['characters outside the alphabet', 'ключ-ключ-ключ-ключ-ключ', 'invalid_idempotency_key'],
  ])('refuses %s', (_label, key, code) => {
    const verdict = checkIdempotencyKey(key);
    expect(verdict).toMatchObject({ ok: false, code });
  });

  test('counts bits by the alphabet a key spans', () => {
    expect(nominalBits('0'.repeat(32))).toBeCloseTo(32 * Math.log2(10));
    expect(nominalBits('a1'.repeat(16))).toBeCloseTo(32 * Math.log2(36));
  });
});

describe('form tokens', () => {
  const key = randomBytes(32);
  const now = new Date('2026-06-01T08:00:00Z');

  test('a token the server issued verifies for a day, and not after', () => {
    const token = issueFormToken(key, now);
    expect(verifyFormToken(key, token, now)).toBe(true);
    expect(verifyFormToken(key, token, new Date(now.getTime() + FORM_TOKEN_TTL_MS - 1000))).toBe(true);
    expect(verifyFormToken(key, token, new Date(now.getTime() + FORM_TOKEN_TTL_MS + 1000))).toBe(false);
  });

  test('a token signed with another key, altered in any part, or dated in the future does not verify', () => {
    const token = issueFormToken(key, now);
    expect(verifyFormToken(randomBytes(32), token, now)).toBe(false);
    const [random = '', time = '', mac = ''] = token.split('.');
    expect(verifyFormToken(key, `${random.slice(0, -1)}${random.endsWith('A') ? 'B' : 'A'}.${time}.${mac}`, now)).toBe(false);
    expect(verifyFormToken(key, `${random}.${(Number.parseInt(time, 36) + 1).toString(36)}.${mac}`, now)).toBe(false);
    expect(verifyFormToken(key, issueFormToken(key, new Date(now.getTime() + 3600_000)), now)).toBe(false);
    expect(verifyFormToken(key, 'not a token', now)).toBe(false);
  });

  test('two tokens issued at the same moment differ', () => {
    expect(issueFormToken(key, now)).not.toBe(issueFormToken(key, now));
  });
});
