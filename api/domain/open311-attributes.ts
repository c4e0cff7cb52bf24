import type { FieldError } from './report-input.ts';

// The questions an Open311 service asks beyond the report's own fields (its
// "service definition"). They are what an officer needs to weigh a lead before
// going out: how large, what land, machines on site, since when. Land and
// mining ask different things; each category of a group asks its group's.

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface ServiceAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatypeDescription: string | null;
  description: string;
  /** The label the office page shows beside the answer. */
  label: string;
  values?: readonly { key: string; name: string }[];
}

/** Since when: the report's own `startedOn` field, asked as an attribute. */
export const STARTED_ON_ATTRIBUTE = 'started_on';

const startedOn: ServiceAttribute = {
  code: STARTED_ON_ATTRIBUTE,
  datatype: 'datetime',
  required: false,
  datatypeDescription: '年-月（2026-05）、年-月-日（2026-05-12）或 ISO 8601 日期时间',
  description: '大约从什么时候开始？',
  label: '大约开始于',
};

const machinery: ServiceAttribute = {
  code: 'machinery',
  datatype: 'singlevaluelist',
  required: false,
  datatypeDescription: null,
  description: '现场是否有挖掘机、铲车、采砂船等机械？',
  label: '现场机械',
  values: [
    { key: 'yes', name: '有' },
    { key: 'no', name: '没有' },
    { key: 'unknown', name: '不清楚' },
  ],
};

const LAND: readonly ServiceAttribute[] = [
  {
    code: 'area',
    datatype: 'number',
    required: false,
    datatypeDescription: '大于 0 的数字，单位见“面积单位”',
    description: '估计涉及的面积有多大？',
    label: '估计面积',
  },
  {
    code: 'area_unit',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: '填写了面积时必填',
    description: '面积的单位',
    label: '面积单位',
    values: [
      { key: 'm2', name: '平方米' },
      { key: 'mu', name: '亩' },
    ],
  },
  {
    code: 'land_type',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: null,
    description: '被占用或破坏的是什么地？',
    label: '土地类型',
    values: [
      { key: 'basic-farmland', name: '永久基本农田' },
      { key: 'farmland', name: '耕地' },
      { key: 'other-agricultural', name: '林地、园地等其他农用地' },
      { key: 'construction', name: '建设用地' },
      { key: 'unused', name: '未利用地' },
      { key: 'unknown', name: '不清楚' },
    ],
  },
  {
    code: 'activity',
    datatype: 'multivaluelist',
    required: false,
    datatypeDescription: '可多选',
    description: '现场在做什么？',
    label: '现场情况',
    values: [
      { key: 'building', name: '建房、建厂或其他建筑' },
      { key: 'hardening', name: '硬化地面' },
      { key: 'dumping', name: '堆放物料、垃圾' },
      { key: 'digging', name: '挖砂、取土、采石' },
      { key: 'other', name: '其他' },
    ],
  },
  machinery,
  startedOn,
];

const MINING: readonly ServiceAttribute[] = [
  {
    code: 'mineral',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: null,
    description: '开采的是什么？',
    label: '开采矿种',
    values: [
      { key: 'sand', name: '河砂、砂石' },
      { key: 'stone', name: '石料' },
      { key: 'soil', name: '黏土、砖瓦用土' },
      { key: 'coal', name: '煤炭' },
      { key: 'metal', name: '金属矿' },
      { key: 'other', name: '其他' },
    ],
  },
  machinery,
  {
    code: 'at_night',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: null,
    description: '是否在夜间开采？',
    label: '夜间开采',
    values: [
      { key: 'yes', name: '是' },
      { key: 'no', name: '否' },
      { key: 'unknown', name: '不清楚' },
    ],
  },
  startedOn,
];

/** The attributes of a category's group (土地 or 矿产). */
export function attributesOf(group: string): readonly ServiceAttribute[] {
  return group === '矿产' ? MINING : LAND;
}

/** The answers an Open311 client gave, checked; `startedOn` goes to the report's own field. */
export interface AttributeAnswers {
  answers: Record<string, string | string[]>;
  startedOn: string | undefined;
  errors: FieldError[];
}

const field = (code: string) => `attribute[${code}]`;

/**
 * Checks `attribute[code]` and `attribute[code][]` values against the
 * service's definition: numbers that are numbers, list keys that are in the
 * list. Every fault is listed at once. Codes the definition does not have are
 * ignored and not kept: clients add their own (FixMyStreet sends external_id,
 * title, report_url…), and refusing them would refuse those clients.
 */
export function checkAttributes(attributes: readonly ServiceAttribute[], given: Readonly<Record<string, readonly string[]>>): AttributeAnswers {
  const errors: FieldError[] = [];
  const answers: Record<string, string | string[]> = {};
  let startedOn: string | undefined;
  for (const a of attributes) {
    const values = (given[a.code] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (a.required) errors.push({ field: field(a.code), code: 'required', message: `请填写“${a.label}”` });
      continue;
    }
    if (a.datatype !== 'multivaluelist' && values.length > 1) {
      errors.push({ field: field(a.code), code: 'too_many_values', message: `“${a.label}”只能填一个值` });
      continue;
    }
    const value = values[0] ?? '';
    if (a.datatype === 'number') {
      const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (!(n > 0 && n <= 100_000_000)) errors.push({ field: field(a.code), code: 'invalid_number', message: `“${a.label}”应为大于 0 的数字，例如 300` });
      else answers[a.code] = String(n);
    } else if (a.datatype === 'datetime') {
      // A month or a day as the report form takes it; a full ISO datetime is cut to its date as written.
      const date = /^(\d{4}-\d{2}(-\d{2})?)(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)?.[1];
      if (!date) errors.push({ field: field(a.code), code: 'invalid_date', message: `“${a.label}”请按“年-月”或“年-月-日”填写，例如 2026-05 或 2026-05-12` });
      else if (a.code === STARTED_ON_ATTRIBUTE) startedOn = date;
      else answers[a.code] = date;
    } else if (a.values) {
      const unknown = values.filter((v) => !a.values?.some((option) => option.key === v));
      if (unknown.length > 0) errors.push({ field: field(a.code), code: 'unknown_value', message: `“${a.label}”的值应为 ${a.values.map((o) => o.key).join('、')} 之一` });
      else answers[a.code] = a.datatype === 'multivaluelist' ? [...new Set(values)] : value;
    } else {
      answers[a.code] = value.slice(0, 200);
    }
  }
  if (answers.area !== undefined && answers.area_unit === undefined && attributes.some((a) => a.code === 'area_unit')) {
    errors.push({ field: field('area_unit'), code: 'required', message: '填写了估计面积时，请选择面积单位（平方米或亩）' });
  }
  return { answers, startedOn, errors };
}

/** The answers as an office reads them: label and the options' names. */
export function describeAnswers(attributes: readonly ServiceAttribute[], answers: Readonly<Record<string, string | string[]>>): { label: string; value: string }[] {
  return attributes.flatMap((a) => {
    const answer = answers[a.code];
    if (answer === undefined) return [];
    const names = (Array.isArray(answer) ? answer : [answer]).map((v) => a.values?.find((o) => o.key === v)?.name ?? v);
    return [{ label: a.label, value: names.join('、') }];
  });
}
