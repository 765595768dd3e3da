/** Images and QR codes (PNG from qr-png.ts) as inline pictures. */
import { ImageRun, Paragraph } from 'docx';
import type { ImageBlock } from '../../document/model.js';
import { ALIGNMENT } from './paragraphs.js';
import { mmToPx } from './units.js';

/**
 * Drawing ids (wp:docPr) must be unique in a document; the docx package counts
 * them process-wide, so each render numbers its own to give the same bytes.
 */
export type DrawingIds = () => number;

export function drawingIds(): DrawingIds {
  let next = 0;
  return () => ++next;
}

export function imageRun(
  ids: DrawingIds,
  data: Uint8Array,
  format: 'png' | 'jpeg',
  widthMm: number,
  heightMm: number,
  name = 'image',
): ImageRun {
  const id = ids();
  return new ImageRun({
    type: format === 'jpeg' ? 'jpg' : 'png',
    data,
    transformation: { width: mmToPx(widthMm), height: mmToPx(heightMm) },
    altText: { id: String(id), name: `${name} ${id}` },
  });
}

/** An image paragraph; single line spacing, since an exact pitch would crop the picture. */
export function imageParagraph(ids: DrawingIds, img: ImageBlock, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENT[img.align ?? 'center'],
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [imageRun(ids, img.data, img.format, img.width, img.height)],
  });
}
