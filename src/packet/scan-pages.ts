/**
 * Turns a checked upload into clean A4 pages, a PDF of our own making that the
 * packet assembly copies page for page, as it copies a rendered document.
 *
 * Every scan page, image or PDF, is placed once, here (`fit`): as large as it
 * can be inside a SCAN_MARGIN white border, centred, portrait or landscape as
 * it is shown. The border keeps ink out of a printer's unprintable band (5 mm)
 * and leaves the top strip to the label naming the catalogue item.
 *
 * - An image becomes one page: a JPEG embedded byte for byte (no
 *   recompression) with its EXIF orientation applied, a PNG as pdf-lib embeds it.
 * - A PDF page brings its appearance only: its content and resources, copied
 *   by CleanCopier into a Form XObject drawn on a new page (honouring its crop
 *   box and /Rotate). Nothing else of the upload (catalogue, actions,
 *   annotations, form fields, attachments, names, outlines) reaches the output.
 */
import exifr from 'exifr';
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { CleanCopier } from './clean-copy.js';
import type { GuardedPdf } from './pdf-guard.js';
import { A4, SCAN_MARGIN } from './scan-geometry.js';

/** One page for a JPEG or PNG. */
export async function imagePages(kind: 'jpeg' | 'png', bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib reads images through a DataView of the whole underlying buffer, ignoring
  // byteOffset, so a view into a larger buffer must be copied first.
  const own = new Uint8Array(bytes);
  const image = kind === 'jpeg' ? await pdf.embedJpg(own) : await pdf.embedPng(own);
  const orientation = kind === 'jpeg' ? await readOrientation(own) : 1;
  const turned = orientation >= 5; // 5–8 swap width and height
  const shownWidth = turned ? image.height : image.width;
  const shownHeight = turned ? image.width : image.height;
  const page = pdf.addPage(shownWidth > shownHeight ? [A4.height, A4.width] : [A4.width, A4.height]);
  const box = fit(shownWidth, shownHeight, page);
  const matrix = orientationMatrix(orientation, image.width, image.height, box);
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
  return pdf.save({ useObjectStreams: false });
}

/** The upload's pages as Form XObjects on fresh A4 pages. */
export async function pdfPages(source: GuardedPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const copier = new CleanCopier(source.doc.context, pdf.context);
  for (const sourcePage of source.doc.getPages()) {
    const node = sourcePage.node;
    const crop = visibleBox(node.CropBox() ?? node.MediaBox(), node.MediaBox());
    const rotation = (((node.Rotate()?.asNumber() ?? 0) % 360) + 360) % 360;
    const quarter = Math.round(rotation / 90) % 4;
    const width = crop.x1 - crop.x0;
    const height = crop.y1 - crop.y0;
    const [shownWidth, shownHeight] = quarter % 2 === 1 ? [height, width] : [width, height];
    const landscape = shownWidth > shownHeight;
    const page = pdf.addPage(landscape ? [A4.height, A4.width] : [A4.width, A4.height]);
    page.node.delete(PDFName.of('Annots'));
    const content = pageContent(node.Contents(), source);
    if (content.length === 0 || width <= 0 || height <= 0) continue; // a blank page stays blank
    const resources = node.Resources();
    const form = pdf.context.flateStream(content, {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [crop.x0, crop.y0, crop.x1, crop.y1],
      ...(resources === undefined ? {} : { Resources: copier.copy(resources) }),
    });
    const name = page.node.newXObject('Scan', pdf.context.register(form));
    const box = fit(shownWidth, shownHeight, page);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(...rotationMatrix(quarter, crop, box)),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return pdf.save({ useObjectStreams: false });
}

interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function rect(array: PDFArray | undefined): Rect | undefined {
  if (array === undefined || array.size() < 4) return undefined;
  const values = [0, 1, 2, 3].map((index) => {
    const value = array.lookup(index);
    return value instanceof PDFNumber ? value.asNumber() : Number.NaN;
  });
  if (values.some((value) => !Number.isFinite(value))) return undefined;
  const [a, b, c, d] = values as [number, number, number, number];
  return { x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) };
}

