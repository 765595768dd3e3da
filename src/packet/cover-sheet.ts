/**
 * The cover sheet of a packet whose dossier has findings: what the rule checks
 * found and which required material is missing, so staff see it before they
 * print and post the packet. Fields by their Chinese names (the JSON path
 * second, small), messages in Chinese with the English below in a smaller
 * size, page numbers "— 1 —" as the documents have them.
 */
import { cell, labelCell, para, paragraphBlock, run } from '../document/build.js';
import { CHINESE_SIZES, type Document } from '../document/model.js';
import type { Finding } from '../domain/checks.js';
import { fieldName } from './field-names.js';

const SEVERITY_ZH: Readonly<Record<Finding['severity'], string>> = { error: '错误', warning: '警告', info: '提示' };

/** English lines and JSON paths: one size smaller than the Chinese they explain. */
const SECONDARY = CHINESE_SIZES.小五;

export function buildCoverSheet(applicantName: string, findings: readonly Finding[], createdAt: Date): Document {
  return {
    meta: { title: `申报材料检查提示-${applicantName}`, subject: '申报材料检查提示', createdAt },
    page: { size: 'A4', orientation: 'portrait', margins: { top: 25, bottom: 25, inner: 25, outer: 20 } },
    base: { font: 'song', size: CHINESE_SIZES.五号, lineHeight: 16 },
    pageNumbers: 'dash',
    blocks: [
      { type: 'heading', level: 0, runs: [{ text: '申报材料检查提示' }], align: 'center', keepWithNext: true },
      paragraphBlock(
        `${applicantName}的申报材料经按通知要求检查，发现以下 ${findings.length} 处需要注意。请核对后再打印报送；本页不属于申报材料。`,
        { firstLineIndent: 2, spaceAfter: 8 },
      ),
      {
        type: 'table',
        columns: [1.2, 3.5, 7],
        headerRows: 1,
        style: { font: 'song', size: CHINESE_SIZES.五号 },
        rows: [
          { cells: [labelCell('级别'), labelCell('项目'), labelCell('说明')] },
          ...findings.map((finding) => ({
            cells: [
              cell(SEVERITY_ZH[finding.severity], { align: 'center' }),
              cell([
                para(fieldName(finding.path), { align: 'left' }),
                para([run(finding.path || '/', { size: SECONDARY })], { align: 'left' }),
              ]),
              cell([
                para(finding.message, { align: 'left' }),
                para([run(finding.messageEn, { size: SECONDARY })], { align: 'left' }),
              ]),
            ],
          })),
        ],
      },
    ],
  };
}
