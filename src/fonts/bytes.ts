/**
 * The bytes of font files, read once per process into SharedArrayBuffers.
 * Render worker threads adopt the main thread's copies instead of reading their
 * own: each default Noto file is 10–15 MB, and a copy per thread tripled the
 * service's memory with two workers. A file is read straight into its shared
 * buffer, so start-up never holds a second, temporary copy of it.
 *
 * Start-up order: the main thread allocates the buffers (shareFontFiles), starts
 * the render threads with them, and only then reads the files into them
 * (fill, in the background), so the threads load their modules and the main
 * thread loads the app while the fonts are read. A thread that asks for a font
 * before the files are in waits for them (fontBytes); the main thread awaits
 * fontsBeingRead() before it reads fonts itself.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

/** Font files in shared memory, as handed to worker threads. */
export interface SharedFontFiles {
  /** Absolute path → the file's bytes (all zero until filled). */
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** [0]: 0 while the main thread reads, 1 once every file is in, -1 if a read failed. */
  readonly state: Int32Array;
}

const FILLING = 0;
const FILLED = 1;
const FAILED = -1;
/** How long a thread waits for the main thread to read the fonts before giving up. */
const FILL_WAIT_MS = 60_000;

const store = new Map<string, Uint8Array>();
/** Fills under way in this thread (shareFontFiles). */
const fills = new Set<Promise<void>>();
/** In a worker: the state of adopted files that may still be being read. */
let adoptedState: Int32Array | undefined;

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

function waitUntilFilled(state: Int32Array): void {
  if (Atomics.load(state, 0) === FILLING && Atomics.wait(state, 0, FILLING, FILL_WAIT_MS) === 'timed-out')
    throw new Error(`the font files were not read within ${FILL_WAIT_MS / 1000} s`);
  if (Atomics.load(state, 0) === FAILED) throw new Error('the font files could not be read');
  adoptedState = undefined;
}

/** The file's bytes (shared memory), read on first use. */
export function fontBytes(file: string): Buffer {
  if (adoptedState !== undefined) waitUntilFilled(adoptedState);
  const id = path.resolve(file);
  let bytes = store.get(id);
  if (!bytes) {
    bytes = readShared(id);
    store.set(id, bytes);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Shared buffers for these files, sized but not yet read, for a worker's
 * workerData; `fill` reads the files into them (off this thread's event loop)
 * and then lets waiting threads go. Files already read are handed over as they are.
 */
export function shareFontFiles(files: Iterable<string>): {
  readonly shared: SharedFontFiles;
  fill(): Promise<void>;
} {
  const out: Record<string, Uint8Array> = {};
  const toRead: Array<{ id: string; bytes: Uint8Array }> = [];
  for (const file of files) {
    const id = path.resolve(file);
    const bytes = store.get(id) ?? new Uint8Array(new SharedArrayBuffer(statSync(id).size));
    if (!store.has(id)) toRead.push({ id, bytes });
    out[id] = bytes;
  }
  const state = new Int32Array(new SharedArrayBuffer(4));
  let filling: Promise<void> | undefined;
  const fill = async () => {
    try {
      await Promise.all(toRead.map(({ id, bytes }) => readFileInto(id, bytes)));
      // Only whole files enter the store: until then this thread would read its own copy, never a partial one.
      for (const { id, bytes } of toRead) store.set(id, bytes);
      Atomics.store(state, 0, FILLED);
    } catch (error) {
      Atomics.store(state, 0, FAILED);
      throw error;
    } finally {
      Atomics.notify(state, 0);
    }
  };
  return {
    shared: { files: out, state },
    fill: () => {
      if (filling) return filling;
      const started = fill();
      filling = started;
      fills.add(started);
      void started.then(
        () => fills.delete(started),
        () => fills.delete(started),
      );
      return started;
    },
  };
}

/** Resolves when no font file is being read into shared memory by this thread (whatever the outcome). */
export async function fontsBeingRead(): Promise<void> {
  await Promise.allSettled([...fills]);
}

async function readFileInto(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'r');
  try {
    let offset = 0;
    while (offset < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.byteLength - offset, offset);
      if (bytesRead === 0) throw new Error(`${file}: file shorter than its size`);
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** In a worker: use the main thread's bytes for these files (waiting, on first use, until they are read). */
export function adoptFontBytes(shared: SharedFontFiles): void {
  for (const [id, bytes] of Object.entries(shared.files)) if (!store.has(id)) store.set(id, bytes);
  if (Atomics.load(shared.state, 0) !== FILLED) adoptedState = shared.state;
}
