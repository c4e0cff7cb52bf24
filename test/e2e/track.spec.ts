import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

/** Files a text-only report in 石门县 (WGS-84) through the API, as a media tool would. */
async function fileReport(request: APIRequestContext): Promise<{ trackingCode: string; secret: string }> {
  const res = await request.post('/api/reports', {
    headers: { Accept: 'application/json' },
    multipart: {
      category: 'unlicensed-mining',
      description: '石门县河道里有人夜间用抽砂船采砂，岸边堆着几百方砂石。',
      lat: '30.12',
      lng: '116.3',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { trackingCode: string; secret: string };
}

async function openTracking(page: Page): Promise<void> {
  await page.goto('/track/');
  await expect(page.locator('astro-island[component-url*="TrackReport"]:not([ssr])')).toHaveCount(1);
}

/** axe needs scripts, so a page a script-less browser got is checked again in a normal page, on the same origin. */
async function expectNoAxeViolationsInHtml(page: Page, html: string): Promise<void> {
  await page.route('**/__served-result/', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto('/__served-result/');
  await expectNoAxeViolations(page);
}

test.describe('the tracking page', () => {
  test('has no axe violations and no horizontal scroll at 360 px, and explains why wrong code and wrong secret look alike', async ({ page }) => {
    await openTracking(page);
    await expect(page.getByText('查询码不存在和查询密钥不正确时，我们显示的是同一条提示')).toBeVisible();
    await expect(page.locator('form[action="/api/reports/track"][method="post"]')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test('the tracking island downloads under 20 KB of gzipped script', async ({ page }) => {
    const sizes: number[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') sizes.push(gzipSync(await response.body(), { level: 9 }).length);
    });
    await openTracking(page);
    await page.waitForLoadState('networkidle');
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`tracking island: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} scripts`);
    expect(sizes.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(20 * 1024);
  });

  test('a filed report shows its status and timeline in place, announced in a live region', async ({ page, request }) => {
    const { trackingCode, secret } = await fileReport(request);
    await openTracking(page);
    // People type codes in lower case and without dashes.
    await page.getByLabel('查询码').fill(trackingCode.toLowerCase().replace(/-/g, ' '));
    await page.getByLabel('查询密钥').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    const live = page.locator('[aria-live="polite"].track-message');
    await expect(live).toContainText(`查询成功：举报 ${trackingCode}`);
    const result = page.locator('.track-result');
    await expect(result.getByRole('heading', { level: 2 })).toContainText(trackingCode);
    await expect(result).toContainText('示范市石门县自然资源局');
    await expect(result).toContainText('无证开采矿产资源');
    await expect(result.locator('.timeline li')).toHaveCount(2);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test('a wrong secret and an unknown code get the same message', async ({ page, request }) => {
    const { trackingCode } = await fileReport(request);
    await openTracking(page);
    const live = page.locator('.track-message');
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('查询密钥').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(live).toContainText('没有找到');
    const wrongSecret = await live.textContent();
    await page.getByLabel('查询码').fill('JB-2222-3333');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(live).toContainText('没有找到');
    expect(await live.textContent()).toBe(wrongSecret);
    await expect(page.locator('.track-result')).toHaveCount(0);
  });

  test('an empty lookup marks both fields and focuses the first', async ({ page }) => {
    await openTracking(page);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('#track-code')).toBeFocused();
    await expect(page.locator('#track-code')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#track-secret')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#track-code-error')).toHaveText('错误：请填写查询码');
    await expectNoAxeViolations(page);
  });
});

test.describe('/track/result/', () => {
  test('opened directly it explains itself, holds the result marker once and has no axe violations', async ({ page, request }) => {
    const html = await (await request.get('/track/result/')).text();
    expect(html.split('<!--track-result-->')).toHaveLength(2);
    expect(html).toContain('<meta name="robots" content="noindex"');
    await page.goto('/track/result/');
    await expect(page.getByText('此页面显示举报进展的查询结果')).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test('without JavaScript the tracking form posts and the result page shows the timeline', async ({ browser, page: checker, request }) => {
    const { trackingCode, secret } = await fileReport(request);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/track/');
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('查询密钥').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/api\/reports\/track$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('举报进展查询结果');
    await expect(page.locator('main')).toContainText(trackingCode);
    await expect(page.locator('main')).toContainText('示范市石门县自然资源局');
    await expectNoHorizontalScroll(page);
    const html = await page.content();
    await context.close();
    await expectNoAxeViolationsInHtml(checker, html);
  });
});
