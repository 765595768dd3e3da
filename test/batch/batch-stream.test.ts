import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { streamBatch, type BatchDeps } from '../../src/batch/batch.js';
import { AppError } from '../../src/errors.js';
import { FORMS } from '../../src/forms/registry.js';
import { unzipParts } from '../helpers/office-tools.js';
import { makePdf } from '../packet/scan-fixtures.js';

const dossier = JSON.parse(
  readFileSync(new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url), 'utf8'),
);
const unit = { name: '若羌县档案馆', prefecture: '', preparer: '', phone: '', date: '2024-10-14' };

function deps(renderForm: BatchDeps['renderForm']): BatchDeps {
  return {
    renderForm,
    forms: FORMS,
    findMissingGlyphs: async () => [],
    concurrency: 1,
  };
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

// A real one-page PDF: the print file of each folder is merged from the documents.
const file = { bytes: await makePdf(1), contentType: 'application/pdf', extension: 'pdf' as const };

describe('streamBatch', () => {
  it('waits for a render slot when the service is busy instead of reporting 429', async () => {
    let calls = 0;
    const { stream, summary } = streamBatch(
      { unit, entries: [{ source: '/dossiers/0', label: '张玥', dossier }], now: new Date('2024-10-14T00:00:00Z') },
      deps(async () => {
        calls += 1;
        if (calls <= 3) throw new AppError('TOO_MANY_REQUESTS');
        return file;
      }),
    );
    const names = [...unzipParts(await collect(stream)).keys()];
    const result = await summary;
    expect(result.failed).toEqual([]);
    // Every document the forms' declarations put in a batch folder (附件6, 鉴定, 公示 × 2, 评审表, 总结, 经历证明,
    // 承诺书) and the print file of them all.
    expect(names.filter((name) => name.startsWith('张玥-0640/')).length).toBe(9);
    expect(names).toContain('张玥-0640/打印-张玥.pdf');
  });

  it('reports a document whose render timed out and goes on with the rest', async () => {
    const { stream, summary } = streamBatch(
      { unit, entries: [{ source: '/dossiers/0', label: '张玥', dossier }], now: new Date('2024-10-14T00:00:00Z') },
      deps(async (formId) => {
        if (formId === 'review-form') throw new AppError('RENDER_TIMEOUT');
        return file;
      }),
    );
    const names = [...unzipParts(await collect(stream)).keys()];
    const result = await summary;
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ partial: true, problems: [{ code: 'RENDER_TIMEOUT' }] });
    expect(names).toContain('张玥-0640/现实表现鉴定-张玥.pdf');
    expect(names.some((name) => name.includes('评审表'))).toBe(false);
    expect(names).toContain('检查报告.csv');
  });
});
