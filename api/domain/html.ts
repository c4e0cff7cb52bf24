import { escapeHtml } from './escape-html.ts';

// The one way the service writes HTML: a tagged template that escapes every
// value it is given, unless the value is itself the output of `html` (already
// safe). So user text — a description, a summary, a file name — can never
// become markup, and no page builds HTML by string concatenation.

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks a fragment produced elsewhere (already escaped) as safe. */
export function trusted(fragment: string): SafeHtml {
  return new SafeHtml(fragment);
}
