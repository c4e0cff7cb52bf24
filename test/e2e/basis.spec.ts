import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { decisionPath } from '../../src/lib/decision-slug.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';
import { expectAccessibleContentPage } from './helpers.ts';

const content = loadContent();
const today = todayInChina();
const listed = content.decisions.filter((d) => visibilityOf(d, today) === 'listed');
// A mining decision from before the 2025 law: it must link to the 2009 text.
const oldMining = listed.find((d) => d.violationDate < '2025-07-01' && d.basis.some((b) => b.law === 'mineral-resources-law' && b.article === 39));
const newMining = listed.find((d) => d.violationDate >= '2025-07-01' && d.basis.some((b) => b.law === 'mineral-resources-law' && b.article === 64));

test.describe('basis pages at 360 px', () => {
  for (const path of [
    '/basis/',
    '/basis/land-administration-law/',
    '/basis/mineral-resources-law/2009-08-27/',
    '/basis/land-administration-law/2020-01-01/article-77/',
    '/basis/administrative-penalty-law/2021-07-15/article-48/',
  ]) {
    test(`${path} has no axe violations, no scripts and no sideways scrolling`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectAccessibleContentPage(page);
    });
  }
});

test('the basis index groups laws by level and says which version is in force', async ({ page }) => {
  await page.goto('/basis/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['法律', '行政法规', '部门规章']);
  const mining = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '中华人民共和国矿产资源法', exact: true }) });
  await expect(mining).toContainText('2025年7月1日起施行');
  await expect(mining).toContainText('共 2 个版本');
  await expect(page.getByRole('note').filter({ hasText: '示例摘录，非法律原文，以官方公布文本为准' })).toBeVisible();
});

test('a law page shows the demo notice, a table of contents and an anchor for every article', async ({ page }) => {
  await page.goto('/basis/land-administration-law/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('中华人民共和国土地管理法');
  await expect(page.getByRole('note').filter({ hasText: '示例摘录，非法律原文，以官方公布文本为准' })).toBeVisible();
  const toc = page.getByRole('navigation', { name: '目录' });
  await expect(toc.getByRole('link')).toHaveText(['第五章 建设用地', '第六章 监督检查', '第七章 法律责任']);
  for (const n of [57, 74, 75, 76, 77, 81]) await expect(page.locator(`#article-${n}`)).toHaveCount(1);
  await page.locator('#article-77').getByRole('link', { name: '第七十七条' }).click();
  await expect(page).toHaveURL(/\/basis\/land-administration-law\/2020-01-01\/article-77\/$/);
  await expect(page.getByText('超出批准数量多占的土地')).toBeVisible();
  await expect(page.getByText('第二款')).toBeVisible();
});

test('each version has its own page with its period, and an ended version points to the one in force', async ({ page }) => {
  await page.goto('/basis/mineral-resources-law/');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('2025年7月1日起');
  await expect(rows.nth(2)).toContainText('2009年8月27日至2025年6月30日');
  await expect(page.getByRole('heading', { name: '某一日期适用哪个版本' })).toBeVisible();
  await rows.nth(2).getByRole('link').click();
  await expect(page).toHaveURL(/\/basis\/mineral-resources-law\/2009-08-27\/$/);
  await expect(page.getByRole('status')).toContainText('本版本已失效');
  await expect(page.locator('#article-39')).toBeVisible();
  await expect(page.locator('#article-64')).toHaveCount(0);
});

test('an article page lists the decisions citing that version of the article, and only those', async ({ page }) => {
  test.skip(!oldMining || !newMining, 'the demo decisions include no mining decisions on both sides of 2025-07-01');
  await page.goto('/basis/mineral-resources-law/2009-08-27/article-39/');
  await expect(page.getByRole('link', { name: oldMining!.docNo })).toBeVisible();
  await expect(page.getByRole('link', { name: newMining!.docNo })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '细化本条的裁量基准' })).toBeVisible();
});

test('a decision links each cited article to the version in force on the violation date', async ({ page }) => {
  test.skip(!oldMining || !newMining, 'the demo decisions include no mining decisions on both sides of 2025-07-01');
  await page.goto(decisionPath(oldMining!.docNo));
  await expect(page.getByRole('link', { name: '《矿产资源法》第三十九条' }).first()).toHaveAttribute('href', '/basis/mineral-resources-law/2009-08-27/article-39/');
  await page.goto(decisionPath(newMining!.docNo));
  const link = page.getByRole('link', { name: /^《矿产资源法》第六十四条/ }).first();
  await expect(link).toHaveAttribute('href', /^\/basis\/mineral-resources-law\/2025-07-01\/article-64\//);
  await link.click();
  await expect(page.getByRole('link', { name: newMining!.docNo })).toBeVisible();
});
