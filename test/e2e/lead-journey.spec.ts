// From a citizen's phone to the county office and back: a report filed in the
// browser reaches the office's mailbox (a real SMTP server here), the officer
// opens the link, acknowledges and records an outcome, and the reporter sees
// it with the tracking code.
import { expect, test } from '@playwright/test';
import { startSink, type Sink } from '../api/smtp-sink.ts';
// The port playwright.config.ts gives the server's SMTP_URL.
const smtpPort = Number(process.env.E2E_PORT ?? 4399) + 1;
import { expectNoAxeViolations, expectNoHorizontalScroll, expectNoScripts } from './helpers.ts';

const DONGHU = { lat: 30.42, lng: 116.515 };
let sink: Sink;

test.beforeAll(async () => {
  sink = await startSink(smtpPort);
});
test.afterAll(async () => {
  await sink.close();
});

test('a report filed in the browser reaches 东湖区 by e-mail; the office acknowledges and records an outcome on its phone; the reporter sees it', async ({ page, browser, baseURL }) => {
  const description = `旅程测试 ${Date.now()}：村南的耕地上有人用挖掘机挖塘，已经挖了三天。`;
  await page.goto('/report/');
  await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
  await page.getByLabel('破坏耕地').check();
  await page.getByLabel('发生了什么').fill(description);
  await page.getByLabel('纬度').fill(String(DONGHU.lat));
  await page.getByLabel('经度').fill(String(DONGHU.lng));
  await page.getByLabel('可以联系我核实情况').check();
  await page.getByLabel('电子邮箱').fill('villager@example.org');
  await page.getByRole('button', { name: '提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已收到' })).toBeFocused();
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  const secret = (await page.getByTestId('tracking-secret').textContent())?.trim() ?? '';

  // The lead in the office's mailbox.
  const until = Date.now() + 30_000;
  let mail = sink.messages.find((m) => m.subject?.includes(code));
  while (!mail && Date.now() < until) {
    await page.waitForTimeout(200);
    mail = sink.messages.find((m) => m.subject?.includes(code));
  }
  expect(mail, `a mail for ${code}`).toBeDefined();
  expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('990102@leads.example.org');
  expect(mail?.text).toContain(description);
  expect(mail?.text).toContain('villager@example.org');
  const link = /打开线索页面（签收、记录核查结果）：(\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
  const officeLink = new URL(new URL(link).pathname + new URL(link).search, baseURL).href;

  // The officer, on a phone, without JavaScript: every office page works as plain HTML.
  const office = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const officer = await office.newPage();
  await officer.goto(officeLink);
  await expect(officer).toHaveURL(/\/office\/leads\/\d+\/$/);
  await expect(officer.getByRole('heading', { level: 1 })).toContainText(code);
  await expect(officer.locator('main')).toContainText('villager@example.org');
  await expect(officer.locator('main')).toContainText('坐标 GCJ-02');
  await expectNoScripts(officer);
  await expectNoHorizontalScroll(officer);
  const leadHtml = await officer.content();

  // 签收, by keyboard.
  await officer.getByRole('button', { name: '签收' }).focus();
  await officer.keyboard.press('Enter');
  await expect(officer.getByRole('status')).toContainText('已签收');
  // A result without a summary is refused, the error summary names the field.
  await officer.getByLabel('已制止').check();
  await officer.getByRole('button', { name: '记录核查结果' }).click();
  await expect(officer.getByRole('alert')).toContainText('请填写公开说明');
  await expect(officer.getByLabel('已制止')).toBeChecked();
  await officer.getByLabel('公开说明（举报人可见，请勿写入个人信息）').fill('已到现场核查，当事人已停止挖塘，责令恢复耕地原状。');
  await officer.getByRole('button', { name: '记录核查结果' }).click();
  await expect(officer.getByRole('status')).toContainText('核查结果已记录');
  await expect(officer.locator('.timeline')).toContainText('核查结果：已制止');
  const inbox = new URL(/本单位线索列表：(\S+)/.exec(mail?.text ?? '')?.[1] ?? '');
  await officer.goto(new URL(inbox.pathname + inbox.search, baseURL).href);
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('示范市东湖区自然资源局 · 线索');
  await expectNoHorizontalScroll(officer);
  const inboxHtml = await officer.content();
  await office.close();

  // axe on the office pages as they were served.
  for (const html of [leadHtml, inboxHtml]) {
    await page.setContent(html);
    await expectNoAxeViolations(page);
  }

  // The reporter follows it with the code and secret.
  await page.goto('/track/');
  await expect(page.locator('astro-island[component-url*="TrackReport"]:not([ssr])')).toHaveCount(1);
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('查询密钥').fill(secret);
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.locator('.track-result');
  await expect(result).toContainText('已办结');
  await expect(result).toContainText('已制止');
  await expect(result).toContainText('已到现场核查，当事人已停止挖塘，责令恢复耕地原状。');
  await expect(result).toContainText('示范市东湖区自然资源局已签收');
  await expect(result).toContainText(description);
  await expectNoAxeViolations(page);
  // …and was told by e-mail, without the secret.
  const notices = sink.messages.filter((m) => m.to && 'text' in m.to && m.to.text === 'villager@example.org');
  expect(notices.length).toBeGreaterThanOrEqual(1);
  for (const notice of notices) expect(notice.text).not.toContain(secret);
});

test('the public lead figures page reads at 360 px and has no axe violations', async ({ page }) => {
  await page.goto('/leads/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('线索办理情况');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: '示范市东湖区自然资源局' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('示范市东湖区自然资源局');
  await expectNoAxeViolations(page);
});

test('an office page opened without a link, or with a broken one, says so in Chinese and shows nothing else', async ({ page }) => {
  await page.goto('/office/');
  await expect(page.getByRole('alert')).toContainText('请通过线索邮件中的链接打开本页面');
  await page.goto('/office/leads/1/?t=o1.990102.lead-1.zzzzzz.1.AAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByRole('alert')).toContainText('链接无效');
  await expectNoAxeViolations(page);
});
