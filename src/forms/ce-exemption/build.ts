/**
 * 附件4 免除继续教育学习申请表: the notice's grid on one A4 page. The
 * 审核意见 box stays empty for the reviewing office apart from "公章" and
 * the date line it fills in by hand.
 */
import { CHINESE_SIZES, type Document, type TableRow } from '../../document/model.js';
import { cell, labelCell, orNone, para, paragraphBlock, run } from '../../document/build.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText, splitParagraphs } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { cnYearMonth, currentTitleName, graduationPhrase } from '../shared/facts.js';
import { attachmentLabel, TABLE_LINE_PITCH, FORM_PAGE, tableDocument } from '../shared/layout.js';

export const CE_EXEMPTION_ID = 'ce-exemption';

/** Six columns: label, value, label, value, label, value. */
const COLUMNS = [14, 30, 10, 14, 14, 18];

export function buildCeExemption(dossier: Dossier, ctx: FormContext): Document {
  const { applicant, application } = dossier;
  const exemption = dossier.ceExemption ?? { category: '', reason: '' };
  const data = {
    name: applicant.name,
    category: orNone(exemption.category),
    reason: orNone(exemption.reason),
  };
  const title = renderText(CE_EXEMPTION_ID, 'title', data).trim();
  // Without a request in the dossier the form is printed for the applicant to fill in by hand.
  const reasonParagraphs = dossier.ceExemption
    ? splitParagraphs(renderText(CE_EXEMPTION_ID, 'reason', data)).map((text) =>
        para(text, { align: 'left', firstLineIndent: 0 }),
      )
    : [];
  const rows: TableRow[] = [
    {
      minHeight: 11,
      cells: [
        labelCell('姓名'),
        cell(applicant.name),
        labelCell('性别'),
        cell(applicant.gender),
        labelCell('出生年月'),
        cell(cnYearMonth(applicant.birthDate)),
      ],
    },
    {
      minHeight: 11,
      cells: [
        labelCell('身份证号'),
        cell(applicant.idNumber),
        labelCell('学历'),
        cell(applicant.education.level),
        labelCell('学位'),
        cell(orNone(applicant.education.degree)),
      ],
    },
    {
      minHeight: 12,
      cells: [labelCell('何时何学校何专业毕业', { colSpan: 2 }), cell(graduationPhrase(applicant), { colSpan: 4 })],
    },
    {
      minHeight: 11,
      cells: [
        labelCell('现工作单位'),
        cell(applicant.employer, { colSpan: 2 }),
        labelCell('参加工作时间'),
        cell(cnYearMonth(applicant.workStartedOn), { colSpan: 2 }),
      ],
    },
    {
      minHeight: 11,
      cells: [
        labelCell('现有专业技术职务'),
        cell(currentTitleName(applicant), { colSpan: 2 }),
        labelCell('拟申报专业技术职务'),
        cell(application.targetTitle, { colSpan: 2 }),
      ],
    },
    {
      minHeight: 48,
      cells: [
        labelCell('免学理由'),
        {
          paragraphs: reasonParagraphs,
          colSpan: 5,
          vAlign: 'top',
          ...(reasonParagraphs.length === 0 ? { space: 'handwriting' as const } : {}),
        },
      ],
    },
    {
      minHeight: 42,
      cells: [
        labelCell('审核意见'),
        {
          colSpan: 5,
          vAlign: 'bottom',
          paragraphs: [
            para('公章', { align: 'right', indentRight: 6 }),
            para('年　月　日', { align: 'right', indentRight: 2 }),
          ],
        },
      ],
    },
  ];
  return tableDocument(
    `${title}-${applicant.name}`,
    ctx.now,
    [
      attachmentLabel('附件4', TABLE_LINE_PITCH),
      {
        type: 'heading',
        level: 0,
        runs: [run(title, { size: CHINESE_SIZES.小二 })],
        align: 'center',
        spaceAfter: 12,
        keepWithNext: true,
      },
      { type: 'table', columns: COLUMNS, rows, style: { font: 'song', size: CHINESE_SIZES.小四 } },
      { type: 'spacer', height: 4 },
      ...splitParagraphs(renderText(CE_EXEMPTION_ID, 'notes', data)).map((text, index) =>
        paragraphBlock([run(text, { size: CHINESE_SIZES.五号 })], {
          align: 'justify',
          // Note 1 carries "注：" itself; later notes align under its text.
          indentLeft: index === 0 ? 0 : 2,
          lineHeight: 16,
        }),
      ),
    ],
    FORM_PAGE,
  );
}
