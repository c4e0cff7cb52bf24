import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file, beside Astro's server entry, that names the public origin a build was made for. */
export const BUILT_FOR_FILE = 'public-origin.txt';

/** The origin the build in `distDir` was made for, or undefined when it does not say. */
export function builtFor(distDir: string): string | undefined {
  const file = join(distDir, 'server', BUILT_FOR_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
