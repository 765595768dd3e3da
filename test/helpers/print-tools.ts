/**
 * Reading where the words of a printed DOCX/XLSX land: LibreOffice prints it
 * (libreoffice.ts), then `pdftotext -bbox` gives every word's box, from which
 * the effective printed type size (size × print scale) is measured.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { convertWithOffice } from './libreoffice.js';

const run = promisify(execFile);

/** The PDF LibreOffice prints from a DOCX or XLSX (convertWithOffice; slow: give the test a generous timeout). */
export async function printOffice(bytes: Uint8Array, ext: 'docx' | 'xlsx'): Promise<Uint8Array> {
  const [pdf] = await convertWithOffice([{ bytes, ext }]);
  return pdf!;
}

export interface Word {
  /** 0-based page. */
  readonly page: number;
  readonly text: string;
  /** pt from the page's top-left corner. */
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PrintedPdf {
  readonly pages: readonly { readonly width: number; readonly height: number }[];
  readonly words: readonly Word[];
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word of the PDF with its box (pdftotext -bbox). */
export async function pdfWords(pdf: Uint8Array): Promise<PrintedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-words-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
    const pages: { width: number; height: number }[] = [];
    const words: Word[] = [];
    const re =
      /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const m of stdout.matchAll(re)) {
      if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
      else
        words.push({
          page: pages.length - 1,
          text: unescapeXml(m[7]!),
          xMin: Number(m[3]),
          yMin: Number(m[4]),
          xMax: Number(m[5]),
          yMax: Number(m[6]),
        });
    }
    return { pages, words };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
