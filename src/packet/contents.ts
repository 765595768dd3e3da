/**
 * What goes into one applicant's print packet or batch folder, and in which
 * order, derived from the forms' declarations: each document under the
 * catalogue item (附件6 序号, 五（四） numbering) it is filed under, in
 * catalogue order; within one item, in the order of the form list.
 */
import type { Dossier } from '../domain/dossier.js';
import type { Finding } from '../domain/checks.js';
import { CATALOGUE_ITEMS, declaredMaterials } from '../forms/materials-catalogue/items.js';
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
export function packetMaterials(items: readonly ItemContents[]): Dossier['materials'] {
  return items.map((item) => ({ name: item.name, count: item.count }));
}

export const CATALOGUE_ITEM_COUNT = CATALOGUE_ITEMS.length;

export function catalogueItemName(item: number): string {
  return CATALOGUE_ITEMS[item - 1]?.name ?? `第${item}项`;
}

/** One catalogue item of a packet: what the service makes for it, how many files were uploaded, what 附件6 prints. */
export interface ItemContents {
  readonly item: number;
  /** The multipart field its scans are uploaded in. */
  readonly field: string;
  readonly name: string;
  /** Form ids of the documents the service makes for it. */
  readonly documents: readonly string[];
  readonly scans: number;
  /** 件数 as 附件6 prints it for this packet (documents' pieces plus scanned files). */
  readonly count: number;
  readonly required: boolean;
  /** Required, yet neither made nor uploaded. */
  readonly missing: boolean;
}

/**
 * The 13 items of a packet made of `documents` and `scans` (uploaded files per
 * item number). Standalone (no packet), `declared` gives the counts the
 * dossier's `materials` lists, standing in for what would be uploaded.
 */
export function itemContents(
  dossier: Dossier,
  documents: readonly PacketDocument[],
  scans: Readonly<Record<number, number>>,
): ItemContents[] {
  return CATALOGUE_ITEMS.map((item, index) => {
    const number = index + 1;
    const made = documents.filter((doc) => doc.item === number);
    const scanned = scans[number] ?? 0;
    const count = made.reduce((sum, doc) => sum + doc.pieces, 0) + scanned;
    const required = item.required(dossier);
    return {
      item: number,
      field: `item${number}`,
      name: item.name,
      documents: made.map((doc) => doc.formId),
      scans: scanned,
      count,
      required,
      missing: required && count === 0,
    };
  });
}

/** Uploaded files per catalogue item. */
export function scansPerItem(scans: readonly Scan[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const scan of scans) counts[scan.item] = (counts[scan.item] ?? 0) + 1;
  return counts;
}

/**
 * A warning for each required item that is neither made nor uploaded (in a
 * packet), or neither made nor listed in `materials` (standalone checks).
 */
export function missingMaterialFindings(items: readonly ItemContents[], where: 'packet' | 'dossier'): Finding[] {
  return items
    .filter((item) => item.missing)
    .map((item) => ({
      severity: 'warning' as const,
      path: where === 'packet' ? `/files/${item.field}` : '/materials',
      code: 'MATERIAL_MISSING',
      message:
        where === 'packet'
          ? `缺少必需的申报材料：第${item.item}项“${item.name}”，本服务不生成，也未上传（字段 ${item.field}）`
          : `缺少必需的申报材料：第${item.item}项“${item.name}”，本服务不生成，materials 中也未列出`,
      messageEn:
        where === 'packet'
          ? `Required material item ${item.item} (${item.name}) is neither made by this service nor uploaded (field ${item.field})`
          : `Required material item ${item.item} (${item.name}) is neither made by this service nor listed in materials`,
    }));
}

/** Findings about missing material of a dossier on its own: what the service makes plus what `materials` lists. */
export function dossierMaterialFindings(forms: readonly FormDefinition[], dossier: Dossier): Finding[] {
  const { byItem } = declaredMaterials(dossier);
  const declared: Record<number, number> = {};
  byItem.forEach((count, index) => {
    if (count !== undefined) declared[index + 1] = count;
  });
  return missingMaterialFindings(
    itemContents(dossier, dossierDocuments(forms, dossier, 'packet'), declared),
    'dossier',
  );
}
