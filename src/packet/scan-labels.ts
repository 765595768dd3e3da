/**
 * The labels printed on scan pages ("材料6 身份证复印件 1/2"): one A4 page per
 * label with the text in the top 10 mm, 黑体 8 pt, centred, starting 6 mm
 * below the edge (inside a printer's safe zone). assemble.ts draws the top
 * strip of each page onto its scan page, above the scan's white border.
 */
import { paragraphBlock, run } from '../document/build.js';
import type { Block, Document } from '../document/model.js';

const LABEL_SIZE = 8;

export function scanLabelDocument(texts: readonly string[], createdAt: Date): Document {
  const blocks: Block[] = texts.flatMap((text, index): Block[] => [
    ...(index > 0 ? [{ type: 'pageBreak' as const }] : []),
    paragraphBlock([run(text, { font: 'hei', size: LABEL_SIZE })], { align: 'center', lineHeight: 10 }),
  ]);
  return {
    meta: { title: 'scan labels', createdAt },
    page: { size: 'A4', orientation: 'portrait', margins: { top: 6, bottom: 5, inner: 10, outer: 10 } },
    base: { font: 'hei', size: LABEL_SIZE, lineHeight: 10 },
    pageNumbers: 'none',
    blocks,
  };
}

/** "现实表现政治鉴定（原件）" → "现实表现政治鉴定": the label names the item, not its form of copy. */
export function scanLabel(item: number, itemName: string): string {
  return `材料${item} ${itemName.replace(/（[^）]*）$/, '')}`;
}
