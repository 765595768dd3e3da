/**
 * The sections of the 评审表 in the order of the classic national form:
 * each function turns part of the dossier into blocks. "无" wherever the
 * dossier has nothing; empty cells only where people sign, seal or vote.
 */
import {
  CHINESE_SIZES,
  type Block,
  type HeadingBlock,
  type Paragraph,
  type TableBlock,
  type TableCell,
  type TableRow,
} from '../../document/model.js';
import { NONE, cell, emptyCell, labelCell, orNone, para, paragraphBlock, run } from '../../document/build.js';
import { formatChineseDate, formatChineseYearMonth, formatYearMonthDot, monthsInclusive } from '../../domain/dates.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderParagraphs, renderText } from '../../text/index.js';
import { PHOTO_BOX_MM, photoCellImage, type DecodedPhoto } from './photo.js';

export const FORM_ID = 'review-form';
const TABLE_SIZE = CHINESE_SIZES.五号;
const SECTION_NUMBERS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** The section headings, in print order (tests check the order against this list). */
export const SECTION_TITLES = [
  '基本情况',
  '学习及工作经历',
  '任现职以来考核情况',
  '继续教育情况',
  '任现职以来主要专业技术工作业绩',
  '论文、著作',
  '获奖情况',
  '获得的知识产权',
  '个人专业技术工作总结',
  '本人承诺',
  '单位推荐意见',
  '主管部门审核意见',
  '评审委员会意见',
  '人社部门意见',
] as const;
type SectionTitle = (typeof SECTION_TITLES)[number];

function sectionHeading(title: SectionTitle): HeadingBlock {
  const number = SECTION_NUMBERS[SECTION_TITLES.indexOf(title)] ?? '';
  return {
    type: 'heading',
    level: 1,
    runs: [run(`${number}、${title}`, { font: 'hei', size: CHINESE_SIZES.四号 })],
    align: 'left',
    spaceBefore: 10,
    spaceAfter: 4,
    keepWithNext: true,
  };
}

function table(columns: readonly number[], rows: readonly TableRow[], headerRows = 0): TableBlock {
  return {
    type: 'table',
    columns,
    rows,
    style: { font: 'song', size: TABLE_SIZE },
    ...(headerRows > 0 ? { headerRows } : {}),
  };
}

const header = (labels: readonly string[]): TableRow => ({ cells: labels.map((label) => labelCell(label)) });
/** The one row of a list with nothing in it: "无" across the table. */
const noneRow = (span: number): TableRow => ({ cells: [cell(NONE, { colSpan: span, align: 'center' })] });
const text = (value: string | number | null | undefined, align: 'left' | 'center' = 'center'): TableCell =>
  cell(orNone(value), { align });

// ——— Cover ———

/** Label spread to the width of `width` characters with ideographic spaces ("姓　　　　名"). */
function spread(label: string, width: number): string {
  const chars = Array.from(label);
  const gaps = chars.length - 1;
  if (gaps <= 0) return label;
  const spaces = Math.max(0, width - chars.length);
  return chars
    .map((char, i) =>
      i < gaps ? char + '\u3000'.repeat(Math.floor(spaces / gaps) + (i < spaces % gaps ? 1 : 0)) : char,
    )
    .join('');
}

/** Label spread over 8 characters, the colon, and the ideographic space before the value. */
const COVER_VALUE_INDENT = 10;

