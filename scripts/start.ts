// `npm start`: builds the site when there is no build, the build is older than
// the content or the source, or it was made for another public origin (its open
// data and feed carry absolute links), then serves it on one port (default 4321).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { astroEntry, readConfig } from '../api/config.ts';
import { compressBuild } from './compress-build.ts';
import { builtFor } from './built-for.ts';

const config = readConfig();

/** The newest modification time of any file below the given paths. */
function newestChange(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    else
      for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
        newest = Math.max(newest, statSync(join(path, name)).mtimeMs);
      }
  }
  return newest;
}

const entry = astroEntry(config);
const stale = !existsSync(entry) || newestChange([config.contentDir, 'src', 'public', 'astro.config.mjs']) > statSync(entry).mtimeMs;
const origin = builtFor(config.distDir);
const otherOrigin = existsSync(entry) && origin !== config.publicUrl;
if (stale || otherOrigin || process.env.REBUILD === '1') {
  console.log(
    !existsSync(entry)
      ? 'Building the site (first start)…'
      : otherOrigin
        ? `The build links to ${origin ?? 'another origin'}, this server is ${config.publicUrl}: rebuilding…`
        : 'Content or source changed since the last build: rebuilding…',
  );
  const build = spawnSync('npx', ['astro', 'build', '--outDir', config.distDir], { stdio: 'inherit', env: { ...process.env, CONTENT_DIR: config.contentDir } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  compressBuild(join(config.distDir, 'client'));
}

const { startServer } = await import('../api/server.ts');
const running = await startServer(config);
console.log(`执法公示 serving on ${running.url}`);
const stop = () => running.close().then(() => process.exit(0), () => process.exit(1));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
