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