export function coverBlocks(d: Dossier, serial: string | null): Block[] {
  const fields: [string, string][] = [
    ['单位', orNone(d.applicant.employer)],
    ['姓名', orNone(d.applicant.name)],
    ['现任专业技术职务', orNone(d.applicant.currentTitle?.name)],
    ['申报专业技术职务', `${d.application.series}系列 ${d.application.targetTitle}`],
    ['填表日期', formatChineseDate(d.signedOn)],
  ];
  const fieldSize = CHINESE_SIZES.三号;
  return [
    ...(serial ? [paragraphBlock([run(`流水号：${serial}`, { size: CHINESE_SIZES.小五 })], { align: 'right' })] : []),
    { type: 'spacer', height: 35 },
    {
      type: 'heading',
      level: 0,
      runs: [run(renderText(FORM_ID, 'title', {}).trim(), { font: 'title', size: CHINESE_SIZES.小一, bold: true })],
      align: 'center',
      spaceAfter: 12,
    },
    paragraphBlock([run(`（${d.application.series}系列）`, { font: 'kai', size: CHINESE_SIZES.三号 })], {
      align: 'center',
    }),
    { type: 'spacer', height: 35 },
    // A long unit name wraps under the value, not under the label (hanging indent of label + colon + space).
    ...fields.map(([label, value]) =>
      paragraphBlock(
        [
          run(`${spread(label, 8)}：`, { font: 'hei', size: fieldSize }),
          run(`\u3000${value}\u3000`, { font: 'song', size: fieldSize, underline: true }),
        ],
        {
          align: 'left',
          indentLeft: 2 + COVER_VALUE_INDENT,
          firstLineIndent: -COVER_VALUE_INDENT,
          spaceAfter: 14,
          lineHeight: 26,
        },
      ),
    ),
    { type: 'spacer', height: 30 },
    paragraphBlock([run(renderText(FORM_ID, 'issuer', {}).trim(), { font: 'song', size: CHINESE_SIZES.小三 })], {
      align: 'center',
    }),
    { type: 'pageBreak' },
  ];
}

export function instructionBlocks(verifiable: boolean): Block[] {
  return [
    {
      type: 'heading',
      level: 1,
      runs: [run('填表说明', { font: 'hei', size: CHINESE_SIZES.三号 })],
      align: 'center',
      spaceAfter: 12,
      keepWithNext: true,
    },
    ...renderParagraphs(FORM_ID, 'instructions', { verifiable }).map((text) =>
      paragraphBlock(text, { firstLineIndent: 2, spaceAfter: 6, lineHeight: 24 }),
    ),
    { type: 'pageBreak' },
  ];
}

// ——— 基本情况 ———

/** Whole years from the start of work to the signing month ("13年"). */
function yearsSince(from: string, until: string): string {
  const months = monthsInclusive(from, until.slice(0, 7)) - 1;
  return months >= 0 ? `${Math.floor(months / 12)}年` : NONE;
}

