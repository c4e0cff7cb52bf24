import { join, resolve } from 'node:path';

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
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Expected PORT to be a port number from 0 to 65535; got "${env.PORT}".`);
  const host = env.HOST ?? '0.0.0.0';
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
  };
}

/** Astro's server entry inside the build output. */
export function astroEntry(config: Config): string {
  return join(config.distDir, 'server', 'entry.mjs');
}
