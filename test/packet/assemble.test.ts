import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assemblePacket } from '../../src/packet/assemble.js';
import { testConfig } from '../../src/config.js';
import { uploadLimits } from '../../src/packet/limits.js';
import { SCAN_MARGIN } from '../../src/packet/scan-geometry.js';
import { inspectScan, type Scan } from '../../src/packet/scans.js';
import { inkBounds, rasterise } from '../helpers/pdf-tools.js';
import { makeFilledImage, makeFilledPdf, makeImage, makePdf, withExifOrientation } from './scan-fixtures.js';

const createdAt = new Date('2024-09-20T00:00:00Z');

/** A scan as the upload workers hand it over: checked, disarmed, on A4 pages (made here in-process). */
function scan(kind: Scan['kind'], bytes: Uint8Array): Promise<Scan> {
  const fileName = `x.${kind}`;
  return inspectScan({ item: 13, fileName, bytes, path: `/files/item13/${fileName}` }, uploadLimits(testConfig()));
}

function outlineTitles(pdf: PDFDocument): string[] {
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    titles.push(item.lookup(PDFName.of('Title'), PDFHexString).decodeText());
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}

/** Mean darkness (0–255) of the halves of a rasterised page. */
function inkHalves(pdf: Uint8Array, page: number): { left: number; right: number; top: number; bottom: number } {
  const dir = mkdtempSync(join(tmpdir(), 'zd-asm-'));
  writeFileSync(join(dir, 'p.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '20',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    join(dir, 'p.pdf'),
    join(dir, 'p'),
  ]);
  const pgm = readFileSync(join(dir, 'p.pgm'));
  const header = pgm.toString('latin1', 0, 64).split(/\s+/);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(pgm.length - width * height);
  let left = 0;
  let right = 0;
  let top = 0;
  let bottom = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = 255 - pixels[y * width + x]!;
      if (x < width / 2) left += ink;
      else right += ink;
      if (y < height / 2) top += ink;
      else bottom += ink;
    }
  }
  const half = (width * height) / 2;
  return { left: left / half, right: right / half, top: top / half, bottom: bottom / half };
}

describe('assemblePacket', () => {
  it('starts every part on an odd page, pads to even, and bookmarks each part', async () => {
    const jpeg = withExifOrientation(await makeImage('jpeg'), 1);
    const result = await assemblePacket(
      [
        { title: '现实表现鉴定', pdf: await makePdf(3) },
        { title: '个人承诺书', pdf: await makePdf(1) },
        { title: '身份证', scan: await scan('jpeg', jpeg) },
        { title: '学历证书', scan: await scan('png', await makeImage('png')) },
        { title: '考核表', scan: await scan('pdf', await makePdf(2, [612, 792])) },
      ],
      { title: '申报材料', createdAt },
    );
    expect(result.starts.map((s) => s.page)).toEqual([1, 5, 7, 9, 11]);
    expect(result.pageCount).toBe(12);
    const pdf = await PDFDocument.load(result.bytes);
    expect(pdf.getPageCount()).toBe(12);
    expect(outlineTitles(pdf)).toEqual(['现实表现鉴定', '个人承诺书', '身份证', '学历证书', '考核表']);
    // A letter-size scan is fitted onto A4.
    const { width, height } = pdf.getPage(10).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('turns a JPEG the way its EXIF orientation says', async () => {
    // The image is wide with a dark bar along its top edge. Orientation 6 means
    // "rotate 90° clockwise to view": it shows tall, with the bar on the right.
    const jpeg = withExifOrientation(await makeImage('jpeg', [400, 200]), 6);
    const result = await assemblePacket([{ title: 'scan', scan: await scan('jpeg', jpeg) }], { title: 't', createdAt });
    const pdf = await PDFDocument.load(result.bytes);
    const { width, height } = pdf.getPage(0).getSize();
    expect(height).toBeGreaterThan(width);
    const ink = inkHalves(result.bytes, 1);
    expect(ink.right).toBeGreaterThan(ink.left * 3);
  });

  it.each([
    [8, 'left'],
    [3, 'bottom'],
    [1, 'top'],
  ] as const)('shows the top edge of a JPEG with orientation %i on the %s', async (orientation, side) => {
    const jpeg = withExifOrientation(await makeImage('jpeg', [400, 200]), orientation);
    const result = await assemblePacket([{ title: 'scan', scan: await scan('jpeg', jpeg) }], { title: 't', createdAt });
    const ink = inkHalves(result.bytes, 1);
    const opposite = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' } as const;
    expect(ink[side]).toBeGreaterThan(ink[opposite[side]] * 3);
  });

  it('embeds a JPEG as it is, without recompressing it', async () => {
    const jpeg = await makeImage('jpeg');
    const result = await assemblePacket([{ title: 'scan', scan: await scan('jpeg', jpeg) }], { title: 't', createdAt });
    expect(Buffer.from(result.bytes).includes(Buffer.from(jpeg))).toBe(true);
  });

  describe('places each scan once, as large as the page allows inside one white border', () => {
    const MM = 72 / 25.4;
    // Two pixels at 100 dpi: the rasteriser's rounding at each edge.
    const TOLERANCE = 1.5;
    it.each([
      // Exactly the shape of an A4 page less the border: it reaches the border on all four sides.
      [
        'a PNG shaped like the printable area',
        async () => scan('png', await makeFilledImage('png', [380, 554])),
        'both',
      ],
      ['a wide JPEG (landscape page)', async () => scan('jpeg', await makeFilledImage('jpeg', [800, 200])), 'width'],
      ['an A4 PDF page', async () => scan('pdf', await makeFilledPdf([595.28, 841.89])), 'width'],
      ['a letter-size PDF page', async () => scan('pdf', await makeFilledPdf([612, 792])), 'width'],
      ['a tall narrow PDF page', async () => scan('pdf', await makeFilledPdf([200, 800])), 'height'],
    ] as const)('%s', async (_, make, reaches) => {
      const result = await assemblePacket([{ title: 'scan', scan: await make() }], { title: 't', createdAt });
      const [page] = await rasterise(result.bytes, { first: 1, last: 1 });
      const box = inkBounds(page!);
      expect(box).toBeDefined();
      const pageWidth = (page!.width * 72) / page!.dpi;
      const pageHeight = (page!.height * 72) / page!.dpi;
      const left = box!.x;
      const right = pageWidth - box!.x - box!.width;
      const bottom = box!.y;
      const top = pageHeight - box!.y - box!.height;
      // Never inside the border (10 mm, twice the printer's 5 mm band), centred.
      for (const side of [left, right, top, bottom]) expect(side).toBeGreaterThan(SCAN_MARGIN - TOLERANCE);
      expect(Math.abs(left - right)).toBeLessThan(TOLERANCE);
      expect(Math.abs(top - bottom)).toBeLessThan(TOLERANCE);
      // As large as fits: it touches the border on the side that limits it.
      if (reaches !== 'height') {
        expect(left).toBeCloseTo(SCAN_MARGIN, 0);
        expect(box!.width).toBeGreaterThan(pageWidth - 2 * SCAN_MARGIN - TOLERANCE);
      }
      if (reaches !== 'width') {
        expect(top).toBeCloseTo(SCAN_MARGIN, 0);
        expect(box!.height).toBeGreaterThan(pageHeight - 2 * SCAN_MARGIN - TOLERANCE);
      }
      expect(SCAN_MARGIN).toBeCloseTo(10 * MM, 6);
    });
  });
});
