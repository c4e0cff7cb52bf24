import type { OpenDataRow } from './decision-row.ts';
import type { EndedRow, WithdrawnRow } from './log-rows.ts';

/** One column of an open-data file, as the data dictionary page and the README describe it. */
export interface ColumnDoc<K extends string = string> {
  key: K;
  /** Its name in Chinese. */
  label: string;
  /** What it holds; the 双公示 field it is, when it is one. */
  meaning: string;
  /** How it is written. */
  format: string;
}

/**
 * The columns of every decisions file (all, per county, per year), in file
 * order: the 双公示 set first in the standard's order, amounts in 万元 there,
 * then our own columns, amounts in 元.
 */
export const DECISION_COLUMNS = [
  { key: 'CF_WSH', label: '行政处罚决定书文号', meaning: '双公示 CF_WSH；唯一，决定网址由它得出', format: '文本' },
  { key: 'CF_WFXW', label: '违法行为类型', meaning: '双公示 CF_WFXW', format: '文本' },
  { key: 'CF_SY', label: '违法事实', meaning: '双公示 CF_SY；自然人已隐名', format: '文本，段落以换行分隔' },
  { key: 'CF_YJ', label: '处罚依据', meaning: '双公示 CF_YJ；所适用的条款', format: '文本，以“；”分隔' },
  { key: 'CF_CFLB', label: '处罚类别', meaning: '双公示 CF_CFLB；只列处罚种类（《行政处罚法》第九条），不含责令改正', format: '文本，以“;”分隔' },
  { key: 'CF_NR', label: '处罚内容', meaning: '双公示 CF_NR；处罚及责令改正的原文', format: '文本，以“；”分隔' },
  { key: 'CF_NR_FK', label: '罚款金额', meaning: '双公示 CF_NR_FK；罚款合计', format: '数字，万元，至多四位小数' },
  { key: 'CF_NR_WFFF', label: '没收违法所得、非法财物金额', meaning: '双公示 CF_NR_WFFF', format: '数字，万元' },
  { key: 'CF_NR_ZKDX', label: '暂扣或吊销证照名称及编号', meaning: '双公示 CF_NR_ZKDX', format: '文本，可为空' },
  { key: 'CF_JDRQ', label: '处罚决定日期', meaning: '双公示 CF_JDRQ', format: '日期 YYYY-MM-DD' },
  { key: 'CF_YXQ', label: '处罚有效期', meaning: '双公示 CF_YXQ；处罚有期限时填写', format: '日期，可为空' },
  { key: 'CF_GSJZQ', label: '公示截止期', meaning: '双公示 CF_GSJZQ；由失信信息类别确定', format: '日期' },
  { key: 'CF_CFJG', label: '处罚机关', meaning: '双公示 CF_CFJG', format: '文本' },
  { key: 'CF_CFJGDM', label: '处罚机关统一社会信用代码', meaning: '双公示 CF_CFJGDM', format: '18 位代码' },
  { key: 'CF_XDR_MC', label: '行政相对人名称', meaning: '双公示 CF_XDR_MC；自然人以“张某”“张某某”形式隐名', format: '文本' },
  { key: 'CF_XDR_LB', label: '行政相对人类别', meaning: '双公示 CF_XDR_LB：法人及非法人组织、自然人、个体工商户', format: '文本' },
  { key: 'CF_XDR_SHXYM', label: '统一社会信用代码', meaning: '双公示 CF_XDR_SHXYM；自然人为空（身份证号不公开）', format: '18 位代码，可为空' },
  { key: 'CF_FRDB', label: '法定代表人', meaning: '双公示 CF_FRDB；已隐名', format: '文本，可为空' },
  { key: 'category', label: '违法类型代码', meaning: 'content/categories.yaml 中的代码，与按类型筛选的网址一致', format: '代码' },
  { key: 'county', label: '违法行为发生地区划代码', meaning: '区县的行政区划代码', format: '6 位数字' },
  { key: 'countyName', label: '违法行为发生地', meaning: '区县名称', format: '文本' },
  { key: 'authority', label: '处罚机关区划代码', meaning: '作出决定的机关的区划代码', format: '6 位数字' },
  { key: 'partyKind', label: '相对人类别代码', meaning: 'legal-person 法人及非法人组织、individual-business 个体工商户、natural-person 自然人', format: '代码' },
  { key: 'violationDate', label: '违法行为日期', meaning: '确定适用法律的日期：持续状态的违法行为为终了之日，否则为发生之日（《行政处罚法》第三十六条第二款、第三十七条）', format: '日期' },
  { key: 'violationStartedOn', label: '违法行为开始日期', meaning: '', format: '日期' },
  { key: 'violationEndedOn', label: '违法行为终了日期', meaning: '持续状态的违法行为终了或者被制止之日', format: '日期，可为空' },
  { key: 'filedOn', label: '立案日期', meaning: '办案期限（《行政处罚法》第六十条）自此起算', format: '日期' },
  { key: 'creditClass', label: '失信信息类别', meaning: 'minor 轻微、general 一般、serious 严重失信信息，决定公示期限', format: '代码' },
  { key: 'publishedOn', label: '公示日期', meaning: '在本站公示的日期', format: '日期' },
  { key: 'publicationLagWorkingDays', label: '公示用时', meaning: '决定日至公示日的工作日数；超过 7 个工作日为逾期（国办发〔2018〕118号）', format: '整数，工作日' },
  { key: 'status', label: '决定状态', meaning: 'in-force 生效、executed 执行完毕', format: '代码' },
  { key: 'fineYuan', label: '罚款金额（元）', meaning: 'CF_NR_FK 的元数', format: '数字，元' },
  { key: 'confiscatedYuan', label: '没收金额（元）', meaning: 'CF_NR_WFFF 的元数', format: '数字，元' },
  { key: 'areaM2', label: '涉及面积', meaning: '各地类面积合计', format: '数字，平方米' },
  { key: 'landType', label: '涉及的最高保护地类', meaning: 'basicFarmland 永久基本农田、farmland 耕地、otherAgricultural 其他农用地、construction 建设用地、unused 未利用地；不涉及土地为空', format: '代码，可为空' },
  { key: 'baselineBand', label: '决定所列裁量阶次', meaning: '裁量基准编号/阶次编号', format: '文本，可为空' },
  { key: 'bandVerdict', label: '过罚相当核对结果', meaning: 'within 在阶次幅度内、below 低于、above 高于阶次幅度、below-legal / above-legal 超出法定幅度；no-fine 无罚款、no-baseline 无适用基准、unchecked 事实不足无法核对', format: '代码' },
  { key: 'url', label: '决定网址', meaning: '永久网址', format: 'URL' },
  { key: 'jsonUrl', label: '单件数据网址', meaning: '本决定的 JSON 文件', format: 'URL' },
  { key: 'partyUrl', label: '当事人处罚记录网址', meaning: '按统一社会信用代码汇总的处罚记录；自然人为空', format: 'URL，可为空' },
] as const satisfies readonly ColumnDoc<keyof OpenDataRow>[];

