/** The batch page's progress counter reads entry names from a ZIP as it streams in. */
import { ZipFile } from 'yazl';
import { describe, expect, it } from 'vitest';
import { ZipEntryScanner } from '../../web/src/zip-progress.js';

function zipOf(entries: [string, Uint8Array, boolean][]): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const [name, bytes, compress] of entries) zip.addBuffer(Buffer.from(bytes), name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.outputStream.on('error', reject);
  });
}

describe('ZipEntryScanner', () => {
  it('names each entry once, whatever the chunk sizes, and skips a stored ZIP inside (a DOCX)', async () => {
    const docx = await zipOf([
      ['word/document.xml', new TextEncoder().encode('<w:document/>'), true],
      ['_rels/.rels', new TextEncoder().encode('<Relationships/>'), false],
    ]);
    const noise = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    const outer = await zipOf([
      ['张玥-0640/附件3-个人承诺书-张玥.pdf', noise, false],
      ['张玥-0640/评审表-张玥.docx', docx, false],
      ['阿依古丽·买买提-0020/承诺书.pdf', noise, true],
      ['花名册.xlsx', docx, false],
    ]);
    for (const size of [1, 7, 29, 64, 1000, outer.length]) {
      const names: string[] = [];
      const scanner = new ZipEntryScanner((name) => names.push(name));
      for (let offset = 0; offset < outer.length; offset += size) scanner.push(outer.subarray(offset, offset + size));
      expect(names, `chunks of ${size}`).toEqual([
        '张玥-0640/附件3-个人承诺书-张玥.pdf',
        '张玥-0640/评审表-张玥.docx',
        '阿依古丽·买买提-0020/承诺书.pdf',
        '花名册.xlsx',
      ]);
    }
  });
});
