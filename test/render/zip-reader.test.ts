import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../../src/render/docx/zip-writer.js';
import { unzipEntries } from '../../src/render/zip-reader.js';

describe('unzipEntries', () => {
  it('reads back, in order, what zipParts wrote: text parts deflated, byte parts stored', () => {
    const picture = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    const styles = `<styleSheet>${'<font><sz val="11"/></font>'.repeat(50)}</styleSheet>`;
    const zip = zipParts(
      [
        ['[Content_Types].xml', '<Types/>'],
        ['xl/styles.xml', styles],
        ['xl/media/image1.png', picture],
        ['xl/worksheets/工作表.xml', '<worksheet>中文</worksheet>'],
      ],
      new Date('2024-09-20T00:00:00Z'),
    );
    // The styles part is stored deflated: its text is not in the archive as it is.
    expect(Buffer.from(zip).includes(Buffer.from(styles))).toBe(false);
    const entries = unzipEntries(zip);
    expect(entries.map(([name]) => name)).toEqual([
      '[Content_Types].xml',
      'xl/styles.xml',
      'xl/media/image1.png',
      'xl/worksheets/工作表.xml',
    ]);
    const text = new TextDecoder();
    expect(text.decode(entries[1]![1])).toBe(styles);
    expect([...entries[2]![1]]).toEqual([...picture]);
    expect(text.decode(entries[3]![1])).toBe('<worksheet>中文</worksheet>');
  });

  it('refuses bytes that are no ZIP archive', () => {
    expect(() => unzipEntries(deflateRawSync(Buffer.from('not a zip')))).toThrow('not a ZIP archive');
  });
});
