/**
 * The roster workbook's columns: one table that both the template builder and
 * the importer read, so a header, its dossier field, its cell format and its
 * pick-list are named once.
 */

/** How a cell is read and written. */
export type CellKind =
  /** Free text; empty → field left out (zod reports it if required). */
  | 'text'
  /** Free text the dossier may leave empty; empty or "无" → left out (schema default ""). */
  | 'optionalText'
  /** 身份证号: text, never a number (Excel keeps 15 significant digits). */
  | 'id'
  /** YYYY-MM. */
  | 'yearMonth'
  /** YYYY-MM-DD. */
  | 'date'
  /** Whole number (年度). */
  | 'int'
  /** Number (学时). */
  | 'number'
  /** Digits and dashes kept as text (phone numbers). */
  | 'phone';

/** Pick-lists offered as Excel data validation. */
export type ListName =
  | 'gender'
  | 'ethnicity'
  | 'politicalStatus'
  | 'targetTitle'
  | 'route'
  | 'unitLevel'
  | 'assessmentResult';

export interface ColumnSpec {
  /** The header as the template writes it. */
  readonly header: string;
  /** Other headers staff are known to type for the same column. */
  readonly aliases?: readonly string[];
  /** JSON pointer into the dossier (main sheet) or into one list entry (list sheets); absent = not imported. */
  readonly path?: string;
  readonly kind: CellKind;
  /** Shown as the header cell's note: the expected format. */
  readonly note: string;
  /** Typical content width in half-width characters (CJK counts two). */
  readonly width: number;
  readonly list?: ListName;
  /** For a `nullable` field: empty or "无" → null. */
  readonly nullWhenEmpty?: boolean;
}

/** Marks a row the importer skips: the template's example row. */
export const EXAMPLE_MARK = '示例';
export const EXAMPLE_REMARK = '示例，请删除';
export const REMARK_HEADER = '备注';
export const ID_HEADER = '身份证号';
export const NAME_HEADER = '姓名';

/** 单位层级 as staff write it → the dossier's unitLevel. */
export const UNIT_LEVELS = { 州直: 'prefecture', 县市: 'county', 乡镇: 'township' } as const;
/** Other spellings of 单位层级 accepted on import. */
export const UNIT_LEVEL_ALIASES: Readonly<Record<string, keyof typeof UNIT_LEVELS>> = {
  州直: '州直',
  州直单位: '州直',
  州级: '州直',
  地州级: '州直',
  prefecture: '州直',
  县市: '县市',
  '县(市)': '县市',
  县级: '县市',
  县市级: '县市',
  县直: '县市',
  county: '县市',
  乡镇: '乡镇',
  '乡镇(街道)': '乡镇',
  乡镇级: '乡镇',
  township: '乡镇',
};

const YM = '年月，格式 YYYY-MM，如 2011-07';
const DAY = '日期，格式 YYYY-MM-DD，如 2024-09-10';

export const MAIN_SHEET = '申报人员';

