/**
 * 附件3 个人承诺书: the notice's pledge, the applicant's printed name, room to
 * sign and to press a thumbprint, and the date.
 */
import { CHINESE_SIZES, type Document } from '../../document/model.js';
import { paragraphBlock, run } from '../../document/build.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { cnDate } from '../shared/facts.js';
import { attachmentLabel, bodyParagraphs, letterDocument, signatureBlock, titleHeading } from '../shared/layout.js';
import { splitParagraphs } from '../../text/index.js';

export const PLEDGE_ID = 'pledge';

export function buildPledge(dossier: Dossier, ctx: FormContext): Document {
  const data = { name: dossier.applicant.name, year: dossier.application.year };
  const title = renderText(PLEDGE_ID, 'title', data).trim();
  return letterDocument(`${title}-${dossier.applicant.name}`, ctx.now, [
    attachmentLabel('附件3'),
    titleHeading(title),
    ...bodyParagraphs(renderText(PLEDGE_ID, 'body', data), {
      unbreakable: [dossier.applicant.name, dossier.applicant.idNumber],
    }),
    { type: 'spacer', height: 10 },
    signatureBlock([
      { text: `承诺人：${dossier.applicant.name}` },
      { text: '签字：', blank: 6 },
      { text: '按手印：', blank: 6 },
      { text: cnDate(dossier.signedOn) },
    ]),
    { type: 'spacer', height: 10 },
    ...splitParagraphs(renderText(PLEDGE_ID, 'note', data)).map((text) =>
      paragraphBlock([run(text, { size: CHINESE_SIZES.四号 })], { align: 'left' }),
    ),
  ]);
}
