import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { copyDemoContent, demoContentDir, editDecision, findDecisionFile, problemsOf } from '../fixtures/content-fixture.ts';

let fixture: ReturnType<typeof copyDemoContent>;
beforeEach(() => {
  fixture = copyDemoContent();
});
afterEach(() => fixture.remove());

describe('the demo content', () => {
  test('loads without a problem and has at least 40 decisions', () => {
    const content = loadContent(demoContentDir);
    expect(content.decisions.length).toBeGreaterThanOrEqual(40);
  });
});

describe('a broken decision fails with file, field and expectation', () => {
  test('when two decisions share a 文号, names the second file and the first', () => {
    const first = findDecisionFile(fixture.dir);
    const second = findDecisionFile(fixture.dir, (d) => d.docNo !== readDocNo(first));
    editDecision(fixture.dir, second, ({ data }) => {
      data.docNo = readDocNo(first);
    });
    expect(problemsOf(fixture.dir)).toContainEqual({
      file: second,
      field: 'docNo',
      expected: expect.stringMatching(/unique 文号.*already used by decisions\//),
    });
  });

  test('when the category is unknown, lists the known codes', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      data.category = 'land-grab';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'category', expected: expect.stringMatching(/category code from categories\.yaml.*illegal-occupation.*got "land-grab"/) });
  });

  test('when the category is out of scope, refuses it', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      data.category = 'ownership-dispute';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'category', expected: expect.stringMatching(/out of scope/) });
  });

  test('when the county code is unknown, lists the county codes', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      data.county = '990199';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'county', expected: expect.stringMatching(/county office.*990102.*got "990199"/) });
  });

  test('when a credit code has a wrong GB 32100 check character, says so', () => {
    const file = findDecisionFile(fixture.dir, (d) => (d.party as { kind: string }).kind === 'legal-person');
    editDecision(fixture.dir, file, ({ data }) => {
      const party = data.party as { creditCode: string };
      const last = party.creditCode.slice(-1);
      party.creditCode = party.creditCode.slice(0, 17) + (last === '0' ? '1' : '0');
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'party.creditCode', expected: expect.stringMatching(/GB 32100 check character/) });
  });

  test('when publication precedes the decision, names publishedOn', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      data.publishedOn = '2020-01-01';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'publishedOn', expected: expect.stringMatching(/on or after decidedOn/) });
  });

  test('when an amount is negative, names the penalty amount', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      (data.penalties as { kind: string; amount?: number; text: string }[]).push({ kind: 'fine', amount: -500, text: '罚款' });
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: expect.stringMatching(/^penalties\.\d+\.amount$/), expected: expect.stringMatching(/0 元 or more/) });
  });

  test('when an amount is not a number, names the penalty amount', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      (data.penalties as { kind: string; amount?: unknown; text: string }[])[0] = { kind: 'fine', amount: '十二万', text: '罚款十二万元' };
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'penalties.0.amount', expected: expect.stringMatching(/amount in 元/) });
  });

  test('when withdrawn without a reason, asks for the withdrawal', () => {
    const file = findDecisionFile(fixture.dir, (d) => d.status === 'in-force');
    editDecision(fixture.dir, file, ({ data }) => {
      data.status = 'withdrawn';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: "withdrawal", expected: expect.stringMatching(/withdrawal \{ revokedOn, revokedBy, takenDownOn, reason \}/) });
  });

  test('when the facts carry a resident ID number, refuses it without repeating it', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, (d) => {
      d.body += '\n\n当事人身份证号码11010519491231002X。\n';
    });
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual({ file, field: expect.stringMatching(/^facts/), expected: expect.stringMatching(/身份证号/) });
    expect(JSON.stringify(problems)).not.toContain('11010519491231002X');
  });

  test('when the facts carry a mobile number, refuses it', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, (d) => {
      d.body += '\n\n联系电话 138 1234 5678。\n';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: expect.stringMatching(/^facts/), expected: expect.stringMatching(/phone number/) });
  });

  test('when a natural person is named in full, asks for 张某 / 张某某', () => {
    const file = findDecisionFile(fixture.dir, (d) => (d.party as { kind: string }).kind === 'natural-person');
    editDecision(fixture.dir, file, ({ data }) => {
      (data.party as { name: string }).name = '张三丰';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'party.name', expected: expect.stringMatching(/masked as 张某/) });
  });

  test('when the facts name a person in full after 当事人, refuses it', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, (d) => {
      d.body += '\n\n经查，当事人王小明，男，在村东建房。\n';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: expect.stringMatching(/^facts/), expected: expect.stringMatching(/unmasked name/) });
  });

  test('when a home address is given, refuses it', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, (d) => {
      d.body += '\n\n当事人住址为某村某组。\n';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: expect.stringMatching(/^facts/), expected: expect.stringMatching(/home address/) });
  });

  test('when a field is missing, names it', () => {
    const file = findDecisionFile(fixture.dir);
    editDecision(fixture.dir, file, ({ data }) => {
      delete data.decidedOn;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'decidedOn', expected: expect.stringMatching(/YYYY-MM-DD/) });
  });

  test('when the front matter is not YAML, says so for the file', () => {
    const file = findDecisionFile(fixture.dir);
    writeFileSync(join(fixture.dir, file), '---\ndocNo: [unclosed\n---\n事实\n');
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: '', expected: expect.stringMatching(/valid YAML/) });
  });

  test('when a key appears twice, says so with its line', () => {
    const file = findDecisionFile(fixture.dir);
    const text = readFileSync(join(fixture.dir, file), 'utf8');
    writeFileSync(join(fixture.dir, file), text.replace(/^status: .*$/m, (line) => `${line}\nstatus: executed`));
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: '', expected: expect.stringMatching(/valid YAML \(duplicated mapping key at line \d+/) });
  });

  test('when several files are broken, reports every one at once', () => {
    const a = findDecisionFile(fixture.dir);
    const b = findDecisionFile(fixture.dir, (d) => d.docNo !== readDocNo(a));
    editDecision(fixture.dir, a, ({ data }) => {
      data.county = 'x';
    });
    editDecision(fixture.dir, b, ({ data }) => {
      data.status = 'cancelled';
    });
    const files = new Set(problemsOf(fixture.dir).map((p) => p.file));
    expect(files).toEqual(new Set([a, b]));
  });

  function readDocNo(file: string): string {
    return /docNo: (.*)/.exec(readFileSync(join(fixture.dir, file), 'utf8'))?.[1] ?? '';
  }
});

describe('broken offices, categories and site files fail too', () => {
  test('when an office boundary is not GeoJSON, names the boundary file', () => {
    writeFileSync(join(fixture.dir, 'offices', '990103.geojson'), '{"type":"Point","coordinates":[116,30]}');
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'offices/990103.geojson', field: expect.any(String), expected: expect.stringMatching(/Polygon|GeoJSON/) });
  });

  test('when an out-of-scope category has no redirect, asks for one', () => {
    const path = join(fixture.dir, 'categories.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n    redirect: 请向纪检监察机关[^\n]*/, ''));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'categories.yaml', field: expect.stringMatching(/^categories\.\d+\.redirect$/), expected: expect.stringMatching(/redirect/) });
  });

  test('when site.yaml lacks the authority, names the field', () => {
    const path = join(fixture.dir, 'site.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^authority: .*$/m, ''));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'site.yaml', field: 'authority', expected: expect.any(String) });
  });
});
