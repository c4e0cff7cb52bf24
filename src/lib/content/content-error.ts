import type { z } from 'zod';

/** One thing wrong in one content file. */
export interface ContentProblem {
  /** Path of the file relative to the content directory. */
  file: string;
  /** Dotted path of the field at fault ('' for the file as a whole). */
  field: string;
  /** What was expected there. */
  expected: string;
}

/**
 * Thrown when content fails its schema or a cross-file rule. It lists every
 * problem at once so an editor fixes them in one pass, and it stops the build:
 * a broken file never publishes half a page.
 */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(
      `Content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}: ${p.field || '(file)'}: ${p.expected}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Turns zod issues into problems of one file; `prefix` is prepended to each field path. */
export function problemsFromZod(file: string, error: z.ZodError, prefix = ''): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    expected: issue.message,
  }));
}

/** Collects problems while loading; `throwIfAny` ends the load. */
export class ProblemList {
  readonly items: ContentProblem[] = [];
  add(file: string, field: string, expected: string): void {
    this.items.push({ file, field, expected });
  }
  addAll(problems: readonly ContentProblem[]): void {
    this.items.push(...problems);
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new ContentError(this.items);
  }
}
