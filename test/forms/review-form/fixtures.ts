/**
 * Inputs for the review-form tests: the fixture dossiers, a long dossier
 * (30 achievements, a 3,000-character summary) and small real images.
 */
import { readFileSync } from 'node:fs';
import { DossierSchema, type Dossier } from '../../../src/domain/dossier.js';
import type { Block, Document, Paragraph } from '../../../src/document/model.js';
import type { FormContext } from '../../../src/forms/types.js';
import { qrPng } from '../../../src/render/qr-png.js';
import { createSigner } from '../../../src/verify/index.js';

export const FIXTURES = ['zhang-yue-intermediate', 'ayguli-junior', 'bater-initial'] as const;

// biome-ignore lint/suspicious/noExplicitAny: raw JSON that the test reads and edits freely
export function rawFixture(name: (typeof FIXTURES)[number]): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8'));
}

export function fixture(name: (typeof FIXTURES)[number]): Dossier {
  return DossierSchema.parse(rawFixture(name));
}

export const signer = createSigner('review-form test secret');
export const NOW = new Date('2024-09-20T03:00:00Z');

export function context(options: Record<string, unknown> = {}, withSigner = true): FormContext {
  return { now: NOW, options, settings: { watermarkText: '档案系列职称评审专用' }, ...(withSigner ? { signer } : {}) };
}

/** Varied Chinese text of exactly `length` characters, with punctuation, digits and a rare character. */
function chineseText(length: number, seed: number): string {
  const pool =
    '档案数字化整理著录标引保管利用编研接收征集鉴定销毁业务指导培训乡镇县级馆藏民国文书照片声像实物电子，。、；：“”（）《》0123456789%玥堃';
  let out = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += pool[x % pool.length];
  }
  return out;
}

/** zhang-yue with 30 achievements and a 3,000-character work summary in three paragraphs. */
export function longDossier(): Dossier {
  const raw = rawFixture('zhang-yue-intermediate');
  raw.achievements = Array.from({ length: 30 }, (_, i) => ({
    from: `20${String(10 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}`,
    to: `20${String(11 + (i % 10)).padStart(2, '0')}-1${i % 3}`,
    title: `第${i + 1}项${chineseText(14, i)}`,
    content: chineseText(60, 100 + i),
    role: i % 2 === 0 ? '主持' : '参加',
    result: chineseText(40, 200 + i),
  }));
  raw.workSummary = [chineseText(1000, 1), chineseText(1000, 2), chineseText(1000, 3)].join('\n');
  return DossierSchema.parse(raw);
}

export async function pngBase64(): Promise<string> {
  return Buffer.from(qrPng('photo', 10)).toString('base64');
}

/** A minimal but structurally complete baseline JPEG header: SOI, APP0, SOF0 (413 × 295 px), EOI. */
export function jpegBytes(width = 295, height = 413): Buffer {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

/** Every piece of text in a model, blocks and cells, in order. */
export function allText(doc: Document): string {
  const out: string[] = [];
  const paragraphText = (p: Paragraph) => out.push(p.runs.map((r) => r.text).join(''));
  const visit = (b: Block) => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        paragraphText(b);
        break;
      case 'table':
        if (b.caption) paragraphText(b.caption);
        for (const row of b.rows) for (const c of row.cells) c.paragraphs.forEach(paragraphText);
        break;
      case 'signature':
        for (const line of b.lines) out.push(line.text);
        break;
      default:
        break;
    }
  };
  doc.blocks.forEach(visit);
  return out.join('\n');
}
