import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkingDays, createWorkingCalendar, workingDaysBetween } from '../../src/lib/working-days.ts';
import { calendarFromCompact, compactCalendar } from '../../src/lib/procedures/compact-calendar.ts';
import { copyDemoContent, problemsOf } from '../fixtures/content-fixture.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

const calendar = createWorkingCalendar();

describe('the official arrangement around 国庆 2025', () => {
  test('2025-09-28 (Sunday) and 2025-10-11 (Saturday) are working days, 2025-10-01 to 10-08 are not', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    for (let day = 1; day <= 8; day++) expect(calendar.isWorkingDay(`2025-10-0${day}`)).toBe(false);
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
  });

  test('5 working days after Friday 2025-09-26 end on 2025-10-10', () => {
    // By hand: 09-27 Sat off; 09-28 Sun worked (1); 09-29 (2); 09-30 (3);
    // 10-01…10-08 holiday; 10-09 (4); 10-10 (5).
    expect(addWorkingDays(calendar, '2025-09-26', 5)).toEqual({ date: '2025-10-10', certain: true });
  });

  test('7 working days after 2025-09-30 end on 2025-10-16 because Saturday 10-11 is worked', () => {
    // By hand: 10-01…10-08 off; 10-09 (1); 10-10 (2); 10-11 Sat worked (3); 10-13 (4) … 10-16 (7).
    // A count that skipped every Saturday would say 10-17.
    expect(addWorkingDays(calendar, '2025-09-30', 7).date).toBe('2025-10-16');
  });
});

describe('the official arrangement around 春节 2026', () => {
  test('2026-02-14 and 2026-02-28 (Saturdays) are working days, 02-15 to 02-23 are not', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    for (let day = 15; day <= 23; day++) expect(calendar.isWorkingDay(`2026-02-${day}`)).toBe(false);
  });

  test('3 working days after Thursday 2026-02-12 end on 2026-02-24', () => {
    // By hand: 02-13 Fri (1); 02-14 Sat worked (2); 02-15…02-23 off; 02-24 Tue (3).
    expect(addWorkingDays(calendar, '2026-02-12', 3)).toEqual({ date: '2026-02-24', certain: true });
  });

  test('counts 5 working days from 2026-02-13 to 2026-02-27', () => {
    // By hand: 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5).
    expect(workingDaysBetween(calendar, '2026-02-13', '2026-02-27')).toEqual({ days: 5, certain: true });
  });
});

describe('a year whose arrangement is not published', () => {
  test('a count that reaches 2027 is marked uncertain', () => {
    const result = addWorkingDays(calendar, '2026-12-28', 5);
    expect(result.certain).toBe(false);
  });

  test('an override for 2027 makes 2027-01-01 a holiday and the count certain', () => {
    const withOverride = createWorkingCalendar([{ year: 2027, source: '测试安排', holidays: ['2027-01-01'], workdays: [] }]);
    expect(withOverride.isWorkingDay('2027-01-01')).toBe(false);
    // By hand: 12-29 (1), 12-30 (2), 12-31 (3), 01-01 off, 01-02/03 weekend, 01-04 (4), 01-05 (5).
    expect(addWorkingDays(withOverride, '2026-12-28', 5)).toEqual({ date: '2027-01-05', certain: true });
  });
});

describe('content/calendar', () => {
  let fixture: ReturnType<typeof copyDemoContent> | undefined;
  afterEach(() => fixture?.remove());

  test('an operator adds 2027 in a content file and the site calendar uses it', () => {
    fixture = copyDemoContent();
    mkdirSync(join(fixture.dir, 'calendar'), { recursive: true });
    writeFileSync(
      join(fixture.dir, 'calendar', '2027.yaml'),
      'year: 2027\nsource: 测试用安排（非官方）\nholidays: [2027-01-01]\nworkdays: [2027-01-09]\n',
    );
    const content = loadContent(fixture.dir);
    const site = createWorkingCalendar(content.calendar);
    expect(site.isYearPublished(2027)).toBe(true);
    expect(site.isWorkingDay('2027-01-01')).toBe(false);
    expect(site.isWorkingDay('2027-01-09')).toBe(true);
  });

  test('a calendar file in the wrong format fails naming the file, the field and the expectation', () => {
    fixture = copyDemoContent();
    mkdirSync(join(fixture.dir, 'calendar'), { recursive: true });
    writeFileSync(join(fixture.dir, 'calendar', '2027.yaml'), 'year: 2027\nsource: 测试\nholidays: [1月1日]\nworkdays: []\n');
    expect(problemsOf(fixture.dir)).toContainEqual({ file: 'calendar/2027.yaml', field: 'holidays.0', expected: 'expected a date written YYYY-MM-DD' });
  });
});

describe('the compact calendar shipped to the browser', () => {
  test('agrees with the library on every day of 2025 and 2026 and knows no 2027', () => {
    const compact = calendarFromCompact(compactCalendar(calendar, 2025, 2027));
    for (let d = new Date('2025-01-01T00:00:00Z'); d < new Date('2027-01-01T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      expect(compact.isWorkingDay(date), date).toBe(calendar.isWorkingDay(date));
    }
    expect(compact.isYearPublished(2026)).toBe(true);
    expect(compact.isYearPublished(2027)).toBe(false);
  });
});
