/**
 * What the HTTP layer needs from the font library: preloading (readiness) and
 * the coverage check that turns an unprintable character into a 422 before any
 * rendering starts. Loaded lazily so the font files are parsed once, when asked.
 */
import type { Problem } from '../errors.js';

export interface FontServices {
  /** Parses the configured fonts; resolves when they are ready for layout. */
  preload(): Promise<void>;
  loaded(): boolean;
  /** Problems (code GLYPH_MISSING) for every code point no configured font can draw. */
  findMissingGlyphs(value: unknown, basePath?: string): Promise<Problem[]>;
}

export function createFontServices(): FontServices {
  let loaded = false;
  let preloading: Promise<void> | undefined;
  return {
    preload() {
      preloading ??= import('../fonts/index.js')
        .then(({ getFontLibrary }) => getFontLibrary().preload())
        .then(() => {
          loaded = true;
        });
      // A failed load may be retried (e.g. after an operator fixes FONTS_DIR).
      preloading.catch(() => {
        preloading = undefined;
      });
      return preloading;
    },
    loaded: () => loaded,
    async findMissingGlyphs(value, basePath) {
      const { findMissingGlyphs } = await import('../fonts/coverage.js');
      return findMissingGlyphs(value, basePath);
    },
  };
}
