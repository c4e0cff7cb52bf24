import { procedureSchema, type Procedure } from '../../schemas/procedure.ts';
import type { ArticleRef } from '../../schemas/common.ts';
import type { ProblemList } from './content-error.ts';
import { listFiles } from './read-files.ts';
import { readValidated } from './read-validated.ts';

/** A validated procedure with the file it came from. */
export interface LoadedProcedure extends Procedure {
  /** Path of its file under content/. */
  file: string;
}

export interface ProcedureRefs {
  /** Whether an article exists in the enforcement basis; absent until the basis is loaded. */
  articleExists?: ((ref: ArticleRef) => boolean) | undefined;
}

// A "within" or "after" limit counts forward from an earlier step and a "before" limit
// back from a later one, so the deadlines can be computed in one pass in order.
function checkReferences(procedure: Procedure, file: string, problems: ProblemList): void {
  const ids = procedure.steps.map((s) => s.id);
  const seen = new Set<string>();
  procedure.steps.forEach((step, i) => {
    if (seen.has(step.id)) problems.add(file, `steps.${i}.id`, `expected a unique step id; ${step.id} appears twice`);
    seen.add(step.id);
    const limit = step.limit;
    if (!limit) return;
    const at = ids.indexOf(limit.from);
    if (at < 0) {
      problems.add(file, `steps.${i}.limit.from`, `expected the id of a step of this procedure (${ids.join(', ')}); got "${limit.from}"`);
    } else if (limit.direction !== 'before' && at >= i) {
      problems.add(file, `steps.${i}.limit.from`, `expected an earlier step to count a "${limit.direction}" limit from; ${limit.from} does not come before ${step.id}`);
    } else if (limit.direction === 'before' && at <= i) {
      problems.add(file, `steps.${i}.limit.from`, `expected a later step to count a "before" limit back from; ${limit.from} does not come after ${step.id}`);
    }
  });
  procedure.remedies.forEach((remedy, i) => {
    if (seen.has(remedy.id)) problems.add(file, `remedies.${i}.id`, `expected an id not used by a step; ${remedy.id} is taken`);
    if (!ids.includes(remedy.limit.from)) {
      problems.add(file, `remedies.${i}.limit.from`, `expected the id of a step of this procedure (${ids.join(', ')}); got "${remedy.limit.from}"`);
    }
    if (remedy.limit.direction !== 'within') problems.add(file, `remedies.${i}.limit.direction`, 'expected "within": a remedy is open for a period after a step');
  });
}

/** Reads content/procedures/*.yaml. */
export function loadProcedures(dir: string, problems: ProblemList, refs: ProcedureRefs = {}): LoadedProcedure[] {
  const procedures: LoadedProcedure[] = [];
  for (const file of listFiles(dir, 'procedures', ['.yaml', '.yml'])) {
    const read = readValidated(dir, file, procedureSchema, problems);
    if (!read) continue;
    const procedure = read.data;
    checkReferences(procedure, file, problems);
    const cited = [
      ...procedure.steps.flatMap((s, i) => s.basis.map((ref, j) => [`steps.${i}.basis.${j}`, ref] as const)),
      ...procedure.remedies.flatMap((r, i) => r.basis.map((ref, j) => [`remedies.${i}.basis.${j}`, ref] as const)),
    ];
    for (const [field, ref] of cited) {
      if (refs.articleExists && !refs.articleExists(ref)) problems.add(file, field, `expected an article that exists in content/basis; ${ref.law} has no article ${ref.article}`);
    }
    const same = procedures.find((p) => p.id === procedure.id);
    if (same) problems.add(file, 'id', `expected a unique procedure id; ${procedure.id} is already used by ${same.file}`);
    procedures.push({ ...procedure, file });
  }
  return procedures.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
