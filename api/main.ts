// The composition root: reads nothing itself but the configuration it is
// given, builds the stores, keys, workers and use cases, and hands them to
// the HTTP layer. Only this file knows both the use cases and the infrastructure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import { ProblemList } from '../src/lib/content/content-error.ts';
import { loadCategories } from '../src/lib/content/load-categories.ts';
import { loadOffices } from '../src/lib/content/load-offices.ts';
import { loadSite } from '../src/lib/content/load-site.ts';
import { openDatabase } from './infra/database.ts';
import { migrate } from './infra/migrations.ts';
import { createDiskGuard } from './infra/disk-guard.ts';
import { createImageWorkers } from './infra/image-workers.ts';
import { loadKeyRing } from './infra/key-ring.ts';
import { createServiceLog, type ServiceLog } from './infra/logger.ts';
import { createPhotoStore } from './infra/photo-store.ts';
import { createRateLimiter } from './infra/rate-limiter.ts';
import { createReportStore } from './infra/report-store.ts';
import { sealLegacyPhotos } from './infra/seal-legacy-photos.ts';
import { createTimeline } from './infra/timeline.ts';
import { createTimelineAnchor } from './infra/timeline-anchor.ts';
import { createPhotoDeriver } from './app/derive-photos.ts';
import { REPORT_LIMITS } from './domain/report-input.ts';
import { createServiceHandler, type ServiceHandler } from './http/service-handler.ts';
import { createReportFormPage } from './http/report-form-page.ts';

const HOUR = 3600_000;

export interface Service {
  handle: ServiceHandler;
  /** GET /report/ with a fresh form token; false when there is no built form to serve. */
  reportForm: ReturnType<typeof createReportFormPage>;
  log: ServiceLog;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** The origins browser posts may come from (the server knows its port only once it listens). */
  origins: () => readonly string[];
  /** Where the log goes (tests collect it); stdout by default. */
  logDestination?: DestinationStream;
}

export async function createService(config: Config, options: ServiceOptions): Promise<Service> {
  // Every file the service creates is its user's alone (the database, photos, keys, mail).
  process.umask(0o077);

  const problems = new ProblemList();
  const site = loadSite(config.contentDir, problems);
  const categories = loadCategories(config.contentDir, problems);
  const offices = loadOffices(config.contentDir, problems);
  problems.throwIfAny();

  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const keys = loadKeyRing(config.secretsDir, config.reporterKey, join(config.dataDir, 'secrets'));
  const log = createServiceLog({ level: config.logLevel, key: keys.current.key('log'), ...(options.logDestination ? { destination: options.logDestination } : {}) });
  if (keys.dir?.startsWith(`${config.dataDir}/`)) log.logger.warn({ secretsDir: 'inside DATA_DIR' }, 'keys are kept inside DATA_DIR: set SECRETS_DIR to a place its backups do not go (README, Deployment)');

  const db = await openDatabase(join(config.dataDir, 'portal.sqlite'));
  await migrate(db);
  const workers = createImageWorkers({
    keys,
    workers: config.imageWorkers,
    timeoutMs: config.imageTimeoutMs,
    onEvent: (e) => log.security(e.kind === 'timeout' ? { event: 'image_job_timeout', op: e.op } : { event: 'image_worker_crashed', op: e.op }),
  });
  const photos = createPhotoStore({ dataDir: config.dataDir, maxBytes: REPORT_LIMITS.photoMaxBytes, maxPixels: REPORT_LIMITS.photoMaxPixels, keys, workers });
  await photos.prepare();
  await sealLegacyPhotos(db, keys, photos);
  const stored = await db.read.get<{ bytes: number | null }>('SELECT sum(original_bytes) AS bytes FROM photos');
  const disk = createDiskGuard({ dir: config.dataDir, minFreeBytes: config.diskMinFreeBytes, maxStoredBytes: config.photoStoreMaxBytes, storedBytes: stored?.bytes ?? 0 });

  const anchor = createTimelineAnchor(config.anchorFile, keys);
  const store = createReportStore(db, createTimeline(keys, anchor));
  const now = () => new Date();
  const deriver = createPhotoDeriver({
    store,
    photos,
    concurrency: config.imageWorkers,
    now,
    onUnreadable: (reason) => log.security({ event: 'photo_unreadable', reason }),
  });
  // Copies a killed process never made are made now.
  deriver.kick();

  const handle = createServiceHandler({
    intake: {
      store,
      photos,
      deriver,
      offices,
      categories,
      keys,
      hotline: site?.contacts.hotline ?? '12336',
      regionName: site?.regionName ?? '本市',
      now,
    },
    distDir: config.distDir,
    trustProxy: config.trustProxy,
    origins: options.origins,
    reportLimiter: createRateLimiter(config.rateLimits.reportsPerHour, HOUR),
    trackingLimiter: createRateLimiter(config.rateLimits.trackingPerHour, HOUR),
    disk,
    log,
    uploadIdleTimeoutMs: config.uploadIdleTimeoutMs,
  });

  return {
    handle,
    reportForm: createReportFormPage({ distDir: config.distDir, formKey: keys.current.key('form'), now }),
    log,
    async close() {
      await deriver.close();
      await workers.close();
      await anchor.flush();
      await db.close();
    },
  };
}
