// A decision page puts its findings at the top — the proportionality verdict,
// a late publication — keeps its labels whole, and keeps the 双公示 codes
// available but out of the reader's way.
import { expect, test } from '@playwright/test';
import { expectAccessibleContentPage } from './helpers.ts';

async function outsideBandDecision(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/decisions/outside-band/');
  const href = await page.locator('main a[href^="/decisions/"]').filter({ hasText: '〔' }).first().getAttribute('href');
  if (!href) throw new Error('the demo lacks a decision outside its band');
  return href;
}

for (const width of [360, 1280]) {
  test(`at ${width} px the verdict and the publication come before the facts, labels are whole, CF codes quiet`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(await outsideBandDecision(page));
    const summary = page.locator('.decision-summary');
    await expect(summary).toContainText('过罚相当核对');
    await expect(summary.locator('.tag').first()).toHaveText(/低于|高于|超出/);
    await expect(summary).toContainText('公示');
    const order = await page.evaluate(() => {
      const s = document.querySelector('.decision-summary');
      const facts = [...document.querySelectorAll('h2')].find((h) => h.textContent === '违法事实');
      return s && facts ? Boolean(s.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
    });
    expect(order, 'the summary comes before 违法事实').toBe(true);
    // The verdict links down to the check that explains it.
    await summary.getByRole('link').first().click();
    await expect(page).toHaveURL(/#proportionality-title$/);
    // CF codes: in the page, not in the reader's way.
    await expect(page.locator('.cf-codes code').first()).toBeHidden();
    await expect(page.locator('.cf-codes code')).toHaveCount(15);
    await expect(page.locator('.fields dt .code')).toHaveCount(0);
    if (width === 1280) {
      // No label wraps inside a word: each stays on one line.
      const wrapped = await page.evaluate(() =>
        [...document.querySelectorAll('.fields dt')]
          .filter((dt) => {
            const range = document.createRange();
            range.selectNodeContents(dt);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
          })
          .map((dt) => dt.textContent),
      );
      expect(wrapped).toEqual([]);
    }
    await expectAccessibleContentPage(page);
  });
}
