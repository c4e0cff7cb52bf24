// `npm start`: builds the site when there is no build yet, then serves it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { astroEntry, readConfig } from '../api/config.ts';

const config = readConfig();
if (!existsSync(astroEntry(config)) || process.env.REBUILD === '1') {
  console.log('Building the site (first start)…');
  const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../api/server.ts').then(async ({ startServer }) => {
  const running = await startServer(config);
  console.log(`执法公示 serving on ${running.url}`);
  const stop = () => running.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
