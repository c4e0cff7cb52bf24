import { siteSchema, type Site } from '../../schemas/site.ts';
import { problemsFromZod, type ProblemList } from './content-error.ts';
import { readYaml } from './read-files.ts';

/** Reads content/site.yaml. */
export function loadSite(dir: string, problems: ProblemList): Site | undefined {
  const file = 'site.yaml';
  const read = readYaml(dir, file);
  if (!read.ok) {
    problems.add(file, '', read.expected);
    return undefined;
  }
  const parsed = siteSchema.safeParse(read.data);
  if (!parsed.success) {
    problems.addAll(problemsFromZod(file, parsed.error));
    return undefined;
  }
  return parsed.data;
}
