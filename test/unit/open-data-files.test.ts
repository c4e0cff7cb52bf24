import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import chineseDays from 'chinese-days';
import { getContent, siteToday } from '../../src/lib/site-data.ts';
import { dataFiles } from '../../src/lib/open-data/data-files.ts';
import { DECISION_COLUMNS } from '../../src/lib/open-data/dictionary.ts';
import { decisionFeeds } from '../../src/lib/feeds/decision-feeds.ts';
import { statisticsTables } from '../../src/lib/statistics/statistics-tables.ts';
import { checkDecision } from '../../src/lib/baselines/check-decision.ts';
import { findPersonalData } from '../../src/schemas/privacy.ts';
import { partyHistoriesByCode, seriousListingsNow } from '../../src/lib/site-data.ts';
import type { Decision } from '../../src/lib/content/load-decisions.ts';

// The open data, the statistics and the feeds against the content, each figure computed here again by other means:
// visibility from the raw fields, working days from the calendar library day by day, fines from the penalties.
const SITE = 'https://example.org';
const { decisions, offices } = getContent();
const today = siteToday();
const isListed = (d: Decision) => d.status !== 'withdrawn' && !(d.creditRepair && d.creditRepair.date <= today) && d.displayUntil >= today;
const listed = decisions.filter(isListed);
const counties = offices.filter((o) => o.role === 'county');
const files = dataFiles(SITE);
const fileAt = (path: string) => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`expected ${path} among the data files`);
  return f;
};
const csv = (path: string): Record<string, string>[] => {
  const body = fileAt(path).body();
  expect(body.startsWith('\uFEFF'), `${path} starts with a BOM`).toBe(true);
  return parse(body, { bom: true, columns: true, skip_empty_lines: true });
};
const header = (path: string) => (parse(fileAt(path).body(), { bom: true, to_line: 1 }) as string[][])[0];
const fines = (d: Decision) => d.penalties.reduce((s, p) => s + (p.kind === 'fine' ? (p.amount ?? 0) : 0), 0);
const mid = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return '';
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Working days after `from` up to `to`, by asking the calendar library about each day (the demo's years are in it). */
const workingDays = (from: string, to: string) => {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) if (chineseDays.isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
  return n;
};
const num = (s: string | undefined) => (s === undefined || s === '' ? '' : Number(s));

describe('the bulk files', () => {
  test('decisions.csv has the dictionary columns and one row per listed decision', () => {
    expect(header('/data/decisions.csv')).toEqual(DECISION_COLUMNS.map((c) => c.key));
    const rows = csv('/data/decisions.csv');
    expect(rows.length).toBe(listed.length);
    expect(new Set(rows.map((r) => r.CF_WSH))).toEqual(new Set(listed.map((d) => d.docNo)));
    for (const r of rows) {
      const d = listed.find((x) => x.docNo === r.CF_WSH)!;
      expect(Number(r.fineYuan), r.CF_WSH).toBe(fines(d));
      expect(Number(r.CF_NR_FK), r.CF_WSH).toBeCloseTo(fines(d) / 10_000, 4);
      // A party page only for organisations and individual businesses, by credit code.
      expect(r.partyUrl, r.CF_WSH).toBe(d.party.kind === 'natural-person' ? '' : `${SITE}/parties/${d.party.creditCode}/`);
    }
  });

  test('the county files split the whole file without loss, and the year files too', () => {
    let sum = 0;
    for (const o of counties) {
      const rows = csv(`/data/county/${o.code}.csv`);
      expect(rows.every((r) => r.county === o.code)).toBe(true);
      expect(rows.length).toBe(listed.filter((d) => d.county === o.code).length);
      sum += rows.length;
    }
    expect(sum).toBe(listed.length);
    const years = [...new Set(listed.map((d) => d.decidedOn.slice(0, 4)))];
    expect(years.reduce((s, y) => s + csv(`/data/year/${y}.csv`).length, 0)).toBe(listed.length);
  });

  test('the withdrawn file holds every withdrawn decision and nothing of its content', () => {
    const rows = csv('/data/withdrawn.csv');
    const withdrawn = decisions.filter((d) => d.status === 'withdrawn');
    expect(rows.map((r) => r.docNo ?? r.CF_WSH).sort()).toEqual(withdrawn.map((d) => d.docNo).sort());
    const body = fileAt('/data/withdrawn.csv').body();
    for (const d of withdrawn) for (const fact of d.facts) expect(body.includes(fact.slice(0, 20))).toBe(false);
  });
});

describe('the statistics', () => {
  const tables = statisticsTables();
  const table = (id: string) => tables.find((t) => t.id === id)!;

  test('per county: decisions, fines, median fine, band verdicts, publication lag and withdrawals', () => {
    const rows = csv('/data/statistics/decisions-by-county.csv');
    expect(rows.length).toBe(counties.length + 1);
    for (const r of rows) {
      const ds = r.county ? decisions.filter((d) => d.county === r.county) : decisions;
      const kept = ds.filter((d) => d.status !== 'withdrawn');
      const withFine = kept.map(fines).filter((f) => f > 0);
      expect(num(r.decisions), r.countyName).toBe(kept.length);
      expect(num(r.withFine)).toBe(withFine.length);
      expect(num(r.finesYuan)).toBeCloseTo(withFine.reduce((s, f) => s + f, 0), 2);
      expect(num(r.medianFineYuan)).toBe(mid(withFine));
      const verdicts = kept.flatMap((d) => {
        const c = checkDecision(d, getContent().baselines);
        return c.kind === 'checked' && c.result.ok ? [c.result.verdict] : [];
      });
      expect(num(r.checked)).toBe(verdicts.length);
      expect(num(r.outsideBand)).toBe(verdicts.filter((v) => v !== 'within').length);
      const lags = ds.map((d) => workingDays(d.decidedOn, d.publishedOn));
      expect(num(r.published)).toBe(ds.length);
      expect(num(r.publishedWithin7)).toBe(lags.filter((l) => l <= 7).length);
      expect(num(r.medianLagWorkingDays)).toBe(mid(lags));
      const w = ds.filter((d) => d.withdrawal);
      expect(num(r.withdrawn)).toBe(w.length);
      expect(num(r.withdrawnWithin3)).toBe(w.filter((d) => workingDays(d.withdrawal!.revokedOn, d.withdrawal!.takenDownOn) <= 3).length);
    }
    // The demo has a late publication and a late withdrawal, so the figures are not all trivially 100 %.
    expect(rows.some((r) => num(r.publishedWithin7Percent) !== 100)).toBe(true);
  });

  test('by year × county × category: every cell, and the cells add up to the decisions', () => {
    const rows = csv('/data/statistics/decisions-by-county-category-year.csv');
    const kept = decisions.filter((d) => d.status !== 'withdrawn');
    expect(rows.reduce((s, r) => s + Number(r.decisions), 0)).toBe(kept.length);
    for (const r of rows) {
      const cell = kept.filter((d) => d.decidedOn.startsWith(`${r.year}-`) && d.county === r.county && d.category === r.category);
      expect(Number(r.decisions)).toBe(cell.length);
      expect(Number(r.finesYuan)).toBeCloseTo(cell.reduce((s, d) => s + fines(d), 0), 2);
    }
  });

  test('fine per m² by land type: the median of fine ÷ area of the decisions whose most protected land is that type', () => {
    const order = ['basicFarmland', 'farmland', 'otherAgricultural', 'construction', 'unused'] as const;
    const rows = csv('/data/statistics/fine-per-m2-by-land-type.csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const ds = decisions.filter((d) => {
        if (d.status === 'withdrawn' || (r.county && d.county !== r.county)) return false;
        const area = order.reduce((s, t) => s + (d.area[t] ?? 0), 0);
        const c = checkDecision(d, getContent().baselines);
        return area > 0 && order.find((t) => (d.area[t] ?? 0) > 0) === r.landType && c.kind === 'checked' && c.result.ok;
      });
      expect(Number(r.decisions), `${r.landType} ${r.countyName}`).toBe(ds.length);
      const perM2 = ds.map((d) => fines(d) / order.reduce((s, t) => s + (d.area[t] ?? 0), 0));
      expect(Number(r.medianYuanPerM2)).toBeCloseTo(Number(mid(perM2)), 2);
    }
  });

  test('the page tables are the CSV files, row for row', () => {
    for (const t of tables) expect(csv(`/data/statistics/${t.id}.csv`).length).toBe(t.rows.length);
    expect(table('decisions-by-penalty-kind').rows.find((r) => r.kind === 'fine')?.decisions).toBe(decisions.filter((d) => d.status !== 'withdrawn' && d.penalties.some((p) => p.kind === 'fine')).length);
  });
});

