// Domain equivalences, applied to the query: each variant is searched and the
// results are merged. Searching the variants (rather than rewriting the
// index) keeps every document's terms its own text, so a highlight always
// points at words the document really has.

/** Words that mean the same in enforcement texts; a query with one finds the others. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['非法占用土地', '非法占地'],
  ['永久基本农田', '基本农田', '永农'],
  ['未取得采矿许可证', '无证开采'],
];

const MAX_VARIANTS = 12;
interface Replacement {
  start: number;
  end: number;
  forms: string[];
}

function replacementsIn(folded: string): Replacement[] {
  const found: Replacement[] = [];
  for (const group of SYNONYM_GROUPS) {
    // Longest member first, so 永久基本农田 is not read as 永久 + 基本农田.
    for (const word of [...group].sort((a, b) => b.length - a.length)) {
      let at = folded.indexOf(word);
      while (at >= 0) {
        const end = at + word.length;
        if (!found.some((r) => r.start < end && at < r.end)) found.push({ start: at, end, forms: [word, ...group.filter((w) => w !== word)] });
        at = folded.indexOf(word, end);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The folded query and its equivalent forms, the query itself first. */
export function queryVariants(folded: string): string[] {
  let variants = [''];
  let at = 0;
  for (const r of replacementsIn(folded)) {
    const between = folded.slice(at, r.start);
    const next: string[] = [];
    for (const v of variants) for (const form of r.forms) if (next.length < MAX_VARIANTS) next.push(v + between + form);
    variants = next;
    at = r.end;
  }
  return [...new Set(variants.map((v) => v + folded.slice(at)))];
}
