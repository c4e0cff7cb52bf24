import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemoContent, editDecision, findDecisionFile, problemsOf } from '../fixtures/content-fixture.ts';

// One broken fixture per legal rule the build checks. Each message must name
// the file, the field and the rule, so an editor can fix it without reading code.
let fixture: ReturnType<typeof copyDemoContent>;
beforeEach(() => {
  fixture = copyDemoContent();
});
afterEach(() => fixture.remove());

type Data = Record<string, unknown>;
const penaltiesOf = (d: Data) => d.penalties as { kind: string; amount?: number; text: string; licence?: string }[];
const ended = (d: Data) => {
  const v = d.violation as { startedOn: string; continuing?: boolean; endedOn?: string };
  return v.continuing ? (v.endedOn ?? '') : v.startedOn;
};
const find = (p: (d: Data) => boolean) => findDecisionFile(fixture.dir, p);
const edit = (file: string, change: (d: Data) => void) => editDecision(fixture.dir, file, ({ data }) => change(data));

describe('citations are resolved by date and version (行政处罚法 art. 37)', () => {
  const oldMining = (d: Data) => d.category === 'unlicensed-mining' && ended(d) < '2025-07-01' && String(d.decidedOn) >= '2025-07-01';

  test('naming the 2024 mining law for a violation that ended under the 2009 law fails without lighterNewLaw', () => {
    const file = find(oldMining);
    edit(file, (d) => {
      d.basis = [{ law: 'mineral-resources-law', article: 64, paragraph: 1, version: '2025-07-01' }];
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'basis.0.version', expected: expect.stringMatching(/lighterNewLaw \{ reason \}.*行政处罚法 art\. 37/) });
  });

  test('lighterNewLaw with no citation of a later version is refused', () => {
    const file = find(oldMining);
    edit(file, (d) => {
      d.lighterNewLaw = { reason: '新法对本案的处罚较轻。' };
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'lighterNewLaw', expected: expect.stringMatching(/every citation applies the version in force on the violation date/) });
  });

  test('a decision must cite an article that governs its category', () => {
    const file = find((d) => d.category === 'collective-land-non-farm');
    edit(file, (d) => {
      d.basis = [{ law: 'land-administration-law', article: 74 }, { law: 'land-administration-regulations', article: 54 }];
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'basis', expected: expect.stringMatching(/governs the category collective-land-non-farm \(land-administration-law 82/) });
  });
});

describe('a penalty the cited articles do not provide is void (行政处罚法 art. 38)', () => {
  test('暂扣采矿许可证 under 矿产资源法 2009 art. 40 and 细则 art. 42', () => {
    const file = find((d) => d.category === 'cross-boundary-mining' && ended(d) < '2025-07-01');
    edit(file, (d) => {
      penaltiesOf(d).push({ kind: 'licence-suspend', text: '暂扣采矿许可证三个月', licence: `采矿许可证 C${String(d.authority)}2015038785` });
    });
    expect(problemsOf(fixture.dir)).toContainEqual(
      expect.objectContaining({ file, field: expect.stringMatching(/^penalties\.\d+\.kind$/), expected: expect.stringMatching(/暂扣许可证件 is not among them.*行政处罚法 art\. 38/) }),
    );
  });

  test('警告 under 土地管理法 art. 81', () => {
    const file = find((d) => d.category === 'refuse-return');
    edit(file, (d) => {
      d.penalties = [{ kind: 'warning', text: '给予警告' }];
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'penalties.0.kind', expected: expect.stringMatching(/land-administration-law 2020-01-01 art\. 81: 罚款.*警告 is not among them/) });
  });

  test('责令停产停业 under 矿产资源法 2009 art. 39, where 停止开采 is a correction order', () => {
    const file = find((d) => d.category === 'unlicensed-mining' && ended(d) < '2025-07-01');
    edit(file, (d) => {
      penaltiesOf(d).push({ kind: 'suspend-business', text: '责令停止开采，停产整顿' });
    });
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file, expected: expect.stringMatching(/责令停产停业 is not among them/) }));
  });

  test('吊销采矿许可证 without the conditions of 矿产资源法 2024 art. 64 ¶2', () => {
    const file = find((d) => penaltiesOf(d).some((p) => p.kind === 'licence-revoke'));
    edit(file, (d) => {
      d.circumstances = [];
    });
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file, expected: expect.stringMatching(/condition of mineral-resources-law 2025-07-01 art\. 64 ¶2 for 吊销许可证件: 拒不停止违法行为，情节严重的/) }));
  });

  test('a licence issued by another office cannot be revoked by this one', () => {
    const file = find((d) => penaltiesOf(d).some((p) => p.kind === 'licence-revoke'));
    edit(file, (d) => {
      const p = penaltiesOf(d).find((x) => x.kind === 'licence-revoke');
      if (p) p.licence = '采矿许可证 C9901232019050012345';
    });
    const authority = readFileSync(join(fixture.dir, file), 'utf8').match(/authority: "(\d+)"/)?.[1];
    expect(problemsOf(fixture.dir)).toContainEqual(
      expect.objectContaining({ file, field: expect.stringMatching(/^penalties\.\d+\.licence$/), expected: expect.stringMatching(new RegExp(`issued by the deciding office ${authority}.*issued by 990123.*original licensing body`)) }),
    );
  });

  test('限期拆除 under 土地管理法 art. 77 on 建设用地, where the demolition branch concerns 农用地', () => {
    const file = find((d) => d.category === 'illegal-occupation' && (d.area as Data).construction !== undefined && penaltiesOf(d).some((p) => p.kind === 'fine'));
    edit(file, (d) => {
      d.penalties = [{ kind: 'demolish', text: '限期拆除新建的厂房' }, ...penaltiesOf(d).filter((p) => p.kind === 'fine')];
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'penalties.0.kind', expected: expect.stringMatching(/condition of land-administration-law 2020-01-01 art\. 77 .*农用地改为建设用地/) });
  });

  test('an order the cited articles do not provide', () => {
    const file = find((d) => d.category === 'illegal-occupation');
    edit(file, (d) => {
      d.orders = [{ kind: 'hand-back', text: '责令交还土地' }];
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'orders.0.kind', expected: expect.stringMatching(/an order the cited articles provide.*got 责令交还土地/) });
  });
});

