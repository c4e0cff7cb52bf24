// The lunr fields of the search index and what each holds. Boosts weigh a
// match in the title (文号, party, article label) above one in the body.

export const FIELDS = ['title', 'text', 'key', 'chars'] as const;
export type FieldName = (typeof FIELDS)[number];

export const FIELD_BOOST: Record<FieldName, number> = {
  /** Title: decision 文号 + party + violation; 《law》第N条; procedure and baseline titles. */
  title: 5,
  /** Everything else a page says that search should find. */
  text: 1,
  /** Whole identifiers (文号), matched only as typed 文号s. */
  key: 10,
  /** Every Han character once per occurrence: one-character queries. */
  chars: 1,
};

/** Fields a Han bigram or a word is looked up in. */
export const TERM_FIELDS: readonly FieldName[] = ['title', 'text'];
/** Field a single Han character is looked up in. */
export const CHAR_FIELDS: readonly FieldName[] = ['chars'];
/** Field a typed 文号 is looked up in. */
export const KEY_FIELDS: readonly FieldName[] = ['key'];

/** What a document is; the index stores the position in this list. */
export const DOC_TYPES = ['article', 'procedure', 'baseline', 'decision'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const DOC_TYPE_LABEL: Record<DocType, string> = { article: '法律条文', procedure: '执法流程', baseline: '裁量基准', decision: '处罚决定' };

/** Party kinds of decisions, in facet order. */
export const PARTY_KINDS = ['legal-person', 'individual-business', 'natural-person'] as const;
export const PARTY_KIND_SHORT: Record<(typeof PARTY_KINDS)[number], string> = {
  'legal-person': '法人及非法人组织',
  'individual-business': '个体工商户',
  'natural-person': '自然人',
};

/** Fine ranges (元, upper bound inclusive) of the fine facet; the last is open-ended. */
export const FINE_BUCKETS: readonly { id: string; upTo: number; label: string }[] = [
  { id: 'none', upTo: 0, label: '无罚款' },
  { id: 'under-1', upTo: 10_000, label: '1万元以下' },
  { id: '1-10', upTo: 100_000, label: '1万（不含）至10万元' },
  { id: '10-50', upTo: 500_000, label: '10万（不含）至50万元' },
  { id: '50-100', upTo: 1_000_000, label: '50万（不含）至100万元' },
  { id: 'over-100', upTo: Number.POSITIVE_INFINITY, label: '100万元以上（不含）' },
];

export function fineBucketOf(fine: number): number {
  const i = FINE_BUCKETS.findIndex((b) => fine <= b.upTo);
  return i < 0 ? FINE_BUCKETS.length - 1 : i;
}

/** Column value for "none" in the document table. */
export const NONE = 255;
