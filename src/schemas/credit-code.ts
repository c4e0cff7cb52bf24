import { z } from 'zod';

// GB 32100-2015 unified social credit code: 18 characters from a 31-symbol
// alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined if one is not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** True when the code has 18 valid characters and a correct check character. */
export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Completes 17 characters with their check character (used by the demo corpus generator). */
export function withCreditCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === undefined) throw new Error(`Expected 17 characters of 0-9 and A-Y without I, O, S, V, Z; got "${first17}".`);
  return first17 + check;
}

/** A 统一社会信用代码 with a correct GB 32100 check character. */
export const creditCode = z
  .string({ error: 'expected an 18-character 统一社会信用代码' })
  .refine(isValidCreditCode, {
    message: 'expected an 18-character 统一社会信用代码 with a correct GB 32100 check character',
  });
