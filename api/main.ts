// The composition root: from the configuration it is given, builds the keys,
// stores, image workers, mailer, use cases and background workers, and hands
// the use cases to the HTTP layer. Only this file knows both the use cases
// and the infrastructure.
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import { ProblemList } from '../src/lib/content/content-error.ts';
import { loadCalendar } from '../src/lib/content/load-calendar.ts';
import { loadCategories } from '../src/lib/content/load-categories.ts';
import { loadOffices } from '../src/lib/content/load-offices.ts';
import { loadDecisions } from '../src/lib/content/load-decisions.ts';
import type { CorrectionTarget } from './http/correction-routes.ts';
import { loadSite } from '../src/lib/content/load-site.ts';
import { createWorkingCalendar } from '../src/lib/working-days.ts';
import type { LeadDeadlines } from '../src/schemas/site.ts';
import { deadlinesFrom } from './domain/deadlines.ts';
import { REPORT_LIMITS } from './domain/report-input.ts';
import { openDatabase } from './infra/database.ts';
import { migrate } from './infra/migrations.ts';
import { createDiskGuard } from './infra/disk-guard.ts';
import { createImageWorkers } from './infra/image-workers.ts';
import { loadKeyRing } from './infra/key-ring.ts';
import { createLeadStore } from './infra/lead-store.ts';
import { createServiceLog, type ServiceLog } from './infra/logger.ts';
import { createFileMailer, createSmtpMailer } from './infra/mailer.ts';
import { createOfficeLinks } from './infra/office-links.ts';
import { createOutboxStore } from './infra/outbox-store.ts';
import { createPhotoStore } from './infra/photo-store.ts';
import { createRateLimiter } from './infra/rate-limiter.ts';
import { createReportStore } from './infra/report-store.ts';
import { createApiKeyStore } from './infra/api-key-store.ts';
import { createOpen311Store } from './infra/open311-store.ts';
import type { Open311Deps } from './app/open311-requests.ts';
import { describeAnswers } from './domain/open311-attributes.ts';
import { serviceAttributes } from './domain/open311-services.ts';
import { sealLegacyPhotos } from './infra/seal-legacy-photos.ts';
import { createTimeline } from './infra/timeline.ts';
import { createTimelineAnchor } from './infra/timeline-anchor.ts';
import { addInformation } from './app/add-information.ts';
import { checkDeadlines, queueDailySummary, type DeadlineDeps } from './app/check-deadlines.ts';
import { createPhotoDeriver } from './app/derive-photos.ts';
import { deliverDue, probeDeferred, type DeliveryDeps } from './app/deliver-outbox.ts';
import type { IntakeDeps } from './app/intake-deps.ts';
import type { OfficeDeps } from './app/office-actions.ts';
import type { Clock, LeadChannel, LeadPolicy, Mailer } from './app/ports.ts';
import { submitReport } from './app/submit-report.ts';
import { createServiceHandler, type ServiceHandler } from './http/service-handler.ts';
import { createReportFormPage } from './http/report-form-page.ts';
import { createPageRenderer } from './http/page-renderer.ts';
import { builtFor } from '../scripts/built-for.ts';
import type { OfficeDirectory } from './http/office-pages.ts';

const HOUR = 3600_000;

