import lunr from 'lunr';
import type { Alternative } from './plan-query.ts';
import type { TermPostings } from './index-loader.ts';
import { FIELDS, type FieldName } from './search-fields.ts';
import { inverseDocumentFrequency, termWeight } from './term-weight.ts';

// lunr stays the engine: for each query a lunr.Index is assembled from the
// postings of the query's terms only — its inverted index, token set and
// field vectors, with the weights lunr's builder would have computed — and
// lunr's own query model (REQUIRED clauses, field scopes) and scoring run
// on it. The result equals a search of the whole index built by lunr.

export interface Scored {
  doc: number;
  score: number;
}

function partialIndex(terms: readonly string[], postings: ReadonlyMap<string, TermPostings | null>, documentCount: number, boosts: Record<FieldName, number>): lunr.Index {
  const present = [...new Set(terms)].filter((t) => postings.get(t)).sort();
  const invertedIndex: Record<string, Record<string, unknown>> = {};
  const elements = new Map<string, number[]>();
  present.forEach((term, termIndex) => {
    const p = postings.get(term) as TermPostings;
    let documentsWithTerm = 0;
    for (const f of FIELDS) documentsWithTerm += p[f]?.docs.length ?? 0;
    const idf = inverseDocumentFrequency(documentsWithTerm, documentCount);
    const entry: Record<string, unknown> = { _index: termIndex };
    for (const field of FIELDS) {
      const refs: Record<string, object> = {};
      const fp = p[field];
      if (fp) {
        for (let i = 0; i < fp.docs.length; i++) {
          const ref = String(fp.docs[i]);
          refs[ref] = {};
          const key = `${field}/${ref}`;
          let v = elements.get(key);
          if (!v) elements.set(key, (v = []));
          // Terms are visited in index order, so each vector's elements stay sorted as lunr.Vector needs.
          v.push(termIndex, termWeight(idf, fp.tfs[i] ?? 1, boosts[field]));
        }
      }
      entry[field] = refs;
    }
    invertedIndex[term] = entry;
  });
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [key, v] of elements) fieldVectors[key] = new lunr.Vector(v);
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    // fromArray exists in lunr 2.3.9 but is missing from its type definitions.
    tokenSet: (lunr.TokenSet as unknown as { fromArray(terms: string[]): lunr.TokenSet }).fromArray(present),
    fields: [...FIELDS],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
}

/** Runs one alternative through lunr: every clause REQUIRED, in its fields. */
export function scoreAlternative(alternative: Alternative, postings: ReadonlyMap<string, TermPostings | null>, documentCount: number, boosts: Record<FieldName, number>): Scored[] {
  if (alternative.clauses.some((c) => !postings.get(c.term))) return [];
  const index = partialIndex(
    alternative.clauses.map((c) => c.term),
    postings,
    documentCount,
    boosts,
  );
  return index
    .query((q) => {
      for (const c of alternative.clauses) q.term(c.term, { fields: [...c.fields], presence: lunr.Query.presence.REQUIRED, usePipeline: false });
    })
    .map((r) => ({ doc: Number(r.ref), score: r.score }));
}
