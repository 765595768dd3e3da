/**
 * The PDF renderer end to end, checked with poppler and qpdf: every placed
 * glyph has ink under an empty fontconfig (a broken subset prints blank while
 * its text still extracts), all text extracts, fonts are embedded subsets,
 * pages are A4, output is deterministic.
 */
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Document, FontRole } from '../../../src/document/model.js';
import { FONT_ROLES, loadFontChains, type ResolvedFace } from '../../../src/fonts/config.js';
import { FontLibrary } from '../../../src/fonts/library.js';
import { renderPdf, renderPdfWithLayout, type PlacedGlyph } from '../../../src/render/pdf/index.js';
import {
  compact,
  inkInBox,
  pdfFonts,
  pdfInfo,
  pdfText,
  qpdfCheck,
  rasterise,
  type GrayPage,
} from '../../helpers/pdf-tools.js';
import { NOTICE_BODY, noticeDocument } from './sample-docs.js';

/** Glyphs whose em box has no dark pixel (a blank glyph is a broken font). */
function blankGlyphs(pages: readonly GrayPage[], glyphs: readonly PlacedGlyph[]): PlacedGlyph[] {
  return glyphs.filter((g) => !/\s/.test(g.char) && inkInBox(pages[g.page]!, g) === 0);
}

describe('renderPdf: a one-page notice', () => {
  it('prints every glyph with ink, extracts all text, embeds subset fonts, is A4 and valid', async () => {
    const { bytes, glyphs } = await renderPdfWithLayout(noticeDocument());
    const pages = await rasterise(bytes, { dpi: 100 });
    expect(pages).toHaveLength(1);
    expect(glyphs.length).toBeGreaterThan(300);
    expect(blankGlyphs(pages, glyphs)).toEqual([]);

    const text = compact(await pdfText(bytes));
    for (const p of NOTICE_BODY) expect(text).toContain(compact(p));
    expect(text).toContain('关于档案系列职称申报人员的公示');
    expect(text).toContain('—1—');

    const info = await pdfInfo(bytes);
    expect(info.pages).toBe(1);
    expect(info.width).toBeCloseTo(595.28, 1);
    expect(info.height).toBeCloseTo(841.89, 1);
    expect(info.fields.Title).toBe('公示');
    expect(info.fields.Producer).toBe('zhicheng-docs');
    expect(info.fields.Creator).toBe('zhicheng-docs');

    const fonts = await pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.embedded).toBe(true);
      expect(f.subset).toBe(true);
      expect(f.unicode).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
      expect(f.type).toBe('CID TrueType');
    }
    expect((await qpdfCheck(bytes)).ok).toBe(true);
  }, 30_000);

  it('gives identical bytes for the same input', async () => {
    const a = await renderPdf(noticeDocument());
    const b = await renderPdf(noticeDocument());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderPdf(noticeDocument({ meta: { title: '公示', createdAt: new Date('2024-09-05T08:00:00Z') } }));
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('gives the same bytes wherever the fonts are installed (subset tags follow the font, not its path)', async () => {
    const installed = (): FontLibrary => {
      const dir = mkdtempSync(join(tmpdir(), 'fonts-elsewhere-'));
      const moved = (file: string): string => {
        const link = join(dir, `${basename(dirname(file))}-${basename(file)}`);
        if (!existsSync(link)) symlinkSync(file, link);
        return link;
      };
      const chains = loadFontChains();
      const out = {} as Record<FontRole, ResolvedFace[]>;
      for (const role of FONT_ROLES) {
        out[role] = chains[role].map((f) =>
          f.bold ? { ...f, regular: moved(f.regular), bold: moved(f.bold) } : { ...f, regular: moved(f.regular) },
        );
      }
      return new FontLibrary(out);
    };
    const a = await renderPdf(noticeDocument(), { fonts: installed() });
    const b = await renderPdf(noticeDocument(), { fonts: installed() });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('sets language, print scaling, duplex and dates in the catalog', async () => {
    const bytes = await renderPdf(noticeDocument({ duplex: true }));
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    const prefs = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('PrintScaling'))?.toString()).toBe('/None');
    expect(prefs.get(PDFName.of('Duplex'))?.toString()).toBe('/DuplexFlipLongEdge');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2024-09-04T08:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2024-09-04T08:00:00.000Z');
    const simplex = await PDFDocument.load(await renderPdf(noticeDocument()));
    expect(simplex.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('Duplex'))).toBeUndefined();
  });
});

describe('renderPdf: names and rare characters', () => {
  it('prints 阿依古丽·买买提 and 张玥 with ink in every font role', async () => {
    const roles = ['song', 'fangsong', 'kai', 'hei', 'title'] as const;
    const doc = noticeDocument({
      blocks: roles.flatMap((font) => [
        { type: 'paragraph' as const, runs: [{ text: `阿依古丽·买买提 张玥 ${font}`, style: { font } }] },
        { type: 'paragraph' as const, runs: [{ text: '阿依古丽·买买提 张玥 bold', style: { font, bold: true } }] },
      ]),
    });
    const { bytes, glyphs } = await renderPdfWithLayout(doc);
    const pages = await rasterise(bytes);
    expect(glyphs.filter((g) => g.char === '·')).toHaveLength(10);
    expect(glyphs.filter((g) => g.char === '玥')).toHaveLength(10);
    expect(blankGlyphs(pages, glyphs)).toEqual([]);
    expect(compact(await pdfText(bytes))).toContain('阿依古丽·买买提张玥');
  }, 30_000);

  it('throws rather than print a .notdef for a code point no font has', async () => {
    const doc = noticeDocument({ blocks: [{ type: 'paragraph', runs: [{ text: '吉𠮷' }] }] });
    await expect(renderPdf(doc)).rejects.toThrow(/U\+20BB7/);
  });
});

