import type { TimeLimit } from '../../schemas/procedure.ts';

const UNIT_LABEL = { 'working-days': '个工作日', 'calendar-days': '日', months: '个月' } as const;

/** A time limit in words: 「自立案之日起 90 日内」, 「听证举行 7 日前」, 「催告书送达之日起满 10 个工作日后」. */
export function describeLimit(limit: TimeLimit): string {
  const span = `${limit.amount} ${UNIT_LABEL[limit.unit]}`;
  if (limit.direction === 'before') return `${limit.startsOn} ${span}前`;
  if (limit.direction === 'after') return `${limit.startsOn}满 ${span}后`;
  return `${limit.startsOn} ${span}内`;
}
