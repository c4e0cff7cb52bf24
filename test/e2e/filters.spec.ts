import { expect, test } from '@playwright/test';
import { expectAccessibleContentPage } from './helpers.ts';

test('on a phone the current county is named in the open group and marked in the list; the other groups stay collapsed', async ({ page }) => {
  await page.goto('/decisions/county/990103/');
  const filters = page.getByRole('navigation', { name: '筛选处罚决定' });
  await expect(filters.getByText('当前筛选：按区县 · 西岭区')).toBeVisible();
  const county = filters.locator('details', { has: page.locator('summary', { hasText: '按区县：西岭区' }) });
  await expect(county).toHaveAttribute('open', '');
  const current = county.locator('[aria-current="page"]');
  await expect(current).toBeVisible();
  await expect(current).toContainText('西岭区');
  await expect(current).toContainText('当前');
  await expect(current.locator('a')).toHaveCount(0);
  await expect(filters.locator('details:not([open])')).toHaveCount(2);
  await expectAccessibleContentPage(page);
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('every filter is open, no click needed, and the current year is named', async ({ page }) => {
    await page.goto('/decisions/year/2025/');
    const filters = page.getByRole('navigation', { name: '筛选处罚决定' });
    await expect(filters.locator('summary')).toHaveCount(3);
    for (const summary of await filters.locator('summary').all()) await expect(summary).toBeHidden();
    await expect(filters.getByRole('link', { name: /^西岭区（\d+）$/ })).toBeVisible();
    await expect(filters.getByRole('link', { name: /^非法占用土地（\d+）$/ })).toBeVisible();
    await expect(filters.locator('.filter-title', { hasText: '按决定年份：2025年' })).toBeVisible();
    await expect(filters.locator('[aria-current="page"]:visible')).toContainText('2025年');
    await expectAccessibleContentPage(page);
  });
});
