import { foldText } from './fold-text.ts';
import { findTypedDocNos } from './doc-no-term.ts';
import { queryVariants } from './query-variants.ts';
import { bigrams, splitRuns } from './tokenize.ts';
import { CHAR_FIELDS, KEY_FIELDS, TERM_FIELDS, type FieldName } from './search-fields.ts';

/** One lunr query clause: a term, REQUIRED, in these fields. */
export interface Clause {
  term: string;
  fields: readonly FieldName[];
}

/** One way of reading the query: every clause must match. */
export interface Alternative {
  clauses: Clause[];
  /** Used only when no other alternative finds anything (a typed 文号 that is not in the index, read as plain words). */
  fallback: boolean;
}

export interface QueryPlan {
  /** The folded query. */
  folded: string;
  alternatives: Alternative[];
  /** What to highlight: Han bigrams, single Han characters and whole words of every alternative. */
  marks: { pairs: string[]; chars: string[]; words: string[] };
}

/** The clauses of plain text: a Han bigram or a word in title and text; a lone Han character in the character field. */
function plainClauses(folded: string): Clause[] {
  const clauses: Clause[] = [];
  for (const run of splitRuns(folded)) {
    if (run.kind === 'word') clauses.push({ term: run.text, fields: TERM_FIELDS });
    else if ([...run.text].length === 1) clauses.push({ term: run.text, fields: CHAR_FIELDS });
    else for (const b of bigrams(run.text)) clauses.push({ term: b, fields: TERM_FIELDS });
  }
  return dedupe(clauses);
}

function dedupe(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = `${c.term}/${c.fields.join()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Turns what a reader typed into lunr clauses. `idx.search()` would not
 * split Chinese, so the clauses are built here with the same tokenizer as
 * the index and run through `idx.query()`.
 */
export function planQuery(query: string): QueryPlan {
  const folded = foldText(query).trim();
  const alternatives: Alternative[] = [];
  for (const variant of queryVariants(folded)) {
    const typed = findTypedDocNos(variant);
    const first = typed[0];
    if (first) {
      const rest = plainClauses(variant.slice(0, first.start) + ' ' + variant.slice(first.end));
      for (const term of first.terms) alternatives.push({ clauses: [{ term, fields: KEY_FIELDS }, ...rest], fallback: false });
      alternatives.push({ clauses: plainClauses(variant), fallback: true });
    } else {
      const clauses = plainClauses(variant);
      if (clauses.length > 0) alternatives.push({ clauses, fallback: false });
    }
  }
  const pairs = new Set<string>();
  const chars = new Set<string>();
  const words = new Set<string>();
  for (const a of alternatives) {
    for (const c of a.clauses) {
      if (c.fields === KEY_FIELDS) continue;
      if (c.fields === CHAR_FIELDS) chars.add(c.term);
      else if (/^\p{Script=Han}{2}$/u.test(c.term)) pairs.add(c.term);
      else words.add(c.term);
    }
  }
  return { folded, alternatives, marks: { pairs: [...pairs], chars: [...chars], words: [...words] } };
}
