import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../domain/escape-html.ts';
import type { SafeHtml } from '../domain/html.ts';

const SHELL = 'service/page/index.html';
const MAIN_MARKER = '<!--service-main-->';
const TITLE_PLACEHOLDER = '服务页面';

/**
 * A whole page: the site's shell from the build (header, footer, styles) with
 * the title and main content put in; without a build, a plain page.
 */
export function createPageRenderer(distDir: string) {
  let shell: string | undefined;
  return async function page(title: string, main: SafeHtml): Promise<string> {
    shell ??= await readFile(join(distDir, 'client', SHELL), 'utf8').catch(() => undefined);
    if (shell?.includes(MAIN_MARKER)) {
      return shell.replace(`<title>${TITLE_PLACEHOLDER}`, () => `<title>${escapeHtml(title)}`).replace(MAIN_MARKER, () => main.value);
    }
    return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body><main id="main">${main.value}</main></body>
</html>
`;
  };
}
export type PageRenderer = ReturnType<typeof createPageRenderer>;
