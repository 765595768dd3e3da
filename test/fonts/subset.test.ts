/**
 * The TrueType subsetter: outlines survive byte for byte (compared through
 * fontkit), composite glyphs keep their components, and a subset of an
 * operator font with composites prints with ink.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { REPO_FONTS_DIR, loadFontChains, resolveFontPath } from '../../src/fonts/config.js';
import { faceOf, type FontFace } from '../../src/fonts/face.js';
import { subsetTrueType } from '../../src/fonts/subset.js';
import { compact, inkInBox, pdfFonts, pdfText, rasterise } from '../helpers/pdf-tools.js';

const NOTO = faceOf(
  resolveFontPath('npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', REPO_FONTS_DIR),
);
/** DejaVu Sans comes with poppler/LibreOffice on Debian; its accented letters are composite glyphs. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

function outline(font: fontkit.Font, gid: number): string {
  return JSON.stringify(font.getGlyph(gid).path.commands);
}

function subsetOf(face: FontFace, text: string): { sub: fontkit.Font; gids: number[] } {
  const gids = [0, ...new Set(Array.from(text, (c) => face.glyph(c.codePointAt(0)!).gid))];
  const sub = fontkit.create(subsetTrueType(face.sfnt, gids)) as fontkit.Font;
  return { sub, gids };
}

describe('subsetTrueType', () => {
  it('keeps outlines and advances of CJK glyphs, renumbered in order', () => {
    const { sub, gids } = subsetOf(NOTO, '档案职称评审阿依古丽·买买提张玥，。（）《》2024年');
    expect(sub.numGlyphs).toBe(gids.length);
    gids.forEach((gid, i) => {
      expect(outline(sub, i)).toBe(outline(NOTO.font, gid));
      expect(sub.getGlyph(i).advanceWidth).toBe(NOTO.font.getGlyph(gid).advanceWidth);
    });
  });

  it('is deterministic', () => {
    const a = subsetTrueType(NOTO.sfnt, [0, 100, 200]);
    const b = subsetTrueType(NOTO.sfnt, [0, 100, 200]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('adds and renumbers the components of composite glyphs', () => {
    expect(existsSync(DEJAVU)).toBe(true);
    const face = faceOf(DEJAVU);
    const { sub, gids } = subsetOf(face, 'éÅ');
    // Components (e, acute, A, ring) come after the glyphs asked for.
    expect(sub.numGlyphs).toBeGreaterThan(gids.length);
    for (let i = 1; i < gids.length; i++) {
      const orig = face.font.getGlyph(gids[i]!);
      expect(outline(sub, i)).toBe(JSON.stringify(orig.path.commands));
    }
  });
});

describe('an operator font first in the chain', () => {
  it('prints its composite glyphs with ink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-op-'));
    writeFileSync(
      join(dir, 'fonts.json'),
      JSON.stringify({ roles: { song: [{ name: 'DejaVu Sans', regular: DEJAVU }] } }),
    );
    const { FontLibrary } = await import('../../src/fonts/library.js');
    const lib = new FontLibrary(loadFontChains(dir));
    expect(lib.choose('é'.codePointAt(0)!, 'song')?.face.file).toBe(DEJAVU);
    expect(lib.choose('档'.codePointAt(0)!, 'song')?.face.file).toMatch(/NotoSerifSC/);
    const { renderPdfWithLayout } = await import('../../src/render/pdf/index.js');
    const { noticeDocument } = await import('../render/pdf/sample-docs.js');
    const doc = noticeDocument({
      base: { font: 'song', size: 16, lineHeight: 28 },
      blocks: [{ type: 'paragraph', runs: [{ text: 'Café Åland Ñandú 档案 façade' }] }],
    });
    const { bytes, glyphs } = await renderPdfWithLayout(doc, { fonts: lib });
    const pages = await rasterise(bytes);
    expect(glyphs.filter((g) => 'éÅÑúç'.includes(g.char))).toHaveLength(5);
    expect(glyphs.filter((g) => g.char !== ' ' && inkInBox(pages[g.page]!, g) === 0)).toEqual([]);
    const fonts = await pdfFonts(bytes);
    expect(fonts.map((f) => f.name.slice(7)).sort()).toEqual(['DejaVuSans', 'NotoSerifSC-Regular']);
    expect(compact(await pdfText(bytes))).toContain('CaféÅlandÑandú档案façade');
  });
});

describe('full-width dashes', () => {
  it('sets — on the em so —— joins into one rule', () => {
    const g = NOTO.glyph(0x2014);
    expect(g.advance).toBe(NOTO.unitsPerEm);
    expect(g.gid).not.toBe(NOTO.font.glyphForCodePoint(0x2014).id);
    // Stretched so its outline spans the whole em: two dashes touch.
    const bbox = NOTO.font.getGlyph(g.gid).path.bbox;
    expect(g.stretch).toBeDefined();
    const { scale, shift } = g.stretch!;
    expect(shift * NOTO.unitsPerEm + bbox.minX * scale).toBeCloseTo(0, 6);
    expect(shift * NOTO.unitsPerEm + bbox.maxX * scale).toBeCloseTo(NOTO.unitsPerEm, 6);
  });
});
