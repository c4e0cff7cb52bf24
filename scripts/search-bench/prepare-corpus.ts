import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCorpus } from '../generate-corpus.ts';
import { importLawFile } from '../../src/lib/laws/import-law.ts';

/** Where the full texts of the land and mining laws are, beside the project, when they are. */
export const SHARED_LAWS = resolve('..', 'shared', 'data', 'laws');

/**
 * A content directory with `count` generated decisions and, when the shared
 * data is present, the full texts of the laws in place of the demo excerpts.
 * Returns the number of law files imported.
 */
export function prepareCorpus(count: number, out: string): number {
  generateCorpus({ count, out });
  if (!existsSync(SHARED_LAWS)) return 0;
  const replaced = new Set<string>();
  let imported = 0;
  for (const file of readdirSync(SHARED_LAWS).filter((f) => f.endsWith('.md')).sort()) {
    const law = importLawFile(readFileSync(join(SHARED_LAWS, file), 'utf8'), file);
    if (law.problems.length > 0) continue;
    if (!replaced.has(law.id)) rmSync(join(out, 'basis', law.id), { recursive: true, force: true });
    replaced.add(law.id);
    const target = join(out, 'basis', law.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, law.content);
    imported++;
  }
  return imported;
}
