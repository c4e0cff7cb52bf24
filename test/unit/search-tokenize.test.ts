import { describe, expect, test } from 'vitest';
import { charTerms, textTerms } from '../../src/lib/search/tokenize.ts';
import { planQuery } from '../../src/lib/search/plan-query.ts';
import { queryVariants } from '../../src/lib/search/query-variants.ts';
import { foldText } from '../../src/lib/search/fold-text.ts';
import { highlight, snippet } from '../../src/lib/search/snippet.ts';

describe('textTerms', () => {
  test('splits a Han run into overlapping bigrams and keeps a lone character', () => {
    expect(textTerms('土地复垦')).toEqual(['土地', '地复', '复垦']);
    expect(textTerms('田')).toEqual(['田']);
  });

  test('folds full-width letters and digits and case, and keeps words and numbers whole', () => {
    expect(textTerms('ＡＢＣ１２３ x-Ray')).toEqual(['abc123', 'x', 'ray']);
    expect(textTerms('12,000 与 1.05')).toEqual(['12000', '与', '1.05']);
  });

  test('adds the junction where a number touches Han text', () => {
    expect(textTerms('罚款12000元')).toEqual(['罚款', '款12000', '12000', '12000元', '元']);
  });

  test('writes an article number as one term whether in Chinese numerals or digits', () => {
    expect(textTerms('第七十七条')).toContain('第77条');
    expect(textTerms('依照第77条')).toContain('第77条');
    expect(textTerms('第一百七十七条')).not.toContain('第77条');
  });
});

describe('charTerms', () => {
  test('has every Han character once per occurrence and nothing else', () => {
    expect(charTerms('耕地、耕地 a1')).toEqual(['耕', '地', '耕', '地']);
  });
});

describe('planQuery', () => {
  test('requires every bigram of a query that crosses a word boundary', () => {
    expect(planQuery('地复垦').alternatives).toEqual([{ clauses: [{ term: '地复', fields: ['title', 'text'] }, { term: '复垦', fields: ['title', 'text'] }], tier: 0 }]);
  });

  test('looks a lone character up in the character field', () => {
    expect(planQuery('田').alternatives[0]?.clauses).toEqual([{ term: '田', fields: ['chars'] }]);
  });

  test('reads a 文号 in any brackets as its one term, with a fallback on issuer and year', () => {
    for (const typed of ['东湖自然资罚〔2025〕12号', '东湖自然资罚[2025]12号', '东湖自然资罚【2025】12号', '东湖自然资罚（2025）12号', '东湖自然资罚2025 12号']) {
      const plan = planQuery(typed);
      expect(plan.alternatives[0]?.clauses[0], typed).toEqual({ term: '东湖自然资罚〔2025〕12号', fields: ['key'] });
      expect(plan.alternatives.at(-1)?.tier).toBe(2);
      expect(plan.alternatives.at(-1)?.clauses.map((c) => c.term)).not.toContain('12');
    }
  });

  test('splits a law and its article: 土地管理法第七十七条 is 土地管理法 and 第77条', () => {
    const terms = planQuery('土地管理法第七十七条').alternatives[0]?.clauses.map((c) => c.term);
    expect(terms).toEqual(['第77条', '土地', '地管', '管理', '理法']);
  });
});

describe('queryVariants', () => {
  test('expands each synonym group both ways', () => {
    expect(queryVariants(foldText('非法占地'))).toEqual(['非法占地', '非法占用土地']);
    expect(queryVariants(foldText('永农 罚款'))).toEqual(['永农 罚款', '永久基本农田 罚款', '基本农田 罚款']);
    expect(queryVariants(foldText('永久基本农田'))).toEqual(['永久基本农田', '基本农田', '永农']);
    expect(queryVariants(foldText('未取得采矿许可证'))).toEqual(['未取得采矿许可证', '无证开采']);
  });
});

describe('highlight', () => {
  test('marks the characters the query matched, in the original text', () => {
    const marks = planQuery('地复垦 １２０００').marks;
    expect(highlight('土地复垦费１２，０００元', marks)).toEqual([
      { text: '土', mark: false },
      { text: '地复垦', mark: true },
      { text: '费', mark: false },
      { text: '１２，０００', mark: true },
      { text: '元', mark: false },
    ]);
  });

  test('marks an article number written the other way', () => {
    expect(highlight('依照第七十七条处罚', planQuery('第77条').marks).filter((s) => s.mark).map((s) => s.text)).toEqual(['第七十七条']);
  });

  test('cuts a snippet around the matches', () => {
    const text = `${'甲'.repeat(200)}土地复垦${'乙'.repeat(200)}`;
    const s = snippet(text, planQuery('复垦').marks, 40);
    expect(s[0]?.text).toBe('…');
    expect(s.some((x) => x.mark && x.text === '复垦')).toBe(true);
    expect(s.map((x) => x.text).join('').length).toBeLessThanOrEqual(42);
  });
});
