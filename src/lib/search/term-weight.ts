// lunr's BM25 term weight (lunr.Builder#createFieldVectors), computed from a
// posting's term frequency so that the wire format carries only tf. Length
// normalisation is off (lunr's b = 0): documents of one type have similar
// lengths, and it spares the browser a table of every document's field
// lengths. test/unit/search-lunr-parity.test.ts checks these weights give
// lunr's own scores.

export const K1 = 1.2;
export const B = 0;

/** lunr.idf: `documentsWithTerm` counts a document once per field the term is in, as lunr does. */
export function inverseDocumentFrequency(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** The weight lunr stores in a field vector, rounded to three decimals as lunr does. */
export function termWeight(idf: number, tf: number, fieldBoost: number): number {
  let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B) + tf);
  score *= fieldBoost;
  return Math.round(score * 1000) / 1000;
}