describe('the feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category', 'author'].includes(name) });
  const text = (v: unknown) => String(typeof v === 'object' && v !== null && '#text' in v ? (v as Record<string, unknown>)['#text'] : v);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  test('every feed is Atom (RFC 4287): the required elements, self link, unique ids, RFC 3339 dates; entries are the newest listed', () => {
    const feeds = decisionFeeds();
    expect(feeds.filter((f) => f.kind === 'county').length).toBe(counties.length);
    for (const f of feeds) {
      const xml = f.render(SITE);
      const doc = parser.parse(xml);
      const feed = doc.feed;
      expect(feed?.['@xmlns'], f.path).toBe('http://www.w3.org/2005/Atom');
      for (const el of ['id', 'title', 'updated']) expect(feed[el], `${f.path} ${el}`).toBeDefined();
      expect(String(feed.updated)).toMatch(rfc3339);
      expect(feed.link.some((l: Record<string, string>) => l['@rel'] === 'self' && l['@href'] === `${SITE}${f.path}`)).toBe(true);
      const entries = feed.entry ?? [];
      // atom:feed without an author needs one on every entry (RFC 4287 §4.1.1).
      if (!feed.author) expect(entries.every((e: { author?: unknown }) => e.author)).toBe(true);
      const ids = entries.map((e: { id: string }) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of entries) {
        for (const el of ['id', 'title', 'updated', 'link']) expect(e[el], `${f.path} entry ${el}`).toBeDefined();
        expect(String(e.updated)).toMatch(rfc3339);
      }
      if (f.kind === 'county') {
        const code = f.path.match(/(\d{6})\.atom$/)![1];
        const expected = listed.filter((d) => d.county === code);
        expect(entries.length).toBe(Math.min(50, expected.length));
        for (const e of entries) expect(expected.some((d) => text(e.title).startsWith(d.docNo)), text(e.title)).toBe(true);
      }
      if (f.kind === 'all') for (const e of entries) expect(text(e.summary)).toMatch(/文号：.+当事人：.+违法类型：.+罚款：/);
    }
  });
});

