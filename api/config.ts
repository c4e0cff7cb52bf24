import { join, resolve } from 'node:path';

/** Per-address limits; Infinity when lifted (RATE_LIMIT=off, for load tests and benchmarks). */
export interface RateLimits {
  reportsPerHour: number;
  trackingPerHour: number;
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
  /** Public base URL, used in links sent by mail and in Open311 discovery. */
  publicUrl: string;
  /** SMTP connection URL; unset means mail is written as .eml files under the data directory. */
  smtpUrl: string | undefined;
  mailFrom: string;
  adminEmail: string | undefined;
  /** Master key for reporters' contact details (32 bytes, hex or base64); unset: generated under DATA_DIR/secrets. */
  reporterKey: string | undefined;
  rateLimits: RateLimits;
  /**
   * True behind a reverse proxy (TRUST_PROXY=1): the client's address is the
   * last one the proxy appended to X-Forwarded-For. Off, the header is ignored,
   * so nobody escapes a rate limit by writing it.
   */
  trustProxy: boolean;
  /** Photos decoded at once to make their copies, whatever the number of uploads (bounds memory and CPU). */
  photoConcurrency: number;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`Expected ${name} to be a whole number of 1 or more; got "${raw}".`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Expected PORT to be a port number from 0 to 65535; got "${env.PORT}".`);
  const host = env.HOST ?? '0.0.0.0';
  const limitsOff = env.RATE_LIMIT === 'off';
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    contentDir: resolve(env.CONTENT_DIR ?? 'content'),
    distDir: resolve(env.DIST_DIR ?? 'dist'),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'no-reply@example.org',
    adminEmail: env.ADMIN_EMAIL || undefined,
    reporterKey: env.REPORTER_KEY || undefined,
    rateLimits: {
      reportsPerHour: limitsOff ? Infinity : positiveInteger(env, 'RATE_LIMIT_REPORTS_PER_HOUR', 20),
      trackingPerHour: limitsOff ? Infinity : positiveInteger(env, 'RATE_LIMIT_TRACKING_PER_HOUR', 60),
    },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    photoConcurrency: positiveInteger(env, 'PHOTO_CONCURRENCY', 1),
  };
}

/** Astro's server entry inside the build output. */
export function astroEntry(config: Config): string {
  return join(config.distDir, 'server', 'entry.mjs');
}
