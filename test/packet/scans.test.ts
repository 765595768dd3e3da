import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { inspectScan, type ScanLimits, type UploadedFile } from '../../src/packet/scans.js';
import { makeEncryptedPdf, makeImage, makePdf, makePdfBomb } from './scan-fixtures.js';

const limits: ScanLimits = {
  perStream: 8 * 1024 * 1024,
  total: 16 * 1024 * 1024,
  pdfPages: 50,
  imagePixels: 40_000_000,
  imageBytes: 64 * 1024 * 1024,
};

function upload(bytes: Uint8Array, fileName = 'scan.bin'): UploadedFile {
  return { item: 6, fileName, bytes, path: `/files/item6/${fileName}` };
}

async function refusal(bytes: Uint8Array, fileName: string): Promise<AppError> {
  const error = await inspectScan(upload(bytes, fileName), limits).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('inspectScan', () => {
  it('accepts a JPEG, a PNG and a multi-page PDF and counts their pages', async () => {
    const jpeg = await inspectScan(upload(await makeImage('jpeg'), 'a.jpg'), limits);
    const png = await inspectScan(upload(await makeImage('png'), 'b.png'), limits);
    const pdf = await inspectScan(upload(await makePdf(3), 'c.pdf'), limits);
    expect([jpeg.kind, jpeg.pages]).toEqual(['jpeg', 1]);
    expect([png.kind, png.pages]).toEqual(['png', 1]);
    expect([pdf.kind, pdf.pages]).toEqual(['pdf', 3]);
  });

  it('refuses a truncated JPEG, naming the file', async () => {
    const jpeg = await makeImage('jpeg');
    const error = await refusal(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), '身份证.jpg');
    expect(error.statusCode).toBe(422);
    expect(error.code).toBe('UPLOAD_INVALID');
    expect(error.details[0]).toMatchObject({ code: 'UPLOAD_TRUNCATED', path: '/files/item6/身份证.jpg' });
    expect(error.details[0]!.message).toContain('身份证.jpg');
  });

  it('refuses a truncated PNG', async () => {
    const png = await makeImage('png');
    expect((await refusal(png.subarray(0, png.length - 20), 't.png')).details[0]!.code).toBe('UPLOAD_TRUNCATED');
  });

  it('refuses an encrypted PDF', async () => {
    expect((await refusal(await makeEncryptedPdf(), 'locked.pdf')).details[0]!.code).toBe('UPLOAD_ENCRYPTED');
  });

  it('refuses a PDF decompression bomb before parsing it', async () => {
    expect((await refusal(makePdfBomb(64 * 1024 * 1024), 'bomb.pdf')).details[0]!.code).toBe('UPLOAD_PDF_BOMB');
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const error = await inspectScan(upload(await makePdf(4), 'long.pdf'), { ...limits, pdfPages: 3 }).catch(
      (e: AppError) => e,
    );
    expect((error as AppError).details[0]!.code).toBe('UPLOAD_TOO_MANY_PAGES');
  });

  it('refuses a damaged PDF and a file that is no scan at all', async () => {
    const pdf = await makePdf(1);
    expect((await refusal(pdf.subarray(0, 200), 'cut.pdf')).details[0]!.code).toBe('UPLOAD_CORRUPT');
    expect((await refusal(new TextEncoder().encode('hello, world'), 'note.txt')).details[0]!.code).toBe('UPLOAD_TYPE');
  });
});
