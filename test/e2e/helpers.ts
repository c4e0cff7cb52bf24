import { expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** Runs axe with the WCAG 2.1 A and AA rules and fails listing every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The page is usable at its width: nothing wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** A content page ships no JavaScript: no script elements that load or run code. */
export async function expectNoScripts(page: Page): Promise<void> {
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/ld+json').map((s) => s.src || s.textContent?.slice(0, 60)),
  );
  expect(scripts, `scripts on ${page.url()}`).toEqual([]);
}

/** A content page as every reader gets it: accessible, without JavaScript, and no wider than the screen. */
export async function expectAccessibleContentPage(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoScripts(page);
  await expectNoHorizontalScroll(page);
}

/**
 * Dates, amounts, 文号 numbers, "罚款 N万元" and band names
 * inside `scope` that a line break splits, or that stick out of the box they
 * are in: found from the rendered lines (Range rects), whatever the markup.
 */
export async function brokenTokens(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const patterns = [
      /\d{4}年\d{1,2}月\d{1,2}日/g,
      /\d{4}-\d{2}-\d{2}/g,
      /〔\d{4}〕\d+号/g,
      /\d[\d,.]*(?:–\d[\d,.]*)?\s?(?:万元|元)/g,
      /罚款\s*[\d,.]+万元/g,
      /决定日期\s*\d{4}-\d{2}-\d{2}/g,
      /轻微|一般|较重|严重|从轻|从重/g,
    ];
    const problems: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest('.visually-hidden, thead, noscript')) continue;
        nodes.push({ node: n, start: text.length });
        text += n.data;
      }
      const at = (offset: number, end: boolean) => {
        const hit = nodes.findLast((n) => (end ? n.start < offset : n.start <= offset)) ?? nodes[0]!;
        return { node: hit.node, offset: offset - hit.start };
      };
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const range = document.createRange();
          const start = at(match.index, false);
          const end = at(match.index + match[0].length, true);
          range.setStart(start.node, start.offset);
          range.setEnd(end.node, end.offset);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0.5);
          const first = rects[0];
          if (!first) continue;
          if (!rects.every((r) => r.top < first.bottom - 2 && r.bottom > first.top + 2)) problems.push(`split over lines: ${match[0]}`);
          const box = start.node.parentElement?.closest('td, th, li, p, dd, h2, h3, div')?.getBoundingClientRect();
          if (box && rects.some((r) => r.right > box.right + 1 || r.left < box.left - 1)) problems.push(`sticks out of its box: ${match[0]}`);
        }
      }
    }
    return problems;
  }, scope);
}
