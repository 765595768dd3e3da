/**
 * 从事档案专业技术工作经历证明: the span and the total years and months are
 * added up from workHistory, then each period is listed.
 */
import { CHINESE_SIZES, type Document, type TableRow } from '../../document/model.js';
import { cell, labelCell } from '../../document/build.js';
import { monthIndex } from '../../domain/dates.js';
import { archivesExperience, formatExperience } from '../../domain/derived.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { cnDate, cnYearMonth } from '../shared/facts.js';
import { bodyParagraphs, letterDocument, unitSignOff, titleHeading } from '../shared/layout.js';

export const WORK_EXPERIENCE_ID = 'work-experience-certificate';

export function buildWorkExperienceCertificate(dossier: Dossier, ctx: FormContext): Document {
  const { applicant, recommendingUnit } = dossier;
  const periods = [...dossier.workHistory].sort((a, b) => monthIndex(a.from) - monthIndex(b.from));
  const first = periods[0];
  const last = periods.reduce<(typeof periods)[number] | undefined>(
    (latest, period) => (!latest || monthIndex(period.to) > monthIndex(latest.to) ? period : latest),
    undefined,
  );
  const experience = archivesExperience(dossier.workHistory);
  const data = {
    name: applicant.name,
    idNumber: applicant.idNumber,
    from: first ? cnYearMonth(first.from) : cnYearMonth(applicant.workStartedOn),
    to: last ? cnYearMonth(last.to) : cnYearMonth(dossier.signedOn),
    years: experience.years,
    months: experience.months,
    /** "16年7个月", "5年", "11个月". */
    experience: formatExperience(experience),
    unit: recommendingUnit.name,
    /** "在我单位" only when every period was at the certifying unit; the table names the others. */
    atOurUnit: periods.length > 0 && periods.every((period) => period.employer.trim() === recommendingUnit.name.trim()),
  };
  const title = renderText(WORK_EXPERIENCE_ID, 'title', data).trim();
  const rows: TableRow[] = [
    { cells: [labelCell('起止年月'), labelCell('工作单位'), labelCell('岗位')] },
    ...periods.map((period) => ({
      cells: [
        cell(`${cnYearMonth(period.from)}—${cnYearMonth(period.to)}`, { align: 'center' }),
        cell(period.employer),
        cell(period.post),
      ],
    })),
  ];
  return letterDocument(`${title}-${applicant.name}`, ctx.now, [
    titleHeading(title),
    ...bodyParagraphs(renderText(WORK_EXPERIENCE_ID, 'body', data), {
      unbreakable: [applicant.name, applicant.idNumber],
    }),
    {
      type: 'table',
      // The period column holds "2019年12月—2021年12月" on one line, also where Word or LibreOffice add CJK–digit spacing.
      columns: [38, 36, 26],
      rows,
      headerRows: 1,
      style: { font: 'song', size: CHINESE_SIZES.小四 },
    },
    { type: 'spacer', height: 4 },
    ...bodyParagraphs(renderText(WORK_EXPERIENCE_ID, 'closing', data), {
      unbreakable: [applicant.name, applicant.idNumber],
    }),
    { type: 'spacer', height: 8 },
    unitSignOff(`${recommendingUnit.name}（公章）`, cnDate(dossier.signedOn)),
  ]);
}
