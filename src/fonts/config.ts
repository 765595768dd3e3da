/**
 * fonts.json: font roles → fallback chains of faces. The repository's
 * fonts/fonts.json holds the Noto defaults; an operator's FONTS_DIR may hold its
 * own fonts.json whose chains go first (e.g. 仿宋_GB2312 for fangsong). Every
 * chain ends with the Noto defaults, because GB2312-only fonts lack rare name
 * characters.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FontRole } from '../document/model.js';

export const FONT_ROLES = ['song', 'fangsong', 'kai', 'hei', 'title'] as const satisfies readonly FontRole[];

const FaceEntry = z.object({
  /** Human name for logs and README tables. */
  name: z.string().optional(),
  /** TTF/OTF path relative to the fonts.json folder, or npm:<package path>. */
  regular: z.string().min(1),
  bold: z.string().min(1).optional(),
});
type FaceEntry = z.infer<typeof FaceEntry>;

const FontsConfig = z.object({
  roles: z.object({
    song: z.array(FaceEntry).optional(),
    fangsong: z.array(FaceEntry).optional(),
    kai: z.array(FaceEntry).optional(),
    hei: z.array(FaceEntry).optional(),
    title: z.array(FaceEntry).optional(),
  }),
});
type FontsConfig = z.infer<typeof FontsConfig>;

/** One chain entry with absolute file paths. */
export interface ResolvedFace {
  readonly name: string;
  readonly regular: string;
  readonly bold?: string;
}

export type ResolvedChains = Readonly<Record<FontRole, readonly ResolvedFace[]>>;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_FONTS_DIR = path.join(REPO_ROOT, 'fonts');

const SERIF = 'npm:@expo-google-fonts/noto-serif-sc';
const SANS = 'npm:@expo-google-fonts/noto-sans-sc';
/** The end of every chain, even when an operator edits the repository's fonts.json. */
const LAST_RESORT: Readonly<Record<FontRole, FaceEntry>> = {
  song: {
    name: 'Noto Serif SC',
    regular: `${SERIF}/400Regular/NotoSerifSC_400Regular.ttf`,
    bold: `${SERIF}/700Bold/NotoSerifSC_700Bold.ttf`,
  },
  fangsong: {
    name: 'Noto Serif SC',
    regular: `${SERIF}/400Regular/NotoSerifSC_400Regular.ttf`,
    bold: `${SERIF}/700Bold/NotoSerifSC_700Bold.ttf`,
  },
  kai: {
    name: 'Noto Serif SC',
    regular: `${SERIF}/400Regular/NotoSerifSC_400Regular.ttf`,
    bold: `${SERIF}/700Bold/NotoSerifSC_700Bold.ttf`,
  },
  hei: {
    name: 'Noto Sans SC',
    regular: `${SANS}/400Regular/NotoSansSC_400Regular.ttf`,
    bold: `${SANS}/700Bold/NotoSansSC_700Bold.ttf`,
  },
  title: {
    name: 'Noto Serif SC Bold',
    regular: `${SERIF}/700Bold/NotoSerifSC_700Bold.ttf`,
    bold: `${SERIF}/900Black/NotoSerifSC_900Black.ttf`,
  },
};

const require = createRequire(import.meta.url);

/**
 * Resolves a face path of a fonts.json in `baseDir`: npm:<package path>, an
 * absolute path, a path relative to the fonts.json folder, or one relative to
 * the repository.
 */
export function resolveFontPath(spec: string, baseDir: string): string {
  if (!spec.startsWith('npm:')) {
    const local = path.resolve(baseDir, spec);
    if (existsSync(local) || path.isAbsolute(spec)) return local;
    const fromRepo = path.resolve(REPO_ROOT, spec);
    return existsSync(fromRepo) ? fromRepo : local;
  }
  const pkgPath = spec.slice(4);
  const direct = path.join(REPO_ROOT, 'node_modules', pkgPath);
  if (existsSync(direct)) return direct;
  // Hoisted elsewhere (a workspace or a global install): let Node find the package.
  try {
    return require.resolve(pkgPath);
  } catch {
    return direct;
  }
}

function readConfig(dir: string): FontsConfig | undefined {
  const file = path.join(dir, 'fonts.json');
  if (!existsSync(file)) return undefined;
  const parsed = FontsConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

function resolveEntries(entries: readonly FaceEntry[] | undefined, dir: string): ResolvedFace[] {
  return (entries ?? []).map((e) => {
    const regular = resolveFontPath(e.regular, dir);
    const face: ResolvedFace = { name: e.name ?? path.basename(regular), regular };
    return e.bold ? { ...face, bold: resolveFontPath(e.bold, dir) } : face;
  });
}

/**
 * Chains for every role: the operator's faces (FONTS_DIR), then the repository
 * defaults; duplicates removed by file. `fontsDir` defaults to FONTS_DIR or <repo>/fonts.
 */
export function loadFontChains(fontsDir: string = process.env.FONTS_DIR ?? REPO_FONTS_DIR): ResolvedChains {
  const operatorDir = path.resolve(fontsDir);
  const defaults = readConfig(REPO_FONTS_DIR);
  const operator = operatorDir === REPO_FONTS_DIR ? undefined : readConfig(operatorDir);
  const out = {} as Record<FontRole, ResolvedFace[]>;
  for (const role of FONT_ROLES) {
    const chain = [
      ...resolveEntries(operator?.roles[role], operatorDir),
      ...resolveEntries(defaults?.roles[role], REPO_FONTS_DIR),
      ...resolveEntries([LAST_RESORT[role]], REPO_FONTS_DIR),
    ];
    const seen = new Set<string>();
    out[role] = chain.filter((f) => {
      if (seen.has(f.regular)) return false;
      seen.add(f.regular);
      return true;
    });
    if (out[role].length === 0) throw new Error(`fonts.json: role "${role}" has no font`);
  }
  return out;
}
