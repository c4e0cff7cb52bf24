import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../domain/escape-html.ts';
import { RECEIPT_PLACEHOLDERS, type ReceiptDisplay } from '../domain/receipt.ts';

/** Where a result page's fragment goes in a template the site prerenders. */
export interface ResultTemplate {
  /** Path of the prerendered page under the build's client folder. */
  file: string;
  marker: string;
}

export const REPORT_RESULT: ResultTemplate = { file: 'report/received/index.html', marker: '<!--report-result-->' };
export const TRACK_RESULT: ResultTemplate = { file: 'track/result/index.html', marker: '<!--track-result-->' };

/**
 * The fragment inside the site's own page (header, footer, styles), read from
 * the build; without a build, a plain page so the answer still reaches the
 * reporter. The fragment must already be escaped.
 */
export async function renderResultPage(distDir: string, template: ResultTemplate, title: string, fragment: string): Promise<string> {
  const page = await readFile(join(distDir, 'client', template.file), 'utf8').catch(() => undefined);
  if (page?.includes(template.marker)) return page.replace(template.marker, () => fragment);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main>${fragment}</main></body>
</html>
`;
}

const RECEIPT_TEMPLATE = /<template id="receipt-template">([\s\S]*?)<\/template>/;

/**
 * The page a no-script report gets: the form's own receipt component,
 * prerendered with placeholders, filled with this receipt's values — escaped
 * for HTML in the text, and for JSON inside HTML in the island's props (so it
 * hydrates with the same values and adds its copy and print buttons).
 * Undefined without a build.
 */
export async function renderReceiptPage(distDir: string, display: ReceiptDisplay): Promise<string | undefined> {
  const page = await readFile(join(distDir, 'client', REPORT_RESULT.file), 'utf8').catch(() => undefined);
  const template = page && RECEIPT_TEMPLATE.exec(page)?.[1];
  if (!page || !template || !page.includes(REPORT_RESULT.marker)) return undefined;
  let filled = template.replace(/\sprops="([^"]*)"/g, (_all, props: string) => {
    let out = props;
    for (const [key, token] of Object.entries(RECEIPT_PLACEHOLDERS)) out = out.split(token).join(escapeHtml(JSON.stringify(display[key as keyof ReceiptDisplay]).slice(1, -1)));
    return ` props="${out}"`;
  });
  for (const [key, token] of Object.entries(RECEIPT_PLACEHOLDERS)) filled = filled.split(token).join(escapeHtml(display[key as keyof ReceiptDisplay]));
  return page.replace(RECEIPT_TEMPLATE, '').replace(REPORT_RESULT.marker, () => `<section aria-label="举报回执">${filled}</section>`);
}
