/**
 * Font roles and coverage: chains end with Noto, an operator's fonts go first,
 * faces parse once, and a character no font has is a GLYPH_MISSING problem
 * naming the field and the code point.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingGlyphs } from '../../src/fonts/coverage.js';
import { FONT_ROLES, loadFontChains, resolveFontPath, REPO_FONTS_DIR } from '../../src/fonts/config.js';
import { faceOf } from '../../src/fonts/face.js';
import { FontLibrary, getFontLibrary } from '../../src/fonts/library.js';

const NOTO_SANS = resolveFontPath(
  'npm:@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  REPO_FONTS_DIR,
);

describe('font chains', () => {
  it('maps every role to Noto by default, 黑 to Noto Sans, title to a bold Noto Serif', () => {
    const chains = loadFontChains(REPO_FONTS_DIR);
    for (const role of FONT_ROLES) {
      const last = chains[role][chains[role].length - 1]!;
      expect(last.regular).toMatch(/Noto(Serif|Sans)SC_\d+\w+\.ttf$/);
      expect(last.bold).toMatch(/Noto(Serif|Sans)SC_(700Bold|900Black)\.ttf$/);
    }
    expect(chains.hei[0]!.regular).toMatch(/NotoSansSC_400Regular/);
    expect(chains.song[0]!.regular).toMatch(/NotoSerifSC_400Regular/);
    expect(chains.title[0]!.regular).toMatch(/NotoSerifSC_700Bold/);
  });

  it("puts an operator's fonts first (FONTS_DIR) and keeps Noto at the end", () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
    writeFileSync(
      join(dir, 'fonts.json'),
      JSON.stringify({ roles: { fangsong: [{ name: '仿宋 stand-in', regular: NOTO_SANS }] } }),
    );
    const chains = loadFontChains(dir);
    expect(chains.fangsong[0]!.name).toBe('仿宋 stand-in');
    expect(chains.fangsong[0]!.regular).toBe(NOTO_SANS);
    expect(chains.fangsong[chains.fangsong.length - 1]!.regular).toMatch(/NotoSerifSC_400Regular/);
    expect(chains.song).toEqual(loadFontChains(REPO_FONTS_DIR).song);
    // The operator's face prints fangsong text; bold falls back to synthetic bold (it has no bold file).
    const lib = new FontLibrary(chains);
    expect(lib.choose('档'.codePointAt(0)!, 'fangsong')?.face.file).toBe(NOTO_SANS);
    expect(lib.choose('档'.codePointAt(0)!, 'fangsong', true)).toMatchObject({ syntheticBold: true });
  });

  it('rejects a malformed fonts.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
    writeFileSync(join(dir, 'fonts.json'), JSON.stringify({ roles: { song: [{ bold: 'x.ttf' }] } }));
    expect(() => loadFontChains(dir)).toThrow(/fonts\.json/);
  });

  it('resolves paths relative to the fonts.json folder, then to the repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
    writeFileSync(join(dir, 'mine.ttf'), '');
    expect(resolveFontPath('mine.ttf', dir)).toBe(join(dir, 'mine.ttf'));
    expect(resolveFontPath('fonts/fonts.json', dir)).toBe(join(REPO_FONTS_DIR, 'fonts.json'));
  });

  it('preloads every face of every chain', () => {
    const lib = new FontLibrary(loadFontChains(REPO_FONTS_DIR));
    lib.preload();
    for (const role of FONT_ROLES)
      for (const e of lib.chains[role]) expect([e.regular.loaded, e.bold?.loaded]).toEqual([true, true]);
  });

  it('parses each font file once per process', () => {
    const a = faceOf(NOTO_SANS);
    expect(faceOf(NOTO_SANS)).toBe(a);
    expect(a.font).toBe(a.font);
    expect(getFontLibrary()).toBe(getFontLibrary());
  });
});

describe('missingCodePoints', () => {
  const lib = getFontLibrary();
  it('finds nothing missing in names the notice has', () => {
    expect(lib.missingCodePoints('阿依古丽·买买提 张玥 䶮 喆 堃 赟')).toEqual([]);
    expect(lib.missingCodePoints('张玥', 'hei')).toEqual([]);
  });
  it('reports code points no font has, once each, counting surrogate pairs as one', () => {
    expect(lib.missingCodePoints('𠮷𠮷a\u0001')).toEqual([0x20bb7, 0x1]);
  });
});

describe('findMissingGlyphs', () => {
  it('names the field and the code point', () => {
    expect(findMissingGlyphs({ applicant: { name: '𠮷' } })).toEqual([
      {
        path: '/applicant/name',
        code: 'GLYPH_MISSING',
        message: '“𠮷”（U+20BB7）无法用已配置的字体打印',
        messageEn: 'No configured font has a glyph for “𠮷” (U+20BB7)',
      },
    ]);
  });

  it('gives one problem per field listing all its missing characters; arrays and escaped keys', () => {
    const problems = findMissingGlyphs({ list: ['好', '𠮷吉\u0002'], 'a/b': { '~k': '𠮷' } }, '/dossier');
    expect(problems.map((p) => p.path)).toEqual(['/dossier/list/1', '/dossier/a~1b/~0k']);
    expect(problems[0]!.message).toBe('“𠮷”（U+20BB7）、“\u0002”（U+0002）无法用已配置的字体打印');
  });

  it('ignores line breaks and tabs, photos and long base64 payloads, and non-strings', () => {
    const base64 = 'QUJD'.repeat(6000);
    expect(
      findMissingGlyphs({
        a: '第一行\n第二行\t完',
        applicant: { photo: '𠮷' },
        scan: base64,
        n: 3,
        d: new Date(),
        b: null,
      }),
    ).toEqual([]);
  });
});
