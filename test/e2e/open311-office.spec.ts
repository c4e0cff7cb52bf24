// A lead filed through Open311, as the county office opens it on a phone:
// the channel, the answers and a long media link, readable at 360 px and
// without axe violations. Its own server (the built site) over a fresh data
// directory, so the key can be made with the operator's command.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { readConfig } from '../../api/config.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, expectNoScripts } from './helpers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-e2e-open311-'));
let running: RunningServer;

test.beforeAll(async () => {
  running = await startServer(readConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, RATE_LIMIT: 'off', WORKERS: 'off', SMTP_URL: '', PUBLIC_URL: '' }));
});
test.afterAll(async () => {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('an Open311 lead on the office’s phone: channel, answers and a long media link, no overflow, no axe violations', async ({ browser, page }, testInfo) => {
  const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'node'), [join(root, 'api', 'apikey.ts'), 'create', '示范日报社'], { env: { ...process.env, DATA_DIR: dataDir }, cwd: root });
  const key = /o311_[A-Za-z0-9_-]{43}/.exec(stdout)?.[0] ?? '';
  const body = new URLSearchParams({
    api_key: key,
    service_code: 'unlicensed-mining',
    lat: '30.42',
    long: '116.515',
    description: '河滩上有人夜里用挖掘机挖砂，砂堆已经很高。',
    media_url: `https://media.example.org/${'photos/2026/12/'.repeat(12)}river-sand-night.jpg`,
    'attribute[mineral]': 'sand',
    'attribute[machinery]': 'yes',
    'attribute[at_night]': 'yes',
  });
  const res = await fetch(`${running.url}/open311/v2/requests.json`, { method: 'POST', body });
  expect(res.status).toBe(201);
  const id = ((await res.json()) as { service_request_id: string }[])[0]?.service_request_id;

  const office = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const officer = await office.newPage();
  const link = new URL(await running.service.officeLink('990102'));
  await officer.goto(`${running.url}${link.pathname}${link.search}`);
  await officer.goto(`${running.url}/office/leads/${id}/`);
  const main = officer.locator('main');
  await expect(main).toContainText('Open311 接口 · 示范日报社');
  await expect(main).toContainText('河砂、砂石');
  await expect(officer.getByRole('link', { name: /river-sand-night\.jpg/ })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expectNoScripts(officer);
  await expectNoHorizontalScroll(officer);
  // For a person to look at (test-results/).
  await officer.locator('section[aria-labelledby="facts-title"]').screenshot({ path: testInfo.outputPath('office-open311-lead.png') });
  const html = await officer.content();
  await office.close();

  // axe needs a script: the page as served, in a page of the same origin so its styles load.
  await page.goto(`${running.url}/`);
  await page.setContent(html);
  await expectNoAxeViolations(page);
});
