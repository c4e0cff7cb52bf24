import type { CreditClass, OrderKind, PenaltyKind } from '../schemas/decision.ts';

/**
 * 处罚类别 (CF_CFLB) of each penalty kind, in the words of 行政处罚法 2021
 * art. 9. 责令限期拆除 is filed as 其他 (art. 9(6)): 土地管理法 art. 83 calls it
 * a 行政处罚决定, but art. 9 does not name it.
 */
export const PENALTY_LABEL: Record<PenaltyKind, string> = {
  warning: '警告',
  fine: '罚款',
  'confiscate-income': '没收违法所得',
  'confiscate-property': '没收非法财物',
  'licence-suspend': '暂扣许可证件',
  'licence-revoke': '吊销许可证件',
  'suspend-business': '责令停产停业',
  demolish: '其他（责令限期拆除）',
};

/** Correction orders (责令改正类措施): shown with the decision and in CF_NR, never in CF_CFLB. */
export const ORDER_LABEL: Record<OrderKind, string> = {
  stop: '责令停止违法行为',
  'return-land': '责令退还土地',
  'hand-back': '责令交还土地',
  restore: '责令恢复原状',
  correct: '责令限期改正',
  'return-to-area': '责令退回本矿区范围内开采',
  'reclamation-fee': '责令缴纳土地复垦费',
};

/** Credit classes (信用修复管理办法, 国家发展改革委, in force 2026-04-01). */
export const CREDIT_CLASS_LABEL: Record<CreditClass, string> = {
  minor: '轻微失信',
  general: '一般失信',
  serious: '严重失信',
};
