/** A file sent with a message. */
export interface MailAttachment {
  filename: string;
  /** Where the bytes are (a copy in the photo store, never an original). */
  path: string;
  contentType: string;
}

/** One e-mail as the outbox composes it: addresses, headers and both parts, already escaped. */
export interface MailMessage {
  to: string;
  from: string;
  /** Fixed when the message was queued: a message re-sent after a crash carries the same one. */
  messageId: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** Threading, e.g. a reminder in reply to the lead's message. */
  inReplyTo?: string;
}

/** A failure that trying again cannot mend: the server refused the message or the address for good (5xx). */
export class PermanentMailError extends Error {
  readonly response: string;
  constructor(message: string, response: string) {
    super(message);
    this.name = 'PermanentMailError';
    this.response = response;
  }
}
