/** A run of text, and whether it must stay on one line. */
export interface TextRun {
  text: string;
  whole: boolean;
}

// Dates (2022年1月1日起, 2025-05-10), amounts and ranges with their unit (1,000 元,
// 100–1,000 元, 10%–50%, 3–3.5 倍, 12万元) and 文号 numbers (〔2025〕12号): Chinese
// text may break between any two characters, so without this a phone shows
// "2022年1/月1日" or "1,00/0 元".
const TOKEN =
  /\d{4}年\d{1,2}月\d{1,2}日起?|\d{4}-\d{2}-\d{2}|〔\d{4}〕\d+号|\d[\d,.]*%?(?:\s?[–~-]\s?\d[\d,.]*%?)?(?:\s?(?:万元|元\/平方米|元|倍|平方米|亩|个工作日|日|个月))?/g;

/** Splits text into runs, marking the dates, amounts and numbers that must not break inside. */
export function splitKeepTokens(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) runs.push({ text: text.slice(last, start), whole: false });
    runs.push({ text: match[0], whole: true });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), whole: false });
  return runs;
}
