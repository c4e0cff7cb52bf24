import lunr from 'lunr';
import { describe, expect, test } from 'vitest';
import { searchFixture } from '../fixtures/search-fixture.ts';
import { charTerms, textTerms } from '../../src/lib/search/tokenize.ts';
import { FIELDS, FIELD_BOOST, type FieldName } from '../../src/lib/search/search-fields.ts';
import { B, K1 } from '../../src/lib/search/term-weight.ts';
import { planQuery } from '../../src/lib/search/plan-query.ts';
import type { SearchDocument } from '../../src/lib/search/search-document.ts';

// lunr stays the engine: the sharded index, loaded in part, must give the
// very results and scores of one whole index built by lunr's own Builder with
// the same tokenizer and settings.

const fx = searchFixture(120);

function termsOf(doc: SearchDocument, field: FieldName): string[] {
  if (field === 'title') return textTerms(doc.title);
  if (field === 'text') return textTerms(doc.text);
  if (field === 'key') return doc.keys;
  return charTerms(`${doc.title}\n${doc.text}`);
}

const whole = (() => {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.k1(K1);
  builder.b(B);
  builder.ref('ref');
  for (const f of FIELDS) builder.field(f, { boost: FIELD_BOOST[f], extractor: (d: object) => (d as { doc: SearchDocument }).doc });
  builder.tokenizer = ((doc: SearchDocument, metadata: { fields: FieldName[] }) =>
    termsOf(doc, metadata.fields[0] ?? 'text').map((t) => new lunr.Token(t, { fields: metadata.fields }))) as unknown as typeof builder.tokenizer;
  fx.corpus.slots.forEach((doc, n) => {
    if (doc) builder.add({ ref: String(n), doc });
  });
  return builder.build();
})();

describe('scores from the sharded index', () => {
  test.each(['地复垦', '西岭区 非法占用', '罚款', '矿', '采矿许可证 没收', '第77条', '复垦费 倍'])('equal lunr’s own for %s', async (query) => {
    const plan = planQuery(query);
    expect(plan.alternatives).toHaveLength(1);
    const clauses = plan.alternatives[0]?.clauses ?? [];
    const expected = whole
      .query((q) => {
        for (const c of clauses) q.term(c.term, { fields: [...c.fields], presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      })
      .map((r) => ({ doc: Number(r.ref), score: r.score }));
    const { scored } = await fx.client.match(query);
    expect(expected.length).toBeGreaterThan(0);
    const byDoc = (a: { doc: number }, b: { doc: number }) => a.doc - b.doc;
    expect([...scored].sort(byDoc).map((s) => s.doc)).toEqual([...expected].sort(byDoc).map((s) => s.doc));
    const lunrScore = new Map(expected.map((e) => [e.doc, e.score]));
    for (const s of scored) expect(s.score).toBeCloseTo(lunrScore.get(s.doc) ?? -1, 10);
  });
});
