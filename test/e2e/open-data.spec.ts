// The pages for journalists and supervisors: a party's history, the 严重失信 list, the statistics with their
// charts, the annual report and the leads statistics — accessible, without scripts, whole at 360 px — and the links
// between them and the decisions (none for a natural person).
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectAccessibleContentPage, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

const REPEAT = '91990102RYHXFG7X9E';

test('a company’s history lists its decisions in several counties and years, linked from each of them', async ({ page }) => {
  await page.goto(`/parties/${REPEAT}/`);
  await expectAccessibleContentPage(page);
  await expect(page.locator('h1')).toHaveText('示范市宏远砂石有限公司');
  const rows = page.locator('main table tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: 'test-results/party-360.png', fullPage: true });
  // From a decision of its history back to the history.
  await rows.first().getByRole('link').click();
  await page.getByRole('link', { name: /该当事人的全部处罚记录/ }).click();
  await expect(page).toHaveURL(new RegExp(`/parties/${REPEAT}/$`));
});

test('a natural person’s decision has no party link, and the sitemap lists no such page', async ({ page, request }) => {
  const csv = await (await request.get('/data/decisions.csv')).text();
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  const url = rows.find((r) => r.partyKind === 'natural-person')?.url;
  expect(url, 'the demo has a listed decision against a natural person').toBeTruthy();
  await page.goto(new URL(url!).pathname);
  await expect(page.getByRole('link', { name: /该当事人的全部处罚记录/ })).toHaveCount(0);
  await expect(page.locator('main a[href^="/parties/"]')).toHaveCount(0);
  const index = await (await request.get('/sitemap-index.xml')).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const urls = (await Promise.all(maps.map(async (m) => (await request.get(m)).text()))).join('');
  const parties = [...urls.matchAll(/<loc>[^<]*\/parties\/([0-9A-Z]{18})\/<\/loc>/g)].map((m) => m[1]);
  expect(parties).toContain(REPEAT);
  for (const code of parties) expect(csv.includes(`/parties/${code}/`), code).toBe(true);
});

test('the 严重失信 list: each party with the basis of its listing and the end date', async ({ page }) => {
  await page.goto('/parties/serious/');
  await expectAccessibleContentPage(page);
  const first = page.locator('main table tbody tr').first();
  await expect(first).toContainText('严重失信，公示至');
  await expect(first).toContainText(/第[一二三四五六七八九十百]+条/);
  await expect(page.locator('main')).toContainText('信用修复管理办法');
  await page.goto('/parties/');
  await expectAccessibleContentPage(page);
});

test('the statistics: SVG charts with a title, each table with its CSV, no script, whole at 360 px', async ({ page, request }) => {
  await page.goto('/statistics/');
  await expectAccessibleContentPage(page);
  const charts = page.locator('figure.chart svg[role="img"]');
  expect(await charts.count()).toBeGreaterThanOrEqual(4);
  for (const svg of await charts.all()) expect(await svg.locator('title').textContent()).toBeTruthy();
  const links = await page.locator('a[download][href^="/data/statistics/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.length).toBe(4);
  for (const href of links) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
  }
  await page.screenshot({ path: 'test-results/statistics-360.png', clip: { x: 0, y: 0, width: 360, height: 1800 }, fullPage: true });
  await page.locator('figure.chart').nth(4).screenshot({ path: 'test-results/statistics-m2-chart-360.png' });
  await page.locator('#decisions-by-county + .table-scroll').screenshot({ path: 'test-results/statistics-table-360.png' });
});

test('the annual report: a page per full year that says when it was generated, printable', async ({ page }) => {
  await page.goto('/annual-report/');
  await expectAccessibleContentPage(page);
  await page.locator('main ul a[href^="/annual-report/"]').first().click();
  await expectAccessibleContentPage(page);
  await expect(page.locator('.lead')).toContainText('生成日期');
  await expect(page.locator('h2').first()).toHaveText('一、总体情况');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('main table').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: 'test-results/annual-report-360.png', fullPage: false });
});

test('the leads statistics page is accessible and whole at 360 px', async ({ page }) => {
  await page.goto('/leads/');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await expect(page.locator('#stats')).toContainText('全部线索');
  await page.screenshot({ path: 'test-results/leads-360.png', fullPage: true });
});

test('报告此记录有误: from a decision to the service’s form, accessible and whole at 360 px, working without a script', async ({ page }) => {
  await page.goto(`/parties/${REPEAT}/`);
  await page.locator('main table tbody tr').first().getByRole('link').click();
  await page.getByRole('link', { name: '报告此记录有误' }).click();
  await expect(page).toHaveURL(/\/corrections\/new\/\?decision=/);
  await expectAccessibleContentPage(page);
  await page.getByLabel('罚款或没收金额').check();
  await page.getByLabel(/错在哪里/).fill('公示的罚款金额与决定书原文不一致，请核对。');
  const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/corrections')), page.getByRole('button', { name: '提交' }).click()]);
  expect(answer.status(), await answer.text()).toBe(201);
  await expect(page.locator('main')).toContainText(/JB-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await page.goBack();
  await page.screenshot({ path: 'test-results/correction-360.png', fullPage: true });
});
