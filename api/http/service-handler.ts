import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from '../domain/html.ts';
import { getReport, postAddition, postReport, postTrack, type IntakeRouteDeps } from './intake-routes.ts';
import { handleLeadPages, type LeadPagesDeps } from './lead-pages.ts';
import { getCorrectionForm, postCorrection, type CorrectionDeps } from './correction-routes.ts';
import { handleOffice, type OfficeRouteDeps } from './office-routes.ts';
import { handleOpen311, type Open311RouteDeps } from './open311-routes.ts';
import { sendHtml } from './answer.ts';
import type { PageRenderer } from './page-renderer.ts';
import { sendJson } from './send.ts';

/** Handles a request under one of the service's prefixes. */
export type ServiceHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The paths the service answers itself; everything else is the site's. */
export const SERVICE_PREFIXES = ['/api/', '/open311/', '/office/', '/leads/', '/corrections/'];

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, { errors: [{ field: '', code: 'method_not_allowed', message: `此接口只接受 ${allow}` }] }, { allow });
}

export interface ServiceRoutes {
  intake: IntakeRouteDeps;
  office: OfficeRouteDeps;
  leadPages: LeadPagesDeps;
  open311: Open311RouteDeps;
  corrections: CorrectionDeps;
  page: PageRenderer;
}

/** The reporting service's routes, over the use cases the composition root built. */
export function createServiceHandler(deps: ServiceRoutes): ServiceHandler {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    if (path.startsWith('/office/')) return handleOffice(req, res, deps.office);
    if (path.startsWith('/open311/')) return handleOpen311(req, res, deps.open311);
    if (path.startsWith('/leads/')) {
      if (await handleLeadPages(req, res, deps.leadPages)) return;
      return sendHtml(res, 404, await deps.page('没有这个页面', html`<h1>没有这个页面</h1><p><a href="/leads/">线索办理情况</a> · <a href="/">首页</a></p>`));
    }
    if (path === '/corrections/new/') return method === 'GET' || method === 'HEAD' ? getCorrectionForm(req, res, deps.corrections) : methodNotAllowed(res, 'GET');
    if (path === '/api/corrections' || path === '/api/corrections/') return method === 'POST' ? postCorrection(req, res, deps.corrections) : methodNotAllowed(res, 'POST');
    if (path === '/api/reports' || path === '/api/reports/') {
      return method === 'POST' ? postReport(req, res, deps.intake) : methodNotAllowed(res, 'POST');
    }
    if (path === '/api/reports/track' || path === '/api/reports/track/') {
      return method === 'POST' ? postTrack(req, res, deps.intake) : methodNotAllowed(res, 'POST');
    }
    if (path === '/api/reports/track/additions') {
      return method === 'POST' ? postAddition(req, res, deps.intake, undefined) : methodNotAllowed(res, 'POST');
    }
    const addition = /^\/api\/reports\/([^/]+)\/additions\/?$/.exec(path);
    if (addition?.[1]) return method === 'POST' ? postAddition(req, res, deps.intake, addition[1]) : methodNotAllowed(res, 'POST');
    const tracked = /^\/api\/reports\/([^/]+)\/?$/.exec(path);
    if (tracked?.[1]) {
      return method === 'GET' ? getReport(req, res, deps.intake, tracked[1]) : methodNotAllowed(res, 'GET');
    }
    sendJson(res, 404, { errors: [{ field: '', code: 'not_found', message: '没有这个接口。' }] });
  };
}
