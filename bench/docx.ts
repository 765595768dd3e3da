/**
 * DOCX render benchmark: a one-page notice (title, six paragraphs, signature)
 * rendered 200 times after a warm-up. Run alone: `npx tsx bench/docx.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/document/model.js';
import { GBT9704_LINE_PITCH, GBT9704_PAGE } from '../src/document/model.js';
import { renderDocx } from '../src/render/docx/index.js';

const BODY =
  '根据巴州档案局关于做好2024年度档案系列专业技术职务任职资格评审工作的通知要求，经本人申请、单位推荐，' +
  '现将申报人员的基本情况、工作业绩和继续教育情况予以公示，公示期为5个工作日。';

export function noticeModel(): Document {
  return {
    meta: { title: '推荐单位公示', subject: '档案系列职称', createdAt: new Date('2024-09-04T08:30:00Z') },
    page: { ...GBT9704_PAGE, mirrored: true },
    base: { font: 'fangsong', size: 16, lineHeight: GBT9704_LINE_PITCH },
    pageNumbers: 'dash',
    watermark: { text: '档案系列职称评审专用' },
    blocks: [
      { type: 'heading', level: 0, runs: [{ text: '关于阿依古丽·买买提同志申报馆员的公示' }] },
      ...Array.from({ length: 6 }, (_, i) => ({
        type: 'paragraph' as const,
        firstLineIndent: 2,
        runs: [{ text: `${i + 1}. ${BODY}` }, { text: '阿依古丽·买买提', style: { underline: true } }],
      })),
      { type: 'signature', sealSpace: 20, lines: [{ text: '巴州档案局（公章）' }, { text: '2024年9月4日' }] },
    ],
  };
}

export async function benchDocx(runs = 200): Promise<{ firstMs: number; medianMs: number; p95Ms: number }> {
  const model = noticeModel();
  let t = performance.now();
  await renderDocx(model);
  const firstMs = performance.now() - t;
  for (let i = 0; i < 20; i++) await renderDocx(model);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await renderDocx(model);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { firstMs, medianMs: at(0.5), p95Ms: at(0.95) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchDocx();
  console.log(
    `docx one-page notice: first ${r.firstMs.toFixed(1)} ms, median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms`,
  );
}
