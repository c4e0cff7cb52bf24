import { describe, expect, test } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, withCreditCheckChar } from '../../src/schemas/credit-code.ts';

describe('isValidCreditCode', () => {
  test('accepts a published code with its check character', () => {
    // A widely published real code (a state body) whose check character is known.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });
  test('refuses the same code with another check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  test('refuses letters outside the GB 32100 alphabet (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('91350100M000100O43')).toBe(false);
  });
  test('refuses a code of the wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });
});

describe('withCreditCheckChar', () => {
  test('completes 17 characters into a valid code', () => {
    const code = withCreditCheckChar('11990102MB0001000');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });
  test('computes 0 when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
});
