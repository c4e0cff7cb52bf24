import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemoContent, editDecision, findDecisionFile, repoRoot } from '../fixtures/content-fixture.ts';

describe('astro build', () => {
  test('when a decision names an unknown county, fails naming the file, the field and the expectation', () => {
    const fixture = copyDemoContent();
    // The output folder must sit inside the project so the build can resolve node_modules.
    const outDir = join(repoRoot, 'dist-test-broken');
    try {
      const file = findDecisionFile(fixture.dir);
      editDecision(fixture.dir, file, ({ data }) => {
        data.county = '990199';
      });
      const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
        cwd: repoRoot,
        env: { ...process.env, CONTENT_DIR: fixture.dir, ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        timeout: 240_000,
      });
      const output = `${build.stdout}\n${build.stderr}`;
      expect(build.status, output).not.toBe(0);
      expect(output).toContain(`${file}: county: expected the region code of a county office`);
      expect(output).toContain('got "990199"');
    } finally {
      fixture.remove();
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 300_000);
});
