import { expect, test } from '@playwright/test';
import { expectAccessibleContentPage } from './helpers.ts';

test('a mistyped 文号 gets the Chinese 404 page in the site layout, with status 404 and ways on', async ({ page }) => {
  const response = await page.goto('/decisions/东湖自然资罚-2025-999/');
  expect(response?.status()).toBe(404);
  expect(response?.headers()['content-type']).toContain('text/html');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: '处罚决定列表' })).toHaveAttribute('href', '/decisions/');
  await expect(main.getByRole('link', { name: '首页' })).toHaveAttribute('href', '/');
  await expectAccessibleContentPage(page);
});

test('every other unknown site URL answers 404 with the same page', async ({ request }) => {
  for (const path of ['/no/such/page/', '/baselines/no-such-baseline/', '/report/no-such-file.json', '/_astro/no-such-script.js']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain('<h1>页面不存在</h1>');
  }
});
