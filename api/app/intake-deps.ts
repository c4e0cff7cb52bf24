import type { Category } from '../../src/schemas/category.ts';
import type { RoutableOffice } from '../domain/route-report.ts';
import type { KeyRing } from '../domain/keys.ts';
import type { PhotoDeriver } from './derive-photos.ts';
import type { LeadPolicy, PhotoStore, ReportStore } from './ports.ts';

/** What the intake use cases need, handed in by the composition root. */
export interface IntakeDeps {
  store: ReportStore;
  photos: PhotoStore;
  /** Told when a report with photos was stored, to make their copies. */
  deriver: Pick<PhotoDeriver, 'kick'>;
  offices: readonly RoutableOffice[];
  categories: readonly Category[];
  keys: KeyRing;
  policy: LeadPolicy;
  /** The national reporting hotline named when a point is outside the area (12336). */
  hotline: string;
  /** The authority's area, e.g. 示范市, named in the same message. */
  regionName: string;
  now: () => Date;
}

export type { Receipt } from '../domain/receipt.ts';
