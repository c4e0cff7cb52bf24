// Escaping for markup built as strings (set:html), the same as Astro's own:
// text escapes & < > ' ", attribute values & and " (astro/runtime/server:
// escapeHTML, toAttributeString), so a page is byte for byte the same whether
// a component or a string function wrote it.

const TEXT = /[&<>'"]/g;
const ATTRIBUTE = /[&"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text content. */
export function escapeText(value: string | number): string {
  return String(value).replace(TEXT, (c) => ENTITY[c] ?? c);
}

/** A double-quoted attribute value. */
export function escapeAttribute(value: string | number): string {
  return String(value).replace(ATTRIBUTE, (c) => ENTITY[c] ?? c);
}
