import type { z } from 'zod';
import { problemsFromZod, type ProblemList } from './content-error.ts';
import { readYaml, type ParseResult } from './read-files.ts';

/**
 * Reads one content file and validates it with its schema. Every problem goes
 * to the list (file, field, expectation) and the result is undefined, so a
 * loader moves on to the next file and the build reports them all at once.
 */
export function readValidated<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: ProblemList,
  read: (dir: string, file: string) => ParseResult = readYaml,
): { data: z.output<S>; body: string } | undefined {
  const raw = read(dir, file);
  if (!raw.ok) {
    problems.add(file, '', raw.expected);
    return undefined;
  }
  const parsed = schema.safeParse(raw.data);
  if (!parsed.success) {
    problems.addAll(problemsFromZod(file, parsed.error));
    return undefined;
  }
  return { data: parsed.data, body: raw.body };
}
