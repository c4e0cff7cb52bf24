import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

/** Per-address limits; Infinity when lifted (RATE_LIMIT=off, for load tests and benchmarks). */
export interface RateLimits {
  reportsPerHour: number;
  trackingPerHour: number;
  /** Open311 requests filed per API key. */
  open311PerKeyPerHour: number;
  /** Open311 public reads (GET requests) per client address. */
  open311ReadsPerHour: number;
}

/** The process's configuration, from environment variables with safe defaults (README, Configuration). */
export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file, photos, outgoing mail and generated secrets live. */
  dataDir: string;
  /** The content directory (site, categories, offices…). */
  contentDir: string;
  /** Astro's build output. */
  distDir: string;
  /** Public base URL, used in links sent by mail and in Open311 discovery, and the origin browser posts must come from. */
  publicUrl: string;
  /** True when PUBLIC_URL was set; unset, posts from the loopback names of the bound port are accepted (see origin-policy.ts). */
  publicUrlExplicit: boolean;
  /** SMTP connection URL; unset means mail is written as .eml files under the data directory. */
  smtpUrl: string | undefined;
  mailFrom: string;
  adminEmail: string | undefined;
  /** Master key (32 bytes, hex or base64) from which every key of the service is derived; unset: SECRETS_DIR/reporter.key, generated on first start. */
  reporterKey: string | undefined;
  /** Where the keys live; keep it out of DATA_DIR's backups in production (README, Deployment). */
  secretsDir: string;
  /** The timeline's append-only anchor file; keep it on other storage than DATA_DIR in production. */
  anchorFile: string;
  rateLimits: RateLimits;
  /**
   * True behind a reverse proxy (TRUST_PROXY=1): the client's address is the
   * last one the proxy appended to X-Forwarded-For. Off, the header is ignored,
   * so nobody escapes a rate limit by writing it.
   */
  trustProxy: boolean;
  /** Image worker processes: photos decoded at once, whatever the number of uploads (bounds memory and CPU). */
  imageWorkers: number;
  /** A photo's image job (check or copies) longer than this is ended and the photo refused or marked unreadable. */
  imageTimeoutMs: number;
  /** An upload that sends no byte for this long is cut; the whole upload has no time limit. */
  uploadIdleTimeoutMs: number;
  /** Uploads are refused (507) when they would leave less free space than this on DATA_DIR's disk. */
  diskMinFreeBytes: number;
  /** Cap on the bytes of original photos kept (0: none). */
  photoStoreMaxBytes: number;
  /** pino level of the service log (stdout): trace … fatal, or silent. */
  logLevel: string;
  outbox: {
    /** How often the outbox looks for due messages. */
    pollMs: number;
    /** First wait after a transient failure (doubled each time, capped). */
    retryBaseMs: number;
    retryCapMs: number;
    /** A message still undelivered this long after it was queued is dead. */
    giveUpMs: number;
    /** How long a claimed message is this process's before another may send it. */
    leaseMs: number;
    /** While messages wait out their back-off, one is tried early this often (to see the server back). */
    probeMs: number;
    /** Photos attached to one e-mail at most (bytes); the rest are linked. */
    attachmentBytes: number;
  };
  /** How often deadlines are checked (reminders, escalations, the daily summary). */
  deadlineCheckMs: number;
  /** How long office links stay good. */
  officeLinkDays: number;
  /** False runs the service without its background workers (outbox, deadlines): `npm run outbox` sends instead. */
  workers: boolean;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`Expected ${name} to be a whole number of ${min} or more; got "${raw}".`);
  return value;
}
const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number) => wholeNumber(env, name, fallback, 1);

const MB = 1024 * 1024;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Expected PORT to be a port number from 0 to 65535; got "${env.PORT}".`);
  const host = env.HOST ?? '0.0.0.0';
  const limitsOff = env.RATE_LIMIT === 'off';
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  return {
    port,
    host,
    dataDir,
    contentDir: resolve(env.CONTENT_DIR ?? 'content'),
    distDir: resolve(env.DIST_DIR ?? 'dist'),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    publicUrlExplicit: Boolean(env.PUBLIC_URL),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'no-reply@example.org',
    adminEmail: env.ADMIN_EMAIL || undefined,
    reporterKey: env.REPORTER_KEY || undefined,
    secretsDir: resolve(env.SECRETS_DIR || join(dataDir, 'secrets')),
    anchorFile: resolve(env.TIMELINE_ANCHOR_FILE || join(dataDir, 'anchor', 'timeline.log')),
    rateLimits: {
      reportsPerHour: limitsOff ? Infinity : positiveInteger(env, 'RATE_LIMIT_REPORTS_PER_HOUR', 20),
      trackingPerHour: limitsOff ? Infinity : positiveInteger(env, 'RATE_LIMIT_TRACKING_PER_HOUR', 60),
      open311PerKeyPerHour: limitsOff ? Infinity : positiveInteger(env, 'RATE_LIMIT_OPEN311_PER_KEY_PER_HOUR', 200),
      open311ReadsPerHour: limitsOff ? Infinity : positiveInteger(env, 'RATE_LIMIT_OPEN311_READS_PER_HOUR', 600),
    },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    imageWorkers: positiveInteger(env, 'IMAGE_WORKERS', Math.min(2, availableParallelism())),
    imageTimeoutMs: positiveInteger(env, 'IMAGE_TIMEOUT_MS', 15_000),
    uploadIdleTimeoutMs: positiveInteger(env, 'UPLOAD_IDLE_TIMEOUT_S', 30) * 1000,
    diskMinFreeBytes: wholeNumber(env, 'DISK_MIN_FREE_MB', 512, 0) * MB,
    photoStoreMaxBytes: wholeNumber(env, 'PHOTO_STORE_MAX_MB', 0, 0) * MB,
    logLevel: env.LOG_LEVEL || 'info',
    outbox: {
      pollMs: positiveInteger(env, 'OUTBOX_POLL_MS', 2_000),
      retryBaseMs: positiveInteger(env, 'OUTBOX_RETRY_BASE_S', 60) * 1000,
      retryCapMs: positiveInteger(env, 'OUTBOX_RETRY_CAP_S', 3_600) * 1000,
      giveUpMs: positiveInteger(env, 'OUTBOX_GIVE_UP_HOURS', 72) * 3_600_000,
      leaseMs: positiveInteger(env, 'OUTBOX_LEASE_S', 120) * 1000,
      probeMs: positiveInteger(env, 'OUTBOX_PROBE_S', 15) * 1000,
      attachmentBytes: positiveInteger(env, 'MAIL_ATTACHMENT_MB', 15) * MB,
    },
    deadlineCheckMs: positiveInteger(env, 'DEADLINE_CHECK_S', 60) * 1000,
    officeLinkDays: positiveInteger(env, 'OFFICE_LINK_DAYS', 30),
    workers: env.WORKERS !== 'off',
  };
}

/** Astro's server entry inside the build output. */
export function astroEntry(config: Config): string {
  return join(config.distDir, 'server', 'entry.mjs');
}
