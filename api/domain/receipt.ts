/** What a reporter gets back (the 201 answer): all they need to follow the report, nothing about who they are. */
export interface Receipt {
  /** Short code to quote, e.g. JB-7K4M-Q2XD. */
  trackingCode: string;
  /** The secret that, with the code, shows the report's progress; stored only as a hash. */
  secret: string;
  /** `routed` or `unrouted`. */
  status: string;
  /** The status in words, e.g. 待分派. */
  statusLabel: string;
  /** The county office the report went to, or null in the desk's unrouted queue. */
  office: { code: string; name: string } | null;
  /** When it was received, ISO 8601 with offset. */
  receivedAt: string;
  /** SHA-256 of each photo exactly as sent, in order: the reporter's proof of what was received. */
  photos: { sha256: string }[];
}
