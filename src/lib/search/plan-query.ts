import { foldText } from './fold-text.ts';
import { findTypedDocNos } from './doc-no-term.ts';
import { queryVariants } from './query-variants.ts';
import { articleNumbers, bigrams, junction, splitRuns } from './tokenize.ts';
import { toChineseNumber } from '../format.ts';
import { CHAR_FIELDS, KEY_FIELDS, TERM_FIELDS, type FieldName } from './search-fields.ts';

/** One lunr query clause: a term, REQUIRED, in these fields. */
export interface Clause {
  term: string;
  fields: readonly FieldName[];
}

/** One way of reading the query: every clause must match. */
export interface Alternative {
  clauses: Clause[];
  /**
   * Tiers are tried in order until one finds something, fetching only what
   * each needs: 0 the query as typed, 1 a typed 文号 with words glued before
   * its issuer, 2 a 文号 that is not in the index read as its issuer and year.
   */
  tier: 0 | 1 | 2;
}

export interface QueryPlan {
  /** The folded query. */
  folded: string;
  alternatives: Alternative[];
  /** What to highlight: Han bigrams, single Han characters, whole words and phrases (文号, article numbers in both forms). */
  marks: { pairs: string[]; chars: string[]; words: string[]; phrases: string[] };
}

/**
 * The bigrams a query requires of a Han run. Up to five characters, all of
 * them; a longer run (a company name, a phrase) is covered by every other
 * bigram and the last: each character is still required, adjacent pairs
 * mostly so, and the query fetches about half the shards.
 */
export function coveringBigrams(run: string): string[] {
  const all = bigrams(run);
  if (all.length < 7) return all;
  const picked = all.filter((_, i) => i % 2 === 0);
  if ((all.length - 1) % 2 !== 0) picked.push(all.at(-1) ?? '');
  return picked;
}

/**
 * The clauses of plain text, split as the index splits it: an article number
 * as its one term; Han bigrams, words and junctions in title and text; a lone
 * Han character in the character field, unless it touches a word (then the
 * junction says more).
 */
function plainClauses(query: string): Clause[] {
  const clauses: Clause[] = [];
  let folded = query;
  for (const a of articleNumbers(query)) {
    clauses.push({ term: a.term, fields: TERM_FIELDS });
    folded = folded.slice(0, a.start) + ' '.repeat(a.end - a.start) + folded.slice(a.end);
  }
  const runs = splitRuns(folded);
  runs.forEach((run, i) => {
    const before = runs[i - 1] && junction(runs[i - 1] as typeof run, run);
    const after = runs[i + 1] && junction(run, runs[i + 1] as typeof run);
    if (run.kind === 'word') clauses.push({ term: run.text, fields: TERM_FIELDS });
    else if ([...run.text].length > 1) for (const b of coveringBigrams(run.text)) clauses.push({ term: b, fields: TERM_FIELDS });
    else if (!before && !after) clauses.push({ term: run.text, fields: CHAR_FIELDS });
    if (after) clauses.push({ term: after, fields: TERM_FIELDS });
  });
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
      first.terms.forEach((term, i) => alternatives.push({ clauses: [{ term, fields: KEY_FIELDS }, ...rest], tier: i === 0 ? 0 : 1 }));
      // A 文号 that is not in the index (mistyped serial): its issuer and year.
      const serialAt = variant.lastIndexOf(String(first.serial), first.end);
      alternatives.push({ clauses: plainClauses(variant.slice(0, serialAt) + ' ' + variant.slice(first.end)), tier: 2 });
    } else {
      const clauses = plainClauses(variant);
      if (clauses.length > 0) alternatives.push({ clauses, tier: 0 });
    }
  }
  const pairs = new Set<string>();
  const chars = new Set<string>();
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const variant of queryVariants(folded)) {
    for (const run of splitRuns(variant)) {
      if (run.kind !== 'han' || run.text.length < 2) continue;
      phrases.add(run.text);
      for (const b of bigrams(run.text)) pairs.add(b);
    }
  }
  for (const a of alternatives) {
    for (const c of a.clauses) {
      const article = /^第(\d+)(.)$/.exec(c.term);
      if (c.fields === KEY_FIELDS) phrases.add(c.term);
      else if (article) {
        phrases.add(c.term);
        phrases.add(`第${toChineseNumber(Number(article[1]))}${article[2]}`);
      } else if (c.fields === CHAR_FIELDS) chars.add(c.term);
      else if (/^\p{Script=Han}{2}$/u.test(c.term)) pairs.add(c.term);
      else words.add(c.term);
    }
  }
  return { folded, alternatives, marks: { pairs: [...pairs], chars: [...chars], words: [...words], phrases: [...phrases] } };
}
