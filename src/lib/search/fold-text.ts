// Folding applied to every text before it is split, at build time and in the
// browser alike: NFKC (full-width Ａ１２ → A12, ㎡ → m2, compatibility
// ideographs → unified ones), lower case, and thousands separators dropped so
// that 12,000 and 12000 are the same number.

/** The folded form of a text, for indexing, querying and substring checks. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/**
 * The folded text with, for each of its characters, the index of the
 * original character it came from, so matches found in the folded text can
 * be highlighted in the original one.
 */
export function foldWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const char of text) {
    const f = char.normalize('NFKC').toLowerCase();
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += char.length;
  }
  // Thousands separators are dropped after the per-character pass, keeping the offsets aligned.
  const kept: number[] = [];
  let out = '';
  for (let k = 0; k < folded.length; k++) {
    const c = folded[k] ?? '';
    if (c === ',' && /\d/.test(folded[k - 1] ?? '') && /^\d{3}(?!\d)/.test(folded.slice(k + 1, k + 5))) continue;
    out += c;
    kept.push(origin[k] ?? 0);
  }
  return { folded: out, origin: kept };
}