describe('renderPdf: pages', () => {
  const threePages = (extra: Partial<Document> = {}): Document =>
    noticeDocument({
      blocks: [
        { type: 'paragraph', runs: [{ text: '第一页正文' }] },
        { type: 'pageBreak' },
        { type: 'paragraph', runs: [{ text: '第二页正文' }] },
        { type: 'pageBreak' },
        { type: 'paragraph', runs: [{ text: '第三页正文' }] },
      ],
      ...extra,
    });

  it('duplex with two copies: 8 pages, 4 and 8 blank backs saying so, numbers restart per copy', async () => {
    const doc = threePages({
      duplex: true,
      copies: 2,
      watermark: { text: '档案系列职称评审专用', subtext: 'PS-2024-0001' },
    });
    const { bytes, glyphs } = await renderPdfWithLayout(doc);
    expect((await pdfInfo(bytes)).pages).toBe(8);
    const texts = await Promise.all([1, 2, 3, 4, 5, 8].map((p) => pdfText(bytes, { first: p, last: p })));
    expect(compact(texts[0]!)).toContain('第一页正文—1—');
    expect(compact(texts[2]!)).toContain('第三页正文—3—');
    // A blank back says it is one (a watermarked sheet left empty could be filled in) and has no number.
    for (const back of [texts[3]!, texts[5]!]) {
      expect(compact(back)).toContain('（此页无正文）');
      expect(compact(back)).not.toMatch(/—\d—|第/);
    }
    expect(compact(texts[4]!)).toContain('第一页正文—1—');
    // The watermark is on every page, blank backs included, and extracts as one piece.
    for (const t of texts) expect(compact(t)).toContain('档案系列职称评审专用PS-2024-0001');
    const backGlyphs = glyphs.filter((g) => g.page === 3 || g.page === 7);
    expect(backGlyphs.map((g) => g.char).join('')).toBe('（此页无正文）（此页无正文）');
    const pages = await rasterise(bytes, { dpi: 50 });
    // Below its note, a blank back has no ink darker than the light watermark; a content page does.
    // Boxes in pt from the bottom left, as the glyphs' baselines.
    const noteBottom = Math.min(...backGlyphs.map((g) => g.y)) - 10;
    expect(inkInBox(pages[3]!, { x: 0, y: noteBottom, width: 596, height: 842 - noteBottom }, 200)).toBeGreaterThan(0);
    expect(inkInBox(pages[3]!, { x: 0, y: 0, width: 596, height: noteBottom }, 200)).toBe(0);
    expect(inkInBox(pages[3]!, { x: 0, y: 0, width: 596, height: 842 }, 254)).toBeGreaterThan(1000);
    expect(inkInBox(pages[0]!, { x: 0, y: 0, width: 596, height: 842 }, 200)).toBeGreaterThan(0);
  }, 30_000);

  it('mirrored margins move the type area and the dash page number to the outer side', async () => {
    const doc = threePages({
      page: {
        size: 'A4',
        orientation: 'portrait',
        margins: { top: 37, bottom: 35, inner: 40, outer: 20 },
        mirrored: true,
      },
    });
    const { glyphs } = await renderPdfWithLayout(doc);
    const first = (page: number, ch: string) => glyphs.find((g) => g.page === page && g.char === ch)!;
    const mm = 72 / 25.4;
    expect(first(0, '第').x).toBeCloseTo(40 * mm, 1);
    expect(first(1, '第').x).toBeCloseTo(20 * mm, 1);
    // Odd page: number right of centre; even page: left of centre.
    expect(first(0, '1').x).toBeGreaterThan(300);
    expect(first(1, '2').x).toBeLessThan(300);
  });

  it('"of-total" numbers read 第 n 页 共 m 页; landscape pages are A4 landscape', async () => {
    const bytes = await renderPdf(
      threePages({
        pageNumbers: 'of-total',
        page: { size: 'A4', orientation: 'landscape', margins: { top: 20, bottom: 20, inner: 20, outer: 20 } },
      }),
    );
    const info = await pdfInfo(bytes);
    expect(info.width).toBeCloseTo(841.89, 1);
    expect(compact(await pdfText(bytes, { first: 2, last: 2 }))).toContain('第2页共3页');
  });

  it('draws a page mark QR that decodes, on every page', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const bytes = await renderPdf(threePages({ pageMark: { qrText: 'ZC-2024-ABCDEF', caption: '核验码 ABCDEF' } }));
    expect(compact(await pdfText(bytes, { first: 3, last: 3 }))).toContain('核验码ABCDEF');
    const pages = await rasterise(bytes, { dpi: 150, first: 2, last: 2 });
    const p = pages[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'qr-'));
    const file = join(dir, 'p.pgm');
    writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${p.width} ${p.height}\n255\n`), Buffer.from(p.data)]));
    const { stdout } = await promisify(execFile)('zbarimg', ['-q', '--raw', file]);
    expect(stdout.trim()).toBe('ZC-2024-ABCDEF');
  }, 30_000);
});
