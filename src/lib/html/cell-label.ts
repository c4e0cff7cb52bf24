/**
 * The column's name inside a cell, shown only when a table is stacked on a
 * phone (global.css, table.stack); screen readers hear the header itself.
 * `html` is markup already escaped. CellLabel.astro renders it; pages built
 * as strings call it directly.
 */
export function cellLabelHtml(html: string): string {
  return `<span class="cell-label" aria-hidden="true">${html}</span>`;
}
