/**
 * Block types beyond text: images (PNG, JPEG) sized in mm, a vector QR code
 * that decodes, keepWithNext, signature kept together, spacers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/model.js';
import { renderPdf, renderPdfWithLayout } from '../../../src/render/pdf/index.js';
import { qrPng } from '../../../src/render/qr-png.js';
import { compact, inkInBox, pdfText, rasterise } from '../../helpers/pdf-tools.js';
import { noticeDocument } from './sample-docs.js';

const run = promisify(execFile);
const MM = 72 / 25.4;
const PAGE_H = 297 * MM;
const TOP = PAGE_H - 37 * MM;

async function jpegOf(pdf: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'jpeg-'));
  writeFileSync(join(dir, 'in.pdf'), pdf);
  await run('pdftoppm', ['-jpeg', '-r', '20', '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
  return readFileSync(join(dir, 'out.jpg'));
}

describe('images and QR codes', () => {
  it('draws PNG and JPEG images at their size in mm, and a QR block that decodes', async () => {
    const png = qrPng('png-image', 10);
    const jpeg = await jpegOf(await renderPdf(noticeDocument()));
    const doc = noticeDocument({
      blocks: [
        { type: 'image', data: png, format: 'png', width: 40, height: 40, align: 'left' },
        { type: 'image', data: jpeg, format: 'jpeg', width: 30, height: 42, align: 'right' },
        { type: 'qr', text: 'https://example.org/verify/ZC2024', size: 30, caption: '扫码核验' },
      ],
    });
    const bytes = await renderPdf(doc);
    const [page] = await rasterise(bytes, { dpi: 100 });
    // PNG at the top left of the type area: 40 × 40 mm.
    expect(inkInBox(page!, { x: 28 * MM, y: TOP - 40 * MM, width: 40 * MM, height: 40 * MM })).toBeGreaterThan(1000);
    expect(inkInBox(page!, { x: 28 * MM + 41 * MM, y: TOP - 40 * MM, width: 40 * MM, height: 40 * MM })).toBe(0);
    // JPEG (a rendered page, mostly white with dark text) at the right edge below it.
    expect(
      inkInBox(page!, { x: (210 - 26 - 30) * MM, y: TOP - 82 * MM, width: 30 * MM, height: 42 * MM }, 250),
    ).toBeGreaterThan(50);
    expect(compact(await pdfText(bytes))).toContain('扫码核验');

    const dir = mkdtempSync(join(tmpdir(), 'qrblock-'));
    const hi = (await rasterise(bytes, { dpi: 150 }))[0]!;
    // Crop to the QR block's row of the page so the PNG QR does not compete.
    const top = Math.floor((PAGE_H - (TOP - 82 * MM)) * (150 / 72));
    const rows = hi.data.subarray(top * hi.width);
    writeFileSync(
      join(dir, 'p.pgm'),
      Buffer.concat([Buffer.from(`P5\n${hi.width} ${hi.height - top}\n255\n`), Buffer.from(rows)]),
    );
    const { stdout } = await run('zbarimg', ['-q', '--raw', join(dir, 'p.pgm')]);
    expect(stdout.trim()).toBe('https://example.org/verify/ZC2024');
  }, 30_000);
});

describe('keeping blocks together', () => {
  const filler = (n: number): Block[] =>
    Array.from({ length: n }, (_, i) => ({ type: 'paragraph', runs: [{ text: `填充段落${i}` }] }));

  it('moves a heading at the foot of a page to the next page with its paragraph', async () => {
    const blocks: Block[] = [
      ...filler(21),
      { type: 'heading', level: 1, runs: [{ text: '二、标题' }] },
      { type: 'paragraph', runs: [{ text: '标题下的正文' }] },
    ];
    const { glyphs } = await renderPdfWithLayout(noticeDocument({ blocks }));
    const page = (ch: string) => glyphs.find((g) => g.char === ch)!.page;
    expect(page('填')).toBe(0);
    expect(page('标')).toBe(1);
    expect(glyphs.filter((g) => g.char === '正')[0]!.page).toBe(1);
  });

  it('keeps a signature block on one page (one line would still fit at the foot)', async () => {
    const blocks: Block[] = [
      ...filler(21),
      { type: 'signature', lines: [{ text: '推荐单位（公章）' }, { text: '2024年9月20日' }] },
    ];
    const { glyphs } = await renderPdfWithLayout(noticeDocument({ blocks }));
    const pages = new Set(glyphs.filter((g) => '推荐单位公章年月日'.includes(g.char)).map((g) => g.page));
    expect([...pages]).toEqual([1]);
  });

  it('right-aligns a signature two characters in from the edge and underlines blanks', async () => {
    const { bytes, glyphs } = await renderPdfWithLayout(
      noticeDocument({
        blocks: [{ type: 'signature', lines: [{ text: '签字：', blank: 6 }, { text: '2024年9月20日' }] }],
      }),
    );
    const right = (210 - 26) * MM;
    const last = glyphs.filter((g) => g.char === '日').pop()!;
    expect(right - (last.x + last.width)).toBeGreaterThan(16);
    const [page] = await rasterise(bytes);
    const colon = glyphs.find((g) => g.char === '：')!;
    // The blank after "签字：" is an underline: ink just below the baseline, none above it.
    expect(inkInBox(page!, { x: colon.x + colon.width + 4, y: colon.y - 2, width: 80, height: 4 })).toBeGreaterThan(20);
    expect(inkInBox(page!, { x: colon.x + colon.width + 4, y: colon.y + 4, width: 80, height: 10 })).toBe(0);
  });

  it('a spacer moves the next block down by its height', async () => {
    const { glyphs } = await renderPdfWithLayout(
      noticeDocument({
        blocks: [
          { type: 'paragraph', runs: [{ text: '上' }] },
          { type: 'spacer', height: 50 },
          { type: 'paragraph', runs: [{ text: '下' }] },
        ],
      }),
    );
    const up = glyphs.find((g) => g.char === '上')!;
    const down = glyphs.find((g) => g.char === '下')!;
    expect(up.y - down.y).toBeCloseTo(50 * MM + 28.95, 1);
  });
});

describe('widows and orphans', () => {
  const filler = (n: number): Block[] =>
    Array.from({ length: n }, (_, i) => ({ type: 'paragraph', runs: [{ text: `填充${i}` }] }));
  // 22 lines of 28 characters fit a GB/T 9704 page; this paragraph is three lines.
  const three = `首${'档案职称评审申报材料公示'.repeat(6)}尾`;

  it('does not leave a paragraph’s first line alone at the foot of a page', async () => {
    const { glyphs } = await renderPdfWithLayout(
      noticeDocument({ blocks: [...filler(21), { type: 'paragraph', runs: [{ text: three }] }] }),
    );
    expect(glyphs.find((g) => g.char === '首')!.page).toBe(1);
  });

  it('does not leave a paragraph’s last line alone at the head of the next page', async () => {
    const four = `首${'档案职称评审申报材料公示'.repeat(8)}尾`;
    const { glyphs } = await renderPdfWithLayout(
      noticeDocument({ blocks: [...filler(19), { type: 'paragraph', runs: [{ text: four }] }] }),
    );
    expect(glyphs.find((g) => g.char === '首')!.page).toBe(0);
    expect(glyphs.find((g) => g.char === '尾')!.page).toBe(1);
    const onNext = glyphs.filter((g) => g.page === 1 && g.y > 300);
    const lines = new Set(onNext.map((g) => Math.round(g.y)));
    expect(lines.size).toBe(2);
  });

  it('moves a three-line paragraph whole rather than split it 2 + 1 or 1 + 2', async () => {
    const { glyphs } = await renderPdfWithLayout(
      noticeDocument({ blocks: [...filler(20), { type: 'paragraph', runs: [{ text: three }] }] }),
    );
    expect(glyphs.find((g) => g.char === '首')!.page).toBe(1);
  });
});

describe('every block type together', () => {
  it('renders deterministically with watermark, page mark, images and QR codes', async () => {
    const png = qrPng('same', 10);
    const doc = noticeDocument({
      watermark: { text: '档案系列职称评审专用', subtext: 'No. 1', opacity: 0.2 },
      pageMark: { qrText: 'ZC-1', caption: 'ZC-1' },
      duplex: true,
      copies: 2,
      blocks: [
        { type: 'heading', level: 0, runs: [{ text: '标题' }] },
        { type: 'heading', level: 1, runs: [{ text: '一、一级' }] },
        { type: 'heading', level: 2, runs: [{ text: '（一）二级' }] },
        { type: 'heading', level: 3, runs: [{ text: '1.三级' }] },
        {
          type: 'paragraph',
          runs: [
            { text: '正文', style: { underline: true } },
            { text: '粗体', style: { bold: true } },
          ],
        },
        {
          type: 'table',
          columns: [1, 1],
          rows: [
            {
              cells: [
                { label: true, paragraphs: [{ runs: [{ text: '项' }] }] },
                { paragraphs: [{ runs: [{ text: '值' }] }] },
              ],
            },
          ],
        },
        { type: 'image', data: png, format: 'png', width: 300, height: 600 },
        { type: 'qr', text: 'ZC-2', size: 20 },
        { type: 'spacer', height: 5 },
        { type: 'pageBreak' },
        { type: 'signature', lines: [{ text: '签字：', blank: 4 }] },
      ],
    });
    const a = await renderPdf(doc);
    const b = await renderPdf(doc);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const text = compact(await pdfText(a, { raw: true }));
    for (const s of ['标题', '一、一级', '（一）二级', '1.三级', '正文粗体', '项值', '签字：'])
      expect(text).toContain(s);
    // The oversized image is scaled into the type area: the page count stays small.
    const pages = (await pdfText(a)).split('\f').length - 1;
    expect(pages).toBe(8);
  }, 30_000);
});
