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

/** Sorted document numbers in either of two sorted lists. */
function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    out[n++] = Math.min(x, y);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out.subarray(0, n);
}

/** Sorted document numbers in both sorted lists. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

/**
 * The documents every REQUIRED clause matches in one of its fields — the set
 * lunr's query would keep. Computed first on the sorted postings, so the lunr
 * index holds only these documents: their scores are unchanged (a document's
 * score depends on its own vectors, and idf still counts every posting).
 */
function candidates(alternative: Alternative, postings: ReadonlyMap<string, TermPostings | null>): Uint32Array {
  let result: Uint32Array | undefined;
  for (const c of alternative.clauses) {
    const p = postings.get(c.term);
    let docs: Uint32Array = new Uint32Array(0);
    for (const f of c.fields) {
      const fp = p?.[f];
      if (fp) docs = union(docs, fp.docs);
    }
    result = result ? intersect(result, docs) : docs;
  }
  return result ?? new Uint32Array(0);
}

/**
 * Groups the candidates by what lunr's score depends on: the term frequency
 * of each query term in each field (with b = 0 a weight depends on tf and
 * idf only). Documents alike score alike, so lunr scores one of each group —
 * a few hundred documents where a broad query matches tens of thousands.
 * A row of frequencies is found by a hash of it and checked against the
 * group's first row, so a document costs one map look-up, not a string.
 */
function groupByFrequencies(keep: Uint32Array, terms: readonly string[], postings: ReadonlyMap<string, TermPostings | null>): { groupOf: Uint32Array; firstOfGroup: number[] } {
  const lists = terms.flatMap((t) => FIELDS.map((f) => postings.get(t)?.[f]).filter((p) => p !== undefined));
  const width = lists.length;
  const tf = new Uint16Array(keep.length * width);
  lists.forEach((p, k) => {
    let j = 0;
    for (let i = 0; i < keep.length; i++) {
      const doc = keep[i] as number;
      while (j < p.docs.length && (p.docs[j] as number) < doc) j++;
      if (p.docs[j] === doc) tf[i * width + k] = p.tfs[j] ?? 1;
    }
  });
  const byHash = new Map<number, number[]>();
  const groupOf = new Uint32Array(keep.length);
  const firstOfGroup: number[] = [];
  const firstRow: number[] = [];
  for (let i = 0; i < keep.length; i++) {
    const row = i * width;
    let h = 0x811c9dc5;
    for (let k = 0; k < width; k++) h = Math.imul(h ^ (tf[row + k] as number), 0x01000193);
    let groups = byHash.get(h);
    if (!groups) byHash.set(h, (groups = []));
    let g = -1;
    for (const candidate of groups) {
      const other = firstRow[candidate] as number;
      let same = true;
      for (let k = 0; k < width && same; k++) same = tf[row + k] === tf[other + k];
      if (same) {
        g = candidate;
        break;
      }
    }
    if (g < 0) {
      g = firstOfGroup.length;
      groups.push(g);
      firstOfGroup.push(keep[i] as number);
      firstRow.push(row);
    }
    groupOf[i] = g;
  }
  return { groupOf, firstOfGroup };
}

// Shared by every posting: postings carry no positions, so lunr's metadata is empty.
const NO_METADATA = Object.freeze({});
const refs: string[] = [];
const refOf = (doc: number) => (refs[doc] ??= String(doc));

function partialIndex(terms: readonly string[], postings: ReadonlyMap<string, TermPostings | null>, documentCount: number, boosts: Record<FieldName, number>, keep: Set<number>): lunr.Index {
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
      const fieldRefs: Record<string, object> = {};
      const fp = p[field];
      if (fp) {
        for (let i = 0; i < fp.docs.length; i++) {
          if (!keep.has(fp.docs[i] as number)) continue;
          const ref = refOf(fp.docs[i] as number);
          fieldRefs[ref] = NO_METADATA;
          const key = `${field}/${ref}`;
          let v = elements.get(key);
          if (!v) elements.set(key, (v = []));
          // Terms are visited in index order, so each vector's elements stay sorted as lunr.Vector needs.
          v.push(termIndex, termWeight(idf, fp.tfs[i] ?? 1, boosts[field]));
        }
      }
      entry[field] = fieldRefs;
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

/** The documents an alternative matches, in document order, with their scores. */
export interface ScoredSet {
  docs: Uint32Array;
  scores: Float64Array;
}

const NOTHING: ScoredSet = { docs: new Uint32Array(0), scores: new Float64Array(0) };

/** Runs one alternative through lunr: every clause REQUIRED, in its fields. */
export function scoreAlternative(alternative: Alternative, postings: ReadonlyMap<string, TermPostings | null>, documentCount: number, boosts: Record<FieldName, number>): ScoredSet {
  if (alternative.clauses.some((c) => !postings.get(c.term))) return NOTHING;
  const keep = candidates(alternative, postings);
  if (keep.length === 0) return NOTHING;
  const terms = [...new Set(alternative.clauses.map((c) => c.term))];
  const { groupOf, firstOfGroup } = groupByFrequencies(keep, terms, postings);
  const index = partialIndex(terms, postings, documentCount, boosts, new Set(firstOfGroup));
  const groupOfRepresentative = new Map(firstOfGroup.map((doc, g) => [doc, g]));
  const groupScore = new Float64Array(firstOfGroup.length).fill(Number.NaN);
  for (const r of index.query((q) => {
    for (const c of alternative.clauses) q.term(c.term, { fields: [...c.fields], presence: lunr.Query.presence.REQUIRED, usePipeline: false });
  })) {
    const g = groupOfRepresentative.get(Number(r.ref));
    if (g !== undefined) groupScore[g] = r.score;
  }
  // A group lunr did not return (it keeps every candidate, so none should be) drops its documents.
  const docs = new Uint32Array(keep.length);
  const scores = new Float64Array(keep.length);
  let n = 0;
  for (let i = 0; i < keep.length; i++) {
    const score = groupScore[groupOf[i] as number] as number;
    if (Number.isNaN(score)) continue;
    docs[n] = keep[i] as number;
    scores[n++] = score;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}
