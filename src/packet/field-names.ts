/**
 * The dossier's fields by their Chinese names, for pages staff read (the
 * packet's cover sheet, the batch report): "/assessments/1/result" →
 * "年度考核 第2条 考核结果". Unknown keys keep their JSON name.
 */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  applicant: '申报人',
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生年月',
  idNumber: '身份证号',
  politicalStatus: '政治面貌',
  phone: '联系电话',
  education: '学历',
  level: '学历',
  degree: '学位',
  school: '毕业院校',
  major: '所学专业',
  graduatedOn: '毕业时间',
  workStartedOn: '参加工作时间',
  employer: '工作单位',
  prefecture: '地州市',
  county: '县市',
  unitLevel: '单位层级',
  specialty: '从事专业',
  adminPost: '行政职务',
  currentTitle: '现专业技术职务',
  obtainedOn: '取得时间',
  appointedOn: '聘任时间',
  obtainedIn: '取得途径',
  photo: '照片',
  application: '申报',
  year: '年度',
  series: '系列',
  targetTitle: '拟评审职称',
  route: '申报方式',
  defenseExemption: '免答辩理由',
  workHistory: '工作经历',
  from: '起始年月',
  to: '终止年月',
  post: '岗位',
  assessments: '年度考核',
  result: '考核结果',
  continuingEducation: '继续教育',
  publicHours: '公需科目学时',
  professionalHours: '专业科目学时',
  ceExemption: '免除继续教育申请',
  reason: '理由',
  category: '类别',
  achievements: '业绩成果',
  title: '名称',
  content: '内容',
  role: '本人角色',
  papers: '论文著作',
  journal: '刊物',
  publishedOn: '发表时间',
  awards: '获奖',
  issuer: '颁发单位',
  awardedOn: '获奖时间',
  patents: '专利',
  number: '编号',
  grantedOn: '授权时间',
  workSummary: '任现职以来个人工作总结',
  politicalAppraisal: '现实表现鉴定',
  recommendingUnit: '推荐单位',
  office: '受理科室',
  head: '负责人',
  publicity: '单位公示',
  startDate: '公示开始日期',
  endDate: '公示结束日期',
  politicalSummary: '思想政治表现',
  achievementSummary: '业绩成果摘要',
  materials: '申报材料',
  count: '件数',
  signedOn: '落款日期',
  files: '上传材料',
  unit: '填报单位',
};

/** Names a key has under a parent that gives it another meaning: a unit's name is not a person's. */
const NAMES_UNDER: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  unit: { name: '单位名称', preparer: '填报人', date: '填报日期' },
  recommendingUnit: { name: '单位名称' },
};

/** "/assessments/1/result" → "年度考核 第2条 考核结果"; "/files/item6" → "上传材料 第6项"; "" → "整份材料". */
export function fieldName(path: string): string {
  const segments = path.split('/').slice(1);
  if (segments.length === 0) return '整份材料';
  return segments
    .map((segment, index) => {
      if (/^\d+$/.test(segment)) return `第${Number(segment) + 1}条`;
      const item = /^item(\d+)$/.exec(segment);
      if (item) return `第${item[1]}项`;
      const parent = index > 0 ? segments[index - 1]! : '';
      return NAMES_UNDER[parent]?.[segment] ?? FIELD_NAMES[segment] ?? segment;
    })
    .join(' ');
}
