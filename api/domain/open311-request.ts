import { findPersonalData } from '../../src/schemas/privacy.ts';
import type { ReportRow } from './records.ts';
import { OUTCOMES, REPORT_STATUSES } from './report-status.ts';

// A lead as the public Open311 GET calls show it. Never anything of the
// reporter (name, e-mail, phone, device, account: none is even read here), the
// point coarsened, the address only the county's name, the media_url withheld.

/** Decimal places the public point keeps: 0.01° is about 1.1 km north–south (about 1 km east–west here). */
export const PUBLIC_POINT_DECIMALS = 2;

/** What the public description says instead when the text names a person, a phone, an ID number or a home. */
export const WITHHELD_DESCRIPTION = '（举报描述含个人信息，不予公开）';

/** A lead row with what the public view needs from around it. */
export interface PublicLeadRow extends ReportRow {
  /** Set when an Open311 client filed it (open311_requests.api_key_id). */
  api_key_id: number | null;
  /** The time of its last public event. */
  updated_at: string | null;
}

/** One GeoReport v2 request, fields in the spec's order. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** An instant as ISO 8601 in China time, with its offset: 2026-05-12T10:30:00+08:00. */
export function chinaDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

function coarse(value: number | null): number | null {
  if (value === null) return null;
  const factor = 10 ** PUBLIC_POINT_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** What the lead's status says, with the office's public summary (already checked for personal data when recorded). */
export function statusNotes(row: Pick<ReportRow, 'status' | 'outcome' | 'public_summary'>): string {
  if (row.status === 'concluded' && row.outcome) return `核查结果：${OUTCOMES[row.outcome]}${row.public_summary ? `。${row.public_summary}` : ''}`;
  return `${REPORT_STATUSES[row.status]}${row.public_summary ? `：${row.public_summary}` : ''}`;
}

/**
 * The description as filed through Open311 (the client posted it to a public
 * endpoint), unless it holds personal data; a report filed through the web
 * form was not written for publication and shows none.
 */
export function publicDescription(row: Pick<PublicLeadRow, 'api_key_id' | 'description'>): string | null {
  if (row.api_key_id === null) return null;
  return findPersonalData(row.description).length > 0 ? WITHHELD_DESCRIPTION : row.description;
}

export interface PublicContext {
  serviceName(code: string): string | null;
  /** The office holding the lead (the desk's name for an unrouted one). */
  agency(officeCode: string | null): string | null;
  /** The territory's public name: 示范市东湖区, or the authority's area for an unrouted lead. */
  area(officeCode: string | null): string | null;
  serviceNotice(officeCode: string | null): string | null;
}

export function publicRequest(row: PublicLeadRow, context: PublicContext): Open311Request {
  return {
    service_request_id: String(row.id),
    status: row.status === 'concluded' ? 'closed' : 'open',
    status_notes: statusNotes(row),
    service_name: context.serviceName(row.category),
    service_code: row.category,
    description: publicDescription(row),
    agency_responsible: context.agency(row.office_code),
    service_notice: context.serviceNotice(row.office_code),
    requested_datetime: chinaDateTime(row.received_at),
    updated_datetime: chinaDateTime(row.concluded_at ?? row.updated_at ?? row.received_at),
    // The office's deadline to conclude is a day (China time): the end of that day.
    expected_datetime: row.conclude_by ? `${row.conclude_by}T23:59:59+08:00` : null,
    address: context.area(row.office_code),
    address_id: null,
    zipcode: null,
    lat: coarse(row.lat),
    long: coarse(row.lng),
    media_url: null,
  };
}