describe('privacy in exports, feeds and statistics', () => {
  const bodies = [...files.map((f) => ({ name: f.path, text: f.body() })), ...decisionFeeds().map((f) => ({ name: f.path, text: f.render(SITE) }))];

  test('no ID number or mobile number anywhere; natural persons only masked, and never a party page', () => {
    for (const { name, text } of bodies) {
      // Line by line: the lint lets a space or line break separate a phone number's groups, and a CSV's line
      // break between one row's last amount and the next row's year would otherwise read as one.
      expect(text.split('\n').flatMap((line) => findPersonalData(line)).filter((p) => p.kind === 'id-number' || p.kind === 'phone-number'), name).toEqual([]);
    }
    for (const d of decisions.filter((x) => x.party.kind === 'natural-person')) expect(d.party.name).toMatch(/^\p{Script=Han}某{1,2}$/u);
    expect([...partyHistoriesByCode().values()].every((p) => p.kind !== ('natural-person' as string))).toBe(true);
    expect(seriousListingsNow().every((l) => decisions.some((d) => d.party.kind !== 'natural-person' && 'creditCode' in d.party && d.party.creditCode === l.creditCode))).toBe(true);
  });

  test('the statistics name no party at all', () => {
    const names = new Set(decisions.map((d) => d.party.name));
    for (const f of files.filter((x) => x.group === 'statistics')) {
      const text = f.body();
      for (const n of names) expect(text.includes(n), `${f.path} names ${n}`).toBe(false);
    }
  });
});

describe('party histories and the 严重失信 list', () => {
  test('the repeat offender has one history across counties and years, with totals that add up', () => {
    const p = partyHistoriesByCode().get('91990102RYHXFG7X9E')!;
    const own = listed.filter((d) => d.party.kind !== 'natural-person' && d.party.creditCode === '91990102RYHXFG7X9E');
    expect(p.listed.map((d) => d.docNo).sort()).toEqual(own.map((d) => d.docNo).sort());
    expect(p.totals.fines).toBe(own.reduce((s, d) => s + fines(d), 0));
    expect(p.totals.counties.length).toBeGreaterThanOrEqual(2);
    expect(p.totals.years.length).toBeGreaterThanOrEqual(2);
  });

  test('the list holds exactly the parties with a listed 严重失信 decision, ending with the last display period', () => {
    const expected = new Map<string, string>();
    for (const d of listed) {
      if (d.creditClass !== 'serious' || d.party.kind === 'natural-person') continue;
      const until = expected.get(d.party.creditCode);
      if (!until || d.displayUntil > until) expected.set(d.party.creditCode, d.displayUntil);
    }
    const got = seriousListingsNow();
    expect(got.length).toBeGreaterThan(0);
    expect(new Map(got.map((l) => [l.creditCode, l.until]))).toEqual(expected);
    expect(got.every((l) => l.decisions.every(({ rule }) => /信用/.test(rule)))).toBe(true);
  });
});
