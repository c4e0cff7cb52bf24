import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkingCalendar } from '../../src/lib/working-days.ts';
import { computeDeadlines, type StepDeadline } from '../../src/lib/procedures/compute-deadlines.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { copyDemoContent, demoContentDir, problemsOf } from '../fixtures/content-fixture.ts';

const calendar = createWorkingCalendar();
const general = () => {
  const p = loadContent(demoContentDir).procedures.find((x) => x.id === 'general-penalty');
  if (!p) throw new Error('Expected the demo procedure general-penalty.');
  return p;
};
const byId = (list: StepDeadline[], id: string) => list.find((s) => s.id === id);

describe('computeDeadlines on the general penalty procedure', () => {
  test('counting from a notice served on Friday 2025-09-26, 陈述申辩 is due on 2025-10-10 (办法 2024 art. 33)', () => {
    // By hand: 5 working days: 09-28 Sun worked (1), 09-29 (2), 09-30 (3), 10-01…08 off, 10-09 (4), 10-10 (5).
    const { steps } = computeDeadlines(general(), 'notice', '2025-09-26', calendar);
    expect(byId(steps, 'notice')).toEqual({ id: 'notice', kind: 'start', date: '2025-09-26' });
    expect(byId(steps, 'statement')).toEqual({ id: 'statement', kind: 'deadline', date: '2025-10-10', certain: true });
    // The hearing request counts from the 听证告知书 (办法 art. 34), not from the 告知书: its date is to be entered.
    expect(byId(steps, 'hearing-request')).toEqual({ id: 'hearing-request', kind: 'needs-date', from: 'hearing-right' });
    expect(byId(steps, 'hearing-notice')).toEqual({ id: 'hearing-notice', kind: 'needs-date', from: 'hearing' });
    expect(byId(steps, 'decision')).toEqual({ id: 'decision', kind: 'needs-date', from: 'file-case' });
  });

  test('with the hearing on Wednesday 2025-10-22, the notice is due by Sunday 10-12, seven working days lying between', () => {
    // By hand, counting back from the day before the hearing: 10-21 (1), 20 (2), 17 (3), 16 (4), 15 (5), 14 (6), 13 (7):
    // notified on 10-12 at the latest, the seven working days 10-13…10-21 lie wholly between notice and hearing.
    const { steps } = computeDeadlines(general(), 'notice', '2025-09-26', calendar, { hearing: '2025-10-22' });
    expect(byId(steps, 'hearing')).toEqual({ id: 'hearing', kind: 'entered', date: '2025-10-22' });
    expect(byId(steps, 'hearing-notice')).toEqual({ id: 'hearing-notice', kind: 'deadline', date: '2025-10-12', certain: true });
  });

  test('an entered decision date replaces the outermost one for service and payment', () => {
    // 立案 2025-07-20 gives a decision by 10-20; decided on Monday 2025-09-01 instead: service within 7 working days → 09-10,
    // payment 15 calendar days after that → 09-25 (Thu).
    const { steps } = computeDeadlines(general(), 'file-case', '2025-07-20', calendar, { decision: '2025-09-01' });
    expect(byId(steps, 'decision')).toEqual({ id: 'decision', kind: 'entered', date: '2025-09-01' });
    expect(byId(steps, 'service')).toMatchObject({ kind: 'deadline', date: '2025-09-10' });
    expect(byId(steps, 'payment')).toMatchObject({ kind: 'deadline', date: '2025-09-25' });
  });
});

