import { foldWithOffsets } from './fold-text.ts';
import type { QueryPlan } from './plan-query.ts';

// Highlights what matched: every run of characters covered by a query bigram,
// a queried single character or a whole queried word, found in the folded
// text and mapped back to the original characters.

export interface Segment {
  text: string;
  mark: boolean;
}

function marked(text: string, marks: QueryPlan['marks']): { flags: boolean[]; count: number } {
  const { folded, origin } = foldWithOffsets(text);
  const flags = new Array<boolean>(text.length).fill(false);
  const pairs = new Set(marks.pairs);
  const chars = new Set(marks.chars);
  const set = (from: number, to: number) => {
    const a = origin[from] ?? 0;
    const b = to < origin.length ? (origin[to] ?? text.length) : text.length;
    for (let i = a; i < b; i++) flags[i] = true;
  };
  // Whole Han runs of the query first; its bigrams only where no run is found whole (a bigram alone, 非法 in 非法人组织, would mislead).
  let phraseFound = false;
  for (const p of marks.phrases) {
    for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1)) {
      set(at, at + p.length);
      phraseFound = true;
    }
  }
  const pairAt = Array.from({ length: folded.length }, (_, i) => !phraseFound && pairs.has(folded.slice(i, i + 2)));
  for (let i = 0; i < folded.length; i++) {
    if (chars.has(folded[i] ?? '')) set(i, i + 1);
    // Without a whole run, only chains of bigrams (three characters or more) are marked.
    if (pairAt[i] && (pairAt[i - 1] || pairAt[i + 1])) set(i, i + 2);
  }
  for (const w of marks.words) {
    let at = folded.indexOf(w);
    while (at >= 0) {
      const before = folded[at - 1] ?? '';
      const after = folded[at + w.length] ?? '';
      if (!/[\p{L}\p{Nd}]/u.test(before.replace(/\p{Script=Han}/u, '')) && !/[\p{L}\p{Nd}]/u.test(after.replace(/\p{Script=Han}/u, ''))) set(at, at + w.length);
      at = folded.indexOf(w, at + 1);
    }
  }
  return { flags, count: flags.filter(Boolean).length };
}

function toSegments(text: string, flags: readonly boolean[], from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  for (let i = from; i < to; i++) {
    const mark = flags[i] ?? false;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text[i];
    else segments.push({ text: text[i] ?? '', mark });
  }
  return segments;
}

/** The text with its matches marked. */
export function highlight(text: string, marks: QueryPlan['marks']): Segment[] {
  return toSegments(text, marked(text, marks).flags);
}

/** A window of about `length` characters around the densest matches, with … where it was cut. */
export function snippet(text: string, marks: QueryPlan['marks'], length = 90): Segment[] {
  const { flags } = marked(text, marks);
  if (text.length <= length) return toSegments(text, flags);
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (flags[i]) count++;
    if (i >= length && flags[i - length]) count--;
    if (i >= length - 1 && count > bestCount) {
      bestCount = count;
      best = i - length + 1;
    }
  }
  // Start a little before the first match in the window, at a sentence start when one is near.
  const firstMark = flags.indexOf(true, best);
  let start = bestCount > 0 && firstMark >= 0 ? Math.max(0, firstMark - 20) : 0;
  const stop = text.lastIndexOf('。', firstMark);
  if (stop >= 0 && stop >= start - 10 && stop < firstMark) start = stop + 1;
  const end = Math.min(text.length, start + length);
  const segments = toSegments(text, flags, start, end);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < text.length) segments.push({ text: '…', mark: false });
  return segments;
}
