import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemoContent, editDecision, findDecisionFile, repoRoot } from '../fixtures/content-fixture.ts';

describe('astro build', () => {
  test('when a decision names an unknown county and imposes a penalty its article does not provide, fails naming file, field and rule for both', () => {
    const fixture = copyDemoContent();
    // The output folder must sit inside the project so the build can resolve node_modules.
    const outDir = join(repoRoot, 'dist-test-broken');
    let returnCase = '';
    try {
      const file = findDecisionFile(fixture.dir);
      editDecision(fixture.dir, file, ({ data }) => {
        data.county = '990199';
      });
      returnCase = findDecisionFile(fixture.dir, (d) => d.category === 'refuse-return');
      editDecision(fixture.dir, returnCase, ({ data }) => {
        data.penalties = [{ kind: 'warning', text: '给予警告' }];
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
      expect(output).toContain(`${returnCase}: penalties.0.kind: expected a penalty the cited articles provide`);
      expect(output).toContain('行政处罚法 art. 38');
    } finally {
      fixture.remove();
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 300_000);
});