export interface Service {
  handle: ServiceHandler;
  /** GET /report/ with a fresh form token; false when there is no built form to serve. */
  reportForm: ReturnType<typeof createReportFormPage>;
  log: ServiceLog;
  /** One round of the outbox now (tests, `npm run outbox`). */
  deliver(): Promise<Record<'sent' | 'retried' | 'dead' | 'skipped', number>>;
  /** One check of the deadlines now. */
  checkDeadlines(): Promise<{ reminded: number; escalated: number }>;
  /** A signed link to an office's inbox (npm run office:link). */
  officeLink(officeCode: string, options?: { reissue?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** The origins browser posts may come from (the server knows its port only once it listens). */
  origins: () => readonly string[];
  /** Where the log goes (tests collect it); stdout by default. */
  logDestination?: DestinationStream;
  /** The time (tests move it forward to see deadlines pass). */
  clock?: Clock;
}

function mailDomain(from: string): string {
  return /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'localhost';
}

/** Repeats `work` every `ms` while the service runs, one run at a time. */
function every(ms: number, work: () => Promise<unknown>, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = work()
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, ms);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export async function createService(config: Config, options: ServiceOptions): Promise<Service> {
  // Every file the service creates is its user's alone (the database, photos, keys, mail).
  process.umask(0o077);
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const now = () => clock.now();

  const problems = new ProblemList();
  const site = loadSite(config.contentDir, problems);
  const categories = loadCategories(config.contentDir, problems);
  const offices = loadOffices(config.contentDir, problems);
  const calendarYears = loadCalendar(config.contentDir, problems);
  problems.throwIfAny();
  const desk = offices.find((o) => o.role === 'desk');
  const officeByCode = new Map(offices.map((o) => [o.code, o]));
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  const officeName = (code: string | null) => (code ? (officeByCode.get(code)?.name ?? code) : '待分派');

  const defaults: LeadDeadlines = site?.leads.deadlines ?? { acknowledgeWithinWorkingDays: 1, concludeWithinWorkingDays: 15, escalateAfterWorkingDays: 2 };
  const policy: LeadPolicy = {
    calendar: createWorkingCalendar(calendarYears),
    deadlinesFor: (code) => {
      const own = officeByCode.get(code)?.leadDeadlines ?? {};
      return {
        acknowledgeWithinWorkingDays: own.acknowledgeWithinWorkingDays ?? defaults.acknowledgeWithinWorkingDays,
        concludeWithinWorkingDays: own.concludeWithinWorkingDays ?? defaults.concludeWithinWorkingDays,
        escalateAfterWorkingDays: own.escalateAfterWorkingDays ?? defaults.escalateAfterWorkingDays,
      };
    },
    basis: site?.leads.basis ?? '本机关线索办理规定（地方实践）',
  };

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
  const timeline = createTimeline(keys, anchor);
  const domain = mailDomain(config.mailFrom);
  const store = createReportStore(db, timeline, domain);
  const leads = createLeadStore(db, timeline, { mailDomain: domain, deadlines: (code, assignedAt) => deadlinesFrom(policy.calendar, assignedAt, policy.deadlinesFor(code)) });
  const outbox = createOutboxStore(db, randomBytes(6).toString('hex'), config.outbox.leaseMs);
  const links = createOfficeLinks(db, keys, { publicUrl: config.publicUrl, days: config.officeLinkDays });
  const mailer: Mailer & { close?: () => void } = config.smtpUrl
    ? createSmtpMailer(config.smtpUrl)
    : createFileMailer(join(config.dataDir, 'mail'), (path) => log.logger.info({ path }, 'mail written (no SMTP_URL set)'));

  const deriver = createPhotoDeriver({ store, photos, concurrency: config.imageWorkers, now, onUnreadable: (reason) => log.security({ event: 'photo_unreadable', reason }) });
  // Copies a killed process never made are made now.
  deriver.kick();

  const open311Store = createOpen311Store(db);
  /** The Open311 channel of a lead, as the office reads it (its page, its e-mail). */
  const channelOf = async (reportId: number, code: string): Promise<LeadChannel | undefined> => {
    const row = await open311Store.channel(reportId);
    if (!row) return undefined;
    const category = categories.find((c) => c.code === code);
    const answers = category ? describeAnswers(serviceAttributes(category), JSON.parse(row.attributes) as Record<string, string | string[]>) : [];
    return { keyId: row.api_key_id, organisation: row.organisation, revoked: row.revoked_at !== null, mediaUrl: row.media_url, answers };
  };

  const intake: IntakeDeps = { store, photos, deriver, offices, categories, keys, policy, hotline: site?.contacts.hotline ?? '12336', regionName: site?.regionName ?? '本市', now };
  const officeDeps: OfficeDeps = { leads, clock, keys, offices };
  const delivery: DeliveryDeps = {
    outbox,
    leads,
    mailer,
    clock,
    keys,
    links,
    policy,
    mail: { from: config.mailFrom, authority: site?.authority ?? '', publicUrl: config.publicUrl, categoryName, officeName, attachmentLimit: config.outbox.attachmentBytes },
    office: (code) => {
      const office = code ? officeByCode.get(code) : undefined;
      return office ? { code: office.code, name: office.name, email: office.email, role: office.role } : undefined;
    },
    deskCode: desk?.code,
    adminEmail: config.adminEmail,
    copyPath: photos.copyPath,
    fileSize: (path) => statSync(path).size,
    channelOf,
    retry: { baseMs: config.outbox.retryBaseMs, capMs: config.outbox.retryCapMs, giveUpMs: config.outbox.giveUpMs },
    log: {
      // Never an address a reporter gave: only the row, its kind and the server's answer.
      sent: (row, response) => log.logger.info({ outbox: row.id, kind: row.kind, messageId: row.message_id, response: response.slice(0, 120) }, 'mail sent'),
      failed: (row, error, dead) => log.logger.warn({ outbox: row.id, kind: row.kind, attempts: row.attempts, error: error.slice(0, 200), dead }, dead ? 'mail given up' : 'mail failed, will retry'),
    },
  };
  const deadlineDeps: DeadlineDeps = { leads, outbox, clock, policy, deskCode: desk?.code, officeName, chainHead: leads.chainHead, adminEmail: config.adminEmail };
  let lastProbe = 0;
  const deliver = async () => {
    const totals = { sent: 0, retried: 0, dead: 0, skipped: 0 };
    // Until nothing is due: a burst of leads drains at once rather than one batch a poll.
    for (;;) {
      const round = await deliverDue(delivery);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += round[k];
      if (round.sent + round.retried + round.dead + round.skipped > 0) continue;
      if (Date.now() - lastProbe < config.outbox.probeMs) return totals;
      lastProbe = Date.now();
      // The mail server may be back before the back-off says: try one deferred message early.
      if (!(await probeDeferred(delivery))) return totals;
    }
  };
  const deadlines = async () => {
    const result = await checkDeadlines(deadlineDeps);
    await queueDailySummary(deadlineDeps);
    return result;
  };
  const background = config.workers
    ? [
        every(config.outbox.pollMs, deliver, (error) => log.logger.error({ error: String(error) }, 'outbox round failed')),
        every(config.deadlineCheckMs, deadlines, (error) => log.logger.error({ error: String(error) }, 'deadline check failed')),
      ]
    : [];

  const counties = offices.filter((o) => o.role === 'county');
  const dir: OfficeDirectory = {
    officeName,
    categoryName,
    counties: counties.map((o) => ({ code: o.code, name: o.name })),
    boundaryOf: (code) => (code ? officeByCode.get(code)?.boundaryWgs84 : undefined),
    deadlineBasis: policy.basis,
  };
  const apiKeys = createApiKeyStore(db);
  const regionName = site?.regionName ?? '';
  const agency = (code: string | null) => (code ? officeName(code) : (desk?.name ?? null));
  const open311: Open311Deps = {
    intake,
    requests: open311Store.requests,
    context: {
      serviceName: (code) => categories.find((c) => c.code === code)?.name ?? null,
      agency,
      area: (code) => {
        const office = code ? officeByCode.get(code) : undefined;
        return office?.role === 'county' ? `${regionName}${office.areaName}` : regionName || null;
      },
      serviceNotice: (code) => {
        if (!code) return `线索在${agency(null) ?? '市级执法监察机构'}的待分派队列中，由其分派给负责的区县核查。`;
        const d = policy.deadlinesFor(code);
        return `由${officeName(code)}核查：${d.acknowledgeWithinWorkingDays} 个工作日内签收，${d.concludeWithinWorkingDays} 个工作日内办结（${policy.basis}）。`;
      },
    },
  };
  const page = createPageRenderer(config.distDir);
  // A build carries its public origin in every link, feed and open-data file: served under another origin they all point away.
  const origin = builtFor(config.distDir);
  if (origin && origin !== config.publicUrl) {
    log.logger.warn({ builtFor: origin, publicUrl: config.publicUrl }, 'the built site links to another origin than PUBLIC_URL: rebuild it (npm run build with the same PUBLIC_URL), or start with npm start, which does');
  }
  const reportForm = createReportFormPage({ distDir: config.distDir, formKey: keys.current.key('form'), now });
  const intakeRoutes = {
    intake,
    receiver: photos,
    addInformation: (input: Parameters<typeof addInformation>[1]) => addInformation({ ...intake, leads }, input),
    reportForm,
    distDir: config.distDir,
    trustProxy: config.trustProxy,
    origins: options.origins,
    reportLimiter: createRateLimiter(config.rateLimits.reportsPerHour, HOUR),
    trackingLimiter: createRateLimiter(config.rateLimits.trackingPerHour, HOUR),
    disk,
    log,
    uploadIdleTimeoutMs: config.uploadIdleTimeoutMs,
  };
  // The decisions a correction request may concern, read from the content on the first request (not at start:
  // at 10,000 decisions that takes seconds no other route needs). Problems were the build's to report.
  let targets: Map<string, CorrectionTarget> | undefined;
  const correctionTargets = () => {
    targets ??= new Map(
      loadDecisions(config.contentDir, new ProblemList(), { categories, offices }).map((d) => [
        d.slug,
        { slug: d.slug, docNo: d.docNo, authority: d.authority, category: d.category, status: d.status, displayUntil: d.displayUntil, creditRepairOn: d.creditRepair?.date },
      ]),
    );
    return targets;
  };
  const handle = createServiceHandler({
    corrections: { intake: intakeRoutes, page, targets: correctionTargets },
    intake: intakeRoutes,
    office: {
      office: officeDeps,
      leads,
      outbox,
      photos,
      receiver: photos,
      links,
      keys,
      policy,
      dir,
      categories,
      page,
      origins: options.origins,
      secureCookies: config.publicUrl.startsWith('https:'),
      channelOf,
      register: async (submission) => {
        const result = await submitReport(intake, submission);
        return { ...result, leadId: result.leadId, officeCode: result.receipt.office?.code ?? null };
      },
      uploadIdleTimeoutMs: config.uploadIdleTimeoutMs,
    },
    open311: {
      open311,
      categories,
      liveKey: apiKeys.live,
      receiver: photos,
      publicUrl: config.publicUrl,
      jurisdiction: new URL(config.publicUrl).hostname.replace(/^www\./, ''),
      contact: site ? `${site.authority}：${site.contacts.address}，电话 ${site.contacts.phone}，电子邮箱 ${site.contacts.email}` : '',
      keyService: `提交服务请求的 api_key 请向${site?.authority ?? '本机关'}申请（${site?.contacts.email ?? ''}），说明机构名称和用途。`,
      origins: options.origins,
      trustProxy: config.trustProxy,
      keyLimiter: createRateLimiter(config.rateLimits.open311PerKeyPerHour, HOUR),
      readLimiter: createRateLimiter(config.rateLimits.open311ReadsPerHour, HOUR),
      disk,
      log,
      uploadIdleTimeoutMs: config.uploadIdleTimeoutMs,
      now,
    },
    leadPages: { leads, policy, clock, page, counties: counties.map((o) => ({ code: o.code, name: o.name, areaName: o.areaName })), categoryName },
    page,
  });

  return {
    handle,
    reportForm,
    log,
    deliver,
    checkDeadlines: deadlines,
    async officeLink(officeCode, linkOptions = {}) {
      if (!officeByCode.has(officeCode)) throw new Error(`Expected the code of an office in content/offices; got "${officeCode}".`);
      if (linkOptions.reissue) await links.reissue(officeCode, now());
      return links.inboxUrl(officeCode, now());
    },
    async close() {
      for (const worker of background) await worker.stop();
      await deriver.close();
      await workers.close();
      mailer.close?.();
      await anchor.flush();
      await db.close();
    },
  };
}
