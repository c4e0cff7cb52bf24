import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { decisionPath } from '../../src/lib/decision-slug.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';
import { withdrawalLag } from '../../src/lib/decision-deadlines.ts';
import { createWorkingCalendar } from '../../src/lib/working-days.ts';
import { expectAccessibleContentPage } from './helpers.ts';

const content = loadContent();
const today = todayInChina();
const calendar = createWorkingCalendar(content.calendar);
const listed = content.decisions.filter((d) => visibilityOf(d, today) === 'listed');

test.describe('事前公开 pages at 360 px', () => {
  for (const path of ['/publicity/', '/publicity/body/', '/publicity/powers/', '/publicity/staff/', '/publicity/inspections/', '/publicity/no-penalty/', '/publicity/hearing-threshold/', '/publicity/review-catalogue/']) {
    test(`${path} has no axe violations, no scripts and no sideways scrolling`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectAccessibleContentPage(page);
    });
  }
});

test('the staff page publishes names and certificate numbers, and no ID or phone number', async ({ page }) => {
  await page.goto('/publicity/staff/');
  const first = content.publicity.staff.staff[0]!;
  await expect(page.getByRole('row', { name: new RegExp(first.name) })).toContainText(first.certificateNo);
  const { findPersonalData } = await import('../../src/schemas/privacy.ts');
  expect(findPersonalData(await page.locator('main table').innerText(), { allowLandlines: true })).toEqual([]);
});

test('an inspection result published more than 20 working days after the inspection is flagged', async ({ page }) => {
  await page.goto('/publicity/inspections/');
  await expect(page.getByText(/超过 20 个工作日/)).toHaveCount(1);
});

test('a decision page says which version of the law applied and why, its 立案 date, its review, its class and display period', async ({ page }) => {
  const d = listed.find((x) => x.violation.continuing && x.category === 'cross-boundary-mining' && x.legalReview && x.collectiveDiscussion);
  expect(d, 'a listed continuing mining decision with review and discussion records').toBeDefined();
  await page.goto(decisionPath(d!.docNo));
  const versions = page.getByRole('heading', { name: '适用的法律版本' }).locator('xpath=following-sibling::ul[1]');
  await expect(versions).toContainText('起施行版');
  await expect(versions).toContainText('适用违法行为终了时');
  await expect(page.getByText(/持续状态，于 .* 终了/)).toBeVisible();
  await expect(page.locator('dt', { hasText: '立案日期' })).toBeVisible();
  await expect(page.getByText(/期限 \d+ 日（《行政处罚法》第六十条/)).toBeVisible();
  await expect(page.locator('dd', { hasText: /法规科于 .* 审核，结论：同意/ })).toBeVisible();
  await expect(page.getByText(/负责人于 .* 集体讨论决定/)).toBeVisible();
  await expect(page.locator('dd', { hasText: /（(一般|严重)失信信息）/ })).toBeVisible();
  await expect(page.getByText(/依据：《失信行为纠正后的信用信息修复管理办法（试行）》|依据：《信用修复管理办法》/)).toBeVisible();
  await expect(page.getByText('责令改正不是行政处罚的种类')).toBeVisible();
  await expectAccessibleContentPage(page);
});

test('the withdrawal log shows when each decision was revoked and taken down, and flags a take-down after 3 working days', async ({ page }) => {
  const withdrawn = content.decisions.filter((d) => d.withdrawal);
  const late = withdrawn.find((d) => withdrawalLag(calendar, d.withdrawal!).late);
  const onTime = withdrawn.find((d) => !withdrawalLag(calendar, d.withdrawal!).late);
  expect(late && onTime, 'a late and an on-time withdrawal in the demo').toBeTruthy();
  await page.goto('/decisions/withdrawn/');
  const entry = (docNo: string) => page.locator('#withdrawn + .table-scroll tbody tr').filter({ has: page.getByRole('link', { name: docNo }) });
  await expect(entry(late!.docNo)).toContainText('超过 3 个工作日');
  await expect(entry(onTime!.docNo)).toContainText(onTime!.withdrawal!.takenDownOn);
  await expect(entry(onTime!.docNo)).toContainText(onTime!.withdrawal!.revokedBy);
  await page.goto(decisionPath(late!.docNo));
  await expect(page.getByRole('status')).toContainText(`${late!.withdrawal!.revokedBy}于`);
  await expect(page.getByRole('status')).toContainText('超过 3 个工作日的撤回时限');
});

test('a decision ended early by a credit repair leaves the lists, keeps its URL with the repair, and is in the log', async ({ page }) => {
  const repaired = content.decisions.find((d) => visibilityOf(d, today) === 'repaired');
  expect(repaired, 'a repaired decision in the demo').toBeDefined();
  const response = await page.goto(decisionPath(repaired!.docNo));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: '信用修复后已终止公示' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '违法事实' })).toHaveCount(0);
  await page.goto('/decisions/withdrawn/');
  await expect(page.locator('#repaired + .table-scroll').getByRole('link', { name: repaired!.docNo })).toBeVisible();
});

test('a limit no law sets is marked as local practice on the procedure page', async ({ page }) => {
  await page.goto('/procedures/general-penalty/');
  await expect(page.locator('#step-file-case')).toContainText('本地做法');
  await expect(page.locator('#step-statement').getByRole('link', { name: '《自然资源行政处罚办法》第三十三条' })).toBeVisible();
});
