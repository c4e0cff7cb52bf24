// `npm run apikey -- create "<organisation>"`, `… revoke <id>`, `… list`: the
// Open311 clients' keys. A key is printed once, when it is made, and stored
// only as its hash; a revoked key is refused (403) from the next request on,
// and the leads it filed keep naming it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config.ts';
import { openDatabase } from './infra/database.ts';
import { migrate } from './infra/migrations.ts';
import { createApiKeyStore } from './infra/api-key-store.ts';

const USAGE = 'Usage: npm run apikey -- create "<organisation>" | revoke <id> | list';
const [command, argument] = process.argv.slice(2);
const config = readConfig();
// The data directory is the service's alone, as main.ts makes it.
process.umask(0o077);
mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
const db = await openDatabase(join(config.dataDir, 'portal.sqlite'));
try {
  await migrate(db);
  const keys = createApiKeyStore(db);
  const now = new Date().toISOString();
  if (command === 'create' && argument) {
    const { id, key } = await keys.create(argument, now);
    console.log(`Key ${id} for ${argument.trim()}. It is shown this once; give it to the organisation and keep no copy:`);
    console.log(key);
  } else if (command === 'revoke' && argument && /^\d+$/.test(argument)) {
    if (await keys.revoke(Number(argument), now)) console.log(`Key ${argument} is revoked: it is refused from the next request on.`);
    else {
      console.error(`No live key ${argument} (unknown, or revoked already).`);
      process.exitCode = 1;
    }
  } else if (command === 'list') {
    const rows = await keys.list();
    if (rows.length === 0) console.log('No keys yet.');
    for (const r of rows) console.log([r.id, r.key_prefix + '…', r.organisation, r.created_at, r.revoked_at ? `revoked ${r.revoked_at}` : 'live'].join('\t'));
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.close();
}
