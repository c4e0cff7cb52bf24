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

/**
 * The placeholders the prerendered receipt carries (report/received.astro);
 * the server puts each receipt's escaped values in their place. Plain ASCII,
 * so no rendering escapes or splits them.
 */
export const RECEIPT_PLACEHOLDERS = {
  code: 'RECEIPTxCODE',
  secret: 'RECEIPTxSECRET',
  sentence: 'RECEIPTxSENTENCE',
  received: 'RECEIPTxRECEIVED',
  photos: 'RECEIPTxPHOTOS',
} as const;

/** The receipt's words, computed once for the form's answer and for the page a no-script post gets. */
export interface ReceiptDisplay {
  code: string;
  secret: string;
  /** Where the lead went. */
  sentence: string;
  /** When it was received, in Beijing time. */
  received: string;
  photos: string;
}

function beijing(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const cst = new Date(time.getTime() + 8 * 3_600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}（北京时间）`;
}

export function receiptDisplay(receipt: Pick<Receipt, 'trackingCode' | 'secret' | 'statusLabel' | 'office'> & Partial<Pick<Receipt, 'receivedAt' | 'photos'>>): ReceiptDisplay {
  return {
    code: receipt.trackingCode,
    secret: receipt.secret,
    sentence: receipt.office
      ? `线索已登记，交${receipt.office.name}核查处理。`
      : `线索已登记（${receipt.statusLabel || '待分派'}），由市级执法监察部门分派给所在区县核查。`,
    received: receipt.receivedAt ? beijing(receipt.receivedAt) : '',
    photos: `${receipt.photos?.length ?? 0} 张`,
  };
}
