import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

// The report form on a 360 × 740 phone: what shows before the first field, the
// photo's position offered where the photo is chosen, and a draft that leaves
// no identity behind on a shared phone.
const photoDir = mkdtempSync(join(tmpdir(), 'report-phone-photos-'));
const IN_DONGHU = join(photoDir, 'in-donghu.jpg');
const IN_BEIJING = join(photoDir, 'in-beijing.jpg');

test.beforeAll(async () => {
  const photo = (lat: string, lng: string, file: string) =>
    sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 120, b: 60 } } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: lat, GPSLongitudeRef: 'E', GPSLongitude: lng } })
      .jpeg()
      .toFile(file);
  // 30.42 N 116.515 E is in 东湖区; 39.9 N 116.4 E is Beijing, outside 示范市.
  await photo('30/1 25/1 1200/100', '116/1 30/1 5400/100', IN_DONGHU);
  await photo('39/1 54/1 0/1', '116/1 24/1 0/1', IN_BEIJING);
});
test.afterAll(() => rmSync(photoDir, { recursive: true, force: true }));

async function openForm(page: Page): Promise<void> {
  await page.goto('/report/');
  await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
}

/** The draft as stored in IndexedDB (fields only). */
function storedFields(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('report-draft', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('drafts');
        open.onsuccess = () => {
          const get = open.result.transaction('drafts').objectStore('drafts').get('current');
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { fields: Record<string, unknown> } | undefined)?.fields);
          };
        };
      }),
  );
}

test('the first question shows without scrolling, under a short out-of-scope notice whose details open on demand', async ({ page }) => {
  await openForm(page);
  const first = await page.locator('#report-category-illegal-occupation').boundingBox();
  expect(first && first.y + first.height).toBeLessThanOrEqual(740);
  const notice = page.getByRole('region', { name: '本渠道不受理' });
  await expect(notice).toContainText('土地权属或补偿纠纷');
  const details = notice.getByText('请向不动产所在地的县级人民政府');
  await expect(details).toBeHidden();
  await notice.getByText('这些事项应向哪里反映').click();
  await expect(details).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the photo position is offered at the photo field, announced, and names the county; using it fills the coordinates', async ({ page }) => {
  await openForm(page);
  await page.locator('#report-photos').setInputFiles([IN_DONGHU]);
  const offer = page.locator('.suggestion');
  await expect(offer).toContainText('照片“in-donghu.jpg”记录了拍摄位置：纬度 30.42，经度 116.515，位于东湖区');
  // Announced: the text sits in a status region, and the offer is inside the photo field, just under its input.
  await expect(offer.getByRole('status')).toContainText('位于东湖区');
  const field = page.locator('.form-field', { has: page.locator('#report-photos') });
  await expect(field.locator('.suggestion')).toHaveCount(1);
  const input = await page.locator('#report-photos').boundingBox();
  const shown = await offer.boundingBox();
  expect((shown?.y ?? 0) - (input?.y ?? 0)).toBeGreaterThan(0);
  expect((shown?.y ?? Infinity) - (input?.y ?? 0)).toBeLessThan(200);
  await expectNoAxeViolations(page);
  await offer.getByRole('button', { name: '使用照片的拍摄位置' }).click();
  await expect(page.locator('#report-lat')).toHaveValue('30.42');
  await expect(page.locator('#report-lng')).toHaveValue('116.515');
  await expect(page.locator('#report-photos')).toBeFocused();
  await expect(offer).toHaveCount(0);
});

test('a photo taken outside the area is said at once to be unusable, with no button to use it', async ({ page }) => {
  await openForm(page);
  await page.locator('#report-photos').setInputFiles([IN_BEIJING]);
  const offer = page.locator('.suggestion');
  await expect(offer.getByRole('status')).toContainText('不在示范市范围内，不能作为举报位置');
  await expect(offer).toContainText('12336');
  await expect(offer.getByRole('button', { name: '使用照片的拍摄位置' })).toHaveCount(0);
  await offer.getByRole('button', { name: '知道了' }).click();
  await expect(page.locator('#report-lat')).toHaveValue('');
});

test('without base maps the outline map says why it shows no roads', async ({ page }) => {
  await openForm(page);
  await page.locator('#report-lat').scrollIntoViewIfNeeded();
  await expect(page.locator('.map-label')).toHaveCount(5);
  await expect(page.locator('#report-map-hint')).toContainText('本站没有配置底图');
  await expect(page.locator('.leaflet-tile')).toHaveCount(0);
});

test.describe('the draft on a shared phone', () => {
  test('keeps the report but not the name and phone, unless "remember on this device" is ticked', async ({ page }) => {
    await openForm(page);
    await page.getByLabel('发生了什么').fill('东湖区湖东村北侧耕地上有人正在打地基建厂房。');
    await page.getByLabel('姓名').fill('王某');
    await page.getByLabel('电话').fill('13800000000');
    const remember = page.getByLabel('在本机记住以上信息');
    await expect(remember).not.toBeChecked();
    await expect(page.getByText('您的姓名和联系方式不保存')).toBeVisible();
    await expect.poll(() => storedFields(page)).toMatchObject({ description: '东湖区湖东村北侧耕地上有人正在打地基建厂房。', name: '', phone: '' });
    await remember.check();
    await expect.poll(() => storedFields(page)).toMatchObject({ name: '王某', phone: '13800000000' });
    await page.reload();
    await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
    await expect(page.getByLabel('电话')).toHaveValue('13800000000');
    await expect(page.getByLabel('在本机记住以上信息')).toBeChecked();
  });

  test('"删除草稿" asks once, then empties the form and the stored draft', async ({ page }) => {
    await openForm(page);
    await page.getByLabel('非法占用土地').check();
    await page.getByLabel('发生了什么').fill('东湖区湖东村北侧耕地上有人正在打地基建厂房。');
    await page.locator('#report-photos').setInputFiles([IN_DONGHU]);
    await expect(page.locator('.photo img')).toHaveCount(1);
    await expect.poll(() => storedFields(page)).toMatchObject({ category: 'illegal-occupation' });
    const area = page.locator('.submit-area');
    await area.getByRole('button', { name: '删除草稿' }).click();
    const confirm = area.getByRole('button', { name: '确定删除草稿' });
    await expect(confirm).toBeFocused();
    await expectNoHorizontalScroll(page);
    await confirm.click();
    await expect(page.locator('#report-draft-note')).toHaveText('草稿已删除，表单已清空。');
    await expect(page.locator('#report-draft-note')).toBeFocused();
    await expect(page.getByLabel('发生了什么')).toHaveValue('');
    await expect(page.getByLabel('非法占用土地')).not.toBeChecked();
    await expect(page.locator('.photo img')).toHaveCount(0);
    await expect(page.locator('.suggestion')).toHaveCount(0);
    await expect.poll(() => storedFields(page)).toBeUndefined();
    await page.reload();
    await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
    await expect(page.getByText('已恢复您上次没有提交的内容')).toHaveCount(0);
  });
});
