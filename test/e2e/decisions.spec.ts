import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { decisionPath } from '../../src/lib/decision-slug.ts';
import { publicationLag } from '../../src/lib/decision-fields.ts';
import { createWorkingCalendar } from '../../src/lib/working-days.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { visibilityOf } from '../../src/lib/site-data.ts';
import { expectAccessibleContentPage, expectNoAxeViolations, expectNoScripts } from './helpers.ts';

const content = loadContent();
const today = todayInChina();
const listed = content.decisions.filter((d) => visibilityOf(d, today) === 'listed');
const withdrawn = content.decisions.find((d) => d.status === 'withdrawn');
const expired = content.decisions.find((d) => visibilityOf(d, today) === 'expired');
const calendar = createWorkingCalendar(content.calendar);
const late = listed.find((d) => publicationLag(calendar, d).late);
const onTime = listed.find((d) => !publicationLag(calendar, d).late && d.penalties.some((p) => p.kind === 'fine'));

test.describe('content pages at 360 px', () => {
  for (const path of ['/', '/decisions/', '/decisions/page/2/', '/decisions/county/990102/', '/decisions/category/illegal-occupation/', '/decisions/withdrawn/']) {
    test(`${path} has no axe violations, no scripts and no sideways scrolling`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectAccessibleContentPage(page);
    });
  }
});

test('the home page leads to the four sections and the report form, and says the data is demo', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const name of ['执法依据', '执法流程', '裁量基准', '处罚决定', '我要举报']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByRole('note')).toContainText('示例数据');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeAttached();
  await expect(page.locator('footer')).toContainText(content.site.contacts.phone);
  await expect(page.locator('footer').getByRole('link', { name: content.site.licence.name })).toBeVisible();
});

test('the decisions list shows 20 per page, newest first, and pages through all listed decisions', async ({ page }) => {
  await page.goto('/decisions/');
  const dates = await page.locator('.cards time').allTextContents();
  expect(dates).toHaveLength(20);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(page.getByText(`共 ${listed.length} 件`)).toBeVisible();
  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/decisions\/page\/2\/$/);
  const lastPage = Math.ceil(listed.length / 20);
  await page.goto(`/decisions/page/${lastPage}/`);
  await expect(page.locator('.cards > li')).toHaveCount(listed.length - (lastPage - 1) * 20);
});

test('a county filter page lists only that county, and works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/decisions/');
  await page.locator('summary', { hasText: '按区县' }).click();
  await page.getByRole('link', { name: /^西岭区（\d+）$/ }).click();
  await expect(page).toHaveURL(/\/decisions\/county\/990103\/$/);
  const expected = listed.filter((d) => d.county === '990103').length;
  await expect(page.getByText(`共 ${expected} 件`)).toBeVisible();
  const cards = await page.locator('.cards > li .meta').allTextContents();
  expect(cards.every((t) => t.includes('西岭区'))).toBe(true);
  await context.close();
});

test('a decision page shows every field, the amounts in 元 and 万元, and the publication lag', async ({ page }) => {
  expect(onTime, 'the demo content has no decision with a fine published on time').toBeDefined();
  const d = onTime!;
  await page.goto(decisionPath(d.docNo));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.docNo);
  for (const code of ['CF_WSH', 'CF_WFXW', 'CF_XDR_MC', 'CF_XDR_LB', 'CF_YJ', 'CF_CFLB', 'CF_NR_FK', 'CF_JDRQ', 'CF_GSJZQ', 'CF_CFJG', 'CF_CFJGDM']) {
    // The 双公示 codes are listed apart, in a closed list, not under every label.
    await expect(page.locator('.cf-codes code', { hasText: new RegExp(`^${code}$`) })).toHaveCount(1);
  }
  const fine = d.penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amount ?? 0), 0);
  await expect(page.locator('dd', { hasText: `${fine.toLocaleString('zh-CN')}元` }).first()).toBeVisible();
  await expect(page.getByText(/距决定日 \d+ 个工作日/)).toBeVisible();
  await expect(page.getByText('在 7 个工作日内')).toBeVisible();
  await expectAccessibleContentPage(page);
});

