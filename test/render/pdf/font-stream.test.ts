/**
 * Font subsets deflated a run of glyphs at a time and the runs reused: the
 * stream inflates to a valid TrueType file with every outline, the bytes are
 * the same whatever the cache held, the cost in size stays small, and a review
 * form rendered with warm caches is byte for byte the one rendered cold.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { REPO_FONTS_DIR, resolveFontPath } from '../../../src/fonts/config.js';
import { faceOf } from '../../../src/fonts/face.js';
import { subsetTrueType, tableChecksum } from '../../../src/fonts/subset.js';
import { reviewForm } from '../../../src/forms/review-form/index.js';
import { forgetEncodedFonts } from '../../../src/render/pdf/font-embed.js';
import { clearFontRunCache, fontStream } from '../../../src/render/pdf/font-stream.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { CTX, loadDossier } from '../../forms/model-walk.js';
import { NOTICE_BODY } from './sample-docs.js';

const NOTO = faceOf(
  resolveFontPath('npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', REPO_FONTS_DIR),
);

/** Glyph ids of a text in order of first use, .notdef first (as a document's subset lists them). */
function glyphsOf(text: string): number[] {
  const gids = [0];
  for (const ch of text) {
    const gid = NOTO.glyph(ch.codePointAt(0)!).gid;
    if (gid !== 0 && !gids.includes(gid)) gids.push(gid);
  }
  return gids;
}

/** Some 300 different characters, most of what a review form's body font holds. */
const BODY = [
  ...NOTICE_BODY,
  ...(['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate'] as const).map((n) => loadDossier(n).workSummary),
].join('');
const WITH_NAME = glyphsOf(`${BODY}申报人：阿依古丽·买买提，联系电话13912345678。`);
const OTHER_NAME = glyphsOf(`${BODY}申报人：张玥，联系电话13800001111。`);

describe('fontStream', () => {
  it('inflates to the subset file in glyph-id order, and maps each glyph asked for to its place', () => {
    const stream = fontStream(NOTO, WITH_NAME);
    const file = inflateSync(stream.deflated);
    expect(file.length).toBe(stream.length);
    const sorted = [...WITH_NAME].sort((a, b) => a - b);
    expect(Buffer.from(file).equals(Buffer.from(subsetTrueType(NOTO.sfnt, sorted)))).toBe(true);

    const sub = fontkit.create(file) as fontkit.Font;
    expect(sub.numGlyphs).toBe(WITH_NAME.length);
    WITH_NAME.forEach((gid, i) => {
      const newId = stream.newIds[i]!;
      expect(JSON.stringify(sub.getGlyph(newId).path.commands)).toBe(
        JSON.stringify(NOTO.font.getGlyph(gid).path.commands),
      );
      expect(sub.getGlyph(newId).advanceWidth).toBe(NOTO.font.getGlyph(gid).advanceWidth);
    });
  });

  it('writes table checksums and a head checksum adjustment that cover the glyphs', () => {
    const file = inflateSync(fontStream(NOTO, WITH_NAME).deflated);
    const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const tags: string[] = [];
    for (let i = 0; i < v.getUint16(4); i++) {
      const rec = 12 + 16 * i;
      const tag = file.subarray(rec, rec + 4).toString('latin1');
      tags.push(tag);
      const offset = v.getUint32(rec + 8);
      const table = new Uint8Array(file.subarray(offset, offset + v.getUint32(rec + 12)));
      if (tag === 'head') new DataView(table.buffer).setUint32(8, 0);
      expect(tableChecksum(table), tag).toBe(v.getUint32(rec + 4));
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toContain('glyf');
    expect(tableChecksum(file)).toBe(0xb1b0afba);
  });

  it('gives the same bytes from a cold cache and from one warmed by other subsets', () => {
    clearFontRunCache();
    const cold = fontStream(NOTO, WITH_NAME).deflated;
    fontStream(NOTO, OTHER_NAME);
    fontStream(NOTO, WITH_NAME.slice(0, 200));
    const warm = fontStream(NOTO, WITH_NAME).deflated;
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
  });

  it('costs at most a few percent over deflating the subset file in one piece', () => {
    const stream = fontStream(NOTO, WITH_NAME);
    const one = deflateSync(inflateSync(stream.deflated), { level: 3 });
    expect(WITH_NAME.length).toBeGreaterThan(300);
    expect(stream.deflated.length).toBeLessThan(one.length * 1.06);
  });
});

describe('a review form with warm caches', () => {
  it('is byte for byte the review form rendered cold', async () => {
    const applicant = loadDossier('zhang-yue-intermediate');
    const other = { ...applicant, applicant: { ...applicant.applicant, name: '阿依古丽' } };
    forgetEncodedFonts();
    await renderPdf(reviewForm.build(loadDossier('ayguli-junior'), CTX));
    await renderPdf(reviewForm.build(other, CTX));
    const warm = await renderPdf(reviewForm.build(applicant, CTX));
    forgetEncodedFonts();
    const cold = await renderPdf(reviewForm.build(applicant, CTX));
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
  }, 30_000);
});
