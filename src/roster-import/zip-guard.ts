/**
 * Zip-bomb guard for uploaded workbooks. An XLSX is a zip; exceljs inflates
 * every part into memory, so before handing it over we read the central
 * directory (yauzl), refuse declared sizes past the limits, then inflate each
 * entry once into nothing: yauzl checks that the real size matches the
 * declared one, so a directory that lies about its sizes is caught too.
 */
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Entries in the archive. */
  readonly maxEntries: number;
  /** Sum of all uncompressed sizes, in bytes. */
  readonly maxUncompressedBytes: number;
}

export type ZipVerdict =
  | { readonly ok: true; readonly entries: number; readonly uncompressedBytes: number }
  | {
      readonly ok: false;
      readonly reason: 'not-zip' | 'not-xlsx' | 'too-many-entries' | 'too-large';
      readonly detail: string;
    };

/** Parts every XLSX has; a zip without them is some other file. */
const XLSX_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];

/** Drains a stream, failing once more than `budget` bytes have come out. */
async function drain(stream: NodeJS.ReadableStream, budget: number): Promise<number> {
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > budget) throw new RangeError('inflated size exceeds the limit');
  }
  return total;
}

export async function inspectZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipVerdict> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    return { ok: false, reason: 'not-zip', detail: (error as Error).message };
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return { ok: false, reason: 'too-many-entries', detail: `${zip.entryCount} entries` };
    }
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        return {
          ok: false,
          reason: 'too-large',
          detail: `more than ${limits.maxUncompressedBytes} bytes uncompressed`,
        };
      }
      entries.push(entry);
    }
    const names = new Set(entries.map((e) => e.fileName));
    const absent = XLSX_PARTS.filter((part) => !names.has(part));
    if (absent.length > 0) return { ok: false, reason: 'not-xlsx', detail: `no ${absent.join(', ')}` };
    let actual = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      actual += await drain(stream, limits.maxUncompressedBytes - actual);
    }
    return { ok: true, entries: entries.length, uncompressedBytes: actual };
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, reason: 'too-large', detail: `more than ${limits.maxUncompressedBytes} bytes uncompressed` };
    }
    return { ok: false, reason: 'not-zip', detail: (error as Error).message };
  } finally {
    zip.close();
  }
}
