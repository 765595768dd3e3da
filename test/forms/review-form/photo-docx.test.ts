/**
 * The applicant's photo reaches the DOCX too: an inline picture in the 基本情况
 * grid whose bytes are the photo's.
 */
import { describe, expect, it } from 'vitest';
import { reviewForm } from '../../../src/forms/review-form/index.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { unzipParts, zipPart } from '../../helpers/office-tools.js';
import { context, fixture, pngBase64 } from './fixtures.js';

describe('review-form DOCX photo', () => {
  it('places the photo as a picture inside a table cell', async () => {
    const dossier = fixture('ayguli-junior');
    const photo = await pngBase64();
    const docx = await renderDocx(
      reviewForm.build({ ...dossier, applicant: { ...dossier.applicant, photo } }, context({ copies: 1 })),
    );
    const media = [...unzipParts(docx)].filter(([name]) => name.startsWith('word/media/'));
    const photoBytes = Buffer.from(photo.replace(/^data:[^,]*,/, ''), 'base64');
    expect(media.some(([, bytes]) => Buffer.from(bytes).equals(photoBytes))).toBe(true);
    const xml = zipPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>).)*<w:drawing>(?:(?!<\/w:tc>).)*docPr[^>]*name="photo/s);
  });
});
