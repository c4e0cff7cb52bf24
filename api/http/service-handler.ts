import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ProblemList } from '../../src/lib/content/content-error.ts';
import { loadCategories } from '../../src/lib/content/load-categories.ts';
import { loadOffices } from '../../src/lib/content/load-offices.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { openDatabase } from '../infra/database.ts';
import { migrate } from '../infra/migrations.ts';
import { createPhotoStore } from '../infra/photo-store.ts';
import { createRateLimiter } from '../infra/rate-limiter.ts';
import { createReportStore } from '../infra/report-store.ts';
import { createPhotoDeriver } from '../app/derive-photos.ts';
import { loadReporterKeys } from '../infra/reporter-keys.ts';
import { REPORT_LIMITS } from '../domain/report-input.ts';
import { getReport, postReport, postTrack, type IntakeRouteDeps } from './intake-routes.ts';
import { sendJson } from './send.ts';

/** Handles a request under /api/ or /open311/. */
export type ServiceHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const HOUR = 3600_000;

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { errors: [{ field: '', code: 'not_found', message: '没有这个接口。' }] });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, { errors: [{ field: '', code: 'method_not_allowed', message: `此接口只接受 ${allow}` }] }, { allow });
}

/**
 * The reporting service's routes. Opens the store (migrations run here, on
 * every start) and returns the handler and a close function for shutdown.
 */
export async function createServiceHandler(config: Config): Promise<{ handle: ServiceHandler; close: () => Promise<void> }> {
  const problems = new ProblemList();
  const site = loadSite(config.contentDir, problems);
  const categories = loadCategories(config.contentDir, problems);
  const offices = loadOffices(config.contentDir, problems);
  problems.throwIfAny();

  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase(join(config.dataDir, 'portal.sqlite'));
  await migrate(db);
  const photos = createPhotoStore({
    dataDir: config.dataDir,
    maxBytes: REPORT_LIMITS.photoMaxBytes,
    maxPixels: REPORT_LIMITS.photoMaxPixels,
  });
  await photos.prepare();
  const store = createReportStore(db);
  const now = () => new Date();
  const inFlight = { count: 0 };
  const deriver = createPhotoDeriver({ store, photos, concurrency: config.photoConcurrency, now, busy: () => inFlight.count > 0 });
  // Copies a killed process never made are made now.
  deriver.kick();

  const deps: IntakeRouteDeps = {
    config,
    intake: {
      store,
      photos,
      deriver,
      offices,
      categories,
      keys: loadReporterKeys(config.dataDir, config.reporterKey),
      hotline: site?.contacts.hotline ?? '12336',
      regionName: site?.regionName ?? '本市',
      now,
    },
    reportLimiter: createRateLimiter(config.rateLimits.reportsPerHour, HOUR),
    trackingLimiter: createRateLimiter(config.rateLimits.trackingPerHour, HOUR),
    inFlight,
  };

  return {
    async handle(req, res) {
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
    },
    async close() {
      await deriver.close();
      await db.close();
    },
  };
}
