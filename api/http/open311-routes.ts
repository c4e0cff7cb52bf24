import type { IncomingMessage, ServerResponse } from 'node:http';
import { IntakeError, fieldError, type IntakeErrorKind } from '../domain/intake-error.ts';
import { checkIdempotencyKey } from '../domain/idempotency-key.ts';
import { clientKey } from '../domain/client-key.ts';
import type { Category } from '../../src/schemas/category.ts';
import { discoveryOf, serviceDefinitionOf, serviceOf } from '../domain/open311-services.ts';
import { fileRequest, getRequest, listRequests, serviceFor, type Open311Deps } from '../app/open311-requests.ts';
import type { ApiKeyRow } from '../infra/api-key-store.ts';
import type { DiskGuard, DiskReservation } from '../infra/disk-guard.ts';
import type { ServiceLog } from '../infra/logger.ts';
import type { RateLimiter } from '../infra/rate-limiter.ts';
import { closeAfterAnswer } from './answer.ts';
import { clientAddress } from './intake-routes.ts';
import { isForeignBrowserPost } from './origin-policy.ts';
import { parseSubmission, type PhotoReceiver } from './parse-submission.ts';
import { toXml } from './open311-xml.ts';
import { requestQuery } from './open311-query.ts';

// GeoReport v2 under /open311/v2/: every resource as .xml (the spec's
// required format) and .json. Errors are the spec's list of { code,
// description }: 404 for an unknown service, request or jurisdiction, 403 for
// a missing, wrong or revoked api_key, 400 for the rest (429 when a key or an
// address is over its limit, 5xx when the store fails).

export const OPEN311_BASE = '/open311/v2';

export interface Open311RouteDeps {
  open311: Open311Deps;
  categories: readonly Category[];
  /** The live key a client presented (read on every request: a revoked key fails at once). */
  liveKey(key: string): Promise<ApiKeyRow | undefined>;
  receiver: PhotoReceiver;
  publicUrl: string;
  /** The jurisdiction_id this endpoint answers to (PUBLIC_URL's host without www). */
  jurisdiction: string;
  contact: string;
  keyService: string;
  origins: () => readonly string[];
  trustProxy: boolean;
  /** Per API key: requests filed. */
  keyLimiter: RateLimiter;
  /** Per client address: every call but discovery and services (reads, and posts before their key is known). */
  readLimiter: RateLimiter;
  /** Free space for uploads (a multipart request may carry photos). */
  disk: DiskGuard;
  log: ServiceLog;
  uploadIdleTimeoutMs: number;
  now: () => Date;
}

type Format = 'json' | 'xml';

const STATUS: Record<IntakeErrorKind, number> = {
  invalid: 400,
  malformed: 400,
  'too-large': 400,
  'unsupported-type': 400,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  'storage-full': 507,
  'storage-failed': 500,
};

