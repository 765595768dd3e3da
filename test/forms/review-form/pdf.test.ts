/**
 * The review form as printed: A4, even pages per copy, two copies, the
 * watermark on every page, every glyph inked, the QR readable and valid,
 * and no character of a long dossier lost.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewForm } from '../../../src/forms/review-form/index.js';
import { renderPdf, renderPdfWithLayout } from '../../../src/render/pdf/index.js';
import { compact, inkInBox, pdfInfo, pdfText, rasterise } from '../../helpers/pdf-tools.js';
import { FIXTURES, context, fixture, longDossier, signer } from './fixtures.js';

const run = promisify(execFile);
const WATERMARK = '档案系列职称评审专用';

/** Page 1 at 200 dpi through zbarimg: the QR's text. */
async function qrOnFirstPage(pdf: Uint8Array): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'review-qr-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', [
      '-png',
      '-r',
      '200',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'p1'),
    ]);
    const { stdout } = await run('zbarimg', ['-q', '--raw', join(dir, 'p1.png')]).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    return stdout.split('\n').filter((line) => line.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Characters of `expected` (with multiplicity) missing from `actual`. */
function missingCharacters(expected: string, actual: string): string[] {
  const counts = new Map<string, number>();
  for (const ch of actual) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const missing: string[] = [];
  for (const ch of expected) {
    const n = counts.get(ch) ?? 0;
    if (n === 0) missing.push(ch);
    else counts.set(ch, n - 1);
  }
  return missing;
}

describe.each(FIXTURES)('review-form PDF (%s)', (name) => {
  let one: Uint8Array;
  let two: Uint8Array;
  let onePages: number;
  beforeAll(async () => {
    one = await renderPdf(reviewForm.build(fixture(name), context({ copies: 1 })));
    two = await renderPdf(reviewForm.build(fixture(name), context({ copies: 2 })));
    onePages = (await pdfInfo(one)).pages;
  });

  it('is A4 with an even page count per copy, and copies=2 is exactly twice copies=1', async () => {
    const info = await pdfInfo(one);
    expect(info.width).toBeCloseTo(595.28, 0);
    expect(info.height).toBeCloseTo(841.89, 0);
    expect(onePages).toBeGreaterThanOrEqual(4);
    expect(onePages % 2).toBe(0);
    expect((await pdfInfo(two)).pages).toBe(2 * onePages);
  });

  it('carries the watermark text on every page', async () => {
    const pages = (await pdfInfo(two)).pages;
    for (let page = 1; page <= pages; page++) {
      expect(compact(await pdfText(two, { first: page, last: page })), `page ${page}`).toContain(WATERMARK);
    }
  });

  it('repeats the same content in the second copy', async () => {
    const first = compact(await pdfText(two, { first: 1, last: onePages }));
    const second = compact(await pdfText(two, { first: onePages + 1, last: 2 * onePages }));
    // Page numbers restart per copy, so the two copies read the same.
    expect(second).toBe(first);
  });

  it('has a QR on page 1 that decodes to a code the service accepts', async () => {
    const texts = await qrOnFirstPage(one);
    expect(texts).toHaveLength(1);
    const [text] = texts;
    expect(text).toMatch(/^\/v1\/verify\/[A-Za-z0-9_-]+$/);
    const result = signer.verify(text!.slice('/v1/verify/'.length));
    expect(result).toMatchObject({ valid: true, form: 'review-form' });
    if (result.valid) expect(compact(await pdfText(one, { first: 1, last: 1 }))).toContain(result.serial);
  });
});

describe('review-form PDF glyphs and long content', () => {
  it('inks every glyph it places (fixture zhang-yue, rasterised without system fonts)', async () => {
    const { bytes, glyphs } = await renderPdfWithLayout(
      reviewForm.build(fixture('zhang-yue-intermediate'), context({ copies: 1 })),
    );
    const pages = await rasterise(bytes, { dpi: 100 });
    const printable = glyphs.filter((g) => !/\s/.test(g.char));
    expect(printable.length).toBeGreaterThan(800);
    const blank = printable.filter((g) => inkInBox(pages[g.page]!, g) === 0);
    expect(blank.map((g) => `${g.char}@${g.page + 1}`)).toEqual([]);
  });

  it('loses no character of 30 achievements and a 3,000-character summary', async () => {
    const dossier = longDossier();
    const doc = reviewForm.build(dossier, context({ copies: 1 }));
    const pdf = await renderPdf(doc);
    const info = await pdfInfo(pdf);
    expect(info.pages % 2).toBe(0);
    const text = compact(await pdfText(pdf));

    const expected = compact(
      [dossier.workSummary, ...dossier.achievements.flatMap((a) => [a.title, a.content, a.role, a.result])].join(''),
    );
    expect(missingCharacters(expected, text)).toEqual([]);

    // The summary reads in order once the running page furniture (watermark, page number, page mark) is taken out.
    const serial = doc.watermark?.subtext ?? '';
    const body = text
      .split(`${WATERMARK}${serial}`)
      .join('')
      .replace(/—\d+—/g, '')
      .split(compact(doc.pageMark!.caption))
      .join('');
    for (const paragraph of dossier.workSummary.split('\n')) expect(body).toContain(compact(paragraph));

    // The achievements table runs over several pages and repeats its header row on each.
    let pagesWithHeader = 0;
    for (let page = 1; page <= info.pages; page++) {
      if (compact(await pdfText(pdf, { first: page, last: page })).includes('工作内容')) pagesWithHeader++;
    }
    expect(pagesWithHeader).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
