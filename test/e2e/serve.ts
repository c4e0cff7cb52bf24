// Serves the built site for the browser tests with a fresh data directory, so
// every run starts from an empty store and leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../api/server.ts';
import { readConfig } from '../../api/config.ts';

const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'zhifa-e2e-'));
const running = await startServer(readConfig({ ...process.env, DATA_DIR: dataDir }));
console.log(`e2e server on ${running.url}, data in ${dataDir}`);
const stop = () =>
  running.close().finally(() => {
    if (!process.env.E2E_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
