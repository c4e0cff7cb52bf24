import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { checkProportionality, verdictFor } from '../../src/lib/baselines/check-proportionality.ts';
import { copyDemoContent, demoContentDir, editDecision, findDecisionFile, problemsOf } from '../fixtures/content-fixture.ts';

const occupation = loadContent(demoContentDir).baselines.find((b) => b.id === 'illegal-occupation-2022');
if (!occupation) throw new Error('Expected the demo baseline illegal-occupation-2022.');

describe('checkProportionality: 1,000 m² of farmland, band 一般 200,000–400,000 元, legal 100,000–1,000,000 元', () => {
  const facts = { area: { farmland: 1000 } };
  test.each([
    [300_000, 'within'],
    [200_000, 'within'],
    [400_000, 'within'],
    [150_000, 'below'],
    [500_000, 'above'],
    [90_000, 'below-legal'],
    [1_100_000, 'above-legal'],
  ] as const)('a fine of %i 元 is %s', (fine, verdict) => {
    const result = checkProportionality(occupation, facts, fine);
    expect(result.ok && result.verdict).toBe(verdict);
  });

  test('when the decision names 较重 but the facts fall in 一般, the named band is reported', () => {
    const result = checkProportionality(occupation, facts, 500_000, 'serious');
    expect(result.ok && result.band.id).toBe('general');
    expect(result.ok && result.namedBand?.id).toBe('serious');
  });

  test('when the named band is the band of the facts, nothing is reported', () => {
    const result = checkProportionality(occupation, facts, 300_000, 'general');
    expect(result.ok && result.namedBand).toBeUndefined();
  });

  test('amounts within half a fen of an end count as equal', () => {
    expect(verdictFor(199_999.996, { min: 200_000, max: 400_000 }, { min: 100_000, max: 1_000_000 })).toBe('within');
  });
});

describe('a broken baseline fails the build with file, field and expectation', () => {
  let fixture: ReturnType<typeof copyDemoContent>;
  afterEach(() => fixture.remove());
  const file = 'baselines/illegal-occupation-2022.yaml';
  const edit = (change: (text: string) => string) => {
    fixture = copyDemoContent();
    const path = join(fixture.dir, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error('Expected the edit to change the fixture.');
    writeFileSync(path, after);
  };

  test('when 较重 starts above 3 亩 instead of 2 亩, reports the gap between 1333.33 and 2000 m² of farmland', () => {
    edit((t) => t.replace('{ landTypes: [farmland], area: { above: 2, unit: mu }, repeat: false }', '{ landTypes: [farmland], area: { above: 3, unit: mu }, repeat: false }'));
    const problem = problemsOf(fixture.dir).find((p) => p.file === file);
    expect(problem?.field).toBe('bands');
    expect(problem?.expected).toContain("expected the bands' conditions to cover every case without a gap; no band covers: ");
    expect(problem?.expected).toContain('土地类型为耕地、面积在 1333.33 至 2000 平方米之间（不含两端）、非再次违法');
    expect(problem?.expected).toContain('土地类型为耕地、面积为 2000 平方米、非再次违法');
  });

  test('when 一般 reaches 3 亩 of farmland, reports that 一般 and 较重 overlap there', () => {
    edit((t) => t.replace('{ landTypes: [farmland], area: { upTo: 2, unit: mu }, repeat: false }', '{ landTypes: [farmland], area: { upTo: 3, unit: mu }, repeat: false }'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file,
      field: 'bands',
      expected:
        "expected the bands' conditions not to overlap; bands general and serious both cover: 土地类型为耕地、面积在 1333.33 至 2000 平方米之间（不含两端）、非再次违法; 土地类型为耕地、面积为 2000 平方米、非再次违法",
    });
  });

  test('when a band leaves the legal range, names the band and both ranges', () => {
    edit((t) => t.replace('range: { min: 100, max: 200 }', 'range: { min: 50, max: 200 }'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file,
      field: 'bands.0.range',
      expected: 'expected a range inside the legal range 每平方米 100–1,000 元; got 每平方米 50–200 元',
    });
  });

  test('when the baseline refines an article the basis lacks, names the law and article', () => {
    edit((t) => t.replace('- { law: land-administration-law, article: 77 }', '- { law: land-administration-law, article: 277 }'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file,
      field: 'refines.0',
      expected: 'expected an article that exists in content/basis; land-administration-law has no article 277',
    });
  });

  test('when a mining band covers small ore values without a fallback range, asks for one', () => {
    fixture = copyDemoContent();
    const path = join(fixture.dir, 'baselines/unlicensed-mining-2025.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('    fallbackRange: { min: 100000, max: 300000 }\n', ''));
    expect(problemsOf(fixture.dir)).toContainEqual(
      expect.objectContaining({ file: 'baselines/unlicensed-mining-2025.yaml', field: 'bands.0.fallbackRange' }),
    );
  });

  test('when a decision names a band its baseline does not have, names the bands', () => {
    fixture = copyDemoContent();
    const decision = findDecisionFile(fixture.dir, (d) => (d.baseline as { id?: string } | undefined)?.id === 'illegal-occupation-2022');
    editDecision(fixture.dir, decision, ({ data }) => {
      data.baseline = { id: 'illegal-occupation-2022', band: 'extreme' };
    });
    expect(problemsOf(fixture.dir)).toContainEqual({
      file: decision,
      field: 'baseline.band',
      expected: 'expected a band of illegal-occupation-2022 (minor, general, serious, grave); got "extreme"',
    });
  });
});
