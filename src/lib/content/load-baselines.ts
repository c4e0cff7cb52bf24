import { baselineSchema, type Baseline } from '../../schemas/baseline.ts';
import type { ArticleRef } from '../../schemas/common.ts';
import type { Category } from '../../schemas/category.ts';
import { checkBaseline } from '../baselines/check-baseline.ts';
import type { ProblemList } from './content-error.ts';
import { listFiles } from './read-files.ts';
import { readValidated } from './read-validated.ts';

/** A validated baseline version with the file it came from. */
export interface LoadedBaseline extends Baseline {
  /** Path of its file under content/. */
  file: string;
}

export interface BaselineRefs {
  categories: readonly Category[];
  /** Whether an article exists in the enforcement basis; absent until the basis is loaded. */
  articleExists?: ((ref: ArticleRef) => boolean) | undefined;
}

function overlap(a: Baseline, b: Baseline): boolean {
  const aEnd = a.effectiveTo ?? '9999-12-31';
  const bEnd = b.effectiveTo ?? '9999-12-31';
  return a.effectiveFrom <= bEnd && b.effectiveFrom <= aEnd;
}

/** Reads content/baselines/*.yaml: schema, band ranges, gaps and overlaps, categories, articles, versions. */
export function loadBaselines(dir: string, problems: ProblemList, refs: BaselineRefs): LoadedBaseline[] {
  const categoryCodes = new Set(refs.categories.map((c) => c.code));
  const baselines: LoadedBaseline[] = [];
  for (const file of listFiles(dir, 'baselines', ['.yaml', '.yml'])) {
    const read = readValidated(dir, file, baselineSchema, problems);
    if (!read) continue;
    const baseline = read.data;
    for (const p of checkBaseline(baseline)) problems.add(file, p.field, p.expected);
    if (!categoryCodes.has(baseline.category)) {
      problems.add(file, 'category', `expected a category code from categories.yaml (${[...categoryCodes].join(', ')}); got "${baseline.category}"`);
    }
    baseline.refines.forEach((ref, i) => {
      if (refs.articleExists && !refs.articleExists(ref)) {
        problems.add(file, `refines.${i}`, `expected an article that exists in content/basis; ${ref.law} has no article ${ref.article}`);
      }
    });
    const same = baselines.find((b) => b.id === baseline.id);
    if (same) problems.add(file, 'id', `expected a unique baseline id; ${baseline.id} is already used by ${same.file}`);
    const clash = baselines.find((b) => b.category === baseline.category && overlap(b, baseline));
    if (clash) {
      problems.add(file, 'effectiveFrom', `expected versions of one violation type not to be in force on the same day; ${clash.file} overlaps`);
    }
    baselines.push({ ...baseline, file });
  }
  return baselines;
}
