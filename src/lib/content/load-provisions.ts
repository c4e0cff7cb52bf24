import { penaltyProvisionsFileSchema, type PenaltyProvision } from '../../schemas/penalty-provision.ts';
import { articleKey } from '../laws/parse-law-text.ts';
import { findLaw } from '../laws/resolve-citation.ts';
import { versionOn } from '../laws/select-version.ts';
import type { ProblemList } from './content-error.ts';
import type { Law } from './load-laws.ts';
import { readValidated } from './read-validated.ts';

const FILE = 'penalty-provisions.yaml';

/**
 * Reads content/penalty-provisions.yaml; each entry must name an article of a
 * version of a law in content/basis. `version` is a day that version was in
 * force (normally its first day); the loaded entry carries the first day of
 * the version it resolved to, so an imported text whose start date differs
 * (an importer guess awaiting confirmation) still lines up.
 */
export function loadProvisions(dir: string, problems: ProblemList, laws: readonly Law[]): PenaltyProvision[] {
  const read = readValidated(dir, FILE, penaltyProvisionsFileSchema, problems);
  if (!read) return [];
  const loaded: PenaltyProvision[] = [];
  const seen = new Set<string>();
  read.data.provisions.forEach((p, i) => {
    const field = `provisions.${i}`;
    const key = `${p.law}|${p.version}|${p.article}|${p.paragraph ?? ''}|${p.item ?? ''}`;
    if (seen.has(key)) problems.add(FILE, field, `expected one entry per article, paragraph and item; ${p.law} ${p.version} article ${p.article} appears twice`);
    seen.add(key);
    const law = findLaw(laws, p.law);
    const version = law ? versionOn(law.versions, p.version) : undefined;
    if (!law) problems.add(FILE, `${field}.law`, `expected a law id from content/basis; got "${p.law}"`);
    else if (!version) problems.add(FILE, `${field}.version`, `expected a date on which a version of ${p.law} was in force (versions start ${law.versions.map((v) => v.effectiveFrom).join(', ')}); got ${p.version}`);
    else if (!version.articleByKey.has(articleKey(p.article))) problems.add(FILE, `${field}.article`, `expected an article of ${version.file}; it has no article ${p.article}`);
    loaded.push(version ? { ...p, version: version.effectiveFrom } : p);
  });
  return loaded;
}
