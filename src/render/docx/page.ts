/**
 * Page setup, headers and footers: A4 in either orientation, margins from mm
 * (inner = left; Word mirrors them on even pages when settings say so), page
 * numbers as fields ("— PAGE —" on the outer side, or "第 PAGE 页 共 NUMPAGES 页"
 * centred), the watermark in the header and the page mark (QR + code) in the
 * footer on the inner side.
 */
import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Document } from '../../document/model.js';
import { CHINESE_SIZES } from '../../document/model.js';
import { imageRun, type DrawingIds } from './images.js';
import { runProps, styleOfRole } from './runs.js';
import { A4_TWIPS, charsToTwips, mmToTwips } from './units.js';
import { WatermarkRun, watermarkXml } from './watermark.js';

export interface PageGeometry {
  readonly widthTwips: number;
  readonly heightTwips: number;
  readonly textWidthTwips: number;
  /** Different odd/even headers and footers (dash page numbers, duplex, mirrored margins). */
  readonly evenAndOdd: boolean;
  readonly mirrored: boolean;
}

export function pageGeometry(doc: Document): PageGeometry {
  const landscape = doc.page.orientation === 'landscape';
  const widthTwips = landscape ? A4_TWIPS.height : A4_TWIPS.width;
  const heightTwips = landscape ? A4_TWIPS.width : A4_TWIPS.height;
  const { inner, outer } = doc.page.margins;
  const mirrored = Boolean(doc.page.mirrored || doc.duplex);
  return {
    widthTwips,
    heightTwips,
    textWidthTwips: widthTwips - mmToTwips(inner) - mmToTwips(outer),
    evenAndOdd: doc.pageNumbers === 'dash' || mirrored,
    mirrored,
  };
}

/** Side of the page-mark QR code in the footer, mm. */
const PAGE_MARK_QR_MM = 12;

export function sectionPage(doc: Document) {
  const m = doc.page.margins;
  const footerRoom = doc.pageMark ? PAGE_MARK_QR_MM : 5;
  return {
    size: {
      width: A4_TWIPS.width,
      height: A4_TWIPS.height,
      orientation: doc.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: {
      top: mmToTwips(m.top),
      bottom: mmToTwips(m.bottom),
      left: mmToTwips(m.inner),
      right: mmToTwips(m.outer),
      header: mmToTwips(Math.min(15, m.top / 2)),
      // GB/T 9704: the page number sits 7 mm below the type area.
      footer: mmToTwips(Math.max(5, m.bottom - 7 - footerRoom)),
      gutter: 0,
    },
  };
}

type Parity = 'odd' | 'even';

export function headers(doc: Document, geo: PageGeometry): { default?: Header; even?: Header; first?: Header } {
  const wm = doc.watermark;
  if (!wm) return {};
  const wPt = geo.widthTwips / 20;
  const hPt = geo.heightTwips / 20;
  const make = (seq: number) =>
    new Header({ children: [new Paragraph({ children: [new WatermarkRun(watermarkXml(wm, wPt, hPt, seq))] })] });
  // A cover page has its own (first-page) header and footer: the watermark stays, the page number goes.
  const first = doc.coverPage ? { first: make(3) } : {};
  return geo.evenAndOdd ? { default: make(1), even: make(2), ...first } : { default: make(1), ...first };
}

export function footers(
  doc: Document,
  geo: PageGeometry,
  pageMarkPng: Uint8Array | undefined,
  ids: DrawingIds,
): { default?: Footer; even?: Footer; first?: Footer } {
  if (doc.pageNumbers === 'none' && !doc.pageMark) return {};
  const make = (parity: Parity, numbered = true) =>
    new Footer({
      children: [footerParagraph(numbered ? doc : { ...doc, pageNumbers: 'none' }, geo, parity, pageMarkPng, ids)],
    });
  const first = doc.coverPage ? { first: make('odd', false) } : {};
  return geo.evenAndOdd ? { default: make('odd'), even: make('even'), ...first } : { default: make('odd'), ...first };
}

function pageNumberRuns(doc: Document): TextRun[] {
  if (doc.pageNumbers === 'dash') {
    // 四号 半角宋体 Arabic numerals between em dashes.
    const props = runProps(styleOfRole('song', CHINESE_SIZES.四号));
    return [new TextRun({ ...props, children: ['— ', PageNumber.CURRENT, ' —'] })];
  }
  if (doc.pageNumbers === 'of-total') {
    const props = runProps(styleOfRole('song', CHINESE_SIZES.五号));
    return [new TextRun({ ...props, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })];
  }
  return [];
}

function footerParagraph(
  doc: Document,
  geo: PageGeometry,
  parity: Parity,
  pageMarkPng: Uint8Array | undefined,
  ids: DrawingIds,
): Paragraph {
  const numbers = pageNumberRuns(doc);
  const dashSize = CHINESE_SIZES.四号;
  if (!doc.pageMark || !pageMarkPng) {
    if (doc.pageNumbers === 'of-total') return new Paragraph({ alignment: AlignmentType.CENTER, children: numbers });
    // "— 1 —" on the outer side, one character in from the margin.
    return parity === 'odd'
      ? new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { right: charsToTwips(1, dashSize) },
          children: numbers,
        })
      : new Paragraph({
          alignment: AlignmentType.LEFT,
          indent: { left: charsToTwips(1, dashSize) },
          children: numbers,
        });
  }
  // With a page mark: one line, mark on the inner side, numbers centred or on the outer side, by tab stops.
  const caption = new TextRun({
    ...runProps(styleOfRole('song', CHINESE_SIZES.六号)),
    text: ` ${doc.pageMark.caption}`,
  });
  const mark = [imageRun(ids, pageMarkPng, 'png', PAGE_MARK_QR_MM, PAGE_MARK_QR_MM, 'QR'), caption];
  const tab = () => new TextRun({ children: [new Tab()] });
  const slots: { left: unknown[]; center: unknown[]; right: unknown[] } = { left: [], center: [], right: [] };
  const innerSide = parity === 'odd' || !geo.evenAndOdd ? 'left' : 'right';
  slots[innerSide].push(...mark);
  if (doc.pageNumbers === 'of-total') slots.center.push(...numbers);
  else if (doc.pageNumbers === 'dash') slots[innerSide === 'left' ? 'right' : 'left'].push(...numbers);
  return new Paragraph({
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(geo.textWidthTwips / 2) },
      { type: TabStopType.RIGHT, position: geo.textWidthTwips },
    ],
    children: [...slots.left, tab(), ...slots.center, tab(), ...slots.right] as TextRun[],
  });
}
