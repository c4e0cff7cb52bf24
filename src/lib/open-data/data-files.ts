import { stringify } from 'csv-stringify/sync';
import type { Decision } from '../content/load-decisions.ts';
import { filterValueOf } from '../decision-filters.ts';
import { countyName, getContent, listedDecisions, siteToday } from '../site-data.ts';
import { openDataRow } from './decision-row.ts';
import { DECISION_COLUMNS, ENDED_COLUMNS, WITHDRAWN_COLUMNS, type ColumnDoc } from './dictionary.ts';
import { endedDecisions, withdrawnDecisions, withdrawnRow } from './log-rows.ts';
import { reportTables, statisticsTables, yearCsvPath } from '../statistics/statistics-tables.ts';

/** One downloadable file under /data/: its path, what it holds, and how to make it. */
export interface DataFile {
  path: string;
  title: string;
  format: 'csv' | 'json';
  /** Which set of files it belongs to, for the data page. */
  group: 'decisions' | 'county' | 'year' | 'log' | 'statistics';
  /** Rows in the file (decisions, or records of the log). */
  count: number;
  body(): string;
}

/** CSV with a BOM, so that spreadsheet programs read it as UTF-8; the columns in dictionary order. */
export function toCsv(rows: readonly object[], columns: readonly ColumnDoc[]): string {
  return `\uFEFF${stringify(rows as Record<string, unknown>[], { header: true, columns: columns.map((c) => c.key), cast: { boolean: (v) => String(v) } })}`;
}

/** The JSON envelope of every data file: what it is, its licence and where its columns are described. */
function toJson(title: string, key: string, rows: readonly object[]): string {
  const { site } = getContent();
  return JSON.stringify(
    { title, publisher: site.authority, licence: { name: site.licence.name, url: site.licence.url }, generatedOn: siteToday(), dictionary: '/data/dictionary/', count: rows.length, [key]: rows },
    null,
    1,
  );
}

function decisionFiles(base: string, title: string, group: DataFile['group'], decisions: readonly Decision[], rowOf: (d: Decision) => object): DataFile[] {
  const rows = () => decisions.map(rowOf);
  return [
    { path: `${base}.csv`, title, format: 'csv', group, count: decisions.length, body: () => toCsv(rows(), DECISION_COLUMNS) },
    { path: `${base}.json`, title, format: 'json', group, count: decisions.length, body: () => toJson(title, 'decisions', rows()) },
  ];
}

/**
 * Every bulk file of the open data: all listed decisions, per county, per
 * year of decision, and the logs of withdrawn and ended decisions. Regenerated
 * at each build from the content.
 */
export function dataFiles(siteUrl: string): DataFile[] {
  const listed = listedDecisions();
  const { offices } = getContent();
  const groups = (kind: 'county' | 'year') => {
    const by = new Map<string, Decision[]>();
    for (const d of listed) {
      const key = filterValueOf(d, kind);
      const group = by.get(key);
      if (group) group.push(d);
      else by.set(key, [d]);
    }
    return by;
  };
  // Each decision is in six files (all, its county, its year; CSV and JSON): its row is made once.
  const made = new Map<Decision, object>();
  const rowOf = (d: Decision) => {
    let row = made.get(d);
    if (!row) made.set(d, (row = openDataRow(d, siteUrl)));
    return row;
  };
  const byCounty = groups('county');
  const byYear = groups('year');
  const withdrawn = withdrawnDecisions();
  const ended = endedDecisions(siteUrl);
  return [
    ...decisionFiles('/data/decisions', '公示中的全部处罚决定', 'decisions', listed, rowOf),
    ...offices
      .filter((o) => o.role === 'county')
      .flatMap((o) => decisionFiles(`/data/county/${o.code}`, `${countyName(o.code)}的处罚决定`, 'county', byCounty.get(o.code) ?? [], rowOf)),
    ...[...byYear.keys()].sort().reverse().flatMap((y) => decisionFiles(`/data/year/${y}`, `${y}年作出的处罚决定`, 'year', byYear.get(y) ?? [], rowOf)),
    { path: '/data/withdrawn.csv', title: '已撤回的处罚决定', format: 'csv', group: 'log', count: withdrawn.length, body: () => toCsv(withdrawn.map((d) => withdrawnRow(d, siteUrl)), WITHDRAWN_COLUMNS) },
    { path: '/data/withdrawn.json', title: '已撤回的处罚决定', format: 'json', group: 'log', count: withdrawn.length, body: () => toJson('已撤回的处罚决定', 'withdrawn', withdrawn.map((d) => withdrawnRow(d, siteUrl))) },
    { path: '/data/ended.csv', title: '公示期届满或信用修复后终止公示的决定', format: 'csv', group: 'log', count: ended.length, body: () => toCsv(ended, ENDED_COLUMNS) },
    { path: '/data/ended.json', title: '公示期届满或信用修复后终止公示的决定', format: 'json', group: 'log', count: ended.length, body: () => toJson('公示期届满或信用修复后终止公示的决定', 'ended', ended) },
    // The statistics page's tables, row for row (/statistics/); its columns are described on that page.
    ...statisticsTables().map((t): DataFile => ({ path: statisticsCsvPath(t.id), title: t.title, format: 'csv', group: 'statistics', count: t.rows.length, body: () => toCsv(t.rows, t.columns) })),
    // Each annual report's tables (/annual-report/<year>/).
    ...reportTables().flatMap(({ year, tables }) => tables.map((t): DataFile => ({ path: yearCsvPath(year, t.id), title: `${year}年：${t.title}`, format: 'csv', group: 'statistics', count: t.rows.length, body: () => toCsv(t.rows, t.columns) }))),
  ];
}

/** Where a statistics table is downloaded. */
export function statisticsCsvPath(id: string): string {
  return `/data/statistics/${id}.csv`;
}
