import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lawVersionSchema, type LawVersionData } from '../../schemas/law.ts';
import { checkNumbering, parseLawText, type Article, type ParsedLawText } from '../laws/parse-law-text.ts';
import { lastDayInForce } from '../laws/select-version.ts';
import { problemsFromZod, type ProblemList } from './content-error.ts';
import { listFiles, readFrontMatter } from './read-files.ts';

/** One version of a law: its front matter, its parsed text and where it came from. */
export interface LawVersion extends LawVersionData {
  /** Path of its file under content/. */
  file: string;
  /** Last day in force, derived from effectiveTo or the next version; undefined while open-ended. */
  lastDay?: string;
  /** The parsed text. */
  text: ParsedLawText;
  /** Articles by key (article-77, article-76-1). */
  articleByKey: ReadonlyMap<string, Article>;
}

/** A law with all its versions, oldest first. */
export interface Law {
  id: string;
  versions: LawVersion[];
}

const SUB = 'basis';

// The body's first line in the file, so a problem points at the line an editor sees.
function bodyFirstLine(raw: string): number {
  const lines = raw.split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  let i = close + 1;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  return i + 1;
}

function readVersion(dir: string, file: string, folder: string, problems: ProblemList): LawVersion | undefined {
  const read = readFrontMatter(dir, file);
  if (!read.ok) {
    problems.add(file, '', read.expected);
    return undefined;
  }
  const parsed = lawVersionSchema.safeParse(read.data);
  if (!parsed.success) {
    problems.addAll(problemsFromZod(file, parsed.error));
    return undefined;
  }
  const data = parsed.data;
  if (data.id !== folder) problems.add(file, 'id', `expected the id to match its folder basis/${folder}/; got "${data.id}"`);
  if (file !== `${SUB}/${folder}/${data.effectiveFrom}.md`) {
    problems.add(file, 'effectiveFrom', `expected the file to be named for the version's first day in force, ${data.effectiveFrom}.md`);
  }
  const firstLine = bodyFirstLine(readFileSync(join(dir, file), 'utf8'));
  const { parsed: text, problems: textProblems } = parseLawText(read.body, firstLine);
  textProblems.push(...checkNumbering(text.articles, data.excerpt));
  for (const p of textProblems) problems.add(file, `body (line ${p.line})`, p.expected);
  if (text.articles.length === 0) problems.add(file, 'body', 'expected articles: paragraphs starting with 第N条 followed by a space');
  return { ...data, file, text, articleByKey: new Map(text.articles.map((a) => [a.key, a])) };
}

function checkVersionDates(versions: LawVersion[], problems: ProblemList): void {
  for (let i = 1; i < versions.length; i++) {
    const prev = versions[i - 1];
    const v = versions[i];
    if (!prev || !v) continue;
    if (prev.effectiveFrom === v.effectiveFrom) {
      problems.add(v.file, 'effectiveFrom', `expected one version per first day in force; ${prev.file} also starts on ${v.effectiveFrom}`);
    } else if (prev.effectiveTo !== undefined && prev.effectiveTo >= v.effectiveFrom) {
      problems.add(prev.file, 'effectiveTo', `expected a date before ${v.effectiveFrom}, when the next version (${v.file}) takes effect; the versions overlap`);
    }
  }
}

/** Reads content/basis/<law-id>/<effective-from>.md: every version of every law. */
export function loadLaws(dir: string, problems: ProblemList): Law[] {
  const root = join(dir, SUB);
  if (!existsSync(root)) return [];
  for (const stray of listFiles(dir, SUB, ['.md'])) {
    problems.add(stray, '', 'expected law files inside a folder named for the law id, e.g. basis/land-administration-law/2020-01-01.md');
  }
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const laws: Law[] = [];
  for (const folder of folders) {
    const versions = listFiles(dir, `${SUB}/${folder}`, ['.md'])
      .map((file) => readVersion(dir, file, folder, problems))
      .filter((v): v is LawVersion => v !== undefined)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    checkVersionDates(versions, problems);
    versions.forEach((v, i) => {
      const last = lastDayInForce(versions, i);
      if (last !== undefined) v.lastDay = last;
    });
    if (versions.length > 0) laws.push({ id: folder, versions });
  }
  return laws;
}
