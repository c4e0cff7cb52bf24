import { foldText } from '../../src/lib/search/fold-text.ts';

// Truth for search quality, computed by substring over the documents' own
// folded text, with words and numbers whole (the index keeps them whole, so
// 77 is not in 177000 and 05 is not in 1.05).

const ALNUM = /[\p{L}\p{Nd}]/u;
const HAN = /\p{Script=Han}/u;
const DIGIT = /\d/;
const wordChar = (c: string | undefined) => c !== undefined && ALNUM.test(c) && !HAN.test(c);

export function containsWhole(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1] === '.' && DIGIT.test(text[at - 2] ?? '') ? text[at - 2] : text[at - 1];
    const end = at + part.length;
    const after = text[end] === '.' && DIGIT.test(text[end + 1] ?? '') ? text[end + 1] : text[end];
    if (!(wordChar(part[0]) && wordChar(before)) && !(wordChar(part.at(-1)) && wordChar(after))) return true;
  }
  return false;
}

/** Document numbers whose text has every group; a group holds when any of its forms is in the text. */
export function truth(texts: readonly string[], groups: readonly (readonly string[])[]): number[] {
  const folded = groups.map((g) => g.map((s) => foldText(s)));
  const docs: number[] = [];
  texts.forEach((t, n) => {
    if (t && folded.every((g) => g.some((s) => containsWhole(t, s)))) docs.push(n);
  });
  return docs;
}

/**
 * `count` random substrings of 2–6 characters of the texts of `pool`:
 * letters, digits and Han characters only, never cutting a word or number.
 */
export function randomSubstrings(texts: readonly string[], pool: readonly number[], count: number, seed = 7): string[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  while (out.length < count) {
    const text = texts[pool[Math.floor(random() * pool.length)] ?? 0] ?? '';
    const len = 2 + Math.floor(random() * 5);
    const at = Math.floor(random() * Math.max(1, text.length - len));
    const s = text.slice(at, at + len);
    if (s.length === len && /^[\p{Script=Han}\p{L}\p{Nd}]+$/u.test(s) && containsWhole(text, s)) out.push(s);
  }
  return out;
}