export function basicInfoBlocks(d: Dossier, photo: DecodedPhoto | null): Block[] {
  const a = d.applicant;
  const ym = (value: string | undefined) => (value ? formatChineseYearMonth(value) : NONE);
  const photoCell: TableCell = photo
    ? { ...emptyCell({ rowSpan: 5, space: 'photo' }), image: photoCellImage(photo) }
    : cell([para([run('贴照片处', { size: CHINESE_SIZES.小五 })], { align: 'center' })], { rowSpan: 5 });
  const title = a.currentTitle;
  // Column widths in mm on the 162 mm type area; the last column holds the 25 × 35 mm photo.
  const columns = [20, 24, 18, 23, 23, 26, 28];
  const rowHeight = (PHOTO_BOX_MM.height + 4) / 5;
  const rows: TableRow[] = [
    {
      minHeight: rowHeight,
      cells: [
        labelCell('姓名'),
        // The name is one unbreakable span: the line breaks around it, never inside (阿依古丽·买买提).
        cell([{ text: orNone(a.name), noBreak: true }], { align: 'center' }),
        labelCell('性别'),
        text(a.gender),
        labelCell('民族'),
        text(a.ethnicity),
        photoCell,
      ],
    },
    {
      minHeight: rowHeight,
      cells: [
        labelCell('出生年月'),
        text(ym(a.birthDate)),
        labelCell('政治面貌'),
        text(a.politicalStatus),
        labelCell('参加工作时间'),
        text(ym(a.workStartedOn)),
      ],
    },
    {
      minHeight: rowHeight,
      cells: [labelCell('身份证号'), { ...text(a.idNumber), colSpan: 3 }, labelCell('联系电话'), text(a.phone)],
    },
    {
      minHeight: rowHeight,
      cells: [
        labelCell('学历'),
        text(a.education.level),
        labelCell('学位'),
        text(a.education.degree),
        labelCell('毕业时间'),
        text(ym(a.education.graduatedOn)),
      ],
    },
    {
      minHeight: rowHeight,
      cells: [labelCell('毕业院校及专业'), { ...text(`${a.education.school}　${a.education.major}`), colSpan: 5 }],
    },
    {
      cells: [
        labelCell('工作单位'),
        { ...text(a.employer), colSpan: 3 },
        labelCell('行政职务'),
        { ...text(a.adminPost), colSpan: 2 },
      ],
    },
    {
      cells: [
        labelCell('现从事专业及年限'),
        { ...text(`${orNone(a.specialty)}　${yearsSince(a.workStartedOn, d.signedOn)}`), colSpan: 6 },
      ],
    },
    {
      cells: [
        labelCell('现任专业技术职务'),
        text(title?.name),
        labelCell('取得时间'),
        text(ym(title?.obtainedOn)),
        labelCell('聘任时间'),
        { ...text(ym(title?.appointedOn)), colSpan: 2 },
      ],
    },
    {
      cells: [
        labelCell('申报系列及专业'),
        // Two words a line may break between, never inside ("档案系列 / 档案专业", not "档案系列档 / 案专业").
        cell(
          [
            { ...run(`${d.application.series}系列`), noBreak: true },
            { ...run(`${d.application.specialty}专业`), noBreak: true },
          ],
          { align: 'center' },
        ),
        labelCell('申报职务'),
        text(d.application.targetTitle),
        labelCell('申报方式'),
        { ...text(d.application.route), colSpan: 2 },
      ],
    },
    { cells: [labelCell('所在地'), { ...text(`${a.prefecture}　${a.county}`), colSpan: 6 }] },
  ];
  return [sectionHeading('基本情况'), table(columns, rows)];
}

// ——— 学习及工作经历, 考核, 继续教育 ———

export function historyBlocks(d: Dossier): Block[] {
  const e = d.applicant.education;
  const rows: TableRow[] = [
    header(['起止年月', '学校或工作单位', '专业或职务']),
    {
      cells: [
        text(`${formatYearMonthDot(e.graduatedOn)}毕业`),
        text(e.school),
        text(`${orNone(e.major)}（${[e.level, e.degree].filter((v) => v.trim() !== '').join('，')}）`),
      ],
    },
    ...d.workHistory.map((w) => ({
      cells: [text(`${formatYearMonthDot(w.from)}—${formatYearMonthDot(w.to)}`), text(w.employer), text(w.post)],
    })),
  ];
  if (d.workHistory.length === 0) rows.push({ cells: [text('工作经历'), { ...text(NONE), colSpan: 2 }] });
  return [sectionHeading('学习及工作经历'), table([3, 6, 4], rows, 1)];
}

export function assessmentBlocks(d: Dossier): Block[] {
  const rows: TableRow[] = [header(['年度', '考核等次'])];
  if (d.assessments.length === 0) rows.push(noneRow(2));
  for (const a of d.assessments) rows.push({ cells: [text(`${a.year}年度`), text(a.result)] });
  return [sectionHeading('任现职以来考核情况'), table([1, 2], rows, 1)];
}

