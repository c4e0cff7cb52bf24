import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

// Photos are made at test time: a 3000 × 2000 camera-sized JPEG carrying EXIF
// GPS for a point inside 东湖区 (WGS-84 30.42 N, 116.515 E), and one without.
const photoDir = mkdtempSync(join(tmpdir(), 'report-e2e-photos-'));
const GPS_PHOTO = join(photoDir, 'site-with-gps.jpg');
const PLAIN_PHOTO = join(photoDir, 'site-detail.jpg');
const DONGHU = { lat: 30.42, lng: 116.515 };

test.beforeAll(async () => {
  const noise = (seed: number) =>
    sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 90 + seed, g: 120, b: 60 }, noise: { type: 'gaussian', mean: 110 + seed, sigma: 40 } } });
  await noise(0)
    .withExif({
      IFD0: { Make: 'DemoCam', Model: 'Field 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 25/1 1200/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 30/1 5400/100' },
    })
    .jpeg({ quality: 92 })
    .toFile(GPS_PHOTO);
  await noise(20).jpeg({ quality: 92 }).toFile(PLAIN_PHOTO);
});

/** axe needs scripts, so a page a script-less browser got is checked again in a normal page, on the same origin. */
async function expectNoAxeViolationsInHtml(page: Page, html: string): Promise<void> {
  await page.route('**/__served-result/', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto('/__served-result/');
  await expectNoAxeViolations(page);
}

/** What the browser holds in IndexedDB for the draft, read the way the island stores it. */
function savedDraft(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('report-draft', 1);
        open.onsuccess = () => {
          const get = open.result.transaction('drafts').objectStore('drafts').get('current');
          get.onsuccess = async () => {
            const draft = get.result as { fields: { address: string }; photos: { blob: Blob }[] } | undefined;
            open.result.close();
            const first = draft?.photos[0]?.blob;
            const bitmap = first ? await createImageBitmap(first) : undefined;
            resolve(draft ? { address: draft.fields.address, photos: draft.photos.length, type: first?.type, size: bitmap ? [bitmap.width, bitmap.height] : [] } : undefined);
          };
        };
      }),
  );
}

test.afterAll(() => rmSync(photoDir, { recursive: true, force: true }));

async function openForm(page: Page): Promise<void> {
  await page.goto('/report/');
  // Astro drops the ssr attribute once the island has hydrated.
  await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
}

async function showMap(page: Page): Promise<void> {
  await page.locator('#report-lat').scrollIntoViewIfNeeded();
  await expect(page.locator('.report-map .leaflet-container')).toHaveCount(1);
  await expect(page.locator('.map-label')).toHaveCount(5);
}

async function fillRequired(page: Page): Promise<void> {
  await page.getByLabel('非法占用土地').check();
  await page.getByLabel('发生了什么').fill('东湖区湖东村北侧耕地上有人正在打地基建厂房，已有两台挖掘机作业三天。');
}