describe('the deadline calculator model', () => {
  test('lists only the steps from the chosen start on, and offers the dates later limits count from', async () => {
    const { deadlineRows, countedEvents } = await import('../../src/islands/deadline-calculator/deadline-model.ts');
    const { compactCalendar } = await import('../../src/lib/procedures/compact-calendar.ts');
    const p = general();
    // As the page hands them to the island: id, name and limit.
    const asGiven = (items: readonly { id: string; name: string; limit?: (typeof p.steps)[number]['limit'] }[]) => items.map((s) => ({ id: s.id, name: s.name, ...(s.limit ? { limit: s.limit } : {}) }));
    const [steps, remedies] = [asGiven(p.steps), asGiven(p.remedies)];
    const rows = deadlineRows(steps, remedies, compactCalendar(calendar, 2024, 2027), 'notice', '2025-09-26');
    expect(rows.steps.map((r) => r.id)).toEqual(p.steps.slice(p.steps.findIndex((s) => s.id === 'notice')).map((s) => s.id));
    expect(rows.steps.find((r) => r.id === 'hearing-notice')?.result).toBe('填写“举行听证”的日期后计算');
    expect(countedEvents(steps, remedies, 'notice').map((e) => e.id)).toEqual(['file-case', 'hearing-right', 'hearing', 'decision', 'service', 'reminder', 'reconsideration-decision']);
  });

  test('counting from a 听证告知书 served on Friday 2025-09-26, the hearing request is due on 2025-10-10', () => {
    const { steps } = computeDeadlines(general(), 'hearing-right', '2025-09-26', calendar);
    expect(byId(steps, 'hearing-request')).toEqual({ id: 'hearing-request', kind: 'deadline', date: '2025-10-10', certain: true });
  });

  test('after a 催告书 served on Friday 2025-09-26, the court may be asked from 2025-10-17 (行政强制法 arts. 54, 69)', () => {
    // By hand: 10 working days: 09-28 (1), 29 (2), 30 (3), 10-01…08 off, 09 (4), 10 (5), 11 Sat worked (6), 13 (7), 14 (8), 15 (9), 16 (10); then the next day.
    const { steps } = computeDeadlines(general(), 'reminder', '2025-09-26', calendar);
    expect(byId(steps, 'enforcement')).toEqual({ id: 'enforcement', kind: 'earliest', date: '2025-10-17', certain: true });
  });

  test('a suit against a 复议决定 received on 2025-09-20 is due 15 days later, on 2025-10-09 after the holiday (行政诉讼法 art. 45)', () => {
    const { remedies } = computeDeadlines(general(), 'reconsideration-decision', '2025-09-20', calendar);
    expect(byId(remedies, 'litigation-after-reconsideration')).toMatchObject({ kind: 'deadline', date: '2025-10-09' });
  });

  test('counting from 立案 on Sunday 2025-07-20, the decision is due 2025-10-20 and service 2025-10-29', () => {
    // By hand: 07-20 + 90 calendar days = 10-18, a Saturday that is not worked → next working day 10-20 (Mon).
    // Service: 7 working days after 10-20: 21, 22, 23, 24, 27, 28, 29 → 10-29.
    // Payment: 15 calendar days after 10-29 = 11-13 (Thu).
    const { steps, remedies } = computeDeadlines(general(), 'file-case', '2025-07-20', calendar);
    expect(byId(steps, 'decision')).toMatchObject({ kind: 'deadline', date: '2025-10-20' });
    expect(byId(steps, 'service')).toMatchObject({ kind: 'deadline', date: '2025-10-29' });
    expect(byId(steps, 'payment')).toMatchObject({ kind: 'deadline', date: '2025-11-13' });
    // 复议 60 days after 10-29 = 12-28, a Sunday → 12-29; 诉讼 6 months after 10-29 = 2026-04-29 (Wed).
    expect(byId(remedies, 'reconsideration')).toMatchObject({ kind: 'deadline', date: '2025-12-29', certain: true });
    expect(byId(remedies, 'litigation')).toMatchObject({ kind: 'deadline', date: '2026-04-29', certain: true });
  });

  test('a calendar-day period ending in the 国庆 holiday runs to the first working day after it', () => {
    // By hand: served 2025-09-20; 15 calendar days → 10-05 (holiday) → 10-09; same for the 15-day demolition suit.
    const { steps, remedies } = computeDeadlines(general(), 'service', '2025-09-20', calendar);
    expect(byId(steps, 'payment')).toMatchObject({ date: '2025-10-09' });
    expect(byId(remedies, 'demolition-litigation')).toMatchObject({ date: '2025-10-09' });
  });

  test('a deadline in 2027, whose arrangement is unpublished, is marked uncertain', () => {
    // 诉讼 6 months after 2026-08-10 → 2027-02-10.
    const { remedies } = computeDeadlines(general(), 'service', '2026-08-10', calendar);
    expect(byId(remedies, 'litigation')).toMatchObject({ kind: 'deadline', certain: false });
    expect(byId(remedies, 'reconsideration')).toMatchObject({ kind: 'deadline', date: '2026-10-09', certain: true });
  });
});

describe('a broken procedure file fails with file, field and expectation', () => {
  let fixture: ReturnType<typeof copyDemoContent>;
  afterEach(() => fixture.remove());

  const edit = (change: (text: string) => string) => {
    fixture = copyDemoContent();
    const file = join(fixture.dir, 'procedures', 'general-penalty.yaml');
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };

  test('when a limit counts from a step that does not exist, names the step ids', () => {
    edit((t) => t.replace('from: notice, startsOn: 自收到行政处罚告知书之日起 }', 'from: notise, startsOn: 自收到行政处罚告知书之日起 }'));
    const problem = problemsOf(fixture.dir).find((p) => p.file === 'procedures/general-penalty.yaml');
    expect(problem?.field).toBe('steps.5.limit.from');
    expect(problem?.expected).toMatch(/^expected the id of a step of this procedure \(lead, file-case, .*\); got "notise"$/);
  });

  test('when a remedy counts from an unknown step, names the remedy', () => {
    edit((t) => t.replace('limit: { amount: 60, unit: calendar-days, from: service', 'limit: { amount: 60, unit: calendar-days, from: delivery'));
    expect(problemsOf(fixture.dir)).toContainEqual(
      expect.objectContaining({ file: 'procedures/general-penalty.yaml', field: 'remedies.0.limit.from', expected: expect.stringContaining('got "delivery"') }),
    );
  });

  test('when a limit has an unknown unit, names the units expected', () => {
    edit((t) => t.replace('amount: 90, unit: calendar-days', 'amount: 90, unit: days'));
    expect(problemsOf(fixture.dir)).toContainEqual({
      file: 'procedures/general-penalty.yaml',
      field: 'steps.10.limit.unit',
      expected: 'expected one of working-days, calendar-days, months',
    });
  });
});
