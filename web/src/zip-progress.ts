/**
 * Counts the entries of a ZIP while it streams in, from their local file
 * headers, so the batch shows applicants done / total without any state on
 * the server. Only a progress display: the finished ZIP is read properly from
 * its central directory afterwards.
 */
const SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const HEADER_BYTES = 30;

export class ZipEntryScanner {
  private tail = new Uint8Array(0);
  /** Offset in the whole stream of tail[0], and of the last header reported (the tail is scanned again). */
  private base = 0;
  private lastReported = -1;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly onEntry: (name: string) => void) {}

  push(chunk: Uint8Array): void {
    const data = new Uint8Array(this.tail.length + chunk.length);
    data.set(this.tail);
    data.set(chunk, this.tail.length);
    let keepFrom = Math.max(0, data.length - (HEADER_BYTES + 1024));
    for (let i = 0; i + 4 <= data.length; i += 1) {
      if (data[i] !== SIGNATURE[0] || data[i + 1] !== SIGNATURE[1] || data[i + 2] !== SIGNATURE[2] || data[i + 3] !== SIGNATURE[3]) continue;
      if (i + HEADER_BYTES > data.length) {
        keepFrom = Math.min(keepFrom, i);
        break;
      }
      const view = new DataView(data.buffer, data.byteOffset + i);
      const version = view.getUint16(4, true);
      const nameLength = view.getUint16(26, true);
      const extraLength = view.getUint16(28, true);
      if (version > 63 || nameLength === 0 || nameLength > 1024) continue;
      if (i + HEADER_BYTES + nameLength > data.length) {
        keepFrom = Math.min(keepFrom, i);
        break;
      }
      const name = this.name(data.subarray(i + HEADER_BYTES, i + HEADER_BYTES + nameLength));
      if (name === null) continue;
      if (this.base + i > this.lastReported) {
        this.lastReported = this.base + i;
        this.onEntry(name);
      }
      i += HEADER_BYTES + nameLength + extraLength - 1;
    }
    this.tail = data.slice(keepFrom);
    this.base += keepFrom;
  }

  private name(bytes: Uint8Array): string | null {
    try {
      const name = this.decoder.decode(bytes);
      // Entry names are paths of printable characters; anything else is compressed data that looked like a header.
      return /^[^\u0000-\u001f]+$/.test(name) ? name : null;
    } catch {
      return null;
    }
  }
}
