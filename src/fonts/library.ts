/**
 * Font roles → fallback chains of parsed faces, and which face prints a code
 * point. One library per process (getFontLibrary); faces load lazily, or all at
 * once with preload() at server start.
 */
import type { FontRole } from '../document/model.js';
import { FONT_ROLES, loadFontChains, type ResolvedChains } from './config.js';
import { faceOf, type FontFace } from './face.js';

export interface ChainEntry {
  readonly name: string;
  readonly regular: FontFace;
  readonly bold?: FontFace;
}

export interface FaceChoice {
  readonly face: FontFace;
  /** Bold was asked for but the chosen entry has no bold face: draw it emboldened. */
  readonly syntheticBold: boolean;
}

export class FontLibrary {
  readonly chains: Readonly<Record<FontRole, readonly ChainEntry[]>>;
  /** Every distinct regular face, each chain's own first: the cross-role last resort. */
  private readonly allEntries: readonly ChainEntry[];
  /** Per role and weight: code point → choice (layout asks for every glyph). */
  private readonly choiceCache = new Map<string, Map<number, FaceChoice | null>>();

  constructor(chains: ResolvedChains = loadFontChains()) {
    const out = {} as Record<FontRole, ChainEntry[]>;
    const all = new Map<string, ChainEntry>();
    for (const role of FONT_ROLES) {
      out[role] = chains[role].map((f) => {
        const entry: ChainEntry = f.bold
          ? { name: f.name, regular: faceOf(f.regular), bold: faceOf(f.bold) }
          : { name: f.name, regular: faceOf(f.regular) };
        if (!all.has(entry.regular.id)) all.set(entry.regular.id, entry);
        return entry;
      });
    }
    this.chains = out;
    this.allEntries = [...all.values()];
  }

  /** Every configured font file (regular and bold faces of every chain). */
  files(): string[] {
    const files = new Set<string>();
    for (const role of FONT_ROLES)
      for (const e of this.chains[role]) {
        files.add(e.regular.file);
        if (e.bold) files.add(e.bold.file);
      }
    return [...files];
  }

  /**
   * Reads every configured font's character map, advances and metrics now
   * (server start), so a broken font shows before a request does and the
   * coverage check is fast. Glyph outlines are read as documents use them.
   */
  preload(): void {
    const faces = new Set<FontFace>();
    for (const role of FONT_ROLES)
      for (const e of this.chains[role]) {
        faces.add(e.regular);
        if (e.bold) faces.add(e.bold);
      }
    // Reading the cmap and metrics now keeps the first request fast; the rest of a file is read as it is used.
    for (const face of faces) {
      face.glyph(0x4e00);
      face.sfnt.metrics();
    }
  }

  /**
   * The face that prints `cp` in `role`: the first chain entry with a glyph,
   * else any configured face (so what the service can print at all prints in
   * every role); null when no face has it.
   */
  choose(cp: number, role: FontRole, bold = false): FaceChoice | null {
    const key = bold ? `${role}:b` : role;
    let cache = this.choiceCache.get(key);
    if (!cache) {
      cache = new Map();
      this.choiceCache.set(key, cache);
    }
    const cached = cache.get(cp);
    if (cached !== undefined) return cached;
    let choice: FaceChoice | null = null;
    for (const entry of [...this.chains[role], ...this.allEntries]) {
      if (!entry.regular.has(cp)) continue;
      if (!bold) choice = { face: entry.regular, syntheticBold: false };
      else if (entry.bold?.has(cp)) choice = { face: entry.bold, syntheticBold: false };
      else choice = { face: entry.regular, syntheticBold: true };
      break;
    }
    cache.set(cp, choice);
    return choice;
  }

  /**
   * Code points of `text` that no face can print: with a role, no face of that
   * role's chain; without, no configured face at all (what the service cannot
   * print in any role). Each code point once, in order of appearance.
   */
  missingCodePoints(text: string, role?: FontRole): number[] {
    const entries = role ? this.chains[role] : this.allEntries;
    const missing: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (missing.includes(cp)) continue;
      if (!entries.some((e) => e.regular.has(cp))) missing.push(cp);
    }
    return missing;
  }
}

let library: FontLibrary | undefined;

/** The process's font library (reads FONTS_DIR on first call). */
export function getFontLibrary(): FontLibrary {
  library ??= new FontLibrary();
  return library;
}
