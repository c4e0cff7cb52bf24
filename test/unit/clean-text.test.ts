import { describe, expect, test } from 'vitest';
import { cleanText } from '../../api/domain/report-input.ts';

describe('cleanText', () => {
  test.each([
    ['C1 controls', 'a\u0085b\u009Bc\u0080d\u009Fe', 'abcde'],
    ['line and paragraph separators', '第一行\u2028第二行\u2029完', '第一行第二行完'],
    ['zero-width characters and the word joiner', '非\u200B法\u200C占\u200D地\u2060了', '非法占地了'],
    ['a byte-order mark anywhere', '\uFEFF开头和中\uFEFF间', '开头和中间'],
    ['soft hyphens and invisible operators', 'co\u00ADop\u2062er\u2064ate', 'cooperate'],
    ['tag characters (hidden text)', `看得见${'\u{E0068}\u{E0069}\u{E0064}\u{E0065}'}的字`, '看得见的字'],
    ['bidi overrides, embeddings, isolates and marks', '\u202E甲\u202A乙\u2066丙\u2069\u200F丁\u061C', '甲乙丙丁'],
    ['C0 controls and DEL', 'a\u0000b\u0007c\u001Bd\u007Fe', 'abcde'],
  ])('removes %s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  test('keeps what people write: Chinese, emoji, tabs, newlines (CRLF made LF), full-width punctuation', () => {
    expect(cleanText('  在耕地上\t建房，😀\r\n第二行（示例）  ')).toBe('在耕地上\t建房，😀\n第二行（示例）');
  });
});
