import { formatDateZh } from '../dates.ts';

/** Where a version stands on a given day. */
export type VersionStatus = 'in-force' | 'not-yet' | 'ended';

export const VERSION_STATUS_LABEL: Record<VersionStatus, string> = {
  'in-force': '现行有效',
  'not-yet': '尚未施行',
  ended: '已失效',
};

interface Period {
  effectiveFrom: string;
  lastDay?: string | undefined;
}

export function versionStatus(v: Period, today: string): VersionStatus {
  if (today < v.effectiveFrom) return 'not-yet';
  if (v.lastDay !== undefined && today > v.lastDay) return 'ended';
  return 'in-force';
}

/** 2009年8月27日至2025年6月30日, or 2020年1月1日起 while open-ended. */
export function periodLabel(v: Period): string {
  return v.lastDay === undefined ? `${formatDateZh(v.effectiveFrom)}起` : `${formatDateZh(v.effectiveFrom)}至${formatDateZh(v.lastDay)}`;
}

/** 2020年1月1日起施行版 — how a version is named in links and headings. */
export function versionName(v: Period): string {
  return `${formatDateZh(v.effectiveFrom)}起施行版`;
}
