/**
 * The applicant form, laid out like the 评审表's sections. Each field names its
 * JSON pointer in the dossier (API.md); the server's problems come back by the
 * same pointers and are shown next to these fields.
 */
export type FieldKind = 'text' | 'month' | 'date' | 'int' | 'number' | 'textarea' | 'choice' | 'photo';

export interface Field {
  /** Relative to the section's base (a list row, or the dossier). */
  readonly key: string;
  readonly label: string;
  readonly kind?: FieldKind;
  readonly hint?: string;
  /** Labels for enum values that are codes (unit level). */
  readonly optionLabels?: Readonly<Record<string, string>>;
  readonly wide?: boolean;
  /** Suggestions only: the clerk may type another value. */
  readonly free?: boolean;
}

export interface ListSpec {
  /** Pointer of the array, e.g. /workHistory. */
  readonly path: string;
  readonly label: string;
  readonly rowLabel: string;
  readonly fields: readonly Field[];
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly fields?: readonly Field[];
  readonly lists?: readonly ListSpec[];
  /** A part that is either absent (null) or filled in whole. */
  readonly optionalGroups?: readonly { path: string; label: string; fields: readonly Field[] }[];
  readonly note?: string;
}

const MONTH_HINT = '年-月，如 2024-09';

export const SECTIONS: readonly Section[] = [
  {
    id: 'basic',
    title: '基本情况',
    fields: [
      { key: '/applicant/name', label: '姓名' },
      { key: '/applicant/gender', label: '性别', kind: 'choice' },
      { key: '/applicant/ethnicity', label: '民族', kind: 'choice' },
      { key: '/applicant/birthDate', label: '出生年月', kind: 'month', hint: MONTH_HINT },
      { key: '/applicant/idNumber', label: '身份证号', hint: '18 位，末位可为 X' },
      { key: '/applicant/politicalStatus', label: '政治面貌', kind: 'choice' },
      { key: '/applicant/phone', label: '联系电话', hint: '手机号或带区号的固定电话' },
      { key: '/applicant/workStartedOn', label: '参加工作时间', kind: 'month', hint: MONTH_HINT },
      { key: '/applicant/employer', label: '工作单位' },
      { key: '/applicant/prefecture', label: '所在地州' },
      { key: '/applicant/county', label: '所在县（市）' },
      {
        key: '/applicant/unitLevel',
        label: '单位层级',
        kind: 'choice',
        optionLabels: { prefecture: '地州级', county: '县（市）级', township: '乡镇级' },
      },
      { key: '/applicant/specialty', label: '从事专业' },
      { key: '/applicant/adminPost', label: '行政职务', hint: '没有可不填' },
      { key: '/applicant/photo', label: '照片（评审表用）', kind: 'photo', hint: 'JPEG 或 PNG，可不填' },
    ],
    optionalGroups: [
      {
        path: '/applicant/currentTitle',
        label: '现专业技术职务（初次确定的申报人没有）',
        fields: [
          { key: '/name', label: '现职称', kind: 'choice' },
          { key: '/obtainedOn', label: '取得时间', kind: 'month', hint: MONTH_HINT },
          { key: '/appointedOn', label: '聘任时间', kind: 'month', hint: MONTH_HINT },
          { key: '/obtainedIn', label: '取得地', hint: '如 新疆' },
        ],
      },
    ],
  },
  {
    id: 'application',
    title: '申报',
    fields: [
      { key: '/application/year', label: '申报年度', kind: 'int' },
      { key: '/application/series', label: '系列' },
      { key: '/application/specialty', label: '专业' },
      { key: '/application/targetTitle', label: '申报职称', kind: 'choice' },
      { key: '/application/route', label: '申报方式', kind: 'choice' },
      { key: '/application/defenseExemption', label: '免答辩理由', hint: '没有可不填', wide: true },
    ],
  },
  {
    id: 'history',
    title: '学习和工作经历',
    fields: [
      { key: '/applicant/education/level', label: '学历', kind: 'choice', free: true },
      { key: '/applicant/education/degree', label: '学位', hint: '没有可不填' },
      { key: '/applicant/education/school', label: '毕业院校' },
      { key: '/applicant/education/major', label: '所学专业' },
      { key: '/applicant/education/graduatedOn', label: '毕业时间', kind: 'month', hint: MONTH_HINT },
    ],
    lists: [
      {
        path: '/workHistory',
        label: '工作经历',
        rowLabel: '经历',
        fields: [
          { key: '/from', label: '起', kind: 'month', hint: MONTH_HINT },
          { key: '/to', label: '止', kind: 'month', hint: MONTH_HINT },
          { key: '/employer', label: '工作单位' },
          { key: '/post', label: '岗位（职务）' },
        ],
      },
    ],
  },
  {
    id: 'assessments',
    title: '考核',
    lists: [
      {
        path: '/assessments',
        label: '年度考核',
        rowLabel: '年度',
        fields: [
          { key: '/year', label: '年度', kind: 'int' },
          { key: '/result', label: '考核结果', kind: 'choice' },
        ],
      },
    ],
  },
  {
    id: 'education',
    title: '继续教育',
    lists: [
      {
        path: '/continuingEducation',
        label: '继续教育学时',
        rowLabel: '年度',
        fields: [
          { key: '/year', label: '年度', kind: 'int' },
          { key: '/publicHours', label: '公需科目学时', kind: 'number' },
          { key: '/professionalHours', label: '专业科目学时', kind: 'number' },
        ],
      },
    ],
    optionalGroups: [
      {
        path: '/ceExemption',
        label: '申请免除继续教育（附件4）',
        fields: [
          { key: '/category', label: '免学类别', hint: '如 驻村工作' },
          { key: '/reason', label: '免学理由', kind: 'textarea' },
        ],
      },
    ],
  },
  {
    id: 'achievements',
    title: '业绩',
    lists: [
      {
        path: '/achievements',
        label: '业绩成果',
        rowLabel: '业绩',
        fields: [
          { key: '/from', label: '起', kind: 'month', hint: MONTH_HINT },
          { key: '/to', label: '止', kind: 'month', hint: MONTH_HINT },
          { key: '/title', label: '项目名称', wide: true },
          { key: '/role', label: '本人作用', hint: '如 主持、参加' },
          { key: '/content', label: '工作内容', kind: 'textarea' },
          { key: '/result', label: '成效', kind: 'textarea' },
        ],
      },
    ],
  },
  {
    id: 'papers',
    title: '论文',
    lists: [
      {
        path: '/papers',
        label: '论文、著作',
        rowLabel: '论文',
        fields: [
          { key: '/title', label: '题目', wide: true },
          { key: '/journal', label: '刊物（出版社）' },
          { key: '/publishedOn', label: '发表时间', kind: 'month', hint: MONTH_HINT },
          { key: '/role', label: '本人排名', hint: '如 独著、第一作者' },
        ],
      },
    ],
  },
  {
    id: 'awards',
    title: '获奖',
    lists: [
      {
        path: '/awards',
        label: '获奖情况',
        rowLabel: '奖项',
        fields: [
          { key: '/name', label: '奖项名称', wide: true },
          { key: '/issuer', label: '授予单位' },
          { key: '/awardedOn', label: '获奖时间', kind: 'month', hint: MONTH_HINT },
        ],
      },
    ],
  },
  {
    id: 'patents',
    title: '专利',
    lists: [
      {
        path: '/patents',
        label: '专利',
        rowLabel: '专利',
        fields: [
          { key: '/name', label: '专利名称', wide: true },
          { key: '/number', label: '专利号' },
          { key: '/grantedOn', label: '授权时间', kind: 'month', hint: MONTH_HINT },
          { key: '/role', label: '本人排名' },
        ],
      },
    ],
  },
  {
    id: 'summary',
    title: '工作总结',
    fields: [{ key: '/workSummary', label: '任现职以来个人业务技术总结', kind: 'textarea', wide: true }],
    note: '评审表匿名送审：总结中不要写本人姓名和单位名称。',
  },
  {
    id: 'recommendation',
    title: '推荐意见 / 现实表现',
    fields: [
      { key: '/politicalAppraisal', label: '现实表现（政治鉴定）意见', kind: 'textarea', wide: true },
      { key: '/recommendingUnit/name', label: '推荐单位' },
      { key: '/recommendingUnit/office', label: '受理科室' },
      { key: '/recommendingUnit/phone', label: '监督电话' },
      { key: '/recommendingUnit/head', label: '单位负责人', hint: '可不填' },
    ],
  },
  {
    id: 'publicity',
    title: '公示',
    fields: [
      { key: '/publicity/startDate', label: '公示开始日期', kind: 'date' },
      { key: '/publicity/endDate', label: '公示结束日期', kind: 'date', hint: '不少于 5 个工作日' },
      { key: '/publicity/politicalSummary', label: '思想政治表现（公示用）', kind: 'textarea', wide: true },
      { key: '/publicity/achievementSummary', label: '业绩成果（公示用）', kind: 'textarea', wide: true },
      { key: '/signedOn', label: '落款日期', kind: 'date', hint: '公示结束之后' },
    ],
  },
];
