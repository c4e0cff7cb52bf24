import { describe, expect, test } from 'vitest';
import { searchFixture, truth } from '../fixtures/search-fixture.ts';
import { randomSubstrings } from '../../scripts/search-bench/substring-truth.ts';
import { foldText } from '../../src/lib/search/fold-text.ts';
import type { SearchDocument } from '../../src/lib/search/search-document.ts';

// The quality table: for each query, the documents that must come first and
// the exact number of results, the truth computed here by substring over the
// documents' own text.

const fx = searchFixture(400);
const docs = fx.corpus.slots;
const decisions = docs.flatMap((d, n) => (d?.type === 'decision' ? [{ d, n }] : []));

function pick(predicate: (d: SearchDocument, text: string) => boolean): { d: SearchDocument; n: number } {
  const found = decisions.find(({ d, n }) => predicate(d, fx.texts[n] ?? ''));
  if (!found) throw new Error('the fixture corpus lacks a decision the quality table needs');
  return found;
}

const company = pick((d) => d.decision?.partyKind === 'legal-person' && d.decision.county === '990103');
const docNo = company.d.title.split(' ')[0] ?? '';
const partyName = company.d.title.split(' ')[1] ?? '';
const creditCode = /统一社会信用代码(\w{18})/.exec(company.d.text)?.[1] ?? '';
const licensed = pick((_, t) => /采矿许可证\(证号 c99\d+\)/.test(t));
const licence = /证号 (c99\d+)/.exec(fx.texts[licensed.n] ?? '')?.[1] ?? '';
const article77 = docs.findIndex((d) => d?.title === '《土地管理法》第七十七条');

interface Row {
  name: string;
  query: string;
  /** Every group must be in the text, any form of a group will do. */
  groups: string[][];
  /** Document numbers that must be the first results, in this order. */
  first?: number[];
  /** Text the first result's title must hold (when several documents may rightly come first). */
  firstTitleHas?: string;
  /**
   * Below 1 where bigrams without positions cannot tell: a page with every
   * bigram of the phrase but not the phrase (未取得采矿权… 采矿许可证 has every
   * bigram of 未取得采矿许可证). All the truth must still be found.
   */
  minPrecision?: number;
}

const rows: Row[] = [
  { name: 'an exact 文号', query: docNo, groups: [[docNo]], first: [company.n] },
  { name: 'a 文号 typed with square brackets', query: docNo.replace('〔', '[').replace('〕', ']'), groups: [[docNo]], first: [company.n] },
  { name: 'a 文号 typed with 【】 and no space', query: docNo.replace('〔', '【').replace('〕', '】'), groups: [[docNo]], first: [company.n] },
  // The party may have several decisions (a repeat offender); one of them comes first.
  { name: 'a party name', query: partyName, groups: [[partyName]], firstTitleHas: partyName },
  { name: 'a credit code in lower case', query: creditCode.toLowerCase(), groups: [[creditCode]], first: [company.n] },
  { name: 'an article in Chinese numerals', query: '土地管理法第七十七条', groups: [['土地管理法'], ['第七十七条', '第77条']], first: [article77] },
  { name: 'the same article in digits', query: '土地管理法 第77条', groups: [['土地管理法'], ['第七十七条', '第77条']], first: [article77] },
  { name: 'the article in full-width digits', query: '第７７条', groups: [['第七十七条', '第77条']] },
  { name: '非法占地 finds 非法占用土地', query: '非法占地', groups: [['非法占地', '非法占用土地']] },
  { name: '永农 finds 永久基本农田 and 基本农田', query: '永农', groups: [['永农', '基本农田', '永久基本农田']] },
  { name: '基本农田 finds 永农', query: '基本农田', groups: [['永农', '基本农田', '永久基本农田']] },
  { name: '无证开采 finds 未取得采矿许可证', query: '无证开采', groups: [['无证开采', '未取得采矿许可证']], minPrecision: 0.95 },
  { name: 'a two-character query', query: '复垦', groups: [['复垦']] },
  { name: 'a one-character query', query: '矿', groups: [['矿']] },
  { name: 'a one-character query rarely used', query: '田', groups: [['田']] },
  { name: 'a mixed Chinese–Latin query', query: `采矿许可证 ${licence.toUpperCase()}`, groups: [['采矿许可证'], [licence]], first: [licensed.n] },
  { name: 'a query crossing a word boundary', query: '地复垦', groups: [['地复垦']] },
  { name: 'a county and a violation', query: '西岭区 非法占用', groups: [['西岭区'], ['非法占用']] },
  { name: 'an amount in 元', query: '罚款合计100000元', groups: [['罚款合计100000元']] },
];

describe('search quality against substring truth', () => {
  test.each(rows)('$name ($query)', async (row) => {
    const expected = truth(fx.texts, row.groups);
    expect(expected.length, 'the truth of a quality row must not be empty').toBeGreaterThan(0);
    const { scored } = await fx.client.match(row.query);
    const got = scored.map((s) => s.doc).sort((a, b) => a - b);
    if (row.minPrecision === undefined) expect(got).toEqual(expected);
    else {
      expect(expected.filter((d) => !got.includes(d)), 'documents not found').toEqual([]);
      expect(expected.length / got.length).toBeGreaterThanOrEqual(row.minPrecision);
    }
    if (row.first) expect(scored.slice(0, row.first.length).map((s) => s.doc)).toEqual(row.first);
    if (row.firstTitleHas) expect(docs[scored[0]?.doc ?? -1]?.title ?? '').toContain(row.firstTitleHas);
  });

  test('200 random substrings of 2–6 characters: all found, precision at least 0.95', async () => {
    const queries = randomSubstrings(fx.texts, decisions.map((d) => d.n), 200);
    let found = 0;
    let relevant = 0;
    let retrieved = 0;
    for (const q of queries) {
      const expected = new Set(truth(fx.texts, [[q]]));
      const got = (await fx.client.match(q)).scored.map((s) => s.doc);
      const hits = got.filter((d) => expected.has(d)).length;
      expect(hits, `recall of ${q}`).toBe(expected.size);
      found += hits;
      relevant += expected.size;
      retrieved += got.length;
    }
    expect(found).toBe(relevant);
    expect(found / retrieved).toBeGreaterThanOrEqual(0.95);
  });

  test('a 文号 that does not exist falls back to its words and still finds near ones', async () => {
    const missing = docNo.replace(/〕\d+号/, '〕99999号');
    const { scored } = await fx.client.match(missing);
    expect(scored.length).toBeGreaterThan(0);
    expect(foldText(docs[scored[0]?.doc ?? -1]?.title ?? '')).toContain(foldText(docNo.slice(0, 6)));
  });
});
