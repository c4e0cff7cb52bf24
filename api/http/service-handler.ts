import type { IncomingMessage, ServerResponse } from 'node:http';
import { getReport, postReport, postTrack, type IntakeRouteDeps } from './intake-routes.ts';
import { sendJson } from './send.ts';

/** Handles a request under /api/ or /open311/. */
export type ServiceHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { errors: [{ field: '', code: 'not_found', message: '没有这个接口。' }] });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, { errors: [{ field: '', code: 'method_not_allowed', message: `此接口只接受 ${allow}` }] }, { allow });
}

/** The reporting service's routes, over the use cases the composition root built. */
export function createServiceHandler(deps: IntakeRouteDeps): ServiceHandler {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    if (path === '/api/reports' || path === '/api/reports/') {
      return method === 'POST' ? postReport(req, res, deps) : methodNotAllowed(res, 'POST');
    }
    if (path === '/api/reports/track' || path === '/api/reports/track/') {
      return method === 'POST' ? postTrack(req, res, deps) : methodNotAllowed(res, 'POST');
    }
    const tracked = /^\/api\/reports\/([^/]+)\/?$/.exec(path);
    if (tracked?.[1]) {
      return method === 'GET' ? getReport(req, res, deps, tracked[1]) : methodNotAllowed(res, 'GET');
    }
    notFound(res);
  };
}
