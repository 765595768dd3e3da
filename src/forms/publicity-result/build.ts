/**
 * 附件2 推荐单位公示结果: the notice's wording; how long the publicity ran
 * (calendar days and working days) is computed from its dates.
 */
import type { Document } from '../../document/model.js';
import { getWorkCalendar } from '../../domain/calendar.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { applicationPhrase, calendarDaysInclusive, cnDate } from '../shared/facts.js';
import { attachmentLabel, bodyParagraphs, letterDocument, unitSignOff, titleHeading } from '../shared/layout.js';

export const PUBLICITY_RESULT_ID = 'publicity-result';

export function buildPublicityResult(dossier: Dossier, ctx: FormContext): Document {
  const { applicant, application, publicity, recommendingUnit } = dossier;
  const data = {
    name: applicant.name,
    application: applicationPhrase(application),
    startDate: cnDate(publicity.startDate),
    endDate: cnDate(publicity.endDate),
    days: calendarDaysInclusive(publicity.startDate, publicity.endDate),
    workdays: getWorkCalendar().countWorkdays(publicity.startDate, publicity.endDate),
    unit: recommendingUnit.name,
  };
  const title = renderText(PUBLICITY_RESULT_ID, 'title', data).trim();
  return letterDocument(`${title}-${applicant.name}`, ctx.now, [
    attachmentLabel('附件2'),
    titleHeading(title),
    ...bodyParagraphs(renderText(PUBLICITY_RESULT_ID, 'body', data), {
      unbreakable: [applicant.name, applicant.idNumber],
    }),
    { type: 'spacer', height: 8 },
    unitSignOff(`${recommendingUnit.name}（公章）`, cnDate(dossier.signedOn)),
  ]);
}
