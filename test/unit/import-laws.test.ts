import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { ProblemList } from '../../src/lib/content/content-error.ts';
import { loadLaws } from '../../src/lib/content/load-laws.ts';
import { parseChineseNumber } from '../../src/lib/laws/chinese-numeral.ts';
import { importLawFile, parseSourceName } from '../../src/lib/laws/import-law.ts';
import { demoContentDir, repoRoot } from '../fixtures/content-fixture.ts';

const realLawsDir = resolve(repoRoot, '..', 'shared', 'data', 'laws');
const haveRealLaws = existsSync(realLawsDir);
const script = join(repoRoot, 'scripts', 'import-laws.ts');

// A made-up law, amended once, in the layout of the official compilations.
const SAMPLE = `# 中华人民共和国示范法

2001年3月4日 第九届全国人民代表大会常务委员会第二十次会议通过

2020年6月7日 第十三届全国人民代表大会常务委员会第十九次会议修正

<!-- INFO END -->

## 第一章 总则

第一条 为了示范，制定本法。

第二条 本法适用于示范事项。

第三条 本法自2021年1月1日起施行。
`;

describe('importLawFile', () => {
  test('reads the promulgation date from a file name with ASCII or full-width brackets', () => {
    expect(parseSourceName('laws/矿产资源法(2024-11-08).md')).toEqual({ name: '矿产资源法', date: '2024-11-08' });
    expect(parseSourceName('示范条例（2020-01-02）.md')).toEqual({ name: '示范条例', date: '2020-01-02' });
    expect(parseSourceName('示范条例.md')).toEqual({ name: '示范条例' });
  });

  test('derives title, level, issuer and dates, and asks to confirm the id and the missing 文号', () => {
    const r = importLawFile(SAMPLE, '示范法(2020-06-07).md');
    expect(r.problems).toEqual([]);
    expect(r.articleCount).toBe(3);
    expect(r.path).toMatch(/^law-[0-9a-f]{8}\/2021-01-01\.md$/);
    expect(r.confirm).toEqual(['id', 'docNo']);
    expect(r.content).toContain('shortTitle: 示范法\nlevel: 法律\nissuer: 全国人民代表大会常务委员会\npromulgatedOn: 2020-06-07\neffectiveFrom: 2021-01-01\n');
    expect(r.content.endsWith(SAMPLE)).toBe(true);
  });

  test('when a text says it takes effect before its amendment, takes the amendment date and asks to confirm it', () => {
    const r = importLawFile(SAMPLE.replace('2021年1月1日', '2001年7月1日'), '示范法(2020-06-07).md', { id: 'demo-law' });
    expect(r.path).toBe('demo-law/2020-06-07.md');
    expect(r.confirm).toEqual(['docNo', 'effectiveFrom']);
  });

  test('when an article paragraph lost its label, reports the gap instead of importing a merged article', () => {
    const r = importLawFile(SAMPLE.replace('第二条 本法', '本法'), '示范法(2020-06-07).md');
    expect(r.problems).toEqual([{ line: 15, expected: expect.stringMatching(/after 第一条 to be number 2; found 第三条/) }]);
  });
});

describe('npm run import:laws', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhifa-import-'));
    writeFileSync(join(dir, '示范法(2020-06-07).md'), SAMPLE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes <out>/<id>/<effective-from>.md that the content loader accepts, and refuses to overwrite it', () => {
    const out = join(dir, 'basis');
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [script, join(dir, '示范法(2020-06-07).md'), '--out', out, '--id', 'demo-law', ...extra], { encoding: 'utf8' });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('demo-law/2021-01-01.md: 3 articles; confirm: docNo');
    const problems = new ProblemList();
    const laws = loadLaws(dir, problems);
    expect(problems.items).toEqual([]);
    expect(laws.map((l) => [l.id, l.versions.map((v) => v.text.articles.length)])).toEqual([['demo-law', [3]]]);
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists (use --force to replace it)');
    expect(run('--force').status).toBe(0);
  });

  test('refuses --id with several files', () => {
    const r = spawnSync(process.execPath, [script, 'a.md', 'b.md', '--id', 'x'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Expected --id with a single file');
  });
});