describe('amounts', () => {
  test('a fine above the 30 % of 条例 art. 60 for collective land put to non-farm use', () => {
    const file = find((d) => d.category === 'collective-land-non-farm');
    edit(file, (d) => {
      const fine = penaltiesOf(d).find((p) => p.kind === 'fine');
      const income = Number(d.illegalIncome);
      if (fine) {
        fine.amount = income * 0.35;
        fine.text = `处以违法所得35%的罚款，计人民币${income * 0.35}元`;
      }
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'penalties', expected: expect.stringMatching(/within the range of land-administration-regulations 2021-09-01 art\. 60/) });
  });

  test('a fine that is not the arithmetic its text states (15 % of 249,655 元 is 37,448.25 元)', () => {
    const file = find((d) => d.category === 'unlicensed-mining' && ended(d) < '2025-07-01');
    edit(file, (d) => {
      d.illegalIncome = 249655;
      const income = penaltiesOf(d).find((p) => p.kind === 'confiscate-income');
      if (income) income.amount = 249655;
      const fine = penaltiesOf(d).find((p) => p.kind === 'fine');
      if (fine) {
        fine.amount = 37449;
        fine.text = '处以违法所得15%的罚款，计人民币37449元';
      }
    });
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file, field: expect.stringMatching(/^penalties\.\d+\.amount$/), expected: expect.stringMatching(/^expected 37448\.25 元.*got 37449$/) }));
  });

  test('the same ore counted twice, as property and as illegal income', () => {
    const file = find((d) => d.category === 'unlicensed-mining' && ended(d) < '2025-07-01');
    edit(file, (d) => {
      const value = Number((d.fineBasis as Data).oreValue);
      d.illegalIncome = value;
      for (const p of penaltiesOf(d)) if (p.kind === 'confiscate-property' || p.kind === 'confiscate-income') p.amount = value;
      const fine = penaltiesOf(d).find((p) => p.kind === 'fine');
      if (fine) {
        fine.amount = value * 0.3;
        fine.text = `处以违法所得30%的罚款，计人民币${value * 0.3}元`;
      }
    });
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual(expect.objectContaining({ file, expected: expect.stringMatching(/the same value counted twice/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file, field: 'penalties', expected: expect.stringMatching(/add up to at most the value of the ore mined/) }));
  });

  test('破坏耕地 on land that is not 耕地 (土地管理法 art. 75, 耕地开垦费 base)', () => {
    const file = find((d) => d.category === 'farmland-damage');
    edit(file, (d) => {
      d.area = { otherAgricultural: (d.area as { farmland: number }).farmland };
    });
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file, field: 'area', expected: expect.stringMatching(/land of type basicFarmland or farmland.*art\. 75/) }));
  });
});

describe('display periods follow the credit class (信用修复管理办法)', () => {
  test('一般失信 information shown for three years fails, naming the bounds and the rule', () => {
    const file = find((d) => d.creditClass === 'general' && d.status !== 'withdrawn');
    edit(file, (d) => {
      const y = Number(String(d.decidedOn).slice(0, 4)) + 3;
      d.displayUntil = `${y}${String(d.decidedOn).slice(4)}`;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'displayUntil', expected: expect.stringMatching(/3–12 months from decidedOn for the class general .*信用/) });
  });

  test('the 轻微 class does not exist before 2026-04-01', () => {
    const file = find((d) => String(d.decidedOn) < '2026-01-01' && d.status !== 'withdrawn');
    edit(file, (d) => {
      d.creditClass = 'minor';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'creditClass', expected: expect.stringMatching(/a class the rules in force on .* know \(general, serious\)/) });
  });

  test('a credit repair before the minimum period has run', () => {
    const file = find((d) => d.creditRepair !== undefined);
    edit(file, (d) => {
      (d.creditRepair as Data).date = d.decidedOn;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'creditRepair.date', expected: expect.stringMatching(/once the minimum period/) });
  });

  test('a revoked licence is 严重失信 information', () => {
    const file = find((d) => penaltiesOf(d).some((p) => p.kind === 'licence-revoke'));
    edit(file, (d) => {
      d.creditClass = 'general';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'creditClass', expected: expect.stringMatching(/expected serious: a revoked licence/) });
  });
});

