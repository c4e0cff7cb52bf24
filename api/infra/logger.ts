import { createHmac } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { clientKey } from '../domain/client-key.ts';

/**
 * What the security log records. Never a body, a header, a field value, a
 * secret or a client's address: clients are named by a keyed pseudonym of
 * their address (of the /64 for IPv6), enough to see one client repeat
 * itself, not to tell who it is.
 */
export type SecurityEvent =
  | { event: 'rate_limited'; route: string; client: string }
  | { event: 'cross_site_refused'; route: string; client: string }
  | { event: 'photo_refused'; codes: string[]; client: string }
  | { event: 'request_malformed'; route: string; code: string; client: string }
  | { event: 'weak_idempotency_key'; client: string }
  | { event: 'tracking_failed'; client: string }
  | { event: 'api_key_refused'; route: string; client: string }
  | { event: 'storage_refused'; code: string; client: string }
  | { event: 'image_job_timeout'; op: string }
  | { event: 'image_worker_crashed'; op: string }
  | { event: 'photo_unreadable'; reason: string }
  | { event: 'timeline_verification_failed'; problems: number; first: string };

export interface ServiceLog {
  logger: Logger;
  security(event: SecurityEvent): void;
  /** A pseudonym for a client address, for SecurityEvent.client. */
  pseudonym(address: string): string;
}

export function createServiceLog(options: { level: string; key: Buffer; destination?: DestinationStream }): ServiceLog {
  const logger = pino(
    {
      level: options.level,
      base: { service: 'zhifa' },
      // A last line of defence should a caller pass more than it should.
      redact: { paths: ['req.headers', 'headers', 'body', 'fields', 'secret', 'phone', 'email', 'name'], remove: true },
    },
    options.destination,
  );
  return {
    logger,
    security(event) {
      logger.warn({ kind: 'security', ...event }, event.event);
    },
    pseudonym(address) {
      return createHmac('sha256', options.key).update(clientKey(address)).digest('hex').slice(0, 16);
    },
  };
}
