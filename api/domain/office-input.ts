import { z } from 'zod';
import { findPersonalData } from '../../src/schemas/privacy.ts';
import { cleanText } from './report-input.ts';
import { DEPARTMENTS, OFFICE_SOURCES, OUTCOMES, type Department, type Outcome } from './report-status.ts';
import { normalizeTrackingCode } from './tracking-code.ts';

// What an office may submit from its pages, checked like a reporter's fields:
// every fault listed at once, messages in Chinese.

const text = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? cleanText(v) : v),
    z
      .string({ error: `请填写${what}` })
      .max(max, `${what}不能超过 ${max} 个字`)
      .superRefine((value, ctx) => {
        if (value === '') ctx.addIssue({ code: 'custom', message: `请填写${what}` });
        else if (value.length < min) ctx.addIssue({ code: 'custom', message: `${what}至少 ${min} 个字` });
      }),
  );
const optional = (max: number, what: string) =>
  z.preprocess((v) => (typeof v === 'string' ? cleanText(v) || undefined : v), z.string().max(max, `${what}不能超过 ${max} 个字`).optional());

/** A public text goes to the reporter, the tracking page and Open311: no natural person's ID, phone, home address or full name. */
const publicText = (min: number, max: number, what: string) =>
  text(min, max, what).superRefine((value, ctx) => {
    const finding = findPersonalData(value)[0];
    if (finding) {
      const words = { 'id-number': '身份证号', 'phone-number': '个人电话号码', 'home-address': '家庭住址', 'full-name': '未隐去的个人姓名（请写作“张某”）' }[finding.kind];
      ctx.addIssue({ code: 'custom', message: `${what}会公开给举报人，不能包含${words}` });
    }
  });

const OUTCOME_CODES = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];
const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as [Department, ...Department[]];

/** 核查结果: an outcome (or 核查中) with the public summary every outcome needs, and what each outcome requires. */
export const resultInputSchema = z
  .object({
    outcome: z.enum(['verifying', ...OUTCOME_CODES], { error: '请选择核查结果' }),
    summary: publicText(5, 500, '公开说明'),
    caseNumber: optional(60, '立案编号'),
    referral: optional(200, '转交单位'),
    duplicateOf: z.preprocess((v) => (typeof v === 'string' && v.trim() ? normalizeTrackingCode(v) ?? v : undefined), z.string().regex(/^JB-/, '请填写另一条线索的查询码，例如 JB-7K4M-Q2XD').optional()),
    departments: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(DEPARTMENT_CODES, { error: '请从列表中选择抄告部门' }))),
  })
  .superRefine((r, ctx) => {
    if (r.outcome === 'case-opened' && !r.caseNumber) ctx.addIssue({ code: 'custom', path: ['caseNumber'], message: '已立案时请填写立案编号' });
    if (r.outcome === 'not-our-duty' && !r.referral) ctx.addIssue({ code: 'custom', path: ['referral'], message: '请写明已转交的单位' });
    if (r.outcome === 'duplicate' && !r.duplicateOf) ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: '请填写重复的那条线索的查询码' });
    if (r.outcome === 'reported-to-government' && r.departments.length === 0) ctx.addIssue({ code: 'custom', path: ['departments'], message: '请选择抄告的部门（至少一个）' });
  });
export type ResultInput = z.output<typeof resultInputSchema>;

export const noteInputSchema = z.object({ note: text(1, 2000, '备注') });

export const assignInputSchema = z.object({ officeCode: z.string({ error: '请选择承办单位' }).regex(/^\d{6}$/, '请选择承办单位') });

/** A lead an office registers from its own work (执法巡查, 遥感监测 with its 图斑 number, 随机抽查, 上级交办). */
export const registerInputSchema = z
  .object({
    source: z.enum(OFFICE_SOURCES, { error: '请选择线索来源' }),
    sourceRef: optional(60, '图斑编号或交办文号'),
  })
  .superRefine((r, ctx) => {
    if (r.source === 'remote-sensing' && !r.sourceRef) ctx.addIssue({ code: 'custom', path: ['sourceRef'], message: '遥感监测线索请填写图斑编号' });
  });
