import { escapeText } from './escape.ts';

/**
 * A 文号 that may wrap before its 〔year〕 but never inside the office prefix
 * or the 〔2025〕12号 that follows it (东湖自然资罚〔2025〕12号), as HTML.
 * DocNo.astro renders it; pages built as strings call it directly.
 */
export function docNoHtml(docNo: string): string {
  const at = docNo.indexOf('〔');
  const prefix = at > 0 ? docNo.slice(0, at) : '';
  const number = at > 0 ? docNo.slice(at) : docNo;
  return `${prefix ? `<span class="keep-all">${escapeText(prefix)}</span>` : ''}<wbr><span class="nowrap">${escapeText(number)}</span>`;
}
