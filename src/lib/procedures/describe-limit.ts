import type { TimeLimit } from '../../schemas/procedure.ts';

const UNIT_LABEL = { 'working-days': '个工作日', 'calendar-days': '日', months: '个月' } as const;

/** A time limit in words: 「自立案之日起 90 日内」, 「听证举行 7 日前」. */
export function describeLimit(limit: TimeLimit): string {
  const span = `${limit.amount} ${UNIT_LABEL[limit.unit]}`;
  return limit.direction === 'before' ? `${limit.startsOn} ${span}前` : `${limit.startsOn} ${span}内`;
}
