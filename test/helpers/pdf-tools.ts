/**
 * Test helpers for PDF output, on poppler-utils and qpdf: rasterise under an
 * empty fontconfig (so no installed font can stand in for a broken embedded
 * one), extract text, page info, font list, structure check, and count ink in
 * boxes of a page (PGM parsing, no image library).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs `fn` with a temp dir holding the PDF as in.pdf; removes the dir after. */
async function withPdf<T>(pdf: Uint8Array, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-tools-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return await fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let emptyFontconfig: string | undefined;
/** A fonts.conf with no font directories: poppler can only use embedded fonts. */
function emptyFontconfigFile(): string {
  if (!emptyFontconfig) {
    const dir = mkdtempSync(join(tmpdir(), 'fc-empty-'));
    emptyFontconfig = join(dir, 'fonts.conf');
    writeFileSync(
      emptyFontconfig,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
  }
  return emptyFontconfig;
}

/** A page as 8-bit grey pixels (0 black … 255 white). */
export interface GrayPage {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly data: Uint8Array;
}

/** Parses a binary PGM (P5, maxval 255). */
function parsePgm(bytes: Uint8Array): Omit<GrayPage, 'dpi'> {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] === 0x23) {
        while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
        continue;
      }
      break;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    return Buffer.from(bytes.subarray(start, pos)).toString('latin1');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max !== 255) throw new Error(`unsupported PGM maxval ${max}`);
  pos++;
  return { width, height, data: bytes.subarray(pos, pos + width * height) };
}

/** Rasterises pages (1-based, inclusive) to grey at `dpi` under an empty fontconfig. */
export async function rasterise(
  pdf: Uint8Array,
  opts: { dpi?: number; first?: number; last?: number } = {},
): Promise<GrayPage[]> {
  const dpi = opts.dpi ?? 100;
  return withPdf(pdf, async (file, dir) => {
    const args = ['-gray', '-r', String(dpi)];
    if (opts.first) args.push('-f', String(opts.first));
    if (opts.last) args.push('-l', String(opts.last));
    await run('pdftoppm', [...args, file, join(dir, 'p')], {
      env: { ...process.env, FONTCONFIG_FILE: emptyFontconfigFile() },
      maxBuffer: MAX_BUFFER,
    });
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]))
      .map((f) => ({ ...parsePgm(readFileSync(join(dir, f))), dpi }));
  });
}

/** A box in PDF points (origin bottom left). */
export interface PtBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels darker than `threshold` inside a box given in pt. */
export function inkInBox(page: GrayPage, box: PtBox, threshold = 200): number {
  const k = page.dpi / 72;
  const x0 = Math.max(0, Math.floor(box.x * k));
  const x1 = Math.min(page.width, Math.ceil((box.x + box.width) * k));
  const y0 = Math.max(0, Math.floor(page.height - (box.y + box.height) * k));
  const y1 = Math.min(page.height, Math.ceil(page.height - box.y * k));
  let n = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * page.width;
    for (let x = x0; x < x1; x++) if (page.data[row + x]! < threshold) n++;
  }
  return n;
}

/** The smallest box (pt, origin bottom left) holding every pixel darker than `threshold`; undefined on a blank page. */
export function inkBounds(page: GrayPage, threshold = 128): PtBox | undefined {
  let [x0, y0, x1, y1] = [page.width, page.height, -1, -1];
  for (let y = 0; y < page.height; y++) {
    const row = y * page.width;
    for (let x = 0; x < page.width; x++) {
      if (page.data[row + x]! >= threshold) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return undefined;
  const pt = 72 / page.dpi;
  return { x: x0 * pt, y: (page.height - 1 - y1) * pt, width: (x1 + 1 - x0) * pt, height: (y1 + 1 - y0) * pt };
}

/** pdftotext output; `raw` keeps content-stream order. */
export async function pdfText(
  pdf: Uint8Array,
  opts: { raw?: boolean; first?: number; last?: number } = {},
): Promise<string> {
  return withPdf(pdf, async (file) => {
    const args = ['-enc', 'UTF-8'];
    if (opts.raw) args.push('-raw');
    if (opts.first) args.push('-f', String(opts.first));
    if (opts.last) args.push('-l', String(opts.last));
    const { stdout } = await run('pdftotext', [...args, file, '-'], { maxBuffer: MAX_BUFFER });
    return stdout;
  });
}

/** Text without any whitespace, for comparing across line breaks. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface PdfInfo {
  readonly pages: number;
  /** First page's size in pt. */
  readonly width: number;
  readonly height: number;
  readonly fields: Readonly<Record<string, string>>;
}

export async function pdfInfo(pdf: Uint8Array): Promise<PdfInfo> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
    const fields: Record<string, string> = {};
    for (const line of stdout.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) fields[m[1]!.trim()] = m[2]!.trim();
    }
    const size = /([\d.]+) x ([\d.]+) pts/.exec(fields['Page size'] ?? '');
    return { pages: Number(fields.Pages ?? 0), width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), fields };
  });
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly encoding: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

export async function pdfFonts(pdf: Uint8Array): Promise<PdfFont[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    const lines = stdout.split('\n');
    const ruler = lines[1] ?? '';
    // Columns follow the ruler of dashes under the header.
    const cols: [number, number][] = [];
    for (const m of ruler.matchAll(/-+/g)) cols.push([m.index, m.index + m[0].length]);
    const field = (line: string, i: number): string =>
      line.slice(cols[i]![0], i + 1 < cols.length ? cols[i + 1]![0] : undefined).trim();
    return lines
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => ({
        name: field(l, 0),
        type: field(l, 1),
        encoding: field(l, 2),
        embedded: field(l, 3) === 'yes',
        subset: field(l, 4) === 'yes',
        unicode: field(l, 5) === 'yes',
      }));
  });
}

/** qpdf --check: ok when qpdf finds no errors (exit 0, or 3 = warnings only is not ok). */
export async function qpdfCheck(pdf: Uint8Array): Promise<{ ok: boolean; output: string }> {
  return withPdf(pdf, async (file) => {
    try {
      const { stdout, stderr } = await run('qpdf', ['--check', file], { maxBuffer: MAX_BUFFER });
      return { ok: true, output: stdout + stderr };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
    }
  });
}
