export { FontLibrary, getFontLibrary, type ChainEntry, type FaceChoice } from './library.js';
export { FontFace, faceOf, type GlyphInfo } from './face.js';
export { findMissingGlyphs } from './coverage.js';
export { FONT_ROLES, loadFontChains, type ResolvedChains, type ResolvedFace } from './config.js';
