import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueFormToken } from '../domain/form-token.ts';
import { sendHtml } from './answer.ts';

/** The empty token input the report form renders at build time (ReportForm.tsx; the empty value may be rendered as a bare attribute). */
const TOKEN_INPUT = /<input type="hidden" name="formToken" value(?:="")?\s*\/?>/;

/**
 * GET /report/: the prerendered form with a fresh form token written into its
 * hidden input, so a reporter without JavaScript can reload the answer page
 * and see their receipt again while nobody else can (see form-token.ts).
 * Not cached anywhere: each copy of the form carries its own token.
 */
export function createReportFormPage(options: { distDir: string; formKey: Buffer; now: () => Date }) {
  let template: string | undefined;
  return async function serve(res: ServerResponse, head: boolean): Promise<boolean> {
    template ??= await readFile(join(options.distDir, 'client', 'report', 'index.html'), 'utf8').catch(() => undefined);
    const page = template;
    if (!page || !TOKEN_INPUT.test(page)) return false;
    const token = issueFormToken(options.formKey, options.now());
    const html = page.replace(TOKEN_INPUT, () => `<input type="hidden" name="formToken" value="${token}"/>`);
    if (head) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end();
    } else sendHtml(res, 200, html);
    return true;
  };
}
