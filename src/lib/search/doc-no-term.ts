// A 文号 is found as one whole term, so 东湖自然资罚〔2025〕12号 finds that
// decision alone and not every decision that mentions 2025 and 12 somewhere.
// People type its brackets as 〔〕, [], 【】 or () — or leave them out — so the
// term is written with 〔〕 whatever was typed.

/** The one term of a 文号: its issuer prefix, year and serial number. */
export function docNoTerm(prefix: string, year: string, serial: string): string {
  return `${prefix}〔${year}〕${Number(serial)}号`;
}

// On folded text: NFKC has already turned （）［］｛｝ into ()[]{}.
const TYPED_DOC_NO = /(\p{Script=Han}[\p{Script=Han}a-z0-9]*?)\s*[〔[【(〖{<《]?\s*(\d{4})\s*[〕\]】)〗}>》]?\s*第?(\d{1,6})\s*号/gu;

export interface TypedDocNo {
  /** Where it is in the folded query. */
  start: number;
  end: number;
  /** Candidate terms, longest prefix first: the query may have words glued before the issuer (查东湖自然资罚…). */
  terms: string[];
  /** The serial number as typed. */
  serial: string;
}

/** The 文号s typed in a folded query, in whatever brackets. */
export function findTypedDocNos(folded: string): TypedDocNo[] {
  const found: TypedDocNo[] = [];
  for (const m of folded.matchAll(TYPED_DOC_NO)) {
    const prefix = [...(m[1] ?? '')];
    const terms: string[] = [];
    for (let from = 0; from <= prefix.length - 2 && terms.length < 10; from++) {
      terms.push(docNoTerm(prefix.slice(from).join(''), m[2] ?? '', m[3] ?? ''));
    }
    if (terms.length > 0) found.push({ start: m.index, end: m.index + m[0].length, terms, serial: m[3] ?? '' });
  }
  return found;
}
