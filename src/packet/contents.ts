/**
 * What goes into one applicant's print packet or batch folder, and in which
 * order, derived from the forms' declarations: each document under the
 * catalogue item (附件6 序号, 五（四） numbering) it is filed under, in
 * catalogue order; within one item, in the order of the form list.
 */
import type { Dossier } from '../domain/dossier.js';
import { CATALOGUE_ITEMS } from '../forms/materials-catalogue/items.js';
import type { FormId } from '../forms/registry.js';
import type { DossierOperations, FormDefinition, Membership } from '../forms/types.js';
import type { Scan } from './scans.js';

export interface PacketDocument {
  readonly formId: string;
  readonly title: string;
  /** Catalogue item, 1-based; null for a document filed under no item (附件6 itself). */
  readonly item: number | null;
  /** Query options the form takes there (the review form prints two copies). */
  readonly options: Readonly<Record<string, unknown>>;
  /** How many pieces it counts for in the catalogue. */
  readonly pieces: number;
  readonly operations: DossierOperations;
}

/** 附件6: first in every packet, its counts taken from what the packet holds. */
export const CATALOGUE_FORM_ID: FormId = 'materials-catalogue';

/**
 * The documents made from this dossier for a packet or a batch folder, in
 * catalogue order (documents under no item first).
 */
export function dossierDocuments(
  forms: readonly FormDefinition[],
  dossier: Dossier,
  where: 'packet' | 'batch',
): PacketDocument[] {
  const documents = forms.flatMap((form): PacketDocument[] => {
    const membership = form[where];
    if (membership === undefined || membership === 'unit' || form.dossier === undefined) return [];
    if (!(membership.when?.(dossier) ?? true)) return [];
    return [documentOf(form, form.dossier, membership)];
  });
  // Array sort is stable: within one item the form list's order stays.
  return documents.sort((a, b) => (a.item ?? 0) - (b.item ?? 0));
}

/** 附件6 as the packet's first document (its input's counts are the packet's own). */
export function catalogueDocument(forms: readonly FormDefinition[]): PacketDocument | undefined {
  const form = forms.find((candidate) => candidate.id === CATALOGUE_FORM_ID);
  return form?.dossier === undefined ? undefined : documentOf(form, form.dossier, {});
}

function documentOf(form: FormDefinition, operations: DossierOperations, membership: Membership): PacketDocument {
  return {
    formId: form.id,
    title: form.title,
    item: form.catalogueItem,
    options: membership.options ?? {},
    pieces: membership.pieces ?? 1,
    operations,
  };
}

/** The form of a unit's batch made once for all applicants (the roster). */
export function unitForms(forms: readonly FormDefinition[]): FormDefinition[] {
  return forms.filter((form) => form.batch === 'unit');
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
