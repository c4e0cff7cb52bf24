import { z } from 'zod';
import { isoDate, yuan } from './common.ts';

const byParty = z.strictObject({
  /** 法人及非法人组织. */
  'legal-person': yuan,
  /** 个体工商户. */
  'individual-business': yuan,
  /** 自然人. */
  'natural-person': yuan,
});

/**
 * content/publicity/hearing-threshold.yaml: the provincial standard of
 * 较大数额 that gives a party the right to a hearing (行政处罚法 2021 art. 63;
 * 自然资源行政处罚办法 2024 art. 34). It is set by each province: local practice.
 */
export const hearingThresholdSchema = z.strictObject({
  /** Who set it, e.g. 示范省人民政府. */
  issuer: z.string().min(2),
  /** The document, e.g. 示范省行政处罚听证程序规定（示范省政府令第X号）. */
  document: z.string().min(4),
  /** First day in force. */
  effectiveFrom: isoDate,
  /** A fine at or above this, by party kind, is 较大数额罚款. */
  fine: byParty,
  /** Confiscated income or property at or above this, by party kind, is 较大数额/较大价值. */
  confiscation: byParty,
  /** Notes shown with the table. */
  notes: z.array(z.string().min(4)).default([]),
  demo: z.boolean().default(false),
});
export type HearingThreshold = z.output<typeof hearingThresholdSchema>;
