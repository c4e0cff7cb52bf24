// npm run import:laws -- <files…> [--out content/basis] [--id <law-id>] [--force]
//
// Turns law texts in the layout of the official compilations (名称(YYYY-MM-DD).md:
// title, history lines, <!-- INFO END -->, chapters, 第N条 paragraphs) into
// content/basis/<law-id>/<effective-from>.md. Fields that cannot be derived
// are listed under `confirm:` for an editor to check against the official text.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { importLawFile } from '../src/lib/laws/import-law.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('content', 'basis') },
    id: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

if (positionals.length === 0) {
  console.error('Usage: npm run import:laws -- <files…> [--out content/basis] [--id <law-id>] [--force]');
  process.exit(2);
}
if (values.id !== undefined && positionals.length > 1) {
  console.error('Expected --id with a single file: each law has its own id.');
  process.exit(2);
}

let failed = 0;
for (const file of positionals) {
  const result = importLawFile(readFileSync(file, 'utf8'), file, values.id === undefined ? {} : { id: values.id });
  if (result.problems.length > 0) {
    failed++;
    console.error(`${file}: not imported, the text has problems:`);
    for (const p of result.problems) console.error(`  line ${p.line}: ${p.expected}`);
    continue;
  }
  const target = join(values.out, result.path);
  if (existsSync(target) && !values.force) {
    failed++;
    console.error(`${file}: not imported, ${target} exists (use --force to replace it)`);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.content);
  const check = result.confirm.length > 0 ? `; confirm: ${result.confirm.join(', ')}` : '';
  console.log(`${target}: ${result.articleCount} articles${check}`);
}
process.exit(failed > 0 ? 1 : 0);
