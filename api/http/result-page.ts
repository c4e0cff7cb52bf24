import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../domain/escape-html.ts';

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
