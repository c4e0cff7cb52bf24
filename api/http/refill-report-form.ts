import { escapeHtml } from '../domain/escape-html.ts';
import type { FieldError } from '../domain/report-input.ts';

// A report refused without JavaScript comes back as the form itself, as
// GOV.UK does: the values the reporter typed put back (photos excepted — no
// browser lets a page choose files for its user — and said plainly), an error
// summary at the top whose links lead to each field, and each field's message
// beside it. The prerendered form is filled by its inputs' names, so the form's
// layout may change freely.

const CHECKED_VALUES = new Set(['yes', 'on', 'true']);
/** Fields never put back: the honeypot, and the token (a fresh one is written). */
const NOT_REFILLED = new Set(['website', 'formToken', 'idempotencyKey']);

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>])`).exec(tag);
  return match ? (match[1] ?? '') : undefined;
}

function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}(?:="[^"]*")?(?=[\\s/>])`, 'g'), '');
}

function withAttribute(tag: string, name: string, value?: string): string {
  const bare = withoutAttribute(tag, name);
  const end = bare.endsWith('/>') ? bare.length - 2 : bare.length - 1;
  return `${bare.slice(0, end)} ${name}${value === undefined ? '' : `="${escapeHtml(value)}"`}${bare.slice(end)}`;
}

/** The id a field's error links to: the field's input (a radio group: its first radio). */
function targetId(page: string, field: string): string {
  if (field === 'category') return /<input[^>]*\sid="(report-category-[^"]+)"/.exec(page)?.[1] ?? 'report-category';
  return `report-${field || 'description'}`;
}

export function refillReportForm(page: string, fields: Readonly<Record<string, string>>, errors: readonly FieldError[], token: string, photosSent: number): string {
  let out = page.replace(/<input\b[^>]*>/g, (tag) => {
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    if (name === 'formToken') return withAttribute(tag, 'value', token);
    if (!name || NOT_REFILLED.has(name) || type === 'file' || type === 'hidden' || type === 'submit') return tag;
    if (type === 'radio') return fields[name] === attribute(tag, 'value') ? withAttribute(tag, 'checked') : withoutAttribute(tag, 'checked');
    if (type === 'checkbox') return CHECKED_VALUES.has(fields[name] ?? '') ? withAttribute(tag, 'checked') : withoutAttribute(tag, 'checked');
    return fields[name] === undefined ? tag : withAttribute(tag, 'value', fields[name]);
  });
  out = out.replace(/(<textarea\b[^>]*\sname="([^"]+)"[^>]*>)[\s\S]*?(<\/textarea>)/g, (_all, open: string, name: string, close: string) => `${open}${escapeHtml(fields[name] ?? '')}${close}`);

  // Each field's message, tied to its input, just before it.
  const byTarget = new Map<string, string[]>();
  for (const error of errors) {
    const id = targetId(out, error.field);
    byTarget.set(id, [...(byTarget.get(id) ?? []), error.message]);
  }
  for (const [id, messages] of byTarget) {
    const at = out.search(new RegExp(`<(input|textarea|select)\\b[^>]*\\sid="${id}"`));
    if (at < 0) continue;
    const tagEnd = out.indexOf('>', at);
    const tag = out.slice(at, tagEnd + 1);
    const described = [attribute(tag, 'aria-describedby'), `${id}-server-error`].filter(Boolean).join(' ');
    const marked = withAttribute(withAttribute(tag, 'aria-invalid', 'true'), 'aria-describedby', described);
    out = `${out.slice(0, at)}<p class="form-error" id="${id}-server-error">${messages.map(escapeHtml).join('；')}</p>${marked}${out.slice(tagEnd + 1)}`;
  }

  const photosNote =
    photosSent > 0
      ? `<p>您选择的 ${photosSent} 张照片没有保存，请重新选择照片（浏览器不允许网页替您选择文件）。</p>`
      : '';
  const summary = `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="report-server-errors-title">
<h2 id="report-server-errors-title">举报未能提交，请修改以下 ${errors.length} 处</h2>
<ul>${errors.map((e) => `<li><a href="#${targetId(out, e.field)}">${escapeHtml(e.message)}</a></li>`).join('')}</ul>
${photosNote}<p>您填写的内容已保留在下面的表单中。</p>
</div>`;
  out = out.replace(/(<form\b[^>]*class="report-form"[^>]*>)/, (open) => `${open}${summary}`);
  // The filled-in form stays a plain form: a script that hydrated the island over it would
  // render its own empty state over what the reporter typed, and could not match the added messages.
  return out.replace(/<astro-island\b[^>]*>/g, '<div class="report-island">').replace(/<\/astro-island>/g, '</div>');
}
