/**
 * Printing DOCX/XLSX as an office does, and reading where the words land:
 * LibreOffice converts to PDF under a private fontconfig that gives the
 * Chinese Office font names (宋体, 仿宋, 楷体, 黑体, Times New Roman) the
 * service's Noto faces, as a Chinese Office install would have its own; then
 * `pdftotext -bbox` gives every word's box, from which the effective printed
 * type size (size × print scale) is measured.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { getFontLibrary } from '../../src/fonts/library.js';

const run = promisify(execFile);

/** Word's and Excel's names for the roles, and the Noto family that stands in for each. */
const ALIASES: readonly [string, string][] = [
  ['宋体', 'Noto Serif SC'],
  ['仿宋', 'Noto Serif SC'],
  ['楷体', 'Noto Serif SC'],
  ['黑体', 'Noto Sans SC'],
  ['Times New Roman', 'Noto Serif SC'],
];

let officeFontconfig: string | undefined;
/** A fonts.conf with the system fonts plus the service's Noto faces under the Office names. */
export function officeFontconfigFile(): string {
  if (!officeFontconfig) {
    const dir = mkdtempSync(join(tmpdir(), 'fc-office-'));
    const dirs = [
      ...new Set(
        getFontLibrary()
          .files()
          .map((file) => dirname(file)),
      ),
    ];
    officeFontconfig = join(dir, 'fonts.conf');
    writeFileSync(
      officeFontconfig,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <cachedir>${join(dir, 'cache')}</cachedir>`,
        ...dirs.map((d) => `  <dir>${d}</dir>`),
        ...ALIASES.map(
          ([name, family]) =>
            `  <alias binding="same"><family>${name}</family><prefer><family>${family}</family></prefer></alias>`,
        ),
        '</fontconfig>',
        '',
      ].join('\n'),
    );
  }
  return officeFontconfig;
}

/** The PDF LibreOffice prints from a DOCX or XLSX (slow: give the test a generous timeout). */
export async function printOffice(bytes: Uint8Array, ext: 'docx' | 'xlsx'): Promise<Uint8Array> {
  const [pdf] = await printOfficeAll([{ bytes, ext }]);
  return pdf!;
}

/** The PDFs LibreOffice prints from several files, in order, from one start (most of the cost). */
export async function printOfficeAll(
  files: readonly { readonly bytes: Uint8Array; readonly ext: 'docx' | 'xlsx' }[],
): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'office-print-'));
  try {
    const inputs = files.map((f, i) => join(dir, `input-${i}.${f.ext}`));
    await Promise.all(files.map((f, i) => writeFile(inputs[i]!, f.bytes)));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...inputs,
      ],
      {
        timeout: 180_000 + 30_000 * files.length,
        env: { ...process.env, FONTCONFIG_FILE: officeFontconfigFile() },
      },
    );
    return await Promise.all(files.map(async (_f, i) => new Uint8Array(await readFile(join(dir, `input-${i}.pdf`)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
