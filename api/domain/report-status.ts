import type { Routing } from './route-report.ts';

/**
 * Where a lead stands, as the reporter and the public see it. Each status is
 * the projection of the lead's events (lead-state.ts); the store keeps it in
 * the report's row only to query by it.
 */
export const REPORT_STATUSES = {
  /** No county holds the point (or there is none): the city desk will assign it. */
  unrouted: '待分派',
  /** Assigned to the county office whose territory holds the point; not yet acknowledged. */
  routed: '已分派至区县',
  /** The office has acknowledged (签收) it. */
  acknowledged: '已签收',
  /** The office is verifying it on site. */
  verifying: '核查中',
  /** The office has recorded an outcome (已办结). */
  concluded: '已办结',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

/** What each status means, in the words a reporter reads on the tracking page. */
export const STATUS_EXPLANATIONS: Record<ReportStatus, string> = {
  unrouted: '位置不在任何区县范围内，或没有标出位置：线索在市级执法监察机构的待分派队列中，由其判断并分派给负责的区县。',
  routed: '线索已按位置分派给所在区县的自然资源部门，等待签收；送达该单位线索邮箱的时间见办理记录。',
  acknowledged: '承办单位已签收线索，将安排核查。',
  verifying: '承办单位正在核查（通常需要到现场查看）。',
  concluded: '承办单位已记录核查结果，见下方说明。',
};

/** The outcomes an office records when it concludes a lead (核查结果). */
export const OUTCOMES = {
  /** The violation was stopped on site (当场制止). */
  stopped: '已制止',
  /** A case was opened (立案), with its case number. */
  'case-opened': '已立案查处',
  /** Verified: no violation. */
  'no-violation': '经核查不构成违法',
  /** Not this department's duty; referred to the body that is. */
  'not-our-duty': '不属于本部门职责，已转交',
  /** The same matter as another lead. */
  duplicate: '重复线索，已并案',
  /** The party refused to stop: reported to the government and copied to the departments (抄告). */
  'reported-to-government': '制止无效，已报告政府并抄告相关部门',
  /** For a correction request (source correction): the published record was wrong and has been corrected. */
  'record-corrected': '（记录纠错）经核实有误，已更正公示记录',
  /** For a correction request: the record was checked against the decision and is right. */
  'record-confirmed': '（记录纠错）经核实公示记录无误',
} as const;
export type Outcome = keyof typeof OUTCOMES;

const CORRECTION_OUTCOMES: readonly Outcome[] = ['record-corrected', 'record-confirmed'];

/** The outcomes an office may record for a lead of this source: 记录纠错's two only for a correction request, and only there. */
export function outcomesFor(source: string): Outcome[] {
  const all = Object.keys(OUTCOMES) as Outcome[];
  return source === 'correction' ? all.filter((k) => CORRECTION_OUTCOMES.includes(k) || k === 'not-our-duty' || k === 'duplicate') : all.filter((k) => !CORRECTION_OUTCOMES.includes(k));
}

/** Where a lead came from (《意见》: 群众举报、媒体反映、遥感监测、执法巡查、随机抽查; and 上级交办). */
export const LEAD_SOURCES = {
  public: '群众举报',
  media: '媒体反映',
  'remote-sensing': '遥感监测',
  patrol: '执法巡查',
  inspection: '随机抽查',
  assigned: '上级交办',
  /** A reader's report that a published decision's record is wrong (报告此记录有误), routed to the office that published it. */
  correction: '记录纠错',
} as const;
export type LeadSource = keyof typeof LEAD_SOURCES;

/** The sources an office registers itself (the public and the media file through the form). */
export const OFFICE_SOURCES = ['remote-sensing', 'patrol', 'inspection', 'assigned'] as const satisfies readonly LeadSource[];

/**
 * The departments a refusal to stop is copied to (抄告), as the Opinions list
 * them, under their present names: 发改、规划、建设、环保、市政、电力、金融、工商（市场监管）、安监（应急管理）、公安.
 */
export const DEPARTMENTS = {
  'development-reform': '发展改革',
  planning: '规划',
  construction: '住房城乡建设',
  environment: '生态环境',
  municipal: '市政',
  power: '电力',
  finance: '金融',
  market: '市场监管',
  safety: '应急管理',
  police: '公安',
} as const;
export type Department = keyof typeof DEPARTMENTS;

/**
 * Kinds of timeline event. `public` ones are shown to the reporter (and their
 * data carries nothing private); the others are for offices only.
 */
export const EVENT_TYPES = {
  received: { public: true },
  routed: { public: true },
  unrouted: { public: true },
  /** The lead's e-mail was accepted by the office's mail server (data: messageId). */
  sent: { public: true },
  'delivery-failed': { public: false },
  'delivery-dead': { public: false },
  acknowledged: { public: true },
  /** A result (核查结果 or 核查中) with its public summary. */
  result: { public: true },
  /** A note visible only to offices. */
  note: { public: false },
  reminded: { public: true },
  escalated: { public: true },
  /** The desk assigned the lead to an office. */
  assigned: { public: true },
  /** 挂牌督办: the upper office supervises the lead. */
  supervised: { public: true },
  /** The reporter added information. */
  'info-added': { public: true },
  'reporter-notified': { public: false },
} as const;
export type TimelineEventType = keyof typeof EVENT_TYPES;

/** The status a new report takes from its routing. */
export function statusOf(routing: Routing): ReportStatus {
  return routing.kind === 'routed' ? 'routed' : 'unrouted';
}

/** What a public event's data may say (anything else stays in the office pages). */
export interface PublicEventData {
  officeName?: string | null;
  outcome?: Outcome;
  summary?: string;
  stage?: 'acknowledge' | 'conclude';
}

/** The sentence a reporter reads for a public timeline event. */
export function describeEvent(type: TimelineEventType, data: PublicEventData): string {
  const office = data.officeName ?? '承办单位';
  switch (type) {
    case 'received':
      return '已收到举报线索';
    case 'routed':
      return `已分派至${data.officeName ?? '区县'}核查`;
    case 'unrouted':
      return `位置不在任何区县范围内或未标出，已进入待分派队列，由${data.officeName ?? '市级执法监察机构'}分派`;
    case 'sent':
      return `线索已送达${office}的线索邮箱`;
    case 'acknowledged':
      return `${office}已签收`;
    case 'result':
      return data.outcome ? `核查结果：${OUTCOMES[data.outcome]}${data.summary ? `。${data.summary}` : ''}` : `核查中${data.summary ? `：${data.summary}` : ''}`;
    case 'reminded':
      return data.stage === 'acknowledge' ? `${office}未在期限内签收，已催办` : `${office}未在期限内办结，已催办`;
    case 'escalated':
      return '办理超期，已报告上级机关督办';
    case 'assigned':
      return `已分派至${data.officeName ?? '区县'}核查`;
    case 'supervised':
      return '上级机关已挂牌督办';
    case 'info-added':
      return '您补充了情况，已转告承办单位';
    default:
      return '';
  }
}
