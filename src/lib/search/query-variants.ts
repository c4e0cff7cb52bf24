import { parseChineseNumber } from '../laws/chinese-numeral.ts';
import { toChineseNumber } from '../format.ts';

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
const NUMBERED = /第([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})(条|款|项|章|节)/gu;

/** 第77条 ⇄ 第七十七条: the same article number in digits and in Chinese numerals. */
function numeralForms(match: string, digitsOrHan: string, unit: string): string[] {
  const n = /^[0-9]+$/.test(digitsOrHan) ? Number(digitsOrHan) : parseChineseNumber(digitsOrHan);
  if (n === undefined || n < 1 || n > 9999) return [` ${match}`];
  // A leading space: 土地管理法第七十七条 is a law and an article, and pages write 《土地管理法》第七十七条.
  return [...new Set([match, `第${n}${unit}`, `第${toChineseNumber(n)}${unit}`])].map((f) => ` ${f}`);
}

interface Replacement {
  start: number;
  end: number;
  forms: string[];
}

function replacementsIn(folded: string): Replacement[] {
  const found: Replacement[] = [];
  for (const m of folded.matchAll(NUMBERED)) {
    found.push({ start: m.index, end: m.index + m[0].length, forms: numeralForms(m[0], m[1] ?? '', m[2] ?? '') });
  }
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
