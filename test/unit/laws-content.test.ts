import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { copyDemoContent, demoContentDir, editDecision, findDecisionFile, problemsOf } from '../fixtures/content-fixture.ts';

const LAW = 'basis/land-administration-law/2020-01-01.md';
const OLD_MINING = 'basis/mineral-resources-law/2009-08-27.md';

// Every YAML and Markdown file outside basis/, relative to the content directory.
function listContentFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(ya?ml|md)$/.test(f) && !f.startsWith('basis'))
    .sort();
}

let fixture: ReturnType<typeof copyDemoContent>;
beforeEach(() => {
  fixture = copyDemoContent();
});
afterEach(() => fixture.remove());

function edit(file: string, change: (text: string) => string): void {
  const path = join(fixture.dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('the demo laws', () => {
  test('cover every article the demo decisions, categories and procedure pages cite', () => {
    const { laws } = loadContent(demoContentDir);
    const keys = (id: string) => laws.find((l) => l.id === id)?.versions.map((v) => [v.effectiveFrom, v.text.articles.map((a) => a.number)]);
    expect(keys('land-administration-law')).toEqual([['2020-01-01', [57, 67, 68, 74, 75, 76, 77, 78, 81, 82, 83]]]);
    expect(keys('land-administration-regulations')).toEqual([['2021-09-01', [48, 50, 52, 54, 55, 56, 57, 59, 60]]]);
    expect(keys('mineral-resources-law')).toEqual([
      ['2009-08-27', [39, 40, 45]],
      ['2025-07-01', [57, 64]],
    ]);
    expect(keys('mineral-resources-rules')).toEqual([['1994-03-26', [42]]]);
    expect(keys('administrative-penalty-law')).toEqual([['2021-07-15', [9, 28, 33, 34, 36, 37, 38, 39, 44, 45, 48, 54, 55, 57, 58, 59, 60, 61, 63, 64, 65, 67, 72, 85]]]);
    expect(keys('natural-resources-penalty-measures')).toEqual([['2024-05-01', [2, 31, 32, 33, 34]]]);
    expect(keys('administrative-coercion-law')).toEqual([['2012-01-01', [53, 54, 69]]]);
  });

  test('hold every article any content file cites, so no citation falls back to a law page', () => {
    const { laws } = loadContent(demoContentDir);
    const missing: string[] = [];
    for (const file of listContentFiles(demoContentDir)) {
      const text = readFileSync(join(demoContentDir, file), 'utf8');
      for (const m of text.matchAll(/law:\s*([a-z0-9-]+)[,\s]+article:\s*(\d+)/g)) {
        const law = laws.find((l) => l.id === m[1]);
        if (!law?.versions.some((v) => v.articleByKey.has(`article-${m[2]}`))) missing.push(`${file}: ${m[1]} ${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('are all marked as demo excerpts', () => {
    const { laws } = loadContent(demoContentDir);
    const versions = laws.flatMap((l) => l.versions);
    expect(versions.filter((v) => !v.demo || !v.excerpt).map((v) => v.file)).toEqual([]);
  });
});

describe('a broken law file fails with file, field and expectation', () => {
  test('when an article number appears twice, names the line of both', () => {
    edit(LAW, (t) => t.replace('第八十一条 （示例摘录）', '第七十七条 （示例摘录）'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file: LAW,
      field: expect.stringMatching(/^body \(line \d+\)$/),
      expected: expect.stringMatching(/each article once; 第七十七条 already appears on line \d+/),
    });
  });

  test('when a full text (not an excerpt) skips a number, reports the gap', () => {
    edit(LAW, (t) => t.replace('excerpt: true', 'excerpt: false'));
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual({ file: LAW, field: 'body (line 24)', expected: expect.stringMatching(/start at 第一条.*found 第五十七条/) });
    expect(problems).toContainEqual({ file: LAW, field: expect.stringMatching(/^body/), expected: expect.stringMatching(/after 第五十七条 to be number 58; found 第六十七条/) });
  });

  test('when the level is not one of the five, lists them', () => {
    edit(LAW, (t) => t.replace('level: 法律', 'level: 国家标准'));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: LAW, field: 'level', expected: 'expected one of 法律、行政法规、部门规章、地方性法规、规范性文件' });
  });

  test('when two versions overlap in their periods, names both files', () => {
    edit(OLD_MINING, (t) => t.replace('excerpt: true', 'excerpt: true\neffectiveTo: 2025-07-01'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file: OLD_MINING,
      field: 'effectiveTo',
      expected: expect.stringMatching(/before 2025-07-01, when the next version \(basis\/mineral-resources-law\/2025-07-01\.md\) takes effect/),
    });
  });

  test('when the file name differs from effectiveFrom, says what the name must be', () => {
    renameSync(join(fixture.dir, LAW), join(fixture.dir, 'basis/land-administration-law/2019-08-26.md'));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'basis/land-administration-law/2019-08-26.md', field: 'effectiveFrom', expected: expect.stringMatching(/named for .* 2020-01-01\.md/) });
  });

  test('when the id differs from its folder, says so', () => {
    edit(LAW, (t) => t.replace('id: land-administration-law', 'id: land-law'));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: LAW, field: 'id', expected: expect.stringMatching(/match its folder basis\/land-administration-law\/; got "land-law"/) });
  });
});

describe('a citation of an article that does not exist fails the build', () => {
  test('when a decision cites a missing article, names the decision file and basis.N', () => {
    const file = findDecisionFile(fixture.dir, (d) => d.category === 'illegal-occupation');
    editDecision(fixture.dir, file, ({ data }) => {
      (data.basis as { law: string; article: number }[])[1] = { law: 'land-administration-law', article: 79 };
    });
    expect(problemsOf(fixture.dir)).toContainEqual({
      file,
      field: 'basis.1',
      expected: expect.stringMatching(/第七十九条 is not in basis\/land-administration-law\/2020-01-01\.md \(selected articles 第五十七条–第八十三条\)/),
    });
  });

  test('when a decision before 2025-07-01 cites the new mining law article 64, fails naming the 2009 version', () => {
    const file = findDecisionFile(fixture.dir, (d) => d.category === 'unlicensed-mining' && String((d.violation as { endedOn: string }).endedOn) < '2025-07-01');
    editDecision(fixture.dir, file, ({ data }) => {
      data.basis = [{ law: 'mineral-resources-law', article: 64 }];
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'basis.0', expected: expect.stringMatching(/mineral-resources-law\/2009-08-27\.md/) });
  });

  test('when a decision cites a paragraph (款) the article does not have, says how many it has', () => {
    const file = findDecisionFile(fixture.dir, (d) => d.category === 'illegal-occupation');
    editDecision(fixture.dir, file, ({ data }) => {
      (data.basis as Record<string, unknown>[])[0] = { law: 'land-administration-law', article: 77, paragraph: 3 };
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'basis.0.paragraph', expected: expect.stringMatching(/paragraph \(款\) of 第七十七条, which has 2/) });
  });

  test('when a category cites an article no version has, names categories.yaml and the field', () => {
    edit('categories.yaml', (t) => t.replace('{ law: land-administration-law, article: 77 }', '{ law: land-administration-law, article: 99 }'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file: 'categories.yaml',
      field: 'categories.0.penaltyArticles.0',
      expected: 'expected an article that exists in some version of land-administration-law; article 99 is in none',
    });
  });
});
