/**
 * 附件1 推荐单位公示: the notice's template filled from the dossier. The number
 * of working days is computed from the calendar, never typed.
 */
import type { Document } from '../../document/model.js';
import { asSentence } from '../../document/build.js';
import { getWorkCalendar } from '../../domain/calendar.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { applicationPhrase, cnDate, currentTitlePhrase } from '../shared/facts.js';
import {
  attachmentLabel,
  bodyParagraphs,
  letterDocument,
  signatureBlock,
  unitSignOff,
  titleHeading,
} from '../shared/layout.js';

export const PUBLICITY_NOTICE_ID = 'publicity-notice';

export function buildPublicityNotice(dossier: Dossier, ctx: FormContext): Document {
  const { applicant, application, publicity, recommendingUnit } = dossier;
  const data = {
    name: applicant.name,
    application: applicationPhrase(application),
    gender: applicant.gender,
    ethnicity: applicant.ethnicity,
    politicalStatus: applicant.politicalStatus,
    idNumber: applicant.idNumber,
    currentTitle: currentTitlePhrase(applicant),
    politicalSummary: asSentence(publicity.politicalSummary),
    achievementSummary: asSentence(publicity.achievementSummary),
    startDate: cnDate(publicity.startDate),
    endDate: cnDate(publicity.endDate),
    workdays: getWorkCalendar().countWorkdays(publicity.startDate, publicity.endDate),
    office: recommendingUnit.office,
    phone: recommendingUnit.phone,
    unit: recommendingUnit.name,
  };
  const title = renderText(PUBLICITY_NOTICE_ID, 'title', data).trim();
  return letterDocument(`${title}-${applicant.name}`, ctx.now, [
    attachmentLabel('附件1'),
    titleHeading(title),
    ...bodyParagraphs(renderText(PUBLICITY_NOTICE_ID, 'body', data), {
      unbreakable: [applicant.name, applicant.idNumber],
    }),
    { type: 'spacer', height: 8 },
    signatureBlock([{ text: '单位负责人签字：', blank: 6 }]),
    unitSignOff(`${recommendingUnit.name}（公章）`, cnDate(publicity.startDate)),
  ]);
}