export const MAIN_COLUMNS: readonly ColumnSpec[] = [
  {
    header: '姓名',
    path: '/applicant/name',
    kind: 'text',
    width: 12,
    note: '必填。与身份证一致；少数民族姓名用“·”分隔，如 阿依古丽·买买提',
  },
  {
    header: '性别',
    path: '/applicant/gender',
    kind: 'text',
    width: 6,
    list: 'gender',
    note: '必填。从下拉列表选：男 / 女；须与身份证号一致',
  },
  {
    header: '族别',
    aliases: ['民族'],
    path: '/applicant/ethnicity',
    kind: 'text',
    width: 10,
    list: 'ethnicity',
    note: '必填。从下拉列表选 56 个民族之一，如 维吾尔族',
  },
  {
    header: '出生年月',
    path: '/applicant/birthDate',
    kind: 'yearMonth',
    width: 10,
    note: `必填。${YM.replace('2011-07', '1985-03')}；须与身份证号一致`,
  },
  {
    header: ID_HEADER,
    aliases: ['身份证号码', '公民身份号码', '身份证'],
    path: '/applicant/idNumber',
    kind: 'id',
    width: 20,
    note: '必填。18 位，末位可为 X。本列为文本格式，请勿改为数字，否则 Excel 会丢失后 3 位',
  },
  {
    header: '政治面貌',
    path: '/applicant/politicalStatus',
    kind: 'text',
    width: 12,
    list: 'politicalStatus',
    note: '必填。从下拉列表选，如 中共党员、群众',
  },
  {
    header: '手机',
    aliases: ['手机号', '手机号码'],
    path: '/applicant/phone',
    kind: 'phone',
    width: 13,
    note: '必填。11 位手机号',
  },
  {
    header: '学历',
    path: '/applicant/education/level',
    kind: 'text',
    width: 10,
    note: '必填。最高学历，如 大学本科、大学专科、研究生',
  },
  {
    header: '学位',
    path: '/applicant/education/degree',
    kind: 'optionalText',
    width: 12,
    note: '如 管理学学士；没有学位填“无”或留空',
  },
  {
    header: '毕业院校',
    path: '/applicant/education/school',
    kind: 'text',
    width: 20,
    note: '必填。最高学历的毕业院校全称',
  },
  { header: '所学专业', path: '/applicant/education/major', kind: 'text', width: 12, note: '必填。如 档案学' },
  { header: '毕业时间', path: '/applicant/education/graduatedOn', kind: 'yearMonth', width: 10, note: `必填。${YM}` },
  {
    header: '参加工作时间',
    path: '/applicant/workStartedOn',
    kind: 'yearMonth',
    width: 10,
    note: `必填。${YM.replace('2011-07', '2011-09')}`,
  },
  { header: '工作单位', path: '/applicant/employer', kind: 'text', width: 24, note: '必填。全称，与公章一致' },
  { header: '地州市', path: '/applicant/prefecture', kind: 'text', width: 18, note: '必填。如 巴音郭楞蒙古自治州' },
  {
    header: '县（市）',
    aliases: ['县市', '县（市、区）'],
    path: '/applicant/county',
    kind: 'text',
    width: 10,
    note: '必填。如 库尔勒市；州直单位填所在县市',
  },
  {
    header: '单位层级',
    path: '/applicant/unitLevel',
    kind: 'text',
    width: 8,
    list: 'unitLevel',
    note: '必填。从下拉列表选：州直 / 县市 / 乡镇（县级及以下基层单位可免答辩）',
  },
  { header: '从事专业', path: '/applicant/specialty', kind: 'text', width: 8, note: '必填。如 档案' },
  { header: '行政职务', path: '/applicant/adminPost', kind: 'optionalText', width: 10, note: '没有填“无”或留空' },
  {
    header: '现职称',
    aliases: ['现任职称', '现专业技术职务'],
    path: '/applicant/currentTitle/name',
    kind: 'text',
    width: 10,
    nullWhenEmpty: true,
    note: '如 助理馆员；没有职称（初次确定）填“无”或留空，此时后三列也留空',
  },
  {
    header: '现职称取得时间',
    path: '/applicant/currentTitle/obtainedOn',
    kind: 'yearMonth',
    width: 10,
    note: YM.replace('2011-07', '2017-12'),
  },
  {
    header: '现职称聘任时间',
    path: '/applicant/currentTitle/appointedOn',
    kind: 'yearMonth',
    width: 10,
    note: YM.replace('2011-07', '2018-01'),
  },
  {
    header: '现职称取得地',
    path: '/applicant/currentTitle/obtainedIn',
    kind: 'optionalText',
    width: 8,
    note: '如 新疆',
  },
  { header: '申报年度', path: '/application/year', kind: 'int', width: 8, note: '必填。4 位年份，如 2024' },
  { header: '系列', path: '/application/series', kind: 'text', width: 6, note: '必填。如 档案' },
  { header: '申报专业', path: '/application/specialty', kind: 'text', width: 8, note: '必填。如 档案' },
  {
    header: '拟评审职称',
    aliases: ['申报职称'],
    path: '/application/targetTitle',
    kind: 'text',
    width: 10,
    list: 'targetTitle',
    note: '必填。从下拉列表选：管理员 / 助理馆员 / 馆员',
  },
  {
    header: '申报方式',
    path: '/application/route',
    kind: 'text',
    width: 10,
    list: 'route',
    note: '必填。从下拉列表选：初次确定 / 授予 / 评审',
  },
  {
    header: '免答辩理由',
    path: '/application/defenseExemption',
    kind: 'optionalText',
    width: 16,
    nullWhenEmpty: true,
    note: '如 县级以下基层单位、在若羌县工作、申报初级；需答辩的填“无”或留空',
  },
  { header: '推荐单位名称', path: '/recommendingUnit/name', kind: 'text', width: 24, note: '必填。全称，与公章一致' },
  {
    header: '推荐单位办公室',
    path: '/recommendingUnit/office',
    kind: 'text',
    width: 10,
    note: '必填。受理公示意见的科室，如 办公室',
  },
  { header: '推荐单位电话', path: '/recommendingUnit/phone', kind: 'phone', width: 14, note: '必填。如 0996-2012345' },
  { header: '推荐单位负责人', path: '/recommendingUnit/head', kind: 'optionalText', width: 10, note: '单位负责人姓名' },
  { header: '公示开始日期', path: '/publicity/startDate', kind: 'date', width: 12, note: `必填。${DAY}` },
  {
    header: '公示结束日期',
    path: '/publicity/endDate',
    kind: 'date',
    width: 12,
    note: `必填。${DAY.replace('2024-09-10', '2024-09-19')}；公示期不少于 5 个工作日`,
  },
  {
    header: '公示思想政治条件',
    path: '/publicity/politicalSummary',
    kind: 'optionalText',
    width: 30,
    note: '公示表“思想政治条件”栏的文字',
  },
  {
    header: '公示业绩成果',
    path: '/publicity/achievementSummary',
    kind: 'optionalText',
    width: 30,
    note: '公示表“近五年业绩成果”栏的文字',
  },
  {
    header: '落款日期',
    path: '/signedOn',
    kind: 'date',
    width: 12,
    note: `必填。各表落款日期，${DAY.replace('2024-09-10', '2024-09-20')}`,
  },
  {
    header: '个人工作总结',
    aliases: ['任现职以来个人工作总结'],
    path: '/workSummary',
    kind: 'optionalText',
    width: 40,
    note: '任现职以来个人工作总结。盲审：不得出现本人姓名和工作单位',
  },
  {
    header: '现实表现',
    aliases: ['现实表现（政治鉴定）'],
    path: '/politicalAppraisal',
    kind: 'optionalText',
    width: 40,
    note: '单位出具的现实表现（政治鉴定）文字',
  },
  {
    header: '免除继续教育类别',
    path: '/ceExemption/category',
    kind: 'text',
    width: 12,
    nullWhenEmpty: true,
    note: '如 访惠聚驻村；不申请免除的两列都留空',
  },
  {
    header: '免除继续教育理由',
    path: '/ceExemption/reason',
    kind: 'text',
    width: 40,
    note: '附件4 申请理由；不申请免除的留空',
  },
  { header: REMARK_HEADER, kind: 'optionalText', width: 14, note: `不导入。写有“${EXAMPLE_MARK}”的行导入时跳过` },
];

