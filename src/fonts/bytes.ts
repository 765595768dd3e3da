/**
 * Font files in shared memory, read piece by piece when first needed.
 *
 * The default Noto files are 10–15 MB each, 66 MB in all, and a document uses
 * a few hundred of their 30,000 glyphs. Reading them whole at start cost a
 * quarter of a second of page faults and 66 MB of resident memory; a copy per
 * render thread once tripled that. Instead each file is a SharedArrayBuffer of
 * its size, which costs nothing until written, with one flag per 4 KB chunk:
 * a reader asks for a byte range (ensure), missing chunks are read from the
 * file into the shared buffer, and every thread sees them from then on. The
 * main thread creates the buffers (shareFontFiles) and hands them to the render
 * threads (adoptFontFiles), so a chunk is read once per process.
 *
 * Chunks are read when first needed, not at start: a font file replaced while
 * the service runs would mix old and new bytes, so fonts change with a restart.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/** A font file as threads share it: its bytes and which chunks of them are read. */
export interface SharedFontFile {
  readonly bytes: Uint8Array;
  /** One byte per 4 KB chunk: 1 once the chunk's bytes are in `bytes` (set with Atomics after the write). */
  readonly loaded: Uint8Array;
}

export class FontFile {
  readonly file: string;
  /** What a worker thread is handed to read the same memory. */
  readonly shared: SharedFontFile;

  constructor(file: string, shared: SharedFontFile) {
    this.file = file;
    this.shared = shared;
  }

  /** The whole file's bytes; only ranges passed to ensure() hold the file's content. */
  get bytes(): Uint8Array {
    return this.shared.bytes;
  }

  /** Makes bytes [offset, offset + length) hold the file's content. */
  ensure(offset: number, length: number): void {
    const { bytes, loaded } = this.shared;
    const end = Math.min(bytes.byteLength, offset + length);
    if (offset < 0 || end <= offset) return;
    let chunk = offset >>> CHUNK_BITS;
    const last = (end - 1) >>> CHUNK_BITS;
    while (chunk <= last) {
      if (Atomics.load(loaded, chunk) === 1) {
        chunk++;
        continue;
      }
      // One read for a run of missing chunks. Two threads may read the same chunk at once: they
      // write the same bytes, and each marks it only after its own write.
      let runEnd = chunk;
      while (runEnd < last && Atomics.load(loaded, runEnd + 1) === 0) runEnd++;
      this.read(chunk << CHUNK_BITS, Math.min(bytes.byteLength, (runEnd + 1) << CHUNK_BITS));
      for (let k = chunk; k <= runEnd; k++) Atomics.store(loaded, k, 1);
      chunk = runEnd + 1;
    }
  }

  /** The whole file (for fontkit, which reads wherever its tables point). */
  ensureAll(): void {
    this.ensure(0, this.shared.bytes.byteLength);
  }

  /**
   * Opens the file for each read: a descriptor kept open would outlive a render thread that
   * piscina ends (descriptors belong to the process), and reads are rare once a document's
   * glyphs are in memory.
   */
  private read(from: number, to: number): void {
    const fd = openSync(this.file, 'r');
    try {
      let offset = from;
      while (offset < to) {
        const read = readSync(fd, this.shared.bytes, offset, to - offset, offset);
        if (read === 0) throw new Error(`${this.file}: file shorter than its size`);
        offset += read;
      }
    } finally {
      closeSync(fd);
    }
  }
}

const files = new Map<string, FontFile>();

function sharedFile(file: string): SharedFontFile {
  const size = statSync(file).size;
  return {
    bytes: new Uint8Array(new SharedArrayBuffer(size)),
    loaded: new Uint8Array(new SharedArrayBuffer(Math.ceil(size / CHUNK))),
  };
}

/** The process's view of a font file (nothing is read until asked for). */
export function fontFile(file: string): FontFile {
  const id = path.resolve(file);
  let found = files.get(id);
  if (!found) {
    found = new FontFile(id, sharedFile(id));
    files.set(id, found);
  }
  return found;
}

/** The shared buffers of these files, for a worker's workerData (shared, not copied). */
export function shareFontFiles(paths: Iterable<string>): Record<string, SharedFontFile> {
  const out: Record<string, SharedFontFile> = {};
  for (const file of paths) {
    const found = fontFile(file);
    out[found.file] = found.shared;
  }
  return out;
}

/** In a worker: use the main thread's buffers for these files. */
export function adoptFontFiles(shared: Readonly<Record<string, SharedFontFile>>): void {
  for (const [id, file] of Object.entries(shared)) if (!files.has(id)) files.set(id, new FontFile(id, file));
}
