import type { DocType } from './search-fields.ts';

/** One searchable page, as the adapter (search-documents.ts) makes it from the content. */
export interface SearchDocument {
  type: DocType;
  /** The page's URL. */
  url: string;
  /** Title field: what a result is called. */
  title: string;
  /** Shown under the title (not searched): version, date, county… */
  subtitle: string;
  /** Text field: everything else the page says that search should find. */
  text: string;
  /** Whole identifiers (文号) as docNoTerm writes them. */
  keys: string[];
  /** The date a result is sorted by (decision date, first day in force). */
  date?: string;
  /** Facets of a decision. */
  decision?: {
    county: string;
    category: string;
    partyKind: string;
    /** Total fine in 元. */
    fine: number;
  };
}

/**
 * Everything the index is built from. A document's number is its position
 * in `slots`; a hole (undefined) keeps the number of a decision that is no
 * longer listed, so the numbers of the others — and the index files that
 * hold them — stay the same from one build to the next.
 */
export interface SearchCorpus {
  slots: (SearchDocument | undefined)[];
  counties: [code: string, name: string][];
  categories: [code: string, name: string][];
}
