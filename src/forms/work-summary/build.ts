/**
 * 任现职以来个人业务技术总结 (catalogue item 7): the applicant's own summary of
 * the work since the current title (通知五（一）11: 工作态度、业务能力、工作业绩、
 * 学术水平), set as a GB/T 9704 document with room to sign and the date.
 *
 * Blind review (通知五（一）14): the summary must not show the applicant's name
 * or unit. The page therefore prints neither: its header gives the title facts
 * the reviewers need (现职称, 任现职时间, 拟评审职称, 从事专业), the name is
 * signed by hand on the paper copy, and the document's metadata carries no name.
 * Whether the applicant's own text names them is a rule check
 * (BLIND_REVIEW_NAME, BLIND_REVIEW_EMPLOYER), not something the form rewrites.
 */
import { paragraphBlock, run } from '../../document/build.js';
import { CHINESE_SIZES, type Block, type Document } from '../../document/model.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText, splitParagraphs } from '../../text/index.js';
import { cnDate, cnYearMonth, currentTitleName } from '../shared/facts.js';
import { bodyParagraphs, letterDocument, signatureBlock, titleHeading } from '../shared/layout.js';
import type { FormContext } from '../types.js';

export const WORK_SUMMARY_ID = 'work-summary';

/** Height of the box left for a summary written by hand when the dossier holds none, mm. */
const HANDWRITING_HEIGHT = 105;

export function buildWorkSummary(dossier: Dossier, ctx: FormContext): Document {
  const { applicant, application } = dossier;
  const title = renderText(WORK_SUMMARY_ID, 'title', {}).trim();
  const appointed = applicant.currentTitle?.appointedOn;
  const facts = renderText(WORK_SUMMARY_ID, 'facts', {
    currentTitle: currentTitleName(applicant),
    appointedOn: appointed ? `${cnYearMonth(appointed)}起` : '无',
    targetTitle: application.targetTitle,
    specialty: applicant.specialty,
  });
  const summary = dossier.workSummary.trim();
  const document = letterDocument(title, ctx.now, [
    titleHeading(title),
    ...splitParagraphs(facts).map((text) =>
      paragraphBlock([run(text, { font: 'kai' })], { align: 'center', keepWithNext: true }),
    ),
    { type: 'spacer', height: 6 },
    // Each line the applicant typed is a paragraph of its own, indented two characters.
    ...(summary === '' ? handwritingSpace() : bodyParagraphs(summary.split(/\n+/).join('\n\n'))),
    { type: 'spacer', height: 10 },
    // Signed by hand: the printed page carries no name (blind review).
    signatureBlock([{ text: '本人签字：', blank: 6 }, { text: cnDate(dossier.signedOn) }]),
  ]);
  return { ...document, pageNumbers: 'dash' };
}

/** A box to write the summary in, marked as a handwriting space. */
function handwritingSpace(): Block[] {
  const hint = renderText(WORK_SUMMARY_ID, 'handwriting', {}).trim();
  return [
    paragraphBlock([run(hint, { size: CHINESE_SIZES.四号 })], { align: 'left', keepWithNext: true }),
    {
      type: 'table',
      columns: [1],
      rows: [{ minHeight: HANDWRITING_HEIGHT, cells: [{ paragraphs: [], space: 'handwriting' }] }],
    },
  ];
}
