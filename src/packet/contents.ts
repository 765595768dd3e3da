/**
 * What goes into one applicant's print packet, and in which order: the
 * generated documents in the order of the notice's paper list (五（四）), each
 * under the catalogue item (附件6 序号) it belongs to, then the scans by item.
 */
import type { Dossier } from '../domain/dossier.js';
import { CATALOGUE_ITEMS } from '../forms/materials-catalogue/items.js';
import type { Scan } from './scans.js';

export interface PacketDocument {
  readonly formId: string;
  /** Catalogue item, 1-based (五（四） numbering). */
  readonly item: number;
  /** Query options the form takes (the review form prints two copies). */
  readonly options: Readonly<Record<string, unknown>>;
  /** How many pieces it counts for in the catalogue. */
  readonly pieces: number;
}

const DOCUMENTS: readonly (PacketDocument & { readonly when?: (dossier: Dossier) => boolean })[] = [
  { formId: 'political-appraisal', item: 1, options: {}, pieces: 1 },
  { formId: 'publicity-notice', item: 3, options: {}, pieces: 1 },
  { formId: 'publicity-result', item: 3, options: {}, pieces: 1 },
  { formId: 'review-form', item: 4, options: { copies: 2 }, pieces: 2 },
  { formId: 'ce-exemption', item: 5, options: {}, pieces: 1, when: (dossier) => dossier.ceExemption !== null },
  { formId: 'work-experience-certificate', item: 8, options: {}, pieces: 1 },
  { formId: 'pledge', item: 12, options: {}, pieces: 1 },
];

export const CATALOGUE_FORM_ID = 'materials-catalogue';

/** The generated documents this dossier's packet holds, in print order. */
export function packetDocuments(dossier: Dossier): PacketDocument[] {
  return DOCUMENTS.filter((doc) => doc.when?.(dossier) ?? true).map(({ when: _when, ...doc }) => doc);
}

/** Scans in catalogue order; files of one item keep the order they were sent in. */
export function orderScans(scans: readonly Scan[]): Scan[] {
  return scans
    .map((scan, index) => ({ scan, index }))
    .sort((a, b) => a.scan.item - b.scan.item || a.index - b.index)
    .map(({ scan }) => scan);
}

/**
 * The dossier's `materials` as the packet really holds them: for each of the
 * notice's 13 items, the generated documents plus the scanned files under it.
 * The catalogue then lists exactly what is in the envelope.
 */
export function packetMaterials(documents: readonly PacketDocument[], scans: readonly Scan[]): Dossier['materials'] {
  return CATALOGUE_ITEMS.map((item, index) => {
    const number = index + 1;
    const generated = documents.filter((doc) => doc.item === number).reduce((sum, doc) => sum + doc.pieces, 0);
    const scanned = scans.filter((scan) => scan.item === number).length;
    return { name: item.name, count: generated + scanned };
  });
}

export const CATALOGUE_ITEM_COUNT = CATALOGUE_ITEMS.length;

export function catalogueItemName(item: number): string {
  return CATALOGUE_ITEMS[item - 1]?.name ?? `第${item}项`;
}
