import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueFormToken } from '../domain/form-token.ts';
import type { FieldError } from '../domain/report-input.ts';
import { sendHtml } from './answer.ts';
import { refillReportForm } from './refill-report-form.ts';

/** The empty token input the report form renders at build time (ReportForm.tsx; the empty value may be rendered as a bare attribute). */
const TOKEN_INPUT = /<input type="hidden" name="formToken" value(?:="")?\s*\/?>/;

/**
 * GET /report/: the prerendered form with a fresh form token written into its
 * hidden input, so a reporter without JavaScript can reload the answer page
 * and see their receipt again while nobody else can (see form-token.ts).
 * Not cached anywhere: each copy of the form carries its own token. The same
 * template comes back, filled in, when a no-script report is refused.
 */
export function createReportFormPage(options: { distDir: string; formKey: Buffer; now: () => Date }) {
  let template: string | undefined;
  const load = async () => {
    template ??= await readFile(join(options.distDir, 'client', 'report', 'index.html'), 'utf8').catch(() => undefined);
    return template && TOKEN_INPUT.test(template) ? template : undefined;
  };
  const token = () => issueFormToken(options.formKey, options.now());

  async function serve(res: ServerResponse, head: boolean): Promise<boolean> {
    const page = await load();
    if (!page) return false;
    const html = page.replace(TOKEN_INPUT, () => `<input type="hidden" name="formToken" value="${token()}"/>`);
    if (head) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end();
    } else sendHtml(res, 200, html);
    return true;
  }

  /** The form again with what was typed, the errors, and a fresh token; undefined without a build. */
  async function refill(fields: Readonly<Record<string, string>>, errors: readonly FieldError[], photosSent: number): Promise<string | undefined> {
    const page = await load();
    return page ? refillReportForm(page, fields, errors, token(), photosSent) : undefined;
  }

  return Object.assign(serve, { refill });
}
export type ReportFormPage = ReturnType<typeof createReportFormPage>;
