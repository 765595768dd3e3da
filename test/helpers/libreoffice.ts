/**
 * Printing DOCX/XLSX through headless LibreOffice, as an office would: one
 * conversion routine and one fontconfig for every test that needs it.
 *
 * The fontconfig gives the Chinese Office font names the DOCX/XLSX ask for
 * (宋体, 仿宋, 楷体, 黑体, Times New Roman) the service's own Noto faces, as a
 * Chinese Office install would have its own, so a DOCX lays out with the same
 * glyph widths as the service's PDF and page counts compare.
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
/** A fonts.conf with the system fonts plus the service's configured faces under the Office names. */
function officeFontconfigFile(): string {
  if (!officeFontconfig) {
    const dir = mkdtempSync(join(tmpdir(), 'fc-office-'));
    const fontDirs = [
      ...new Set(
        getFontLibrary()
          .files()
          .map((file) => dirname(file)),
      ),
    ];
    const file = join(dir, 'fonts.conf');
    writeFileSync(
      file,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <cachedir>${join(dir, 'cache')}</cachedir>`,
        ...fontDirs.map((d) => `  <dir>${d}</dir>`),
        ...ALIASES.map(
          ([name, family]) =>
            `  <alias binding="same"><family>${name}</family><prefer><family>${family}</family></prefer></alias>`,
        ),
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    officeFontconfig = file;
  }
  return officeFontconfig;
}

export interface OfficeInput {
  readonly bytes: Uint8Array;
  readonly ext: 'docx' | 'xlsx';
}

export interface ConvertOptions {
  /** Kills LibreOffice after this long; default 3 minutes plus 30 s per file. */
  readonly timeoutMs?: number;
}

/**
 * The PDFs LibreOffice prints from DOCX/XLSX files, in the order given, from
 * one LibreOffice start (start-up is most of the cost, so convert together what
 * a test needs together). Each call has a private profile, so parallel test
 * files never share one. Slow: give the test a generous timeout.
 */
export async function convertWithOffice(
  inputs: readonly OfficeInput[],
  options: ConvertOptions = {},
): Promise<Uint8Array[]> {
  if (inputs.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'office-convert-'));
  try {
    const files: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const file = join(dir, `input-${i}.${input.ext}`);
      await writeFile(file, input.bytes);
      files.push(file);
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
        ...files,
      ],
      {
        timeout: options.timeoutMs ?? 180_000 + 30_000 * inputs.length,
        env: { ...process.env, FONTCONFIG_FILE: officeFontconfigFile() },
      },
    );
    // readFile throws naming the missing PDF when LibreOffice could not convert a file.
    return await Promise.all(inputs.map(async (_, i) => new Uint8Array(await readFile(join(dir, `input-${i}.pdf`)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
