/**
 * Test helpers for OOXML output: read the parts of a DOCX/XLSX (a ZIP) and
 * convert one to PDF with LibreOffice to read its text back with pdftotext.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const run = promisify(execFile);

/** Every part of a ZIP archive by its path (stored or deflated entries). */
export function unzipParts(zip: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a ZIP archive');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const parts = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    parts.set(name, method === 0 ? raw : new Uint8Array(inflateRawSync(raw)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** The text (XML) of one part, e.g. "word/document.xml"; throws if it is missing. */
export function zipPart(zip: Uint8Array, path: string): string {
  const part = unzipParts(zip).get(path);
  if (!part) throw new Error(`no part ${path} in archive`);
  return new TextDecoder().decode(part);
}

/** The paths of every part whose path matches. */
export function zipPartNames(zip: Uint8Array, pattern: RegExp = /.*/): string[] {
  return [...unzipParts(zip).keys()].filter((name) => pattern.test(name));
}

export interface OfficePdf {
  /** pdftotext output (layout mode off). */
  readonly text: string;
  readonly pages: number;
}

/**
 * Converts a DOCX or XLSX to PDF with headless LibreOffice (a private profile
 * per call, so parallel test files do not share one) and returns its text.
 * Slow (several seconds): give the test a generous timeout.
 */
export async function officeToPdfText(bytes: Uint8Array, ext: 'docx' | 'xlsx'): Promise<OfficePdf> {
  const dir = await mkdtemp(join(tmpdir(), 'office-pdf-'));
  try {
    const input = join(dir, `input.${ext}`);
    await writeFile(input, bytes);
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
        input,
      ],
      { timeout: 120_000 },
    );
    const pdf = join(dir, 'input.pdf');
    await readFile(pdf); // throws with a clear path if the conversion produced nothing
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const { stdout: info } = await run('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    return { text, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let cjkFontconfig: string | undefined;
/**
 * A fonts.conf that gives LibreOffice the service's own fonts under the names
 * the DOCX asks for (宋体, 仿宋, 楷体, 黑体, Times New Roman → Noto Serif/Sans SC),
 * so a DOCX lays out with the same glyph widths as the PDF and page counts compare.
 */
export async function cjkFontconfigFile(): Promise<string> {
  if (cjkFontconfig) return cjkFontconfig;
  const dir = await mkdtemp(join(tmpdir(), 'fc-cjk-'));
  const fonts = join(import.meta.dirname, '..', '..', 'node_modules', '@expo-google-fonts');
  const alias = (from: string, to: string): string =>
    `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`;
  const file = join(dir, 'fonts.conf');
  await writeFile(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>` +
      ['noto-serif-sc/400Regular', 'noto-serif-sc/700Bold', 'noto-sans-sc/400Regular', 'noto-sans-sc/700Bold']
        .map((sub) => `<dir>${join(fonts, sub)}</dir>`)
        .join('') +
      `<cachedir>${join(dir, 'cache')}</cachedir>` +
      ['宋体', '仿宋', '楷体', 'Times New Roman'].map((name) => alias(name, 'Noto Serif SC')).join('') +
      alias('黑体', 'Noto Sans SC') +
      `</fontconfig>\n`,
  );
  cjkFontconfig = file;
  return file;
}

/**
 * Page counts of several DOCX files printed by LibreOffice in one run (one
 * start-up for all), laid out with the service's fonts (cjkFontconfigFile).
 */
export async function officePageCounts(files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'office-pages-'));
  try {
    const inputs: string[] = [];
    for (const [name, bytes] of files) {
      const input = join(dir, `${name}.docx`);
      await writeFile(input, bytes);
      inputs.push(input);
    }
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
      { timeout: 600_000, env: { ...process.env, FONTCONFIG_FILE: await cjkFontconfigFile() } },
    );
    const counts = new Map<string, number>();
    for (const name of files.keys()) {
      const { stdout: info } = await run('pdfinfo', [join(dir, `${name}.pdf`)]);
      counts.set(name, Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0));
    }
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
