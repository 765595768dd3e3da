/**
 * Hand-made PDF and compressed-data building blocks for the hostile corpus:
 * raw PDF files from object bodies (with a correct xref table), deflate data
 * of gigabytes of zeros made in milliseconds, and an LZW code stream of long
 * runs.
 */
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

export type PdfObject = string | { readonly dict: string; readonly data: Uint8Array };

/** A PDF whose object n (1-based) is objects[n-1]; trailer /Root 1 0 R unless `trailer` says otherwise. */
export function rawPdf(objects: readonly PdfObject[], trailer = '/Root 1 0 R'): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    if (typeof object === 'string') {
      push(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    } else {
      push(Buffer.from(`${index + 1} 0 obj\n<< ${object.dict} /Length ${object.data.length} >>\nstream\n`, 'latin1'));
      push(Buffer.from(object.data));
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** An A4 page tree around one page dictionary's extra entries and a content stream (object 4). */
export function onePage(content: PdfObject, pageExtra = '', catalogExtra = '', more: readonly PdfObject[] = []) {
  return rawPdf([
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << >> ${pageExtra} >>`,
    content,
    ...more,
  ]);
}

/** Adler-32 of `n` zero bytes. */
function adlerOfZeros(n: number): number {
  const b = n % 65521;
  return ((b << 16) | 1) >>> 0;
}

/**
 * Raw deflate data for `mib` MiB of zeros: one fully flushed 1 MiB block
 * repeated, then a final empty block. Built in milliseconds for any size.
 */
export function deflatedZerosRaw(mib: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => chunk), end]);
}

/** zlib (Flate) data for `mib` MiB of zeros, with its header and checksum. */
export function flateZeros(mib: number): Buffer {
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adlerOfZeros(mib * 1024 * 1024));
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflatedZerosRaw(mib), checksum]);
}

/** Flate of Flate: the 1 GiB double-filter bomb in a few kilobytes. */
export function doubleFlateZeros(mib: number): Buffer {
  return deflateSync(flateZeros(mib), { level: 9 });
}

/** Packs LZW codes (EarlyChange 1) with the code widths a decoder expects. */
function lzwWriter() {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  let width = 9;
  let next = 258;
  let hasPrevious = false;
  const emit = (code: number) => {
    buffer = (buffer << width) | code;
    bits += width;
    while (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
    if (code === 256) {
      width = 9;
      next = 258;
      hasPrevious = false;
      return;
    }
    if (hasPrevious) {
      next += 1;
      const probe = next + 1;
      if ((probe & (probe - 1)) === 0) width = Math.min(Math.log2(probe) + 1, 12);
    }
    hasPrevious = true;
  };
  const end = () => {
    emit(257);
    if (bits > 0) bytes.push((buffer << (8 - bits)) & 0xff);
    return Buffer.from(bytes);
  };
  return { emit, end, next: () => next };
}

/**
 * LZW codes for runs of zeros: 0, then each new code at once (each one byte
 * longer than the last), a clear-table code every ~3,700 codes. About 7 MB of
 * output per cycle.
 */
export function lzwZeros(cycles: number): Buffer {
  const writer = lzwWriter();
  for (let cycle = 0; cycle < cycles; cycle++) {
    writer.emit(0);
    while (writer.next() < 4000) writer.emit(writer.next());
    writer.emit(256);
  }
  return writer.end();
}

/** LZW data that spells `data` one literal code per byte (valid, if not small). */
export function lzwLiterals(data: Uint8Array): Buffer {
  const writer = lzwWriter();
  for (const byte of data) {
    if (writer.next() >= 4000) writer.emit(256);
    writer.emit(byte);
  }
  return writer.end();
}

/** PNG "Up" predictor (15 → row type 2) applied to rows of `columns` bytes. */
export function pngUpPredicted(data: Uint8Array, columns: number): Buffer {
  const rows = Math.ceil(data.length / columns);
  const out = Buffer.alloc(rows * (columns + 1));
  for (let row = 0; row < rows; row++) {
    out[row * (columns + 1)] = 2;
    for (let i = 0; i < columns; i++) {
      const value = data[row * columns + i] ?? 0;
      const above = row > 0 ? (data[(row - 1) * columns + i] ?? 0) : 0;
      out[row * (columns + 1) + 1 + i] = (value - above) & 0xff;
    }
  }
  return out;
}

/** RunLength data: `runs` runs of 128 zeros (two bytes each). */
export function runLengthZeros(runs: number): Buffer {
  const data = Buffer.alloc(runs * 2 + 1);
  for (let i = 0; i < runs; i++) data[i * 2] = 129; // 257 − 129 = 128 copies of the next byte (0)
  data[runs * 2] = 128; // end of data
  return data;
}

export function asciiHex(data: Uint8Array): Buffer {
  return Buffer.from(`${Buffer.from(data).toString('hex')}>`, 'latin1');
}

/** ASCII85 encoding (with the ~> end marker). */
export function ascii85(data: Uint8Array): Buffer {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const group = Buffer.alloc(4);
    Buffer.from(data.subarray(i, i + 4)).copy(group);
    const n = Math.min(4, data.length - i);
    let value = group.readUInt32BE(0);
    if (value === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const chars: string[] = [];
    for (let k = 0; k < 5; k++) {
      chars.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += chars.slice(0, n + 1).join('');
  }
  return Buffer.from(`${out}~>`, 'latin1');
}
