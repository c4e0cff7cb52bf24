import { z } from 'zod';
import { isoDate } from './common.ts';

/** Levels of legal force, highest first (立法法). */
export const lawLevels = ['法律', '行政法规', '部门规章', '地方性法规', '规范性文件'] as const;
export type LawLevel = (typeof lawLevels)[number];

/** A law id: lower-case letters, digits and dashes, shared by every version of the law. */
export const lawId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a law id in lower-case letters, digits and dashes, e.g. land-administration-law');

/** Front-matter fields the importer cannot derive and asks an operator to check. */
export const confirmableFields = ['id', 'title', 'shortTitle', 'level', 'issuer', 'docNo', 'promulgatedOn', 'effectiveFrom', 'effectiveTo'] as const;

/**
 * Front matter of content/basis/<law-id>/<effective-from>.md: one version of a
 * law or rule. The Markdown body holds the text in the layout of the official
 * compilations (title line, history lines, <!-- INFO END -->, ## 第X章, 第N条 paragraphs).
 */
export const lawVersionSchema = z
  .strictObject({
    /** Stable id shared by all versions; decisions cite it (`basis[].law`). It names the folder the file is in. */
    id: lawId,
    /** Full title, e.g. 中华人民共和国土地管理法. */
    title: z.string().min(2, 'expected the full title, e.g. 中华人民共和国土地管理法'),
    /** Short title used in citations, e.g. 土地管理法. */
    shortTitle: z.string().min(2, 'expected a short title, e.g. 土地管理法'),
    /** Level of legal force. */
    level: z.enum(lawLevels, { error: `expected one of ${lawLevels.join('、')}` }),
    /** Who issued it, e.g. 全国人民代表大会常务委员会. */
    issuer: z.string().min(2, 'expected the issuing body, e.g. 全国人民代表大会常务委员会'),
    /** Document number, e.g. 中华人民共和国国务院令第743号, where it has one. */
    docNo: z.string().min(2).optional(),
    /** Date this version was adopted or promulgated (公布). */
    promulgatedOn: isoDate,
    /** First day this version is in force (施行); also the version's URL segment. */
    effectiveFrom: isoDate,
    /** Last day in force when it ended by repeal; without it a version is in force until the next version starts. */
    effectiveTo: isoDate.optional(),
    /** Where the text comes from (official gazette, database), or what the demo excerpt is. */
    source: z.string().min(2, 'expected a note on where the text comes from'),
    /** True for demo excerpts written for this portal: pages say they are not the official text. */
    demo: z.boolean().default(false),
    /** True when the body holds selected articles only, so article numbers may skip. */
    excerpt: z.boolean().default(false),
    /** Fields an operator still has to check against the official text (set by the importer). */
    confirm: z.array(z.enum(confirmableFields)).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveFrom < v.promulgatedOn) {
      ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: `expected a date on or after promulgatedOn (${v.promulgatedOn})` });
    }
    if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `expected a date on or after effectiveFrom (${v.effectiveFrom})` });
    }
  });
export type LawVersionData = z.output<typeof lawVersionSchema>;
