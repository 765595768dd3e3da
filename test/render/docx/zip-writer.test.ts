import { describe, expect, it } from 'vitest';
import { stampZip } from '../../../src/render/docx/zip-stamp.js';
import { zipParts } from '../../../src/render/docx/zip-writer.js';
import { unzipParts } from '../../helpers/office-tools.js';

describe('zipParts', () => {
  const date = new Date('2024-09-04T08:30:10Z');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  it('round-trips text and binary parts, in order', () => {
    const xml = '<?xml version="1.0"?><w:document>档案'.padEnd(5000, 'x');
    const zip = zipParts(
      [
        ['word/document.xml', xml],
        ['word/media/a.png', png],
      ],
      date,
    );
    const parts = unzipParts(zip);
    expect([...parts.keys()]).toEqual(['word/document.xml', 'word/media/a.png']);
    expect(new TextDecoder().decode(parts.get('word/document.xml'))).toBe(xml);
    expect([...parts.get('word/media/a.png')!]).toEqual([...png]);
    // Deflated: the repeated text shrinks.
    expect(zip.length).toBeLessThan(1000);
  });

  it('dates every entry with the given instant, so equal input gives equal bytes', () => {
    const a = zipParts(
      [
        ['a.xml', '<a/>'],
        ['b.xml', '<b/>'],
      ],
      date,
    );
    const b = zipParts(
      [
        ['a.xml', '<a/>'],
        ['b.xml', '<b/>'],
      ],
      new Date(date),
    );
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const view = new DataView(a.buffer, a.byteOffset);
    // DOS date: 2024-09-04 → (44 << 9) | (9 << 5) | 4; time 08:30:10 → (8 << 11) | (30 << 5) | 5.
    expect(view.getUint16(12, true)).toBe((44 << 9) | (9 << 5) | 4);
    expect(view.getUint16(10, true)).toBe((8 << 11) | (30 << 5) | 5);
    const later = zipParts(
      [
        ['a.xml', '<a/>'],
        ['b.xml', '<b/>'],
      ],
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false);
  });
});

describe('stampZip', () => {
  it('re-dates every local and central entry of an existing archive in place', () => {
    const parts: [string, string][] = [
      ['a.xml', '<a/>'],
      ['word/b.xml', '<b>档案</b>'],
    ];
    const early = zipParts(parts, new Date('2020-01-01T00:00:00Z'));
    const later = new Date('2024-09-04T08:30:10Z');
    expect(Buffer.from(early).equals(Buffer.from(zipParts(parts, later)))).toBe(false);
    expect(Buffer.from(stampZip(early, later)).equals(Buffer.from(zipParts(parts, later)))).toBe(true);
  });

  it('rejects bytes that are not a ZIP', () => {
    expect(() => stampZip(new Uint8Array(40), new Date())).toThrow(/not a ZIP/);
  });
});
