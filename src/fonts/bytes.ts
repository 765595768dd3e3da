/**
 * The bytes of font files, read once per process into SharedArrayBuffers.
 * Render worker threads adopt the main thread's copies instead of reading their
 * own: each default Noto file is 10–15 MB, and a copy per thread tripled the
 * service's memory with two workers. A file is read straight into its shared
 * buffer, so start-up never holds a second, temporary copy of it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

const store = new Map<string, Uint8Array>();

function readShared(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, bytes, offset, size - offset, offset);
      if (read === 0) throw new Error(`${file}: file shorter than its size`);
      offset += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes (shared memory), read on first use. */
export function fontBytes(file: string): Buffer {
  const id = path.resolve(file);
  let bytes = store.get(id);
  if (!bytes) {
    bytes = readShared(id);
    store.set(id, bytes);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The shared bytes of these files, for a worker's workerData (shared, not copied). */
export function sharedFontBytes(files: Iterable<string>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const file of files) {
    const bytes = fontBytes(file);
    out[path.resolve(file)] = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return out;
}

/** In a worker: use the main thread's bytes for these files. */
export function adoptFontBytes(shared: Readonly<Record<string, Uint8Array>>): void {
  for (const [id, bytes] of Object.entries(shared)) if (!store.has(id)) store.set(id, bytes);
}