/**
 * Groups that become `null` when every cell of the group is empty (or "无"):
 * an applicant without a current title, or without a CE exemption.
 */
export const NULLABLE_GROUPS: readonly string[] = ['/applicant/currentTitle', '/ceExemption'];

/** A sheet holding one dossier list, one row per entry, joined to its applicant by 身份证号. */
export interface ListSheetSpec {
  readonly sheet: string;
  /** The dossier array this sheet fills, e.g. "workHistory". */
  readonly field:
    | 'workHistory'
    | 'assessments'
    | 'continuingEducation'
    | 'achievements'
    | 'papers'
    | 'awards'
    | 'patents';
  /** Key, name and remark columns are added around these. */
  readonly columns: readonly ColumnSpec[];
}

const KEY_COLUMN: ColumnSpec = {
  header: ID_HEADER,
  aliases: ['身份证号码', '公民身份号码', '身份证'],
  kind: 'id',
  width: 20,
  note: `必填。与“${MAIN_SHEET}”表中该人的身份证号一致（文本格式）`,
};
const NAME_COLUMN: ColumnSpec = {
  header: NAME_HEADER,
  kind: 'optionalText',
  width: 12,
  note: '便于核对，可不填；填写时须与身份证号对应的姓名一致',
};
const LIST_REMARK: ColumnSpec = {
  header: REMARK_HEADER,
  kind: 'optionalText',
  width: 14,
  note: `不导入。写有“${EXAMPLE_MARK}”的行导入时跳过`,
};

const listSheet = (sheet: string, field: ListSheetSpec['field'], columns: readonly ColumnSpec[]): ListSheetSpec => ({
  sheet,
  field,
  columns: [KEY_COLUMN, NAME_COLUMN, ...columns, LIST_REMARK],
});