test.describe('the report page', () => {
  test('with the map drawn, the page has no axe violations and no horizontal scroll at 360 px', async ({ page, baseURL }) => {
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL ?? 'http://localhost')) external.push(r.url());
    });
    await openForm(page);
    await showMap(page);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    expect(external, 'requests leaving the site').toEqual([]);
  });

  test('clicking a county on the vector map fills the coordinates and names the county', async ({ page }) => {
    await openForm(page);
    await showMap(page);
    const label = page.locator('.map-label', { hasText: '云山县' });
    const box = await label.boundingBox();
    if (!box) throw new Error('the 云山县 label has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height + 12);
    await expect(page.locator('.map-area')).toContainText('云山县');
    expect(Number(await page.locator('#report-lat').inputValue())).toBeGreaterThan(29.9);
    expect(Number(await page.locator('#report-lng').inputValue())).toBeGreaterThan(116.39);
  });

  test('coordinates typed in 度分秒 fill the decimal fields', async ({ page }) => {
    await openForm(page);
    await page.getByLabel('或粘贴坐标文字').fill('北纬30度25分12秒 东经116度30分54秒');
    await page.getByRole('button', { name: '识别并填入' }).click();
    await expect(page.locator('#report-lat')).toHaveValue('30.42');
    await expect(page.locator('#report-lng')).toHaveValue('116.515');
  });

  test('使用我的位置 fills the coordinates from the browser and names the county', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, geolocation: { latitude: 30.12, longitude: 116.3 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    await openForm(page);
    await showMap(page);
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await expect(page.locator('#report-lat')).toHaveValue('30.12');
    await expect(page.locator('#report-lng')).toHaveValue('116.3');
    await expect(page.locator('.map-area')).toContainText('石门县');
    await context.close();
  });

  test('a point outside the city is refused by the server, and its message is focused in the summary and shown at the field', async ({ page }) => {
    await openForm(page);
    await fillRequired(page);
    await page.getByLabel('纬度').fill('39.9');
    await page.getByLabel('经度').fill('116.4');
    await page.getByRole('button', { name: '提交举报' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('12336');
    await expect(page.locator('#report-lat-error')).toContainText('不在示范市');
  });

  test('an empty submit focuses the error summary, whose links focus each field, with no axe violations', async ({ page }) => {
    await openForm(page);
    await page.getByRole('button', { name: '提交举报' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary.getByRole('link')).toHaveText(['请选择违法类型', '请描述发生了什么', '请在地图上标出位置，或填写地址、地标']);
    await expect(page.locator('#report-description')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#report-description')).toHaveAttribute('aria-describedby', 'report-description-hint report-description-error');
    await summary.getByRole('link', { name: '请描述发生了什么' }).click();
    await expect(page.locator('#report-description')).toBeFocused();
    await summary.getByRole('link', { name: '请选择违法类型' }).click();
    await expect(page.locator('#report-category-illegal-occupation')).toBeFocused();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test('the whole form can be filled and sent with the keyboard, and the map lets focus move on', async ({ page }) => {
    await openForm(page);
    await showMap(page);
    await page.locator('body').focus();
    const tabTo = async (describe: string, matches: () => Promise<boolean>, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        if (await matches()) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${describe}`);
    };
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await tabTo('the first category', async () => (await activeId()) === 'report-category-illegal-occupation');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.locator('#report-description')).toBeFocused();
    await page.keyboard.type('有人在东湖区的耕地上挖砂，已经持续一个星期。');
    await tabTo('the map', () => page.evaluate(() => document.activeElement?.classList.contains('leaflet-container') ?? false));
    await page.keyboard.press('ArrowUp');
    // Leaving the map takes a few Tabs at most (its zoom buttons, then the next control).
    await tabTo('the button under the map', async () => (await page.evaluate(() => document.activeElement?.textContent ?? '')) === '在地图中心放置标记', 4);
    await page.keyboard.press('Enter');
    await expect(page.locator('#report-lat')).not.toHaveValue('');
    await tabTo('the address', async () => (await activeId()) === 'report-address');
    await page.keyboard.type('东湖区湖东村北侧');
    await tabTo('the submit button', async () => (await page.evaluate(() => document.activeElement?.textContent ?? '')) === '提交举报');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeFocused();
    await expect(page.getByTestId('tracking-code')).toHaveText(/^JB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  test('a report with two real photos at 360 px is stored, routed to 东湖区 and its status found with the tracking code', async ({ page, request }) => {
    await openForm(page);
    await fillRequired(page);
    await page.locator('#report-photos').setInputFiles([GPS_PHOTO, PLAIN_PHOTO]);
    await expect(page.locator('.photo img')).toHaveCount(2);
    await expect(page.getByText('照片“site-with-gps.jpg”记录了拍摄位置')).toBeVisible();
    await page.getByRole('button', { name: '使用照片的拍摄位置' }).click();
    await expect(page.locator('#report-lat')).toHaveValue(String(DONGHU.lat));
    await expect(page.locator('#report-lng')).toHaveValue(String(DONGHU.lng));
    await page.getByLabel('可以联系我核实情况').check();
    await page.getByLabel('电话').fill('13800000000');
    await expectNoHorizontalScroll(page);

    const posted = page.waitForRequest((r) => r.url().endsWith('/api/reports') && r.method() === 'POST');
    await page.getByRole('button', { name: '提交举报' }).click();
    const body = (await posted).postDataBuffer();
    const originals = statSync(GPS_PHOTO).size + statSync(PLAIN_PHOTO).size;
    expect(body?.length ?? 0, 'the upload is smaller than the camera files (downscaled)').toBeLessThan(originals);
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeFocused();
    await expect(page.getByText('交示范市东湖区自然资源局核查')).toBeVisible();
    const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    const secret = (await page.getByTestId('tracking-secret').textContent())?.trim() ?? '';
    await expectNoAxeViolations(page);

    const tracked = await request.get(`/api/reports/${code}`, { headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' } });
    expect(tracked.status()).toBe(200);
    const report = (await tracked.json()) as { status: string; office: { code: string } | null; photos: unknown[] };
    expect(report.status).toBe('routed');
    expect(report.office?.code).toBe('990102');
    expect(report.photos).toHaveLength(2);

    await page.getByRole('main').getByRole('link', { name: '查询举报进展' }).click();
    await expect(page.locator('astro-island[component-url*="TrackReport"]:not([ssr])')).toHaveCount(1);
    await page.getByLabel('查询码').fill(code);
    await page.getByLabel('查询密钥').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('.track-result')).toContainText('示范市东湖区自然资源局');
    await expect(page.locator('.track-result .timeline li')).toHaveCount(2);
  });

  test('what was typed before the script arrived is kept when the island takes over', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/ReportForm*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/report/');
    await page.getByLabel('破坏耕地').check();
    await page.getByLabel('发生了什么').fill('脚本加载之前写下的描述，不能在页面增强之后消失。');
    await page.getByLabel('地址或地标').fill('下湾村');
    release();
    await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
    await expect(page.locator('.form-count')).toHaveText(/已写 24 字/);
    await expect(page.getByLabel('发生了什么')).toHaveValue('脚本加载之前写下的描述，不能在页面增强之后消失。');
    await expect(page.getByLabel('地址或地标')).toHaveValue('下湾村');
    await expect(page.getByLabel('破坏耕地')).toBeChecked();
  });

  test('a file that is not a photo is not added or uploaded, and the reporter is told which types work', async ({ page }) => {
    await openForm(page);
    await page.locator('#report-photos').setInputFiles([{ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片，只是改了扩展名的文字。') },
      { name: 'site-detail.jpg', mimeType: 'image/jpeg', buffer: readFileSync(PLAIN_PHOTO) },
    ]);
    await expect(page.getByText('“notes.jpg”不是可以识别的照片，没有添加。请选择 JPEG、PNG 或 WebP 格式的照片。')).toBeVisible();
    await expect(page.locator('.photo img')).toHaveCount(1);
  });

  test('a draft with its text and photo survives a reload, and is cleared once sent', async ({ page }) => {
    await openForm(page);
    await page.locator('#report-photos').setInputFiles([PLAIN_PHOTO]);
    await expect(page.locator('.photo img')).toHaveCount(1);
    await fillRequired(page);
    await page.getByLabel('地址或地标').fill('湖东村北侧');
    await expect(page.getByText('已自动保存草稿到本机浏览器')).toBeVisible();
    // The 3000 × 2000 camera file is kept (and later sent) as a 2048 px JPEG.
    await expect.poll(() => savedDraft(page)).toEqual({ address: '湖东村北侧', photos: 1, type: 'image/jpeg', size: [2048, 1365] });
    await page.reload();
    await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
    await expect(page.getByText('已恢复您上次没有提交的内容')).toBeVisible();
    await expect(page.getByLabel('发生了什么')).toHaveValue(/打地基建厂房/);
    await expect(page.getByLabel('地址或地标')).toHaveValue('湖东村北侧');
    await expect(page.locator('.photo img')).toHaveCount(1);
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
    await page.reload();
    await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
    await expect(page.getByLabel('发生了什么')).toHaveValue('');
    await expect(page.getByText('已恢复您上次没有提交的内容')).toHaveCount(0);
  });

  test('while the upload is in flight the reporter sees that it is being sent, with a progress bar', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/reports', async (route) => {
      await held;
      await route.continue();
    });
    await openForm(page);
    await fillRequired(page);
    await page.getByLabel('地址或地标').fill('湖东村北侧');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page.getByRole('status').filter({ hasText: '正在提交举报' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: '上传进度' })).toBeVisible();
    await expect(page.getByRole('button', { name: '提交举报' })).toHaveAttribute('aria-disabled', 'true');
    release();
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
  });

  test('a dropped connection is retried with the same Idempotency-Key and files exactly one report', async ({ page }) => {
    const keys: string[] = [];
    await page.route('**/api/reports', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) await route.abort('internetdisconnected');
      else await route.continue();
    });
    await openForm(page);
    await fillRequired(page);
    await page.getByLabel('地址或地标').fill('湖东村北侧');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible({ timeout: 15_000 });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  test('when the answer to a stored report is lost, the retry gets the same tracking code, not a second report', async ({ page }) => {
    const firstAnswers: string[] = [];
    let attempts = 0;
    await page.route('**/api/reports', async (route) => {
      attempts += 1;
      if (attempts > 1) return route.continue();
      // The server stores the report; the connection drops before the browser reads the answer.
      const stored = await route.fetch();
      firstAnswers.push(((await stored.json()) as { trackingCode: string }).trackingCode);
      return route.abort('connectionreset');
    });
    await openForm(page);
    await fillRequired(page);
    await page.getByLabel('地址或地标').fill('湖东村北侧');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible({ timeout: 15_000 });
    expect(attempts).toBe(2);
    expect(firstAnswers).toHaveLength(1);
    await expect(page.getByTestId('tracking-code')).toHaveText(firstAnswers[0] ?? '');
  });

  test('when every retry fails, the failure is announced and focused, and 重新提交 sends the same key', async ({ page }) => {
    const keys: string[] = [];
    let offline = true;
    await page.route('**/api/reports', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (offline) await route.abort('internetdisconnected');
      else await route.continue();
    });
    await openForm(page);
    await fillRequired(page);
    await page.getByLabel('地址或地标').fill('湖东村北侧');
    await page.getByRole('button', { name: '提交举报' }).click();
    const failure = page.locator('.error-summary', { hasText: '举报还没有送达' });
    await expect(failure).toBeFocused({ timeout: 40_000 });
    const attempts = keys.length;
    expect(attempts).toBe(4);
    offline = false;
    await failure.getByRole('button', { name: '重新提交' }).click();
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
    expect(new Set(keys).size).toBe(1);
  });
});

test.describe('what the report page downloads', () => {
  test('the form island stays under 60 KB of gzipped script, and Leaflet comes only with the map, under 120 KB in all', async ({ page }) => {
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
    });
    const total = () => [...scripts.values()].reduce((a, b) => a + b, 0);
    await openForm(page);
    await page.waitForLoadState('networkidle');
    const beforeMap = total();
    expect([...scripts.keys()].some((path) => path.includes('leaflet')), 'Leaflet before the map is needed').toBe(false);
    await showMap(page);
    await page.waitForLoadState('networkidle');
    const withMap = total();
    test.info().annotations.push({ type: 'gzipped script', description: `form island ${(beforeMap / 1024).toFixed(1)} KB; with map ${(withMap / 1024).toFixed(1)} KB; ${[...scripts].map(([p, n]) => `${p.split('/').pop()} ${(n / 1024).toFixed(1)}`).join(', ')}` });
    console.log(test.info().annotations.at(-1)?.description);
    expect(beforeMap).toBeLessThan(60 * 1024);
    expect(withMap).toBeLessThan(120 * 1024);
  });
});

test.describe('without JavaScript', () => {
  test('the plain form posts multipart and the server answers with the result page', async ({ browser, page: checker }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/report/');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
    await expect(page.locator('form[action="/api/reports"][method="post"][enctype="multipart/form-data"]')).toHaveCount(1);
    await page.getByLabel('破坏耕地').check();
    await page.getByLabel('发生了什么').fill('河滩边的基本农田被挖开取土，坑深约两米，夜间有卡车运土。');
    await page.getByLabel('纬度').fill(String(DONGHU.lat));
    await page.getByLabel('经度').fill(String(DONGHU.lng));
    await page.locator('#report-photos').setInputFiles([PLAIN_PHOTO]);
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page).toHaveURL(/\/api\/reports$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('举报提交结果');
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
    await expect(page.locator('main')).toContainText(/JB-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await expectNoHorizontalScroll(page);
    const html = await page.content();
    await context.close();
    await expectNoAxeViolationsInHtml(checker, html);
  });
});

test.describe('without JavaScript, reloading the receipt', () => {
  test('posts the form again with its token and shows the same receipt; the same report filed from another browser gets its own code', async ({ browser }) => {
    const fileFrom = async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto('/report/');
      await expect(page.locator('input[name="formToken"]')).toHaveValue(/^[A-Za-z0-9_-]{22}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
      await page.getByLabel('非法占用土地').check();
      await page.getByLabel('发生了什么').fill('同一份内容：村西头的耕地上有人连夜浇筑水泥地坪。');
      await page.getByLabel('纬度').fill(String(DONGHU.lat));
      await page.getByLabel('经度').fill(String(DONGHU.lng));
      await page.getByRole('button', { name: '提交举报' }).click();
      await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
      return { context, page, code: /JB-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await page.locator('main').innerText())?.[0] };
    };
    const mine = await fileFrom();
    const secret = /(?:[0-9A-Z]{4}-){6}[0-9A-Z]{4}/.exec(await mine.page.locator('main').innerText())?.[0];
    expect(secret).toBeDefined();
    // A reload of a POST's answer posts it again (the browser asks first; Playwright's reload confirms).
    await mine.page.reload();
    await expect(mine.page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
    const again = await mine.page.locator('main').innerText();
    expect(again).toContain(mine.code ?? '?');
    expect(again).toContain(secret ?? '?');
    const theirs = await fileFrom();
    expect(theirs.code).not.toBe(mine.code);
    expect(await theirs.page.locator('main').innerText()).not.toContain(secret ?? '?');
    await mine.context.close();
    await theirs.context.close();
  });
});

test.describe('without JavaScript, a refused report', () => {
  test('comes back as the form itself: what was typed kept, each message at its field and in a summary whose links lead there, no axe violations', async ({ browser, page: checker }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/report/');
    await page.getByLabel('发生了什么').fill('太短');
    await page.getByLabel('纬度').fill(String(DONGHU.lat));
    await page.getByLabel('经度').fill(String(DONGHU.lng));
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page).toHaveURL(/\/api\/reports$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('举报违法线索');
    const alert = page.getByRole('alert').filter({ hasText: '举报未能提交' });
    await expect(alert).toContainText('请选择违法类型');
    await expect(alert).toContainText('请至少写 10 个字');
    await expect(page.getByLabel('发生了什么')).toHaveValue('太短');
    await expect(page.getByLabel('纬度')).toHaveValue(String(DONGHU.lat));
    await expect(page.getByLabel('发生了什么')).toHaveAttribute('aria-invalid', 'true');
    await alert.getByRole('link', { name: '请至少写 10 个字' }).click();
    await expect(page).toHaveURL(/#report-description$/);
    await expect(page.locator('input[name="formToken"]')).toHaveValue(/^[A-Za-z0-9_-]{22}\./);
    await expectNoHorizontalScroll(page);
    const html = await page.content();
    // Corrected, it goes through.
    await page.getByLabel('非法占用土地').check();
    await page.getByLabel('发生了什么').fill('改正后再次提交：村口耕地上有人打地基建房。');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect(page.getByRole('heading', { name: '举报已收到' })).toBeVisible();
    await context.close();
    await expectNoAxeViolationsInHtml(checker, html);
  });
});

test.describe('/report/received/', () => {
  test('opened directly it explains itself, holds the result marker once and has no axe violations', async ({ page, request }) => {
    const html = await (await request.get('/report/received/')).text();
    expect(html.split('<!--report-result-->')).toHaveLength(2);
    expect(html).toContain('<meta name="robots" content="noindex"');
    await page.goto('/report/received/');
    await expect(page.getByText('此页面显示举报提交结果')).toBeVisible();
    await expect(page.getByRole('link', { name: '举报页面' })).toHaveAttribute('href', '/report/');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });
});
