import { foldText } from './fold-text.ts';

// Chinese has no spaces and a word segmenter misses any query that crosses a
// word boundary (地复垦 spans 土地 and 复垦). So a run of Han characters is
// indexed as its overlapping bigrams — every substring of two or more
// characters is then found by requiring all of its bigrams — and, in a
// separate field, as single characters for one-character queries. Latin
// words and numbers stay whole: 77 must not match 177000.

/** A run of text of one kind, after folding. */
export interface Run {
  kind: 'han' | 'word';
  text: string;
}

const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{Nd}])+(?:\.\p{Nd}+)*/gu;

/** Splits folded text into Han runs and Latin words or numbers; everything else separates. */
export function splitRuns(folded: string): Run[] {
  const runs: Run[] = [];
  for (const m of folded.matchAll(RUNS)) {
    const text = m[0];
    runs.push({ kind: /^\p{Script=Han}/u.test(text) ? 'han' : 'word', text });
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

/** Terms of the title and text fields: Han bigrams (or a lone character) and whole words. */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(foldText(text))) {
    if (run.kind === 'word') terms.push(run.text);
    else for (const b of bigrams(run.text)) terms.push(b);
  }
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
