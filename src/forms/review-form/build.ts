/**
 * 专业技术职务任职资格评审表: the dossier → the document model. A4 portrait,
 * double-sided with mirrored margins, two copies, the deployment's watermark
 * with the form's serial, and a verification QR + code on every page.
 */
import { CHINESE_SIZES, type Block, type Document, type PageMark, type Watermark } from '../../document/model.js';
import type { Dossier } from '../../domain/dossier.js';
import { validationError } from '../../errors.js';
import { applicationPhrase } from '../shared/facts.js';
import type { FormContext } from '../types.js';
import { contentDigest } from '../../verify/digest.js';
import { shortCode } from '../../verify/code.js';
import { ReviewFormOptions } from './options.js';
import { decodePhoto, type DecodedPhoto } from './photo.js';
import {
  FORM_ID,
  achievementBlocks,
  assessmentBlocks,
  authorityBlocks,
  awardBlocks,
  basicInfoBlocks,
  committeeBlocks,
  continuingEducationBlocks,
  coverBlocks,
  historyBlocks,
  hrBlocks,
  instructionBlocks,
  paperBlocks,
  patentBlocks,
  pledgeBlocks,
  recommendationBlocks,
  summaryBlocks,
} from './sections.js';

export const REVIEW_FORM_ID = FORM_ID;
export const REVIEW_FORM_TITLE = '专业技术职务任职资格评审表';
/** The deployment's watermark when settings name none. */
const DEFAULT_WATERMARK_TEXT = '档案系列职称评审专用';

/** Forms leave room at the foot of each page for the page number and the verification QR. */
const PAGE = {
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 25, bottom: 32, inner: 28, outer: 20 },
  mirrored: true,
} as const;

interface Verification {
  readonly serial: string;
  readonly code: string;
}

/** Signs the form when the service has a signer; null otherwise (no QR, no serial). */
function verificationFor(dossier: Dossier, ctx: FormContext): Verification | null {
  if (!ctx.signer) return null;
  return ctx.signer.sign({
    form: FORM_ID,
    name: dossier.applicant.name,
    idNumber: dossier.applicant.idNumber,
    contentDigest: contentDigest(dossier),
    issuedAt: ctx.now,
  });
}

/** The photo, decoded; a 422 at /applicant/photo when it is not a real JPEG/PNG. */
function photoOf(dossier: Dossier): DecodedPhoto | null {
  const raw = dossier.applicant.photo;
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const result = decodePhoto(raw);
  if (!result.ok) throw validationError([result.problem]);
  return result.photo;
}

export function buildReviewForm(dossier: Dossier, ctx: FormContext): Document {
  const { copies } = ReviewFormOptions.parse(ctx.options ?? {});
  const verification = verificationFor(dossier, ctx);
  const photo = photoOf(dossier);

  const watermark: Watermark = {
    text: ctx.settings.watermarkText.trim() || DEFAULT_WATERMARK_TEXT,
    ...(verification ? { subtext: verification.serial } : {}),
  };
  const pageMark: PageMark | undefined = verification
    ? {
        // An absolute link when the deployment says where it is served, so a phone can open it.
        qrText: `${(ctx.settings.publicBaseUrl ?? '').replace(/\/+$/, '')}/v1/verify/${verification.code}`,
        caption: `验证码 ${shortCode(verification.code)} 流水号 ${verification.serial}`,
      }
    : undefined;

  const blocks: Block[] = [
    ...coverBlocks(dossier, verification?.serial ?? null),
    ...instructionBlocks(verification !== null),
    ...basicInfoBlocks(dossier, photo),
    ...historyBlocks(dossier),
    ...assessmentBlocks(dossier),
    ...continuingEducationBlocks(dossier),
    ...achievementBlocks(dossier),
    ...paperBlocks(dossier),
    ...awardBlocks(dossier),
    ...patentBlocks(dossier),
    ...summaryBlocks(dossier),
    ...pledgeBlocks(),
    ...recommendationBlocks(dossier),
    ...authorityBlocks(),
    ...committeeBlocks(),
    ...hrBlocks(),
  ];

  return {
    meta: {
      title: `${REVIEW_FORM_TITLE}-${dossier.applicant.name}`,
      author: dossier.applicant.name,
      subject: `${applicationPhrase(dossier.application)}专业技术职务任职资格评审`,
      keywords: [REVIEW_FORM_TITLE, ...(verification ? [verification.serial] : [])],
      createdAt: ctx.now,
    },
    page: PAGE,
    base: { font: 'song', size: CHINESE_SIZES.小四, lineHeight: 20 },
    pageNumbers: 'dash',
    coverPage: true,
    watermark,
    ...(pageMark ? { pageMark } : {}),
    duplex: true,
    copies,
    blocks,
  };
}
