/**
 * The FontFile2 stream of a subset, deflated a run of glyphs at a time.
 *
 * Deflating the glyph outlines was most of what a new applicant cost: the
 * review form's subsets hold ~140 KB of outlines, and an applicant brings only
 * a handful of glyphs of their own (name, ID and phone digits). The subset's
 * glyphs are in glyph-id order, cut into runs whose bounds follow from the ids
 * alone (fonts/subset.ts), and each run is deflated on its own and kept: the
 * next applicant's subset deflates only the runs their own glyphs fall in, and
 * the tables before the glyphs (a few KB). The bytes are a function of the
 * subset alone, whatever the cache holds (zlib-segments.ts).
 */
import type { FontFace } from '../../fonts/face.js';
import { glyfRun, planSubset, subsetHead, tableChecksum, type SubsetPlan } from '../../fonts/subset.js';
import { deflatePiece, zlibStream, type DeflatedPiece } from './zlib-segments.js';

interface CachedRun extends DeflatedPiece {
  readonly lengths: readonly number[];
  readonly checksum: number;
}

/**
 * Deflated runs by face and run key, least recently used first. A run is about
 * 10 KB deflated; the cap of 8 MB of deflated bytes (some 800 runs, 40,000
 * glyphs) is what this cache costs each render thread at most, and holds the
 * runs of every form's fixed text in every face a deployment uses.
 */
const runCache = new Map<string, CachedRun>();
const RUN_CACHE_BYTES = 8 * 1024 * 1024;
let runCacheBytes = 0;

function cachedRun(face: FontFace, plan: SubsetPlan, index: number): CachedRun {
  const run = plan.runs[index]!;
  const key = `${face.contentId}\u0000${run.key}`;
  const hit = runCache.get(key);
  if (hit) {
    runCache.delete(key);
    runCache.set(key, hit);
    return hit;
  }
  const glyf = glyfRun(face.sfnt, plan, run);
  const made: CachedRun = { ...deflatePiece(glyf.bytes), lengths: glyf.lengths, checksum: tableChecksum(glyf.bytes) };
  runCache.set(key, made);
  runCacheBytes += made.deflated.length;
  for (const [oldKey, old] of runCache) {
    if (runCacheBytes <= RUN_CACHE_BYTES) break;
    runCache.delete(oldKey);
    runCacheBytes -= old.deflated.length;
  }
  return made;
}

/** Forgets every deflated run. */
export function clearFontRunCache(): void {
  runCache.clear();
  runCacheBytes = 0;
}

export interface FontStream {
  /** The zlib stream of the subset file. */
  readonly deflated: Uint8Array;
  /** The subset file's length (the stream's Length1). */
  readonly length: number;
  /** New glyph id of each glyph asked for, in the order asked. */
  readonly newIds: readonly number[];
}

/**
 * The deflated subset of `face` holding `glyphs` (original ids, .notdef first).
 * The subset orders them by id, so the caller maps its own glyph numbers to
 * the subset's with `newIds`.
 */
export function fontStream(face: FontFace, glyphs: readonly number[]): FontStream {
  const sorted = [...new Set(glyphs)].sort((a, b) => a - b);
  const plan = planSubset(face.sfnt, sorted);
  const runs = plan.runs.map((_, i) => cachedRun(face, plan, i));
  const head = deflatePiece(subsetHead(face.sfnt, plan, runs));
  const newId = new Map(plan.order.map((gid, i) => [gid, i]));
  return {
    deflated: zlibStream([head, ...runs]),
    length: head.length + runs.reduce((sum, r) => sum + r.length, 0),
    newIds: glyphs.map((gid) => newId.get(gid)!),
  };
}
