import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { expectAccessibleContentPage, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

/** Follows the link near the top to the calculator, whose client:visible island then hydrates, and waits for its form. */
async function revealCalculator(page: Page): Promise<void> {
  await page.getByRole('link', { name: '跳到期限计算器' }).click();
  await expect(page.getByRole('button', { name: '计算期限' })).toBeVisible();
}

const general = loadContent().procedures.find((p) => p.id === 'general-penalty');
if (!general) throw new Error('Expected the demo procedure general-penalty.');

test('/procedures/ lists every procedure with no axe violations, no scripts and no sideways scrolling', async ({ page }) => {
  await page.goto('/procedures/');
  await expect(page.getByRole('link', { name: '自然资源行政处罚一般程序' })).toBeVisible();
  await expect(page.getByRole('link', { name: '责令停止违法行为' })).toBeVisible();
  await expectAccessibleContentPage(page);
});

test('a procedure page has the flow as text, the steps as an ordered list and no axe violations at 360 px', async ({ page }) => {
  await page.goto('/procedures/general-penalty/');
  const flow = page.getByRole('figure', { name: /流程图/ });
  await expect(flow.getByRole('listitem')).toHaveCount(general.steps.length + general.remedies.length);
  await expect(flow).toContainText('立案');
  await expect(page.locator('ol.steps > li')).toHaveCount(general.steps.length);
  await expect(page.locator('#step-statement')).toContainText('自收到行政处罚告知书之日起 5 个工作日内');
  await expect(page.locator('#step-hearing-request').getByRole('link', { name: '《行政处罚法》第六十四条' })).toHaveAttribute('href', /\/basis\/administrative-penalty-law\//);
  await expectNoHorizontalScroll(page);
  await revealCalculator(page);
  await expectNoAxeViolations(page);
});

test('without JavaScript the procedure page still states every limit in words', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/procedures/general-penalty/');
  await expect(page.locator('ol.steps')).toContainText('自立案之日起 90 日内');
  await expect(page.locator('noscript .notice')).toBeVisible();
  await expect(page.locator('noscript .notice')).toContainText('期限计算器需要启用 JavaScript');
  await context.close();
});

test.describe('the deadline calculator, by keyboard', () => {
  test('from a notice on 2025-09-26, announces the result and dates 陈述申辩 2025-10-10 across 国庆 and its 调休 Sunday', async ({ page }) => {
    await page.goto('/procedures/general-penalty/');
    await revealCalculator(page);
    const step = page.getByLabel('起算环节');
    await step.focus();
    await step.selectOption({ label: '告知' });
    const date = page.getByLabel('该环节的日期');
    await date.focus();
    await date.fill('2025-09-26');
    // Enter in a field submits the form, as in any HTML form.
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await expect(status).toContainText('从“告知”（2025年9月26日（星期五））起算');
    const table = page.getByRole('table', { name: '各环节的最迟日期' });
    await expect(table.getByRole('row', { name: /陈述申辩/ })).toContainText('最迟 2025年10月10日（星期五）');
    await expect(table.getByRole('row', { name: /听证通知/ })).toContainText('填写“举行听证”的日期后计算');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('from a 催告书 served on 2025-09-26, the court may be asked from 2025-10-17, after 10 working days (行政强制法 arts. 54, 69)', async ({ page }) => {
    await page.goto('/procedures/general-penalty/');
    await revealCalculator(page);
    await page.getByLabel('起算环节').selectOption({ label: '催告' });
    await page.getByLabel('该环节的日期').fill('2025-09-26');
    await page.getByLabel('该环节的日期').press('Enter');
    const table = page.getByRole('table', { name: '各环节的最迟日期' });
    await expect(table.getByRole('row', { name: /申请人民法院强制执行/ })).toContainText('最早 2025年10月17日（星期五）');
  });

  test('from service on 2026-08-10, marks the 6-month lawsuit deadline in unpublished 2027 as uncertain', async ({ page }) => {
    await page.goto('/procedures/general-penalty/');
    await revealCalculator(page);
    await page.getByLabel('起算环节').selectOption({ label: '送达' });
    await page.getByLabel('该环节的日期').fill('2026-08-10');
    await page.getByLabel('该环节的日期').press('Enter');
    await expect(page.getByRole('status')).toContainText('其中 1 个落在节假日安排尚未公布的年份');
    const remedies = page.getByRole('table', { name: '救济途径的最迟日期' });
    await expect(remedies.getByRole('row', { name: /提起行政诉讼/ })).toContainText('该年节假日安排尚未公布');
    await expect(remedies.getByRole('row', { name: /申请行政复议/ })).toContainText('最迟 2026年10月9日');
  });

  test('from 立案 on 2026-02-12, the 10-working-day step across 春节 and two 调休 Saturdays falls on 2026-03-04', async ({ page }) => {
    // By hand: order-to-stop, 立案查处 10 working days after 发现 2026-02-12: 02-13 (1), 02-14 Sat worked (2),
    // 02-15…02-23 off, 02-24 (3), 25 (4), 26 (5), 27 (6), 02-28 Sat worked (7), 03-02 (8), 03 (9), 04 (10).
    await page.goto('/procedures/order-to-stop/');
    await revealCalculator(page);
    await page.getByLabel('起算环节').selectOption({ label: '发现正在进行的违法行为' });
    await page.getByLabel('该环节的日期').fill('2026-02-12');
    await page.getByRole('button', { name: '计算期限' }).press('Enter');
    await expect(page.getByRole('table', { name: '各环节的最迟日期' }).getByRole('row', { name: /立案查处/ })).toContainText('最迟 2026年3月4日（星期三）');
  });
});

test('with scripts the no-script text never shows, and the link near the top brings the calculator into view', async ({ page }) => {
  await page.goto('/procedures/general-penalty/');
  const link = page.getByRole('link', { name: '跳到期限计算器' });
  expect((await link.boundingBox())?.y ?? Infinity).toBeLessThan(740);
  await expect(page.getByText(/计算器需要启用 JavaScript/)).toBeHidden();
  await link.click();
  await expect(page.getByRole('heading', { name: '期限计算器' })).toBeInViewport();
  await expect(page.getByLabel('起算环节')).toBeInViewport();
  await expect(page.getByText(/计算器需要启用 JavaScript/)).toBeHidden();
});

test('counting from 告知, the calculator lists 告知 and what follows only, and counts from the hearing and decision dates entered', async ({ page }) => {
  await page.goto('/procedures/general-penalty/');
  await revealCalculator(page);
  await page.getByLabel('起算环节').selectOption({ label: '告知' });
  await page.getByLabel('该环节的日期').fill('2025-09-26');
  // By hand: hearing on Wednesday 2025-10-22; counting back from 10-21, 10-13 is the 7th working day,
  // so the notice goes out by 10-12 with seven working days wholly between notice and hearing (行政处罚法 art. 64, 85).
  await page.getByLabel('“举行听证”的日期').fill('2025-10-22');
  // Decided on Monday 2025-11-03: service within 7 working days → 11-12 (Wed).
  await page.getByLabel('“作出决定”的日期').fill('2025-11-03');
  await page.getByRole('button', { name: '计算期限' }).click();
  await expect(page.getByRole('status')).toContainText('并按您填写的 2 个日期');
  const table = page.getByRole('table', { name: '各环节的最迟日期' });
  const names = await table.locator('tbody tr th').allTextContents();
  expect(names[0]).toBe('告知');
  expect(names.some((n) => n.startsWith('立案') || n.startsWith('发现线索'))).toBe(false);
  await expect(table.getByRole('row', { name: /听证通知/ })).toContainText('最迟 2025年10月12日（星期日）');
  await expect(table.getByRole('row', { name: /^举行听证/ })).toContainText('2025年10月22日（星期三）（您填写的日期）');
  await expect(table.getByRole('row', { name: /^送达/ })).toContainText('最迟 2025年11月12日（星期三）');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
