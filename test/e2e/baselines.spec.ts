import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { decisionPath } from '../../src/lib/decision-slug.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';
import { checkDecision } from '../../src/lib/baselines/check-decision.ts';
import { expectAccessibleContentPage, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

/** Follows the link near the top to the calculator, whose client:visible island then hydrates, and waits for its form. */
async function revealCalculator(page: Page): Promise<void> {
  await expect(page.getByText(/计算器需要启用 JavaScript/)).toBeHidden();
  await page.getByRole('link', { name: '跳到罚款计算器' }).click();
  await expect(page.getByRole('heading', { name: '罚款计算器' })).toBeInViewport();
  await expect(page.getByRole('button', { name: '计算罚款幅度' })).toBeVisible();
  await expect(page.getByRole('form', { name: '罚款计算' })).toBeInViewport();
}

const content = loadContent();
const today = todayInChina();
const listed = content.decisions.filter((d) => visibilityOf(d, today) === 'listed');
const outside = listed.filter((d) => {
  const c = checkDecision(d, content.baselines);
  return c.kind === 'checked' && c.result.ok && (c.result.verdict !== 'within' || c.result.namedBand !== undefined);
});
const categoriesWithBaselines = new Set(content.baselines.map((b) => b.category)).size;

test('/baselines/ has one table per violation type and no axe violations at 360 px', async ({ page }) => {
  await page.goto('/baselines/');
  await expect(page.locator('main section table')).toHaveCount(categoriesWithBaselines);
  await expect(page.getByRole('table', { name: '无证开采矿产资源裁量基准的版本' }).getByRole('row')).toHaveCount(3);
  await expectNoHorizontalScroll(page);
  await revealCalculator(page);
  await expectNoAxeViolations(page);
});

test('a baseline page lists its bands, links the articles it refines and has no axe violations at 360 px', async ({ page }) => {
  await page.goto('/baselines/illegal-occupation-2022/');
  const bands = page.getByRole('table', { name: /裁量阶次/ });
  await expect(bands.locator('tbody tr')).toHaveCount(4);
  await expect(bands.getByRole('row', { name: /较重/ })).toContainText('每平方米 400–700 元');
  await expect(page.getByRole('link', { name: '《土地管理法》第七十七条' })).toHaveAttribute('href', /\/basis\/land-administration-law\/.*article-77/);
  await expectNoHorizontalScroll(page);
  await revealCalculator(page);
  await expectNoAxeViolations(page);
});

test.describe('the penalty calculator, by keyboard', () => {
  test('1,000 m² of farmland under the occupation baseline: announces 一般 and 200,000–400,000 元 with the arithmetic', async ({ page }) => {
    await page.goto('/baselines/');
    await revealCalculator(page);
    const type = page.getByLabel('违法行为类型及基准版本');
    await type.selectOption({ label: '非法占用土地（2022年版）' });
    const farmland = page.getByLabel('耕地', { exact: true });
    await farmland.focus();
    await page.keyboard.type('1000');
    // Tab through the remaining land types to the submit button.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '计算罚款幅度' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('适用阶次：一般。本案罚款幅度为 200,000 元 至 400,000 元。');
    await expect(page.locator('.calculator-result')).toContainText('下限：1,000 平方米 × 200 元/平方米 = 200,000 元');
    await expect(page.locator('.calculator-result')).toContainText('本案为 100,000 元 至 1,000,000 元');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('mining under the 2024 law: no ore value takes the fixed range, 400,000 元 of ore takes 3.5–4 ×', async ({ page }) => {
    await page.goto('/baselines/unlicensed-mining-2025/');
    await revealCalculator(page);
    const submit = page.getByRole('button', { name: '计算罚款幅度' });
    await submit.press('Enter');
    await expect(page.getByRole('status')).toHaveText('适用阶次：从轻。本案罚款幅度为 100,000 元 至 300,000 元。');
    await page.getByLabel('违法开采的矿产品价值（元）').fill('400,000');
    await submit.press('Enter');
    await expect(page.getByRole('status')).toHaveText('适用阶次：一般。本案罚款幅度为 1,400,000 元 至 1,600,000 元。');
    await page.getByLabel('受过行政处罚后再次违法').check();
    await submit.press('Enter');
    await expect(page.getByRole('status')).toContainText('适用阶次：从重');
  });

  test('a fee-multiple baseline asks for the fee and says so when it is missing', async ({ page }) => {
    await page.goto('/baselines/farmland-damage-2022/');
    await revealCalculator(page);
    await page.getByLabel('耕地', { exact: true }).fill('1000');
    await page.getByRole('button', { name: '计算罚款幅度' }).press('Enter');
    await expect(page.getByRole('status')).toContainText('请填写耕地开垦费');
    await expect(page.getByLabel('耕地开垦费（元）')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('耕地开垦费（元）').fill('18000');
    await page.getByRole('button', { name: '计算罚款幅度' }).press('Enter');
    await expect(page.getByRole('status')).toHaveText('适用阶次：一般。本案罚款幅度为 108,000 元 至 135,000 元。');
  });

  test('percent of illegal income: 300,000 元 gives 60,000–90,000 元', async ({ page }) => {
    await page.goto('/baselines/illegal-transfer-2022/');
    await revealCalculator(page);
    await page.getByLabel('违法所得（元）').fill('300000');
    await page.getByLabel('违法所得（元）').press('Enter');
    await expect(page.getByRole('status')).toHaveText('适用阶次：一般。本案罚款幅度为 60,000 元 至 90,000 元。');
  });
});

test('/decisions/outside-band/ lists every decision outside its band, with no scripts and no axe violations', async ({ page }) => {
  expect(outside.length, 'demo decisions deliberately outside their band').toBeGreaterThanOrEqual(4);
  await page.goto('/decisions/outside-band/');
  await expect(page.locator('main tbody tr')).toHaveCount(outside.length);
  for (const d of outside) await expect(page.getByRole('link', { name: d.docNo })).toHaveAttribute('href', decisionPath(d.docNo));
  await expect(page.locator('main')).toContainText('低于阶次幅度');
  await expect(page.locator('main')).toContainText('高于阶次幅度');
  // A fine outside the legal range is void; the build refuses it, so no listed decision has one.
  await expect(page.locator('main tbody')).not.toContainText('超出法定幅度');
  await expectAccessibleContentPage(page);
});

test('a decision page shows the proportionality check with its arithmetic, ships no script and has no axe violations', async ({ page }) => {
  const above = outside.find((d) => {
    const c = checkDecision(d, content.baselines);
    return c.kind === 'checked' && c.result.ok && c.result.verdict === 'above' && d.fineBasis.reclamationFee !== undefined;
  });
  if (!above) throw new Error('Expected a listed demo decision with a fee-multiple fine above its band.');
  await page.goto(decisionPath(above.docNo));
  const section = page.getByRole('region', { name: '过罚相当核对（裁量基准）' });
  await expect(section).toContainText('高于阶次幅度');
  await expect(section).toContainText('下限：土地复垦费');
  await expect(section).toContainText('罚款偏离阶次幅度本身并不意味着决定违法');
  await expect(section.getByRole('link', { name: /裁量基准/ })).toHaveAttribute('href', `/baselines/${above.baseline?.id}/`);
  await expectAccessibleContentPage(page);
});

test('a decision naming a heavier band than its facts says so on its page', async ({ page }) => {
  const named = outside.find((d) => {
    const c = checkDecision(d, content.baselines);
    return c.kind === 'checked' && c.result.ok && c.result.namedBand !== undefined;
  });
  if (!named) throw new Error('Expected a demo decision whose named band differs from its facts.');
  await page.goto(decisionPath(named.docNo));
  await expect(page.getByRole('region', { name: '过罚相当核对（裁量基准）' })).toContainText('与事实对应的阶次不同');
});

test('the penalty calculator says it needs JavaScript only when scripts are off', async ({ browser, page }) => {
  await page.goto('/baselines/illegal-occupation-2022/');
  await expect(page.getByText(/计算器需要启用 JavaScript/)).toBeHidden();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const plain = await context.newPage();
  await plain.goto('/baselines/illegal-occupation-2022/');
  await expect(plain.locator('noscript .notice')).toBeVisible();
  await expect(plain.locator('noscript .notice')).toContainText('罚款计算器需要启用 JavaScript');
  await context.close();
});