describe('legal review (重大执法决定法制审核, 行政处罚法 arts. 57–58)', () => {
  test('a demolition decision without a review record fails the build', () => {
    const file = find((d) => penaltiesOf(d).some((p) => p.kind === 'demolish'));
    edit(file, (d) => {
      delete d.legalReview;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'legalReview', expected: expect.stringMatching(/meets the review catalogue \(.*拟责令限期拆除.*行政处罚法 art\. 58/) });
  });

  test('a decision the catalogue marks for collective discussion needs its record', () => {
    const file = find((d) => penaltiesOf(d).some((p) => p.kind === 'demolish'));
    edit(file, (d) => {
      delete d.collectiveDiscussion;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'collectiveDiscussion', expected: expect.stringMatching(/集体讨论.*art\. 57 ¶2/) });
  });

  test('a review dated after the decision is refused', () => {
    const file = find((d) => d.legalReview !== undefined);
    edit(file, (d) => {
      (d.legalReview as Data).reviewedOn = '2030-01-01';
    });
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file, field: 'legalReview.reviewedOn', expected: expect.stringMatching(/review comes before the decision/) }));
  });
});

describe('dates of the case', () => {
  test('a continuing violation needs its end date (行政处罚法 art. 36 ¶2)', () => {
    const file = find((d) => (d.violation as Data).continuing === true);
    edit(file, (d) => {
      delete (d.violation as Data).endedOn;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'violation.endedOn', expected: expect.stringMatching(/art\. 36 ¶2/) });
  });

  test('立案 after the decision is refused', () => {
    const file = find(() => true);
    edit(file, (d) => {
      d.filedOn = '2030-01-01';
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'filedOn', expected: expect.stringMatching(/on or before decidedOn/) });
  });

  test('a take-down before the revoking decision is refused', () => {
    const file = find((d) => d.status === 'withdrawn');
    edit(file, (d) => {
      const w = d.withdrawal as Data;
      w.takenDownOn = d.decidedOn;
    });
    expect(problemsOf(fixture.dir)).toContainEqual({ file, field: 'withdrawal.takenDownOn', expected: expect.stringMatching(/on or after revokedOn/) });
  });
});

describe('the 事前公开 files', () => {
  const editYaml = (name: string, change: (t: string) => string) => {
    const path = join(fixture.dir, 'publicity', name);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };

  test('a 执法证号 of the wrong form', () => {
    editYaml('staff.yaml', (t) => t.replace('certificateNo: "99010000101"', 'certificateNo: "A-101"'));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'publicity/staff.yaml', field: 'staff.0.certificateNo', expected: expect.stringMatching(/行政执法证号 of the demo province/) });
  });

  test('a 执法证号 issued for another office', () => {
    editYaml('staff.yaml', (t) => t.replace('certificateNo: "99010200011"', 'certificateNo: "99010300011"'));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'publicity/staff.yaml', field: 'staff.2.certificateNo', expected: expect.stringMatching(/issued for the office 990102.*got 990103/) });
  });

  test('a staff entry with an ID number field is refused: the schema has none', () => {
    editYaml('staff.yaml', (t) => t.replace('{ name: 周明远,', '{ name: 周明远, idNumber: "110101199003077777",'));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file: 'publicity/staff.yaml', field: 'staff.0' }));
  });

  test('an inspection result for an item not in the list', () => {
    editYaml('inspections.yaml', (t) => t.replace('- { item: mining-rights,', '- { item: mining-right,'));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file: 'publicity/inspections.yaml', field: expect.stringMatching(/^results\.\d+\.item$/), expected: expect.stringMatching(/got "mining-right"/) }));
  });

  test('a missing publicity file fails the build naming it', () => {
    rmSync(join(fixture.dir, 'publicity', 'review-catalogue.yaml'));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'publicity/review-catalogue.yaml', field: '', expected: expect.stringMatching(/expected this file/) });
  });

  test('a 权责清单 power resting on an article that is not in the basis', () => {
    editYaml('powers.yaml', (t) => t.replace('- { law: mineral-resources-law, article: 57 }', '- { law: mineral-resources-law, article: 58 }'));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file: 'publicity/powers.yaml', expected: expect.stringMatching(/mineral-resources-law has no article 58/) }));
  });
});
