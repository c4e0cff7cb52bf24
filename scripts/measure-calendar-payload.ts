// Compares what the deadline calculator ships (the compact holiday data of the
// years around today) with shipping the calendar library itself.
// Run: node scripts/measure-calendar-payload.ts
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createWorkingCalendar } from '../src/lib/working-days.ts';
import { compactCalendar } from '../src/lib/procedures/compact-calendar.ts';
import { todayInChina } from '../src/lib/dates.ts';

const year = Number(todayInChina().slice(0, 4));
const compact = JSON.stringify(compactCalendar(createWorkingCalendar(), year - 2, year + 2));
const libDir = join(dirname(createRequire(import.meta.url).resolve('chinese-days')), '.');
const library = readFileSync(join(libDir, 'index.min.js'));
const size = (bytes: Buffer | string) => `${Buffer.byteLength(bytes)} B raw, ${gzipSync(bytes).length} B gzip`;
console.log(`compact calendar ${year - 2}–${year + 2} (published years only): ${size(compact)}`);
console.log(`chinese-days index.min.js: ${size(library)}`);
