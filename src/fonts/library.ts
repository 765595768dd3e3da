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
  private readonly choiceCache = new Map<string, FaceChoice | null>();

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

  /** Reads and parses every configured font now (server start), instead of on first use. */
  preload(): void {
    for (const entry of this.allEntries) {
      void entry.regular.font;
      if (entry.bold) void entry.bold.font;
    }
    for (const role of FONT_ROLES) for (const e of this.chains[role]) if (e.bold) void e.bold.font;
  }

  /**
   * The face that prints `cp` in `role`: the first chain entry with a glyph,
   * else any configured face (so what the service can print at all prints in
   * every role); null when no face has it.
   */
  choose(cp: number, role: FontRole, bold = false): FaceChoice | null {
    const key = `${role}${bold ? 'b' : 'r'}${cp}`;
    const cached = this.choiceCache.get(key);
    if (cached !== undefined) return cached;
    let choice: FaceChoice | null = null;
    for (const entry of [...this.chains[role], ...this.allEntries]) {
      if (!entry.regular.has(cp)) continue;
      if (!bold) choice = { face: entry.regular, syntheticBold: false };
      else if (entry.bold && entry.bold.has(cp)) choice = { face: entry.bold, syntheticBold: false };
      else choice = { face: entry.regular, syntheticBold: true };
      break;
    }
    this.choiceCache.set(key, choice);
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
