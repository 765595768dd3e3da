/**
 * Sets every entry's modification time in a ZIP to one given instant. The
 * docx package zips with the wall-clock time and has no option for it; the
 * DOS time/date fields are outside the CRC, so patching them in place keeps
 * the archive valid and makes the same model give the same bytes.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Patches `zip` in place and returns it; throws on anything but a plain single-disk ZIP. */
export function stampZip(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  // Skip back over an archive comment, if any (the docx package writes none).
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD) eocd--;
  if (eocd < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const { time, day } = dosDateTime(date);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error('ZIP central directory is corrupt');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, day, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('ZIP local header is corrupt');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, day, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
