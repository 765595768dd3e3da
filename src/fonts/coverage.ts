/**
 * Input coverage: every string of a request is checked against the configured
 * fonts before rendering, so a character no font has becomes a 422 naming the
 * field instead of a blank box on paper.
 */
import type { Problem } from '../errors.js';
import { getFontLibrary, type FontLibrary } from './library.js';

/** Characters that never print as glyphs: line breaks and tabs are layout. */
const IGNORED = new Set([0x0a, 0x0d, 0x09]);

/** Long base64 payloads (uploads) are not text to print. */
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One problem per field whose text has characters no configured font can print. */
export function findMissingGlyphs(value: unknown, basePath = '', lib: FontLibrary = getFontLibrary()): Problem[] {
  const problems: Problem[] = [];
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      if (v.length > 20000 && BASE64.test(v.slice(0, 20000))) return;
      const missing = lib.missingCodePoints(v).filter((cp) => !IGNORED.has(cp));
      if (missing.length === 0) return;
      problems.push({
        path: at,
        code: 'GLYPH_MISSING',
        message: `${missing.map((cp) => `“${String.fromCodePoint(cp)}”（${hex(cp)}）`).join('、')}无法用已配置的字体打印`,
        messageEn: `No configured font has a glyph for ${missing.map((cp) => `“${String.fromCodePoint(cp)}” (${hex(cp)})`).join(', ')}`,
      });
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, `${at}/${i}`);
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date) && !ArrayBuffer.isView(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key === 'photo') continue;
        visit(child, `${at}/${pointerToken(key)}`);
      }
    }
  };
  visit(value, basePath);
  return problems;
}