export function continuingEducationBlocks(d: Dossier): Block[] {
  const rows: TableRow[] = [header(['年度', '公需科目（学时）', '专业科目（学时）', '合计（学时）'])];
  for (const ce of d.continuingEducation) {
    rows.push({
      cells: [
        text(`${ce.year}年`),
        { ...text(ce.publicHours), value: ce.publicHours },
        { ...text(ce.professionalHours), value: ce.professionalHours },
        { ...text(ce.publicHours + ce.professionalHours), value: ce.publicHours + ce.professionalHours },
      ],
    });
  }
  if (d.ceExemption) {
    rows.push({
      cells: [
        labelCell('免除继续教育'),
        { ...text(`${orNone(d.ceExemption.category)}：${orNone(d.ceExemption.reason)}`, 'left'), colSpan: 3 },
      ],
    });
  }
  if (rows.length === 1) rows.push(noneRow(4));
  return [sectionHeading('继续教育情况'), table([2, 3, 3, 3], rows, 1)];
}

// ——— 业绩, 论文, 获奖, 知识产权 ———

export function achievementBlocks(d: Dossier): Block[] {
  const rows: TableRow[] = [
    header([
      '起止时间',
      '专业技术工作名称（项目、课题、成果等）',
      '工作内容',
      '本人作用（主持、参加、独立）',
      '完成情况及效果（获何奖励、效益或专利）',
    ]),
  ];
  if (d.achievements.length === 0) rows.push(noneRow(5));
  for (const a of d.achievements) {
    rows.push({
      cells: [
        text(`${formatYearMonthDot(a.from)}—${formatYearMonthDot(a.to)}`),
        text(a.title, 'left'),
        text(a.content, 'left'),
        text(a.role),
        text(a.result, 'left'),
      ],
    });
  }
  return [sectionHeading('任现职以来主要专业技术工作业绩'), table([2.4, 3.4, 4.6, 1.8, 4], rows, 1)];
}

export function paperBlocks(d: Dossier): Block[] {
  const rows: TableRow[] = [header(['题目', '刊物或出版社', '发表（出版）时间', '本人作用或排名'])];
  if (d.papers.length === 0) rows.push(noneRow(4));
  for (const p of d.papers)
    rows.push({
      cells: [text(p.title, 'left'), text(p.journal), text(formatChineseYearMonth(p.publishedOn)), text(p.role)],
    });
  return [sectionHeading('论文、著作'), table([6, 4, 3, 3], rows, 1)];
}

export function awardBlocks(d: Dossier): Block[] {
  const rows: TableRow[] = [header(['奖项名称', '授予单位', '获奖时间'])];
  if (d.awards.length === 0) rows.push(noneRow(3));
  for (const a of d.awards)
    rows.push({ cells: [text(a.name, 'left'), text(a.issuer), text(formatChineseYearMonth(a.awardedOn))] });
  return [sectionHeading('获奖情况'), table([6, 5, 3], rows, 1)];
}

export function patentBlocks(d: Dossier): Block[] {
  const rows: TableRow[] = [header(['名称', '编号', '授权时间', '本人作用或排名'])];
  if (d.patents.length === 0) rows.push(noneRow(4));
  for (const p of d.patents) {
    rows.push({
      cells: [
        text(p.name, 'left'),
        text(p.number),
        text(p.grantedOn ? formatChineseYearMonth(p.grantedOn) : NONE),
        text(p.role),
      ],
    });
  }
  return [sectionHeading('获得的知识产权'), table([6, 4, 3, 3], rows, 1)];
}

// ——— 总结 and 承诺 ———

/** The summary as body paragraphs: they flow across pages however long the text is. */
export function summaryBlocks(d: Dossier): Block[] {
  const paragraphs = d.workSummary
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [
    sectionHeading('个人专业技术工作总结'),
    ...(paragraphs.length === 0 ? [NONE] : paragraphs).map((p) =>
      paragraphBlock(p, { firstLineIndent: 2, lineHeight: 22 }),
    ),
    {
      type: 'signature',
      align: 'right',
      lines: [{ text: '本人签字：', blank: 8 }, { text: '年\u3000\u3000月\u3000\u3000日' }],
    },
  ];
}

