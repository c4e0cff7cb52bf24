import type { FormField } from './report-form-model.ts';

/** The id of a field's input, so labels, hints, errors and summary links agree. */
export function fieldId(field: FormField): string {
  return `report-${field}`;
}

/** aria-describedby from the ids that apply, or undefined when none does. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}
