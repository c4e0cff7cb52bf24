import { siteSchema, type Site } from '../../schemas/site.ts';
import type { ProblemList } from './content-error.ts';
import { readValidated } from './read-validated.ts';

/** Reads content/site.yaml. */
export function loadSite(dir: string, problems: ProblemList): Site | undefined {
  const file = 'site.yaml';
  const read = readValidated(dir, file, siteSchema, problems);
  if (!read) return undefined;
  return read.data;
}
