/**
 * QR codes as PNG (DOCX and XLSX): the picture decodes to its text with zbar,
 * is square with whole pixels a module, and is the picture the DOCX and XLSX
 * carry.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/model.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { qrModules } from '../../src/render/qr.js';
import { qrPng } from '../../src/render/qr-png.js';
import { renderXlsx } from '../../src/render/xlsx/index.js';
import { unzipParts } from '../helpers/office-tools.js';
import { notice } from './docx/models.js';

const run = promisify(execFile);

async function decode(png: Uint8Array): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'qr-png-')), 'code.png');
  writeFileSync(file, png);
  const { stdout } = await run('zbarimg', ['-q', '--raw', file]);
  return stdout.replace(/\n$/, '');
}

const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('qrPng', () => {
  it.each([
    ['a short code', 'ZC-1'],
    ['a verification address', 'https://zc.example.cn/v/ZC2024-000123.k9Xf3_aB-dQe8Wm2LpR7sT1uVy'],
    ['Chinese text (UTF-8 bytes)', '巴音郭楞蒙古自治州档案局 核验码 ABCDEF'],
    ['a long text', `https://zc.example.cn/v/${'x7'.repeat(90)}`],
  ])('%s decodes to its text, whole pixels a module, at least 96 px', async (_, text) => {
    const png = qrPng(text, 12);
    expect(await decode(png)).toBe(text);
    const { width, height } = pngSize(png);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(96);
    expect(width % (qrModules(text).size + 2)).toBe(0);
  });

  it('gives the same bytes for the same text, other bytes for another', () => {
    expect(Buffer.from(qrPng('ZC-1', 20)).equals(Buffer.from(qrPng('ZC-1', 20)))).toBe(true);
    expect(Buffer.from(qrPng('ZC-1', 20)).equals(Buffer.from(qrPng('ZC-2', 20)))).toBe(false);
  });

  it('is the picture a DOCX and an XLSX carry for a QR block', async () => {
    const text = 'https://example.org/v/ABC';
    const doc: Document = { ...notice, blocks: [{ type: 'qr', text, size: 20 }] };
    const expected = Buffer.from(qrPng(text, 20));
    for (const [file, media] of [
      [await renderDocx(doc), /^word\/media\//],
      [await renderXlsx(doc), /^xl\/media\//],
    ] as const) {
      const pictures = [...unzipParts(file)].filter(([name]) => media.test(name)).map(([, bytes]) => bytes);
      // The DOCX also carries the watermark as a picture.
      const codes = pictures.filter((picture) => Buffer.from(picture).equals(expected));
      expect(codes).toHaveLength(1);
      expect(await decode(codes[0]!)).toBe(text);
    }
  });
});
