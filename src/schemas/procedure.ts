import { z } from 'zod';
import { articleRef } from './common.ts';

const stepId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an id in lower-case letters, digits and dashes');

/** Units a statutory time limit is counted in. */
export const limitUnits = ['working-days', 'calendar-days', 'months'] as const;
export type LimitUnit = (typeof limitUnits)[number];

/** A time limit counted from an earlier step (the day of that step is not counted). */
export const timeLimitSchema = z.strictObject({
  /** How many units. */
  amount: z.number().int('expected a whole number of days or months').positive('expected a limit of 1 or more'),
  /** working-days (行政处罚法 art. 85: 3/5/7-day limits), calendar-days, or months. */
  unit: z.enum(limitUnits, { error: `expected one of ${limitUnits.join(', ')}` }),
  /** Id of the step (or remedy's step) the period is counted from. */
  from: stepId,
  /**
   * within: the step happens at the latest N units after `from`; after: not
   * before N units after `from` (e.g. 催告书送达十日后 the court may be asked,
   * 行政强制法 art. 54); before: at least N units before the later step `from`.
   */
  direction: z.enum(['within', 'after', 'before'], { error: 'expected within, after or before' }).default('within'),
  /** The event the count starts on, in words, e.g. 收到行政处罚告知书之日起. */
  startsOn: z.string().min(2, 'expected the start event in words, e.g. 自立案之日起'),
  /** Set when no law sets the limit and it is the office's own rule: the rule's name, shown as local practice. */
  localPractice: z.string().min(4).optional(),
});
export type TimeLimit = z.output<typeof timeLimitSchema>;

/** One step of a procedure. */
export const procedureStepSchema = z.strictObject({
  /** Stable id, referenced by other steps' limits. */
  id: stepId,
  /** Name of the step, e.g. 立案. */
  name: z.string().min(2),
  /** Who acts: 执法机构, 法制审核机构, 当事人… */
  actor: z.string().min(2),
  /** What happens, in plain words. */
  description: z.string().min(4),
  /** The statutory time limit, when there is one. */
  limit: timeLimitSchema.optional(),
  /** Articles that set the step or its limit. */
  basis: z.array(articleRef).default([]),
  /** Sources that are not articles of a law in content/basis, e.g. 国办发〔2018〕118号. */
  sources: z.array(z.string().min(4)).default([]),
  /** Documents issued at this step (文书). */
  documents: z.array(z.string().min(2)).default([]),
  /** When present, the step happens only in this case (a branch), e.g. 拟作出较大数额罚款的. */
  when: z.string().min(4).optional(),
  /** True when a user may count deadlines from this step's date (e.g. 立案, 送达). */
  startable: z.boolean().default(false),
});
export type ProcedureStep = z.output<typeof procedureStepSchema>;

/** A remedy open to the party at the end of the procedure (救济渠道). */
export const remedySchema = z.strictObject({
  /** Stable id. */
  id: stepId,
  /** 行政复议, 行政诉讼… */
  name: z.string().min(2),
  /** Where to apply. */
  description: z.string().min(4),
  /** The time limit to apply. */
  limit: timeLimitSchema,
  /** Articles that set it. */
  basis: z.array(articleRef).default([]),
  /** When present, the remedy's limit applies only in this case (e.g. a demolition order). */
  when: z.string().min(4).optional(),
});
export type Remedy = z.output<typeof remedySchema>;

/** content/procedures/<id>.yaml: an enforcement procedure (执法流程) with its time limits. */
export const procedureSchema = z.strictObject({
  /** Stable id, the URL segment. */
  id: stepId,
  /** Title, e.g. 自然资源行政处罚一般程序. */
  title: z.string().min(4),
  /** One paragraph on when the procedure applies. */
  summary: z.string().min(4),
  /** Order in the list of procedures. */
  order: z.number().int().default(100),
  /** Steps in their usual order; branches carry `when`. */
  steps: z.array(procedureStepSchema).min(2, 'expected at least two steps'),
  /** Remedies after the decision. */
  remedies: z.array(remedySchema).default([]),
  /** True for demo content written for this project. */
  demo: z.boolean().default(false),
});
export type Procedure = z.output<typeof procedureSchema>;
