import { expect, test, type Page } from '@playwright/test';
import { brokenTokens, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

// The pages a journalist shares, with the tables and lists that a phone used to
// squeeze to one character a line: tokens stay whole at both widths, tables
// become stacked records on a phone and stay tables on a wide screen.
// [path, what to check]: the whole page, or a law's facts and versions table (its text is the law's own).
const PAGES = [
  ['/', 'main'],
  ['/decisions/', 'main'],
  ['/decisions/outside-band/', 'main'],
  ['/decisions/withdrawn/', 'main'],
  ['/baselines/', 'main'],
  ['/baselines/unlicensed-mining-2025/', 'main'],
  ['/basis/mineral-resources-law/', 'main table, main dl'],
] as const;

/** Cells whose content is wider than the cell (a word pushed out of its column), and tables that only fit by scrolling sideways. */
function overflowingCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main td, main tbody th, main .table-scroll')]
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => `${box.className || box.tagName}: ${(box.textContent ?? '').trim().slice(0, 30)}`),
  );
}

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const [path, scope] of PAGES) {
      test(`${path} keeps dates, amounts, 文号 and band names whole, inside their cells, without sideways scrolling`, async ({ page }) => {
        await page.goto(path);
        expect(await brokenTokens(page, scope)).toEqual([]);
        expect(await overflowingCells(page)).toEqual([]);
        await expectNoHorizontalScroll(page);
      });
    }
  });
}

test('on a phone each decision outside its band is a record of label and value, its verdict on screen', async ({ page }) => {
  await page.goto('/decisions/outside-band/');
  const table = page.getByRole('table', { name: '罚款偏离裁量阶次的处罚决定' });
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  const layout = await rows.first().evaluate((row) => {
    const cells = [...row.children].map((c) => c.getBoundingClientRect());
    return { tableWidth: row.getBoundingClientRect().width, widths: cells.map((c) => c.width), tops: cells.map((c) => c.top), right: Math.max(...cells.map((c) => c.right)) };
  });
  // Stacked: every cell takes the record's width, one under the other, and nothing reaches past the screen.
  expect(layout.widths.every((w) => w >= layout.tableWidth - 1)).toBe(true);
  expect([...layout.tops].sort((a, b) => a - b)).toEqual(layout.tops);
  expect(layout.right).toBeLessThanOrEqual(360);
  await expect(rows.first().getByText('核对结果')).toBeVisible();
  // The labels are for the eye: a screen reader hears the column header once, from the table.
  await expect(table.getByRole('columnheader', { name: '核对结果' })).toHaveCount(1);
  await expect(table.getByRole('cell', { name: /超出法定幅度|高于阶次幅度|低于阶次幅度|低于法定幅度|在阶次幅度内/ }).first()).toBeAttached();
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('the tables stay tables, one row a line, and have no axe violations', async ({ page }) => {
    for (const path of ['/decisions/outside-band/', '/baselines/illegal-occupation-2022/']) {
      await page.goto(path);
      const tops = await page.locator('main table tbody tr').first().evaluate((row) => [...row.children].map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${path}: cells of one row side by side`).toBe(1);
      await expect(page.locator('main .cell-label').first()).toBeHidden();
      await expectNoAxeViolations(page);
    }
  });
});
