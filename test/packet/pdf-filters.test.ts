import { deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { uploadLimits } from '../../src/packet/limits.js';
import { canonicalFilterName, decodeChain, type FilterStage, StreamDecodeError } from '../../src/packet/pdf-filters.js';
import { A4, SCAN_MARGIN } from '../../src/packet/scan-geometry.js';
import { inspectScan } from '../../src/packet/scans.js';
import { inkInBox, rasterise } from '../helpers/pdf-tools.js';
import {
  ascii85,
  asciiHex,
  doubleFlateZeros,
  flateZeros,
  lzwLiterals,
  lzwZeros,
  onePage,
  pngUpPredicted,
  runLengthZeros,
} from '../hostile/pdf-bytes.js';

const MiB = 1024 * 1024;
const stage = (name: string, parms: FilterStage['parms'] = {}): FilterStage => ({ name, parms });
const CONTENT = Buffer.from('q 0 0 0 rg 50 700 495 100 re f Q\n'.repeat(20));

function refusal(run: () => unknown): StreamDecodeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StreamDecodeError);
    return error as StreamDecodeError;
  }
  throw new Error('expected a refusal');
}

describe('decodeChain', () => {
  it.each([
    ['FlateDecode', [stage('FlateDecode')], deflateSync(CONTENT)],
    [
      'FlateDecode with a PNG predictor',
      [stage('FlateDecode', { Predictor: 12, Columns: 33 })],
      deflateSync(pngUpPredicted(CONTENT, 33)),
    ],
    ['LZWDecode', [stage('LZWDecode')], lzwLiterals(CONTENT)],
    ['ASCII85Decode', [stage('ASCII85Decode')], ascii85(CONTENT)],
    ['ASCIIHexDecode', [stage('ASCIIHexDecode')], asciiHex(CONTENT)],
    ['ASCIIHex then Flate', [stage('ASCIIHexDecode'), stage('FlateDecode')], asciiHex(deflateSync(CONTENT))],
  ] as const)('decodes %s back to the original', (_name, chain, encoded) => {
    const { bytes } = decodeChain(encoded, chain, MiB);
    expect(Buffer.from(bytes).subarray(0, CONTENT.length).toString('latin1')).toBe(CONTENT.toString('latin1'));
  });

  it('decodes RunLength runs', () => {
    expect(decodeChain(runLengthZeros(3), [stage('RunLengthDecode')], MiB).bytes).toEqual(new Uint8Array(384));
  });

  it.each([
    ['Flate', [stage('FlateDecode')], flateZeros(8)],
    ['Flate of Flate', [stage('FlateDecode'), stage('FlateDecode')], doubleFlateZeros(1024)],
    ['LZW', [stage('LZWDecode')], lzwZeros(1)],
    ['RunLength', [stage('RunLengthDecode')], runLengthZeros(20_000)],
    ['ASCIIHex of Flate', [stage('ASCIIHexDecode'), stage('FlateDecode')], asciiHex(flateZeros(8))],
  ] as const)('stops %s at the cap', (_name, chain, encoded) => {
    expect(refusal(() => decodeChain(encoded, chain, MiB)).reason).toBe('too-large');
  });

  it('refuses Flate data without its zlib header, an unknown filter and an unknown predictor row', () => {
    expect(refusal(() => decodeChain(deflateRawSync(CONTENT), [stage('FlateDecode')], MiB)).reason).toBe('corrupt');
    expect(refusal(() => decodeChain(CONTENT, [stage('NoSuchDecode')], MiB)).reason).toBe('corrupt');
    const badRow = Buffer.from(pngUpPredicted(CONTENT, 33));
    badRow[0] = 9;
    const parms = { Predictor: 12, Columns: 33 };
    expect(refusal(() => decodeChain(deflateSync(badRow), [stage('FlateDecode', parms)], MiB)).reason).toBe('corrupt');
  });

  it('leaves image data encoded and names its filter', () => {
    const result = decodeChain(asciiHex(Buffer.from([1, 2, 3])), [stage('ASCIIHexDecode'), stage('DCTDecode')], MiB);
    expect(result).toEqual({ bytes: new Uint8Array([1, 2, 3]), imageFilter: 'DCTDecode' });
  });
});

describe('canonicalFilterName', () => {
  it('reads escapes in either case and the inline-image abbreviations', () => {
    expect(canonicalFilterName('Flat#65Decode')).toBe('FlateDecode');
    expect(canonicalFilterName('F#6cateDecode')).toBe('FlateDecode');
    expect(canonicalFilterName('Fl')).toBe('FlateDecode');
    expect(canonicalFilterName('AHx')).toBe('ASCIIHexDecode');
  });
});

describe('valid PDF scans in every filter', { timeout: 30_000 }, () => {
  const limits = uploadLimits(testConfig());
  // The content's bar (60, 710, 475 × 80 pt on its A4 page) where the scan page shows it: the page fitted inside the border.
  const scale = Math.min((A4.width - 2 * SCAN_MARGIN) / A4.width, (A4.height - 2 * SCAN_MARGIN) / A4.height);
  const bar = {
    x: (A4.width * (1 - scale)) / 2 + 60 * scale,
    y: (A4.height * (1 - scale)) / 2 + 710 * scale,
    width: 475 * scale,
    height: 80 * scale,
  };

  it.each([
    ['/Filter /FlateDecode', deflateSync(CONTENT)],
    ['/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 33 >>', deflateSync(pngUpPredicted(CONTENT, 33))],
    ['/Filter /LZWDecode', lzwLiterals(CONTENT)],
    ['/Filter /ASCII85Decode', ascii85(CONTENT)],
    ['/Filter [/ASCIIHexDecode /Fl#61teDecode]', asciiHex(deflateSync(CONTENT))],
  ] as const)('accepts a page whose content has %s, and shows it', async (dict, data) => {
    const scan = await inspectScan({ item: 10, fileName: 'a.pdf', bytes: onePage({ dict, data }), path: '/x' }, limits);
    expect(scan.pages).toBe(1);
    const [page] = await rasterise(scan.pdf, { dpi: 36 });
    expect(inkInBox(page!, bar)).toBeGreaterThan(((bar.width * bar.height) / 72 / 72) * 36 * 36 * 0.8);
  });

  it('turns a page with /Rotate 90 as a viewer shows it: landscape, the bar along the right edge', async () => {
    const bytes = onePage({ dict: '', data: CONTENT }, '/Rotate 90');
    const scan = await inspectScan({ item: 10, fileName: 'r.pdf', bytes, path: '/x' }, limits);
    const pdf = await PDFDocument.load(scan.pdf);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeGreaterThan(height);
    const [page] = await rasterise(scan.pdf, { dpi: 36 });
    // The bar near the top of the upright page is near the right edge once turned clockwise.
    expect(inkInBox(page!, { x: width - 150, y: 50, width: 100, height: height - 100 })).toBeGreaterThan(500);
    expect(inkInBox(page!, { x: 0, y: 0, width: width / 2, height })).toBe(0);
  });
});