test('a decision published after 7 working days is flagged', async ({ page }) => {
  expect(late, 'the demo content has no late decision').toBeDefined();
  await page.goto(decisionPath(late!.docNo));
  await expect(page.getByText('超过 7 个工作日的公示时限')).toBeVisible();
});

test('a withdrawn decision keeps its URL, shows the date and reason instead of the decision, and is in the log', async ({ page }) => {
  expect(withdrawn, 'the demo content has no withdrawn decision').toBeDefined();
  const d = withdrawn!;
  const response = await page.goto(decisionPath(d.docNo));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: '本决定已撤回' })).toBeVisible();
  await expect(page.getByText(d.withdrawal!.reason)).toBeVisible();
  await expect(page.getByRole('heading', { name: '违法事实' })).toHaveCount(0);
  await expect(page.getByText(d.party.name)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto('/decisions/withdrawn/');
  await expect(page.getByRole('link', { name: d.docNo })).toBeVisible();
  await page.goto('/decisions/');
  await expect(page.getByText(`共 ${listed.length} 件`)).toBeVisible();
});

test('a decision past its display period leaves the lists and answers its URL with a notice', async ({ page }) => {
  expect(expired, 'the demo content has no decision past its 公示截止期').toBeDefined();
  const d = expired!;
  const response = await page.goto(decisionPath(d.docNo));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: '公示期已届满' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '违法事实' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto('/decisions/withdrawn/');
  await expect(page.locator('#expired + div').getByRole('link', { name: d.docNo })).toBeVisible();
  const firstPages = await Promise.all(
    Array.from({ length: Math.ceil(listed.length / 20) }, async (_, i) => {
      const r = await page.request.get(i === 0 ? '/decisions/' : `/decisions/page/${i + 1}/`);
      return r.text();
    }),
  );
  expect(firstPages.join('')).not.toContain(d.docNo);
});

test('no public page shows a natural person unmasked', async ({ page }) => {
  const naturalPersons = content.decisions.filter((d) => d.party.kind === 'natural-person');
  expect(naturalPersons.length).toBeGreaterThan(0);
  await page.goto(decisionPath(naturalPersons[0]!.docNo));
  await expect(page.locator('dd', { hasText: /^\p{Script=Han}{1,2}某{1,2}$/u }).first()).toBeVisible();
});

test('the open data holds every listed decision, with 万元 amounts, and no personal data', async ({ page, request }) => {
  const json = (await (await request.get('/data/decisions.json')).json()) as { count: number; decisions: { CF_WSH: string; CF_NR_FK: number }[] };
  expect(json.count).toBe(listed.length);
  const sample = listed.find((d) => d.penalties.some((p) => p.kind === 'fine'))!;
  const row = json.decisions.find((r) => r.CF_WSH === sample.docNo);
  expect(row?.CF_NR_FK).toBe(sample.penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amount ?? 0), 0) / 10_000);
  const csvResponse = await request.get('/data/decisions.csv');
  expect(csvResponse.headers()['content-type']).toContain('text/csv');
  const csv = await csvResponse.text();
  expect(csv.startsWith('\uFEFFCF_WSH,')).toBe(true);
  if (withdrawn) expect(csv).not.toContain(withdrawn.docNo);
  const { findPersonalData } = await import('../../src/schemas/privacy.ts');
  expect(findPersonalData(csv).filter((f) => f.kind !== 'full-name')).toEqual([]);
  const feed = await (await request.get('/decisions/feed.xml')).text();
  expect(feed).toContain('<rss');
  expect((feed.match(/<item>/g) ?? []).length).toBe(Math.min(50, listed.length));
  await page.goto('/data/');
  await expectNoAxeViolations(page);
  await expectNoScripts(page);
});