export function pledgeBlocks(): Block[] {
  return [
    sectionHeading('本人承诺'),
    // The instruction, the sentence to copy and the box to write it in stay on one page.
    paragraphBlock(renderText(FORM_ID, 'pledge-intro', {}).trim(), { align: 'left', keepWithNext: true }),
    paragraphBlock([run(renderText(FORM_ID, 'pledge', {}).trim(), { font: 'kai' })], {
      firstLineIndent: 2,
      lineHeight: 22,
      spaceAfter: 4,
      keepWithNext: true,
    }),
    table([1], [{ minHeight: 45, cells: [emptyCell({ space: 'signature' })] }]),
    {
      type: 'signature',
      align: 'right',
      lines: [
        { text: '承诺人签字：', blank: 8 },
        { text: '日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日' },
      ],
    },
  ];
}

// ——— Opinions: unit, authority, committee, human resources ———

const DATE_LINE = '年\u3000\u3000月\u3000\u3000日';

/** An opinion box: a label column and a tall cell holding the opinion, who signs and seals, and the date line. */
function opinionTable(label: string, opinion: readonly Paragraph[], signLine: string, minHeight: number): TableBlock {
  const paragraphs: Paragraph[] = [
    ...opinion,
    para(signLine, { align: 'right', spaceBefore: 24 }),
    para(DATE_LINE, { align: 'right', spaceBefore: 6 }),
  ];
  // An empty opinion keeps its room above the signature for the handwritten text.
  return table(
    [1, 6],
    [{ minHeight, cells: [labelCell(label), { paragraphs, vAlign: opinion.length > 0 ? 'top' : 'bottom' }] }],
  );
}

export function recommendationBlocks(d: Dossier): Block[] {
  const opinion = renderParagraphs(FORM_ID, 'recommendation', {
    name: d.applicant.name,
    startDate: formatChineseDate(d.publicity.startDate),
    endDate: formatChineseDate(d.publicity.endDate),
  }).map((p) => para(p, { firstLineIndent: 2, spaceBefore: 6 }));
  return [
    sectionHeading('单位推荐意见'),
    opinionTable(
      '单位推荐意见',
      opinion,
      `负责人签字：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（${d.recommendingUnit.name}公章）`,
      55,
    ),
  ];
}

export function authorityBlocks(): Block[] {
  return [
    sectionHeading('主管部门审核意见'),
    opinionTable('主管部门审核意见', [], '负责人签字：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（公章）', 55),
  ];
}

export function committeeBlocks(): Block[] {
  const blank = (colSpan = 1): TableCell => emptyCell({ colSpan, space: 'signature' });
  const rows: TableRow[] = [
    { minHeight: 10, cells: [labelCell('评委会总人数'), blank(2), labelCell('出席人数', { colSpan: 2 }), blank(2)] },
    {
      minHeight: 10,
      cells: [
        labelCell('表决结果'),
        labelCell('同意'),
        blank(),
        labelCell('不同意'),
        blank(),
        labelCell('弃权'),
        blank(),
      ],
    },
    { minHeight: 35, cells: [labelCell('评审结论'), blank(6)] },
    {
      minHeight: 22,
      cells: [
        labelCell('主任委员签字'),
        blank(2),
        labelCell('评委会（章）', { colSpan: 2 }),
        { ...blank(2), space: 'seal' },
      ],
    },
    { cells: [labelCell('评审日期'), { ...cell([para(DATE_LINE, { align: 'right' })]), colSpan: 6 }] },
  ];
  // The committee's counts, vote, conclusion and signatures are read as one: never split over two pages.
  return [sectionHeading('评审委员会意见'), { ...table([3, 2, 2, 2, 2, 2, 2], rows), keepTogether: true }];
}

export function hrBlocks(): Block[] {
  return [
    sectionHeading('人社部门意见'),
    opinionTable('人社部门意见', [], '负责人签字：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（公章）', 50),
  ];
}
