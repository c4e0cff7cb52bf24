// Shared by the Open311 tests: the spec's own JSON Schemas (from
// ../shared/data/open311, when that folder is there), an XML reader, and a
// client that calls the endpoint the way a GeoReport v2 app does.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import { repoRoot } from './intake-helpers.ts';

export const SCHEMA_DIR = join(repoRoot, '..', 'shared', 'data', 'open311');
export const HAVE_SCHEMAS = existsSync(join(SCHEMA_DIR, 'request.json'));
export const NO_SCHEMAS = `Open311 JSON Schemas not found at ${SCHEMA_DIR}: the schema checks are skipped (the other checks still run)`;

type SchemaName = 'requests' | 'services' | 'service-definition' | 'request-response' | 'token-response';

function loadValidators(): Map<SchemaName, ValidateFunction> | undefined {
  if (!HAVE_SCHEMAS) return undefined;
  // The spec's schemas carry keywords in odd places (minItems inside items) and swagger's format "uid": not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addFormat('uid', true);
  const read = (file: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
  for (const file of ['request.json', 'service.json']) ajv.addSchema(read(file), file);
  const swagger = read('swagger.json') as { definitions: Record<string, object> };
  const array = (item: object) => ({ type: 'array', items: item });
  return new Map<SchemaName, ValidateFunction>([
    ['requests', ajv.compile(read('requests.json'))],
    ['services', ajv.compile(read('services.json'))],
    ['service-definition', ajv.compile(read('service-definition.json'))],
    ['request-response', ajv.compile(array(swagger.definitions.RequestResponse ?? {}))],
    ['token-response', ajv.compile(array(swagger.definitions.TokenResponse ?? {}))],
  ]);
}
const validators = loadValidators();

/** Checks a JSON body against the spec's schema (a no-op, said once in the test names, when the schemas are absent). */
export function expectConforms(name: SchemaName, body: unknown): void {
  const validate = validators?.get(name);
  if (!validate) return;
  const ok = validate(body);
  expect(ok, `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** The spec's error body: a non-empty list of { code, description }, code the HTTP status. */
export function expectErrors(body: unknown, status: number): { code: number; description: string }[] {
  expect(Array.isArray(body)).toBe(true);
  const errors = body as { code: number; description: string }[];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
    expect(e.description.length).toBeGreaterThan(0);
  }
  return errors;
}

const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({ ignoreDeclaration: false, parseTagValue: false, isArray: (name) => LISTS.has(name) });

/** Parses an XML answer; checks its declaration says UTF-8. */
export function parseXml(text: string): Record<string, unknown> {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const doc = parser.parse(text) as Record<string, unknown>;
  delete doc['?xml'];
  return doc;
}

/**
 * The JSON as the XML must say it: every value as text (null as an empty
 * element), arrays as repeated children named for their items.
 */
export function asXmlValues(value: unknown, name = ''): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' }[name] ?? 'item';
    return value.length === 0 ? '' : { [item]: value.map((v) => asXmlValues(v, item)) };
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, asXmlValues(v, k)]));
  return String(value);
}

/** Compares an XML answer with the JSON one, field by field. */
export function expectXmlMatchesJson(xml: string, root: string, json: unknown): void {
  const doc = parseXml(xml);
  expect(Object.keys(doc)).toEqual([root]);
  expect(doc[root]).toEqual(asXmlValues(json, root));
}

export interface Answer {
  status: number;
  type: string;
  text: string;
  json: any;
  headers: Headers;
}

export async function call(url: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${url}/open311/v2/${path}`, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json, headers: res.headers };
}

/** POST requests.{format} as a GeoReport client does: a urlencoded form. */
export function post(url: string, format: 'json' | 'xml', params: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Answer> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return call(url, `requests.${format}`, { method: 'POST', body, headers });
}

const run = promisify(execFile);

/** `npm run apikey -- …` against a data directory, as an operator runs it (the pinned Node, the real script). */
export async function apikey(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(join(repoRoot, 'node_modules', '.bin', 'node'), [join(repoRoot, 'api', 'apikey.ts'), ...args], { env: { ...process.env, DATA_DIR: dataDir }, cwd: repoRoot });
  return stdout;
}

/** Makes a key and returns it with its id. */
export async function newKey(dataDir: string, organisation: string): Promise<{ id: number; key: string }> {
  const out = await apikey(dataDir, 'create', organisation);
  const key = /o311_[A-Za-z0-9_-]{43}/.exec(out)?.[0];
  const id = Number(/^Key (\d+)/.exec(out)?.[1]);
  if (!key || !id) throw new Error(`Expected a key in the output of apikey create; got ${out}`);
  return { id, key };
}
