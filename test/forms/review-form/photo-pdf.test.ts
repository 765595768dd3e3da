/**
 * The applicant's photo is printed inside the 基本情况 grid: the photo column
 * (outer side of page 3) carries far more ink with a photo than without.
 */
import { describe, expect, it } from 'vitest';
import { reviewForm } from '../../../src/forms/review-form/index.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { inkInBox, rasterise } from '../../helpers/pdf-tools.js';
import { context, fixture, pngBase64 } from './fixtures.js';

const MM = 72 / 25.4;

describe('review-form PDF photo', () => {
  it('draws the photo in the grid', async () => {
    const dossier = fixture('ayguli-junior');
    const withPhoto = { ...dossier, applicant: { ...dossier.applicant, photo: await pngBase64() } };
    const [plain] = await rasterise(await renderPdf(reviewForm.build(dossier, context({ copies: 1 }))), {
      dpi: 72,
      first: 3,
      last: 3,
    });
    const [photo] = await rasterise(await renderPdf(reviewForm.build(withPhoto, context({ copies: 1 }))), {
      dpi: 72,
      first: 3,
      last: 3,
    });
    // Page 3 is odd: binding (inner) margin on the left, so the photo column ends 20 mm from the right edge.
    const box = { x: (210 - 20 - 28) * MM, y: (297 - 25 - 70) * MM, width: 28 * MM, height: 70 * MM };
    const added = inkInBox(photo!, box) - inkInBox(plain!, box);
    // The QR-code test image is about half dark over a ≥ 20 × 20 mm square.
    expect(added).toBeGreaterThan(20 * MM * 20 * MM * 0.25);
  }, 60_000);
});
