/**
 * 现实表现（政治鉴定）材料: the applicant's particulars, the unit's own
 * appraisal text (the service adds no claims of its own), the recommendation,
 * and the signatures the notice requires (单位主要领导, 派驻纪检组负责人) with the seal.
 */
import { CHINESE_SIZES, type Document, type TableRow } from '../../document/model.js';
import { cell, labelCell, orNone } from '../../document/build.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { applicationPhrase, cnDate, cnYearMonth, currentTitleName } from '../shared/facts.js';
import { bodyParagraphs, letterDocument, signatureBlock, unitSignOff, titleHeading } from '../shared/layout.js';

export const POLITICAL_APPRAISAL_ID = 'political-appraisal';

function particulars(dossier: Dossier): TableRow[] {
  const { applicant } = dossier;
  // Rows tall enough to read as a form grid, not as a line of text.
  return [
    {
      minHeight: 9,
      cells: [
        labelCell('姓名'),
        cell(applicant.name),
        labelCell('性别'),
        cell(applicant.gender),
        labelCell('民族'),
        cell(applicant.ethnicity),
      ],
    },
    {
      minHeight: 9,
      cells: [
        labelCell('出生年月'),
        cell(cnYearMonth(applicant.birthDate)),
        labelCell('政治面貌'),
        cell(applicant.politicalStatus),
        labelCell('现任职称'),
        cell(currentTitleName(applicant)),
      ],
    },
    {
      minHeight: 9,
      cells: [
        labelCell('工作单位'),
        cell(applicant.employer, { colSpan: 3 }),
        labelCell('行政职务'),
        cell(orNone(applicant.adminPost)),
      ],
    },
  ];
}

export function buildPoliticalAppraisal(dossier: Dossier, ctx: FormContext): Document {
  const { applicant, application, recommendingUnit } = dossier;
  const data = {
    name: applicant.name,
    appraisal: orNone(dossier.politicalAppraisal),
    application: applicationPhrase(application),
    unit: recommendingUnit.name,
  };
  const title = renderText(POLITICAL_APPRAISAL_ID, 'title', data).trim();
  return letterDocument(`${title}`, ctx.now, [
    titleHeading(title),
    {
      type: 'table',
      columns: [14, 22, 14, 16, 14, 20],
      rows: particulars(dossier),
      style: { font: 'song', size: CHINESE_SIZES.小四 },
    },
    { type: 'spacer', height: 6 },
    ...bodyParagraphs(renderText(POLITICAL_APPRAISAL_ID, 'body', data), {
      unbreakable: [applicant.name, applicant.idNumber],
    }),
    { type: 'spacer', height: 8 },
    signatureBlock([
      { text: '单位主要领导（签字）：', blank: 6 },
      { text: '派驻纪检组负责人（签字）：', blank: 6 },
    ]),
    unitSignOff(`${recommendingUnit.name}（盖章）`, cnDate(dossier.signedOn)),
  ]);
}
