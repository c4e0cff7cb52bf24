import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** The content directory: CONTENT_DIR, or ./content of the working directory. */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? join(process.cwd(), 'content');
}

/** Names of files in a content subfolder with one of the endings, sorted; [] when the folder is absent. */
export function listFiles(dir: string, sub: string, endings: readonly string[]): string[] {
  const folder = join(dir, sub);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => endings.some((e) => name.endsWith(e)))
    .sort()
    .map((name) => (sub ? `${sub}/${name}` : name));
}

export type ParseResult = { ok: true; data: unknown; body: string } | { ok: false; expected: string };

// The core schema keeps 2025-04-01 a string, so dates stay calendar dates and
// never shift through a time zone; duplicate keys are an error. js-yaml parses
// front matter about ten times faster than `yaml`, which matters at 10,000
// decisions (`yaml` still writes content in scripts and tests).
function yamlParse(text: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

function describeYamlError(error: unknown): string {
  if (error instanceof yaml.YAMLException) return `expected valid YAML (${error.reason} at line ${error.mark.line + 1}, column ${error.mark.column + 1})`;
  return `expected valid YAML (${String(error)})`;
}

/** Reads a YAML file. */
export function readYaml(dir: string, file: string): ParseResult {
  try {
    return { ok: true, data: yamlParse(readFileSync(join(dir, file), 'utf8')), body: '' };
  } catch (error) {
    return { ok: false, expected: describeYamlError(error) };
  }
}

/** Reads a Markdown file with YAML front matter between --- lines. */
export function readFrontMatter(dir: string, file: string): ParseResult {
  const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { ok: false, expected: 'expected YAML front matter between --- lines at the top of the file' };
  try {
    return { ok: true, data: yamlParse(match[1] ?? ''), body: (match[2] ?? '').trim() };
  } catch (error) {
    return { ok: false, expected: describeYamlError(error) };
  }
}

/** Reads a JSON file. */
export function readJson(dir: string, file: string): ParseResult {
  try {
    return { ok: true, data: JSON.parse(readFileSync(join(dir, file), 'utf8')), body: '' };
  } catch (error) {
    return { ok: false, expected: `expected valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