/** The crop box within the media box (what a viewer shows). */
function visibleBox(cropBox: PDFArray, mediaBox: PDFArray): Rect {
  const media = rect(mediaBox) ?? { x0: 0, y0: 0, x1: A4.width, y1: A4.height };
  const crop = rect(cropBox) ?? media;
  return {
    x0: Math.max(crop.x0, media.x0),
    y0: Math.max(crop.y0, media.y0),
    x1: Math.min(crop.x1, media.x1),
    y1: Math.min(crop.y1, media.y1),
  };
}

/** The page's content streams decoded and joined (checked against the caps when the file was loaded). */
function pageContent(contents: ReturnType<PDFPage['node']['Contents']>, source: GuardedPdf): Uint8Array {
  const streams = contents instanceof PDFArray ? contents.asArray().map((_, i) => contents.lookup(i)) : [contents];
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    parts.push(source.decode(stream), Uint8Array.of(0x0a));
  }
  return Buffer.concat(parts);
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

type Matrix = [number, number, number, number, number, number];

/** As large as fits inside the page's white border (SCAN_MARGIN), centred: the one placement of every scan page. */
function fit(width: number, height: number, page: PDFPage): Box {
  const { width: pageWidth, height: pageHeight } = page.getSize();
  const scale = Math.min((pageWidth - 2 * SCAN_MARGIN) / width, (pageHeight - 2 * SCAN_MARGIN) / height);
  return { scale, x: (pageWidth - width * scale) / 2, y: (pageHeight - height * scale) / 2 };
}

/**
 * Form space (the crop box) → page: the page's /Rotate (clockwise quarter
 * turns) applied, then scaled and placed in `box`.
 */
function rotationMatrix(quarter: number, crop: Rect, box: Box): Matrix {
  const s = box.scale;
  const width = crop.x1 - crop.x0;
  const height = crop.y1 - crop.y0;
  switch (quarter) {
    case 1:
      return [0, -s, s, 0, box.x - s * crop.y0, box.y + s * (width + crop.x0)];
    case 2:
      return [-s, 0, 0, -s, box.x + s * (width + crop.x0), box.y + s * (height + crop.y0)];
    case 3:
      return [0, s, -s, 0, box.x + s * (height + crop.y0), box.y - s * crop.x0];
    default:
      return [s, 0, 0, s, box.x - s * crop.x0, box.y - s * crop.y0];
  }
}

async function readOrientation(bytes: Uint8Array): Promise<number> {
  try {
    const value = await exifr.orientation(Buffer.from(bytes));
    return typeof value === 'number' && value >= 1 && value <= 8 ? value : 1;
  } catch {
    return 1;
  }
}

/**
 * The transformation from the image's unit square to the page that shows the
 * image the way EXIF orientation `o` says it should be seen, inside `box`.
 * Derived from where three corners of the stored image land when displayed.
 */
function orientationMatrix(o: number, width: number, height: number, box: Box): Matrix {
  const turned = o >= 5;
  const shownHeight = turned ? width : height;
  // Stored pixel (px, py), top-down, → displayed pixel (dx, dy), top-down.
  const display = (px: number, py: number): [number, number] => {
    switch (o) {
      case 2:
        return [width - px, py];
      case 3:
        return [width - px, height - py];
      case 4:
        return [px, height - py];
      case 5:
        return [py, px];
      case 6:
        return [height - py, px];
      case 7:
        return [height - py, width - px];
      case 8:
        return [py, width - px];
      default:
        return [px, py];
    }
  };
  // Unit square (u, v), v up, with the image's top row at v = 1 → page point.
  const toPage = (u: number, v: number): [number, number] => {
    const [dx, dy] = display(u * width, (1 - v) * height);
    return [box.x + dx * box.scale, box.y + (shownHeight - dy) * box.scale];
  };
  const [e, f] = toPage(0, 0);
  const [ux, uy] = toPage(1, 0);
  const [vx, vy] = toPage(0, 1);
  return [ux - e, uy - f, vx - e, vy - f, e, f];
}
