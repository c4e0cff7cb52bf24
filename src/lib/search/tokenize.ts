import { parseChineseNumber } from '../laws/chinese-numeral.ts';
import { foldText } from './fold-text.ts';

// Chinese has no spaces and a word segmenter misses any query that crosses a
// word boundary (地复垦 spans 土地 and 复垦). So a run of Han characters is
// indexed as its overlapping bigrams — every substring of two or more
// characters is then found by requiring all of its bigrams — and, in a
// separate field, as single characters for one-character queries. Latin
// words and numbers stay whole: 77 must not match 177000. Where a number
// touches Han text (罚款12000元) the touching pair is a term too (款12000,
// 12000元), so a query that crosses from one to the other finds that place
// and not every page with both somewhere. An article number is one term in
// digits whichever way it is written: 第七十七条 and 第77条 are 第77条.

/** A run of text of one kind, after folding, with where it is. */
export interface Run {
  kind: 'han' | 'word';
  text: string;
  start: number;
  end: number;
}

const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{Nd}])+(?:\.\p{Nd}+)*/gu;
const ARTICLE_NO = /第([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})(条|款|项|章|节)/gu;

/** Splits folded text into Han runs and Latin words or numbers; everything else separates. */
export function splitRuns(folded: string): Run[] {
  const runs: Run[] = [];
  for (const m of folded.matchAll(RUNS)) {
    const text = m[0];
    runs.push({ kind: /^\p{Script=Han}/u.test(text) ? 'han' : 'word', text, start: m.index, end: m.index + text.length });
  }
  return runs;
}

/** The bigrams of a Han run: 地复垦 → 地复, 复垦; a single character stands for itself. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** The term where a Han run and a word touch: 款 + 12000 → 款12000, 12000 + 元 → 12000元. */
export function junction(a: Run, b: Run): string | undefined {
  if (a.end !== b.start || a.kind === b.kind) return undefined;
  return a.kind === 'han' ? `${[...a.text].at(-1)}${b.text}` : `${a.text}${[...b.text][0]}`;
}

/** An article number written in Chinese numerals or digits, as one term: 第77条. */
export interface ArticleNumber {
  term: string;
  start: number;
  end: number;
}

export function articleNumbers(folded: string): ArticleNumber[] {
  const found: ArticleNumber[] = [];
  for (const m of folded.matchAll(ARTICLE_NO)) {
    const digits = m[1] ?? '';
    const n = /^[0-9]+$/.test(digits) ? Number(digits) : parseChineseNumber(digits);
    if (n !== undefined && n > 0) found.push({ term: `第${n}${m[2]}`, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Terms of the title and text fields: Han bigrams (or a lone character), whole words, junctions and article numbers. */
export function textTerms(text: string): string[] {
  const folded = foldText(text);
  const terms = articleNumbers(folded).map((a) => a.term);
  const runs = splitRuns(folded);
  runs.forEach((run, i) => {
    if (run.kind === 'word') terms.push(run.text);
    else for (const b of bigrams(run.text)) terms.push(b);
    const next = runs[i + 1];
    const j = next && junction(run, next);
    if (j) terms.push(j);
  });
  return terms;
}

/** Terms of the character field: every Han character, once per occurrence. */
export function charTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(foldText(text))) {
    if (run.kind === 'han') for (const c of run.text) terms.push(c);
  }
  return terms;
}
