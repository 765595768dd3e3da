/**
 * Counts the entries of a ZIP while it streams in, from their local file
 * headers, so the batch shows applicants done / total without any state on
 * the server. An entry whose size its header gives is skipped whole (a stored
 * DOCX is itself a ZIP, whose own headers must not count); after one written
 * with a data descriptor the next header is searched for. Only a progress
 * display: the finished ZIP is read from its central directory afterwards.
 */
const HEADER_BYTES = 30;
const DATA_DESCRIPTOR_FLAG = 0x0008;

function isSignature(data: Uint8Array, i: number): boolean {
  return data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x03 && data[i + 3] === 0x04;
}

export class ZipEntryScanner {
  private pending = new Uint8Array(0);
  /** Bytes of the current entry's data still to pass over. */
  private skip = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly onEntry: (name: string) => void) {}

  push(chunk: Uint8Array): void {
    let data: Uint8Array = chunk;
    if (this.pending.length > 0) {
      data = new Uint8Array(this.pending.length + chunk.length);
      data.set(this.pending);
      data.set(chunk, this.pending.length);
    }
    let pos = 0;
    for (;;) {
      if (this.skip > 0) {
        const take = Math.min(this.skip, data.length - pos);
        pos += take;
        this.skip -= take;
        if (this.skip > 0) break;
      }
      let i = pos;
      while (i + 4 <= data.length && !isSignature(data, i)) i += 1;
      if (i + HEADER_BYTES > data.length) {
        // Keep a possible header start for the next chunk.
        pos = Math.min(i, Math.max(pos, data.length - 3));
        break;
      }
      const view = new DataView(data.buffer, data.byteOffset + i, HEADER_BYTES);
      const flags = view.getUint16(6, true);
      const compressedSize = view.getUint32(18, true);
      const nameLength = view.getUint16(26, true);
      const extraLength = view.getUint16(28, true);
      if (i + HEADER_BYTES + nameLength + extraLength > data.length) {
        pos = i;
        break;
      }
      const name = this.name(data.subarray(i + HEADER_BYTES, i + HEADER_BYTES + nameLength));
      if (name === null) {
        pos = i + 1;
        continue;
      }
      this.onEntry(name);
      pos = i + HEADER_BYTES + nameLength + extraLength;
      if ((flags & DATA_DESCRIPTOR_FLAG) === 0) this.skip = compressedSize;
    }
    this.pending = data.slice(pos);
  }

  private name(bytes: Uint8Array): string | null {
    if (bytes.length === 0) return null;
    try {
      const name = this.decoder.decode(bytes);
      // Entry names are paths of printable characters; anything else is data that looked like a header.
      return /^[^\u0000-\u001f]+$/.test(name) ? name : null;
    } catch {
      return null;
    }
  }
}
