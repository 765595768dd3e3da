/**
 * The heap limits of a worker thread that reads untrusted files (scans, roster
 * workbooks), so that a file needing more than `maxHeapMb` ends its thread and
 * never the process.
 *
 * Node ends a thread at its heap cap by letting the heap grow 16 MiB more while
 * the thread stops; a young generation larger than that can promote more in one
 * collection, and V8 then aborts the whole process instead ("Reached heap
 * limit", nodejs/node#47224). With a 64 MiB young generation a scan that fills
 * the heap took the server down about one time in four; with 16 MiB, never in
 * our runs (test/packet/scan-heap.test.ts).
 */
import type { ResourceLimits } from 'node:worker_threads';

const YOUNG_GENERATION_MB = 16;

export function threadHeapLimits(maxHeapMb: number): ResourceLimits {
  return { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
}
