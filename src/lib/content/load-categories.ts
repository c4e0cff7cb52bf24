import { categoriesFileSchema, type Category } from '../../schemas/category.ts';
import { problemsFromZod, type ProblemList } from './content-error.ts';
import { readYaml } from './read-files.ts';

/** Reads content/categories.yaml. */
export function loadCategories(dir: string, problems: ProblemList): Category[] {
  const file = 'categories.yaml';
  const read = readYaml(dir, file);
  if (!read.ok) {
    problems.add(file, '', read.expected);
    return [];
  }
  const parsed = categoriesFileSchema.safeParse(read.data);
  if (!parsed.success) {
    problems.addAll(problemsFromZod(file, parsed.error));
    return [];
  }
  const seen = new Set<string>();
  parsed.data.categories.forEach((c, i) => {
    if (seen.has(c.code)) problems.add(file, `categories.${i}.code`, `expected a unique code; ${c.code} appears twice`);
    seen.add(c.code);
  });
  return parsed.data.categories;
}
