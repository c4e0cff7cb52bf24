import { categoriesFileSchema, type Category } from '../../schemas/category.ts';
import type { ProblemList } from './content-error.ts';
import { readValidated } from './read-validated.ts';

/** Reads content/categories.yaml. */
export function loadCategories(dir: string, problems: ProblemList): Category[] {
  const file = 'categories.yaml';
  const read = readValidated(dir, file, categoriesFileSchema, problems);
  if (!read) return [];
  const seen = new Set<string>();
  read.data.categories.forEach((c, i) => {
    if (seen.has(c.code)) problems.add(file, `categories.${i}.code`, `expected a unique code; ${c.code} appears twice`);
    seen.add(c.code);
  });
  return read.data.categories;
}
