import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { decisionPath } from '../../src/lib/decision-slug.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { expectAccessibleContentPage, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

const content = loadContent();
const today = todayInChina();
const listed = content.decisions.filter((d) => d.status !== 'withdrawn' && d.displayUntil >= today);
const donghu = listed.filter((d) => d.county === '990102' && d.category === 'illegal-occupation');
const company = listed.find((d) => d.party.kind === 'legal-person');

const status = (page: Page) => page.getByRole('status');
const results = (page: Page) => page.locator('.search-results > li');

test('the header search box is a plain form on content pages and leads to the results', async ({ page }) => {
  await page.goto('/decisions/');
  await expectAccessibleContentPage(page);
  const box = page.getByRole('search', { name: '全站搜索' });
  await box.getByRole('searchbox', { name: '搜索全站' }).fill('非法占地');
  await box.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(status(page)).toContainText(/找到 \d+ 条结果/);
  await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toHaveValue('非法占地');
});

test('a journalist types a county and a violation and gets its decisions, with facets, in a shareable URL', async ({ page }) => {
  expect(donghu.length, 'the demo needs illegal-occupation decisions in 东湖区').toBeGreaterThan(1);
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: '搜索关键词' }).pressSequentially('东湖区 非法占用', { delay: 30 });
  await expect(status(page)).toContainText(/找到 \d+ 条结果/);
  await expect(page).toHaveURL(/q=%E4%B8%9C%E6%B9%96/);
  const links = await results(page).locator('a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  for (const d of donghu.slice(0, 10)) expect(links.map(decodeURI)).toContain(decisionPath(d.docNo));

  // Facets: the county facet counts every 东湖区 match; choosing a category narrows and goes into the URL.
  await page.locator('.search-facets summary').click();
  const illegal = page.getByRole('checkbox', { name: /^非法占用土地/ });
  await expect(illegal).toBeVisible();
  await illegal.check();
  await expect(page).toHaveURL(/category=illegal-occupation/);
  await expect(status(page)).toContainText(`找到 ${donghu.length} 条结果`);
  const url = page.url();

  // The shared URL reproduces the search; the back button returns to the one before.
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByRole('status')).toContainText(`找到 ${donghu.length} 条结果`);
  await other.locator('.search-facets summary').click();
  await expect(other.getByRole('checkbox', { name: /^非法占用土地/ })).toBeChecked();
  await other.close();
  await page.goBack();
  await expect(page).not.toHaveURL(/category=/);
  await expect(page.getByRole('checkbox', { name: /^非法占用土地/ })).not.toBeChecked();
});

test('sorting by fine puts the biggest fines first', async ({ page }) => {
  await page.goto('/search/?q=罚款&type=decision&sort=fine');
  await expect(status(page)).toContainText(/找到 \d+ 条结果/);
  const fines = await results(page)
    .locator('.meta')
    .allTextContents()
    .then((ts) => ts.map((t) => Number(/罚款([\d.,]+)万元/.exec(t)?.[1]?.replace(/,/g, '') ?? '0')));
  expect(fines.length).toBe(10);
  expect(fines).toEqual([...fines].sort((a, b) => b - a));
  const biggest = Math.max(...listed.map((d) => d.penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amount ?? 0), 0)));
  expect(fines[0]).toBeCloseTo(biggest / 10_000, 4);
});

test('a 文号 typed with other brackets finds that decision alone, highlighted', async ({ page }) => {
  if (!company) throw new Error('the demo needs a decision of a legal person');
  const typed = company.docNo.replace('〔', '[').replace('〕', ']');
  await page.goto(`/search/?q=${encodeURIComponent(typed)}`);
  await expect(status(page)).toContainText('找到 1 条结果');
  await expect(results(page).first().locator('a.result-link')).toHaveAttribute('href', decisionPath(company.docNo));
  await expect(results(page).first().locator('mark').first()).toHaveText(company.docNo);
});

test('arrow keys move from the search box through the results and back', async ({ page }) => {
  await page.goto('/search/?q=复垦');
  await expect(status(page)).toContainText(/找到 \d+ 条结果/);
  const box = page.getByRole('searchbox', { name: '搜索关键词' });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(0).locator('a')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1).locator('a')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
});

test('no results: the page says so and suggests a broader term that finds something', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('非法占用 飞碟')}`);
  await expect(status(page)).toContainText('没有找到');
  const suggestion = page.getByRole('link', { name: '非法占用' });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(status(page)).toContainText(/找到 \d+ 条结果/);
});

test('the search page with results has no axe violations and fits 360 px', async ({ page }) => {
  await page.goto('/search/?q=土地');
  await expect(status(page)).toContainText(/找到 \d+ 条结果/);
  await page.locator('.search-facets summary').click();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says so and links to the static lists', async ({ page }) => {
    await page.goto('/search/?q=复垦');
    await expect(page.getByText('站内搜索需要启用 JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: '东湖区的处罚决定' })).toHaveAttribute('href', '/decisions/county/990102/');
    // The form still submits to the same page (axe cannot run without scripts; the page is checked with them above).
    await expect(page.getByRole('search', { name: '站内搜索' }).getByRole('button', { name: '搜索' })).toBeVisible();
  });
});
