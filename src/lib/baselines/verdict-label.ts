import type { Verdict } from './check-proportionality.ts';

/** How each verdict reads on the page, and the tag class that colours it. */
export const VERDICT_LABEL: Record<Verdict, { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  within: { text: '在阶次幅度内', tone: 'ok' },
  below: { text: '低于阶次幅度', tone: 'warn' },
  above: { text: '高于阶次幅度', tone: 'warn' },
  'below-legal': { text: '低于法定幅度', tone: 'bad' },
  'above-legal': { text: '超出法定幅度', tone: 'bad' },
};

/** Labels of the facts a fine may be missing. */
export const MISSING_LABEL: Record<string, string> = {
  area: '涉及面积',
  'cultivation-fee': '耕地开垦费',
  'reclamation-fee': '土地复垦费',
  'illegal-income': '违法所得',
};
