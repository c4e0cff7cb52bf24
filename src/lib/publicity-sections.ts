/** The pages of the 事前公开 section (国办发〔2018〕118号: 执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查事项清单). */
export const PUBLICITY_SECTIONS = [
  { href: '/publicity/body/', title: '执法主体', text: '实施自然资源行政执法的机关、职权依据，以及赋权给乡镇、综合行政执法部门的事项和日期。' },
  { href: '/publicity/powers/', title: '权责清单', text: '每一项执法职权的名称、类别、依据和实施单位。' },
  { href: '/publicity/staff/', title: '执法人员', text: '持证执法人员的姓名、执法证号、执法类别和所在单位。' },
  { href: '/publicity/inspections/', title: '随机抽查', text: '“双随机、一公开”的抽查事项清单和每次抽查的结果。' },
  { href: '/publicity/no-penalty/', title: '不予处罚清单', text: '首违不罚和轻微违法不予处罚的事项及条件。' },
  { href: '/publicity/hearing-threshold/', title: '较大数额标准', text: '决定当事人是否享有听证权利的“较大数额”罚款和没收标准。' },
  { href: '/publicity/review-catalogue/', title: '法制审核目录', text: '作出前必须经过法制审核的重大执法决定。' },
  { href: '/procedures/', title: '执法流程与救济渠道', text: '各环节的时限、依据和文书，复议、诉讼的期限。' },
] as const;
