import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { READABLE_ALPHABET, bytesToSymbols, formatSecret, formatTrackingCode, normalizeSecret, normalizeTrackingCode } from '../../api/domain/tracking-code.ts';

describe('tracking codes and secrets', () => {
  test('the alphabet has no look-alikes (0/O, 1/I/L, U/V)', () => {
    for (const c of '01OILU') expect(READABLE_ALPHABET).not.toContain(c);
  });

  test('a tracking code reads JB-XXXX-XXXX and a secret is seven groups of four (about 137 bits)', () => {
    expect(formatTrackingCode(randomBytes(32))).toMatch(/^JB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(formatSecret(randomBytes(64))).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){6}[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(28 * Math.log2(READABLE_ALPHABET.length)).toBeGreaterThan(128);
  });

  test('bytes that would bias the symbols are skipped, and too few bytes ask for more', () => {
    expect(bytesToSymbols(Uint8Array.from([255, 254, 0, 1]), 2)).toBe('23');
    expect(bytesToSymbols(Uint8Array.from([255, 0]), 2)).toBeUndefined();
  });

  test('codes typed in lower case, with spaces, or with U for V are understood; others are not', () => {
    expect(normalizeTrackingCode('jb 7k4m q2xd')).toBe('JB-7K4M-Q2XD');
    expect(normalizeTrackingCode('7K4MQ2XD')).toBe('JB-7K4M-Q2XD');
    expect(normalizeTrackingCode('JB-7K4M-Q2XU')).toBe('JB-7K4M-Q2XV');
    expect(normalizeTrackingCode('JB-7K4M-Q2X0')).toBeUndefined();
    expect(normalizeTrackingCode("JB-7K4M' OR 1=1")).toBeUndefined();
    expect(normalizeSecret('abcd efgh-jkmn')).toBe('ABCD-EFGH-JKMN');
  });
});