describe.skipIf(!haveRealLaws)('importing the real law texts in ../shared/data/laws', () => {
  let work: string;
  let contentDir: string;
  let files: string[];
  let importedIds: string[];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'zhifa-real-laws-'));
    contentDir = join(work, 'content');
    cpSync(demoContentDir, contentDir, { recursive: true });
    files = readdirSync(realLawsDir).filter((f) => f.endsWith('.md')).sort();
    const imported = join(work, 'imported');
    execFileSync(process.execPath, [script, ...files.map((f) => join(realLawsDir, f)), '--out', imported], { encoding: 'utf8' });
    // The real texts replace the demo excerpts of the same laws; demo laws with no real text stay.
    importedIds = readdirSync(imported);
    for (const id of importedIds) {
      rmSync(join(contentDir, 'basis', id), { recursive: true, force: true });
      cpSync(join(imported, id), join(contentDir, 'basis', id), { recursive: true });
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('finds at least one file', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test('imports every article of every file with the numbers of the source, none merged or split', () => {
    const problems = new ProblemList();
    const laws = loadLaws(contentDir, problems);
    expect(problems.items).toEqual([]);
    const realVersions = laws.flatMap((l) => l.versions).filter((v) => !v.demo);
    expect(realVersions).toHaveLength(files.length);
    const imported = new Map(laws.flatMap((l) => l.versions.filter((v) => !v.demo).map((v) => [v.source, v] as const)));
    for (const file of files) {
      // Counted independently of the parser: every line that starts 第N条.
      const source = readFileSync(join(realLawsDir, file), 'utf8').split(/\r?\n/);
      const labelled = source.map((l) => /^第([零一二三四五六七八九十百千]+)条/.exec(l)).filter((m) => m !== null);
      const version = [...imported.values()].find((v) => v.source.includes(file));
      expect(version, `${file} imported`).toBeDefined();
      expect(version!.text.articles.map((a) => a.number), file).toEqual(labelled.map((m) => parseChineseNumber(m[1] ?? '')));
      // Each article starts with exactly the source line that carries its label.
      expect(version!.text.articles.map((a) => `${a.label} ${a.paragraphs[0]}`), file).toEqual(labelled.map((m) => m.input.trim()));
    }
    console.log(`imported ${files.length} files, ${realVersions.reduce((n, v) => n + v.text.articles.length, 0)} articles`);
  });

  test('the whole content, demo decisions included, validates against the real texts', () => {
    const content = loadContent(contentDir);
    const demoLeft = content.laws.filter((l) => l.versions.some((v) => v.demo)).map((l) => l.id);
    expect(importedIds.filter((id) => demoLeft.includes(id))).toEqual([]);
    expect(importedIds).toEqual(expect.arrayContaining(['land-administration-law', 'mineral-resources-law', 'administrative-penalty-law']));
    expect(content.decisions.length).toBeGreaterThan(0);
  });

  test('astro build succeeds with them and writes a page for every article', () => {
    // The output folder must sit inside the project so the build can resolve node_modules.
    const outDir = join(repoRoot, `.dist-import-test-${process.pid}`);
    try {
      const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
        cwd: repoRoot,
        env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        timeout: 280_000,
      });
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const { laws } = loadContent(contentDir);
      const articlePages = laws.flatMap((l) => l.versions.flatMap((v) => v.text.articles.map((a) => join(outDir, 'client', 'basis', l.id, v.effectiveFrom, a.key, 'index.html'))));
      expect(articlePages.filter((p) => !existsSync(p))).toEqual([]);
      expect(articlePages.length).toBeGreaterThan(500);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 300_000);
});

if (!haveRealLaws) {
  test.skip(`real law texts not found at ../shared/data/laws — the import of the real files is not tested`, () => {});
}
