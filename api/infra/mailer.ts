import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { PermanentMailError, type MailMessage } from '../domain/mail-message.ts';
import type { Mailer, SendResult } from '../app/ports.ts';

/** Short limits, so that a hung server never holds a claimed message past its lease. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function toNodemailer(message: MailMessage) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: message.inReplyTo } : {}),
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: message.attachments.map((a) => ({ filename: a.filename, path: a.path, contentType: a.contentType })),
  };
}

/**
 * Whether a failure is worth trying again: an SMTP reply in the 5xx range
 * (no such mailbox, message refused) is permanent; 4xx replies and failures
 * to connect, time-outs and broken connections are transient.
 */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  return [e.code, e.responseCode, e.response ?? e.message].filter(Boolean).join(' ').slice(0, 500);
}

/** SMTP from SMTP_URL (smtp://user:pass@host:587, smtps://…). */
export function createSmtpMailer(url: string): Mailer & { close(): void } {
  // Pooled: a burst of leads goes over a few kept-open connections instead of one handshake each.
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 3, maxMessages: 100, ...SMTP_TIMEOUTS } as SMTPTransport.Options);
  return {
    async send(message): Promise<SendResult> {
      try {
        const info = await transport.sendMail(toNodemailer(message));
        return { messageId: info.messageId ?? message.messageId, response: String(info.response ?? '') };
      } catch (error) {
        if (isPermanent(error)) throw new PermanentMailError(describe(error), String((error as { response?: string }).response ?? ''));
        throw new Error(describe(error));
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Without SMTP_URL (a fresh machine): each message is written, exactly as it
 * would go over the wire, to DATA_DIR/mail/<time>-<id>.eml, and its path logged.
 */
export function createFileMailer(dir: string, onWritten: (path: string) => void): Mailer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message): Promise<SendResult> {
      const info = await transport.sendMail(toNodemailer(message));
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.messageId.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 80)}.eml`;
      const path = join(dir, name);
      await writeFile(path, info.message as Buffer, { mode: 0o600 });
      onWritten(path);
      return { messageId: message.messageId, response: `written to ${name}` };
    },
  };
}
