import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ArticleRef } from '../../schemas/common.ts';
import { enforcementBodySchema, type EnforcementBody } from '../../schemas/enforcement-body.ts';
import { hearingThresholdSchema, type HearingThreshold } from '../../schemas/hearing-threshold.ts';
import { inspectionsSchema, type Inspections } from '../../schemas/inspection.ts';
import { noPenaltyListSchema, type NoPenaltyList } from '../../schemas/no-penalty-list.ts';
import { powerListSchema, type PowerList } from '../../schemas/power.ts';
import { reviewCatalogueSchema, type ReviewCatalogue } from '../../schemas/review-catalogue.ts';
import { CERTIFICATE_NO, staffListSchema, type StaffList } from '../../schemas/staff.ts';
import { findPersonalData, PRIVACY_EXPECTATION } from '../../schemas/privacy.ts';
import type { Office } from '../../schemas/office.ts';
import type { ProblemList } from './content-error.ts';
import { readValidated } from './read-validated.ts';

/** The 事前公开 material of content/publicity/ (国办发〔2018〕118号). */
export interface Publicity {
  body: EnforcementBody;
  powers: PowerList;
  staff: StaffList;
  inspections: Inspections;
  noPenalty: NoPenaltyList;
  hearingThreshold: HearingThreshold;
  reviewCatalogue: ReviewCatalogue;
}

function read<S extends z.ZodType>(dir: string, name: string, schema: S, problems: ProblemList): z.output<S> | undefined {
  const file = `publicity/${name}`;
  if (!existsSync(join(dir, file))) {
    problems.add(file, '', `expected this file: the 事前公开 section publishes it (see the README's data dictionary)`);
    return undefined;
  }
  return readValidated(dir, file, schema, problems)?.data;
}

export interface PublicityRefs {
  offices: readonly Office[];
  articleExists?: ((ref: ArticleRef) => boolean) | undefined;
}

/** Reads content/publicity/*.yaml and checks them against offices and the basis. */
export function loadPublicity(dir: string, problems: ProblemList, refs: PublicityRefs): Publicity | undefined {
  const body = read(dir, 'body.yaml', enforcementBodySchema, problems);
  const powers = read(dir, 'powers.yaml', powerListSchema, problems);
  const staff = read(dir, 'staff.yaml', staffListSchema, problems);
  const inspections = read(dir, 'inspections.yaml', inspectionsSchema, problems);
  const noPenalty = read(dir, 'no-penalty.yaml', noPenaltyListSchema, problems);
  const hearingThreshold = read(dir, 'hearing-threshold.yaml', hearingThresholdSchema, problems);
  const reviewCatalogue = read(dir, 'review-catalogue.yaml', reviewCatalogueSchema, problems);
  const offices = new Set(refs.offices.map((o) => o.code));
  const knownOffices = [...offices].join(', ');
  const checkRefs = (file: string, cited: [string, ArticleRef][]) => {
    for (const [field, ref] of cited) {
      if (refs.articleExists && !refs.articleExists(ref)) problems.add(file, field, `expected an article that exists in content/basis; ${ref.law} has no article ${ref.article}`);
    }
  };
  body?.offices.forEach((code, i) => {
    if (!offices.has(code)) problems.add('publicity/body.yaml', `offices.${i}`, `expected an office code (${knownOffices}); got "${code}"`);
  });
  if (body) checkRefs('publicity/body.yaml', body.legalBasis.flatMap((b, i) => (b.ref ? [[`legalBasis.${i}.ref`, b.ref] as [string, ArticleRef]] : [])));
  if (powers) checkRefs('publicity/powers.yaml', powers.powers.flatMap((p, i) => p.basis.map((r, j) => [`powers.${i}.basis.${j}`, r] as [string, ArticleRef])));
  if (noPenalty) checkRefs('publicity/no-penalty.yaml', noPenalty.lists.flatMap((l, i) => l.items.flatMap((it, j) => it.basis.map((r, k) => [`lists.${i}.items.${j}.basis.${k}`, r] as [string, ArticleRef]))));
  if (reviewCatalogue) checkRefs('publicity/review-catalogue.yaml', reviewCatalogue.entries.flatMap((e, i) => e.basis.map((r, j) => [`entries.${i}.basis.${j}`, r] as [string, ArticleRef])));
  if (inspections) checkRefs('publicity/inspections.yaml', inspections.items.flatMap((it, i) => it.basis.map((r, j) => [`items.${i}.basis.${j}`, r] as [string, ArticleRef])));
  const seenCert = new Set<string>();
  staff?.staff.forEach((s, i) => {
    const field = `staff.${i}`;
    if (!offices.has(s.office)) problems.add('publicity/staff.yaml', `${field}.office`, `expected an office code (${knownOffices}); got "${s.office}"`);
    const region = CERTIFICATE_NO.exec(s.certificateNo)?.[1];
    if (region !== undefined && region !== s.office) problems.add('publicity/staff.yaml', `${field}.certificateNo`, `expected a number issued for the office ${s.office} (its first six digits); got ${region}`);
    if (seenCert.has(s.certificateNo)) problems.add('publicity/staff.yaml', `${field}.certificateNo`, `expected a unique 执法证号; ${s.certificateNo} appears twice`);
    seenCert.add(s.certificateNo);
  });
  inspections?.results.forEach((r, i) => {
    const field = `results.${i}`;
    if (!inspections.items.some((it) => it.id === r.item)) problems.add('publicity/inspections.yaml', `${field}.item`, `expected the id of an item (${inspections.items.map((it) => it.id).join(', ')}); got "${r.item}"`);
    if (!offices.has(r.office)) problems.add('publicity/inspections.yaml', `${field}.office`, `expected an office code (${knownOffices}); got "${r.office}"`);
    if (r.publishedOn < r.inspectedOn) problems.add('publicity/inspections.yaml', `${field}.publishedOn`, `expected a date on or after inspectedOn (${r.inspectedOn})`);
    for (const [f, text] of [['object', r.object], ['note', r.note ?? '']] as const) {
      for (const finding of findPersonalData(text)) problems.add('publicity/inspections.yaml', `${field}.${f}`, `${PRIVACY_EXPECTATION[finding.kind]} (“${finding.excerpt}”)`);
    }
  });
  if (!body || !powers || !staff || !inspections || !noPenalty || !hearingThreshold || !reviewCatalogue) return undefined;
  return { body, powers, staff, inspections, noPenalty, hearingThreshold, reviewCatalogue };
}