export const LIST_SHEETS: readonly ListSheetSpec[] = [
  listSheet('工作经历', 'workHistory', [
    {
      header: '起始年月',
      path: '/from',
      kind: 'yearMonth',
      width: 10,
      note: `必填。${YM.replace('2011-07', '2011-09')}`,
    },
    {
      header: '终止年月',
      path: '/to',
      kind: 'yearMonth',
      width: 10,
      note: `必填。${YM.replace('2011-07', '2015-12')}`,
    },
    { header: '工作单位', path: '/employer', kind: 'text', width: 24, note: '必填。全称' },
    {
      header: '职务/岗位',
      aliases: ['职务', '岗位', '职务（岗位）'],
      path: '/post',
      kind: 'text',
      width: 20,
      note: '必填。如 档案整理员',
    },
  ]),
  listSheet('年度考核', 'assessments', [
    { header: '年度', path: '/year', kind: 'int', width: 8, note: '必填。4 位年份，如 2023' },
    {
      header: '结果',
      aliases: ['考核结果'],
      path: '/result',
      kind: 'text',
      width: 10,
      list: 'assessmentResult',
      note: '必填。从下拉列表选：优秀 / 合格 / 称职 / 基本合格 / 不合格',
    },
  ]),
  listSheet('继续教育', 'continuingEducation', [
    { header: '年度', path: '/year', kind: 'int', width: 8, note: '必填。4 位年份，如 2024' },
    {
      header: '公需学时',
      aliases: ['公需科目学时'],
      path: '/publicHours',
      kind: 'number',
      width: 10,
      note: '必填。数字，每年应达 30 学时',
    },
    {
      header: '专业学时',
      aliases: ['专业科目学时'],
      path: '/professionalHours',
      kind: 'number',
      width: 10,
      note: '必填。数字，每年应达 60 学时；免除的填 0',
    },
  ]),
  listSheet('业绩成果', 'achievements', [
    {
      header: '起始年月',
      path: '/from',
      kind: 'yearMonth',
      width: 10,
      note: `必填。${YM.replace('2011-07', '2019-03')}`,
    },
    {
      header: '终止年月',
      path: '/to',
      kind: 'yearMonth',
      width: 10,
      note: `必填。${YM.replace('2011-07', '2021-11')}`,
    },
    { header: '项目名称', aliases: ['名称', '业绩名称'], path: '/title', kind: 'text', width: 24, note: '必填' },
    { header: '主要内容', path: '/content', kind: 'optionalText', width: 36, note: '本人承担的主要工作' },
    { header: '本人角色', aliases: ['本人作用'], path: '/role', kind: 'optionalText', width: 8, note: '如 主持、参加' },
    {
      header: '成果/效果',
      aliases: ['成果', '效果', '取得成效'],
      path: '/result',
      kind: 'optionalText',
      width: 30,
      note: '取得的成效',
    },
  ]),
  listSheet('论文', 'papers', [
    { header: '题目', aliases: ['论文题目', '名称'], path: '/title', kind: 'text', width: 30, note: '必填' },
    {
      header: '期刊/出版社',
      aliases: ['刊物名称', '期刊', '发表刊物'],
      path: '/journal',
      kind: 'text',
      width: 16,
      note: '必填。刊物或出版社名称',
    },
    {
      header: '发表时间',
      path: '/publishedOn',
      kind: 'yearMonth',
      width: 10,
      note: `必填。${YM.replace('2011-07', '2022-05')}`,
    },
    {
      header: '本人角色',
      aliases: ['本人排名', '作者排名'],
      path: '/role',
      kind: 'optionalText',
      width: 10,
      note: '如 独著、第一作者',
    },
  ]),
  listSheet('获奖', 'awards', [
    { header: '奖项名称', aliases: ['名称', '获奖名称'], path: '/name', kind: 'text', width: 24, note: '必填' },
    { header: '授予单位', aliases: ['颁发单位'], path: '/issuer', kind: 'text', width: 24, note: '必填' },
    {
      header: '获奖时间',
      path: '/awardedOn',
      kind: 'yearMonth',
      width: 10,
      note: `必填。${YM.replace('2011-07', '2022-12')}`,
    },
  ]),
  listSheet('知识产权', 'patents', [
    { header: '名称', aliases: ['专利名称', '成果名称'], path: '/name', kind: 'text', width: 24, note: '必填' },
    {
      header: '编号',
      aliases: ['专利号', '登记号'],
      path: '/number',
      kind: 'optionalText',
      width: 18,
      note: '专利号或登记号',
    },
    { header: '授权时间', path: '/grantedOn', kind: 'yearMonth', width: 10, note: YM.replace('2011-07', '2023-06') },
    {
      header: '本人角色',
      aliases: ['本人排名'],
      path: '/role',
      kind: 'optionalText',
      width: 10,
      note: '如 第一发明人',
    },
  ]),
];

/** The roster's unit block (附件5 落款), one label/value pair a row. */
export const UNIT_SHEET = '填报单位';
export const UNIT_FIELDS: readonly ColumnSpec[] = [
  { header: '填报单位', path: '/name', kind: 'text', width: 30, note: '必填。报送花名册的单位全称' },
  { header: '地州市', path: '/prefecture', kind: 'optionalText', width: 30, note: '如 巴音郭楞蒙古自治州' },
  { header: '填报人', path: '/preparer', kind: 'optionalText', width: 30, note: '经办人姓名' },
  { header: '联系电话', path: '/phone', kind: 'phone', width: 30, note: '如 0996-2022345' },
  {
    header: '填报日期',
    path: '/date',
    kind: 'date',
    width: 30,
    note: `必填。${DAY.replace('2024-09-10', '2024-10-14')}`,
  },
];

export const INSTRUCTIONS_SHEET = '说明';
export const LISTS_SHEET = '下拉选项';
