/**
 * Makes real scan files for tests: PDFs with pdf-lib, JPEG/PNG by rasterising
 * them with pdftoppm, an EXIF orientation tag spliced into a JPEG, an encrypted
 * PDF with qpdf, and a Flate decompression bomb.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, rgb } from 'pdf-lib';

const dir = mkdtempSync(join(tmpdir(), 'zd-scans-'));

/** A PDF of `pages` pages of the given size (pt), each with a dark bar so it has ink. */
export async function makePdf(pages: number, size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage(size);
    page.drawRectangle({ x: 20, y: size[1] - 50, width: size[0] - 40, height: 40, color: rgb(0, 0, 0) });
  }
  return pdf.save();
}

/** A PDF of one page of the given size (pt), dark all over: its ink shows where the page is placed. */
export async function makeFilledPdf(size: [number, number]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage(size).drawRectangle({ x: 0, y: 0, width: size[0], height: size[1], color: rgb(0, 0, 0) });
  return pdf.save();
}

/** A landscape-shaped image (wider than tall) as JPEG or PNG, with a dark bar along its top. */
export async function makeImage(format: 'jpeg' | 'png', size: [number, number] = [400, 200]): Promise<Uint8Array> {
  return imageOf(format, await makePdf(1, size));
}

/** An image of `size` pixels, dark all over. */
export async function makeFilledImage(format: 'jpeg' | 'png', size: [number, number]): Promise<Uint8Array> {
  return imageOf(format, await makeFilledPdf(size));
}

/** The first page of `pdf` as an image, one pixel per pt. */
function imageOf(format: 'jpeg' | 'png', pdf: Uint8Array): Uint8Array {
  const input = join(dir, `img-${format}-${Date.now()}-${Math.random()}.pdf`);
  writeFileSync(input, pdf);
  const prefix = `${input}-out`;
  execFileSync('pdftoppm', [format === 'jpeg' ? '-jpeg' : '-png', '-r', '72', '-singlefile', input, prefix]);
  return readFileSync(`${prefix}.${format === 'jpeg' ? 'jpg' : 'png'}`);
}

/** The JPEG with an APP1 EXIF segment carrying the orientation tag. */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, IFD at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation SHORT
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.concat([
    Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
  return Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), segment, Buffer.from(jpeg.subarray(2))]);
}

export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const plain = join(dir, `plain-${Date.now()}.pdf`);
  const locked = join(dir, `locked-${Date.now()}.pdf`);
  writeFileSync(plain, await makePdf(1));
  execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', plain, locked]);
  return readFileSync(locked);
}

/** A one-page PDF whose content stream inflates to `decodedBytes` bytes of zeros. */
export function makePdfBomb(decodedBytes: number): Uint8Array {
  const data = deflateSync(Buffer.alloc(decodedBytes));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  objects.forEach((body, index) => {
    offsets.push(length);
    push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`));
  push(data);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xref = length;
  push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`,
    ),
  );
  push(Buffer.from(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}