function send(res: ServerResponse, status: number, format: Format, root: string, body: unknown, headers: Record<string, string> = {}): void {
  const text = format === 'json' ? JSON.stringify(body) : toXml(root, body);
  res.writeHead(status, {
    'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** The spec's error list: our field messages (zh-CN) as descriptions, the parameter at fault named first. */
function sendErrors(res: ServerResponse, format: Format, error: IntakeError): void {
  const status = STATUS[error.kind];
  const errors = error.errors.map((e) => ({ code: status, description: e.field ? `${e.field}：${e.message}` : e.message }));
  send(res, status, format, 'errors', errors, error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) });
}

/** Every value of each query parameter; an empty one counts as absent (the spec's "optional"). */
function queryOf(req: IncomingMessage): Record<string, string[]> {
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  const all: Record<string, string[]> = {};
  for (const [k, v] of params) if (v.trim() !== '') (all[k] ??= []).push(v);
  return all;
}

function checkJurisdiction(deps: Open311RouteDeps, all: Record<string, readonly string[]>): void {
  const given = all.jurisdiction_id?.[0]?.trim();
  if (given && given.toLowerCase() !== deps.jurisdiction) {
    throw fieldError('not-found', 'jurisdiction_id', 'unknown_jurisdiction', `本接口只服务一个辖区（jurisdiction_id 为 ${deps.jurisdiction}，可以省略）`);
  }
}

function checkRate(limiter: RateLimiter, key: string, deps: Open311RouteDeps, route: string, client: string): void {
  const verdict = limiter.hit(key);
  if (!verdict.allowed) {
    deps.log.security({ event: 'rate_limited', route, client: deps.log.pseudonym(client) });
    throw new IntakeError('rate-limited', [{ field: '', code: 'rate_limited', message: `请求过于频繁，请 ${Math.ceil(verdict.retryAfter / 60)} 分钟后再试` }], verdict.retryAfter);
  }
}

async function postRequest(req: IncomingMessage, res: ServerResponse, deps: Open311RouteDeps, format: Format): Promise<void> {
  const route = 'POST /open311/v2/requests';
  const client = clientAddress(req, deps.trustProxy);
  let tempPaths: string[] = [];
  let disk: DiskReservation | undefined;
  try {
    // Open311 clients are programs and send no Origin; a page of another site posting here in a visitor's browser is refused.
    if (isForeignBrowserPost(req.headers, deps.origins())) {
      deps.log.security({ event: 'cross_site_refused', route, client: deps.log.pseudonym(client) });
      throw fieldError('forbidden', '', 'cross_site', '不接受来自其他网站页面的提交');
    }
    // Bounded per address before the body is read: a flood of posts with no key or a wrong one costs them, not the store.
    checkRate(deps.readLimiter, clientKey(client), deps, route, client);
    const declared = Number(req.headers['content-length']);
    disk = await deps.disk.reserve(Number.isFinite(declared) ? declared : undefined);
    const body = await parseSubmission(req, deps.receiver, undefined, disk, deps.uploadIdleTimeoutMs);
    tempPaths = body.photos.map((p) => p.tempPath);
    // Parameters may come in the query string too (the spec's examples put them there); the body's win.
    const all = queryOf(req);
    for (const [k, values] of Object.entries(body.all)) {
      const given = values.filter((x) => x.trim() !== '');
      if (given.length > 0) all[k] = given;
    }
    checkJurisdiction(deps, all);
    const key = all.api_key?.[0]?.trim() ?? '';
    const live = key ? await deps.liveKey(key) : undefined;
    if (!live) {
      deps.log.security({ event: 'api_key_refused', route, client: deps.log.pseudonym(client) });
      throw fieldError('forbidden', 'api_key', key ? 'invalid_api_key' : 'missing_api_key', key ? 'api_key 无效或已被吊销' : '提交服务请求需要 api_key（向本机关申请）');
    }
    checkRate(deps.keyLimiter, `key:${live.id}`, deps, route, client);
    const header = req.headers['idempotency-key'];
    let idempotencyKey: string | undefined;
    if (typeof header === 'string') {
      const verdict = checkIdempotencyKey(header);
      if (!verdict.ok) throw fieldError('invalid', 'Idempotency-Key', verdict.code, verdict.message);
      // Bound to the key that sent it: another client's same header is another request.
      idempotencyKey = `open311:${live.id}:${header}`;
    }
    const filed = await fileRequest(deps.open311, { all, photos: body.photos, apiKeyId: live.id, idempotencyKey });
    if (filed.serviceRequestId !== undefined) deps.disk.stored(body.photos.reduce((sum, p) => sum + p.bytes, 0));
    if (filed.serviceRequestId === undefined) send(res, 200, format, 'service_requests', [{ service_notice: filed.notice }]);
    else send(res, 201, format, 'service_requests', [{ service_request_id: filed.serviceRequestId, service_notice: filed.notice }]);
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    closeAfterAnswer(req, res);
    if (STATUS[error.kind] >= 500) deps.log.logger.error({ route, error: error.errors[0]?.code ?? '' }, 'Open311 request not stored');
    sendErrors(res, format, error);
  } finally {
    disk?.release();
    await deps.receiver.discard(tempPaths);
  }
}

async function read(req: IncomingMessage, res: ServerResponse, deps: Open311RouteDeps, format: Format, resource: string, id: string | undefined): Promise<void> {
  const all = queryOf(req);
  checkJurisdiction(deps, all);
  if (resource === 'discovery') {
    return send(res, 200, format, 'discovery', discoveryOf(`${deps.publicUrl}${OPEN311_BASE}`, deps.contact, deps.keyService));
  }
  if (resource === 'services' && id === undefined) {
    return send(res, 200, format, 'services', deps.categories.filter((c) => c.inScope).map(serviceOf));
  }
  if (resource === 'services' && id !== undefined) {
    return send(res, 200, format, 'service_definition', serviceDefinitionOf(serviceFor(deps.categories, id)));
  }
  if (resource === 'tokens') {
    throw fieldError('not-found', 'token', 'unknown_token', '本平台提交后即时返回 service_request_id，不发放 token');
  }
  checkRate(deps.readLimiter, clientKey(clientAddress(req, deps.trustProxy)), deps, 'GET /open311/v2/requests', clientAddress(req, deps.trustProxy));
  if (id !== undefined) return send(res, 200, format, 'service_requests', [await getRequest(deps.open311, id)]);
  return send(res, 200, format, 'service_requests', await listRequests(deps.open311, requestQuery(all, deps.categories, deps.now())));
}

const ROUTE = /^\/open311\/v2\/(discovery|services|requests|tokens)(?:\/([^/]+?))?\.(json|xml)$/;

/** Handles /open311/…; true when it answered. */
export async function handleOpen311(req: IncomingMessage, res: ServerResponse, deps: Open311RouteDeps): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const match = ROUTE.exec(path);
  const format: Format = match?.[3] === 'json' ? 'json' : 'xml';
  const resource = match?.[1] ?? '';
  let id: string | undefined;
  try {
    id = match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
  } catch {
    id = '';
  }
  const method = req.method ?? 'GET';
  try {
    if (!match || (id !== undefined && (resource === 'discovery' || id === ''))) {
      throw fieldError('not-found', '', 'not_found', `没有这个接口。GeoReport v2 接口见 ${OPEN311_BASE}/discovery.xml`);
    }
    if (resource === 'requests' && id === undefined && method === 'POST') return await postRequest(req, res, deps, format);
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('allow', resource === 'requests' && id === undefined ? 'GET, POST' : 'GET');
      throw fieldError('malformed', '', 'method_not_allowed', `此接口不接受 ${method.slice(0, 10)}`);
    }
    await read(req, res, deps, format, resource, id);
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    sendErrors(res, format, error);
  }
}
