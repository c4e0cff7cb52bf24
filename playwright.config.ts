import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot work on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4399);
/** The SMTP sink the lead journey starts (test/e2e/lead-journey.spec.ts) listens on the next port. */
const smtpPort = port + 1;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'mobile', use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 }, isMobile: false, hasTouch: true } },
  ],
  webServer: {
    command: `node test/e2e/serve.ts`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT: 'off',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ADMIN_EMAIL: 'admin@ops.example.org',
      OUTBOX_POLL_MS: '200',
      OUTBOX_RETRY_BASE_S: '1',
      OUTBOX_RETRY_CAP_S: '3',
    },
  },
});