/** Column order of the decisions CSV. */
export const OPEN_DATA_COLUMNS: (keyof OpenDataRow)[] = DECISION_COLUMNS.map((c) => c.key);

/** The withdrawal log as data (行政处罚法 art. 48 ¶2): the decision's content is no longer published, only the record of its withdrawal. */
export const WITHDRAWN_COLUMNS = [
  { key: 'docNo', label: '文号', meaning: '被撤回的决定的文号', format: '文本' },
  { key: 'authority', label: '处罚机关区划代码', meaning: '', format: '6 位数字' },
  { key: 'authorityName', label: '处罚机关', meaning: '', format: '文本' },
  { key: 'decidedOn', label: '处罚决定日期', meaning: '', format: '日期' },
  { key: 'revokedOn', label: '变更或撤销日期', meaning: '变更、撤销、确认违法或确认无效的决定生效之日', format: '日期' },
  { key: 'revokedBy', label: '作出变更或撤销的机关', meaning: '如复议机关、人民法院', format: '文本' },
  { key: 'takenDownOn', label: '撤下日期', meaning: '本站撤下公示之日', format: '日期' },
  { key: 'takenDownWorkingDays', label: '撤下用时', meaning: '变更或撤销之日至撤下之日的工作日数', format: '整数，工作日' },
  { key: 'late', label: '是否逾期撤下', meaning: 'true：超过 3 个工作日（《行政处罚法》第四十八条第二款、第八十五条）', format: 'true / false' },
  { key: 'reason', label: '撤回理由', meaning: '公开说明的理由', format: '文本' },
  { key: 'url', label: '决定网址', meaning: '原网址，现为撤回说明', format: 'URL' },
] as const satisfies readonly ColumnDoc<keyof WithdrawnRow>[];

/** Decisions whose display ended: the period ran out, or a credit repair ended it early. */
export const ENDED_COLUMNS = [
  { key: 'docNo', label: '文号', meaning: '', format: '文本' },
  { key: 'authority', label: '处罚机关区划代码', meaning: '', format: '6 位数字' },
  { key: 'authorityName', label: '处罚机关', meaning: '', format: '文本' },
  { key: 'decidedOn', label: '处罚决定日期', meaning: '', format: '日期' },
  { key: 'displayUntil', label: '原公示截止期', meaning: '', format: '日期' },
  { key: 'endedOn', label: '终止公示日期', meaning: '公示期届满的次日，或信用修复之日', format: '日期' },
  { key: 'reason', label: '终止原因', meaning: 'expired 公示期届满、repaired 信用修复', format: '代码' },
  { key: 'basis', label: '修复依据', meaning: '信用修复时填写', format: '文本，可为空' },
  { key: 'url', label: '决定网址', meaning: '原网址，现为终止公示说明', format: 'URL' },
] as const satisfies readonly ColumnDoc<keyof EndedRow>[];
