/**
 * Test helpers over the document model: fixtures, a fixed context, and walks
 * that collect what a form prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Document, Paragraph, TableCell } from '../../src/document/model.js';
import { DossierSchema, RosterInputSchema, type Dossier, type RosterInput } from '../../src/domain/dossier.js';
import type { FormContext } from '../../src/forms/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export const FIXTURE_NAMES = ['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

// biome-ignore lint/suspicious/noExplicitAny: raw JSON that the test reads and edits freely
function rawFixture(name: FixtureName): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURES, 'dossiers', `${name}.json`), 'utf8'));
}

export function loadDossier(name: FixtureName): Dossier {
  return DossierSchema.parse(rawFixture(name));
}

/** The roster fixture: the unit and the three dossiers it names. */
export function loadRosterInput(): RosterInput {
  const unitFile = JSON.parse(readFileSync(join(FIXTURES, 'roster-unit.json'), 'utf8')) as {
    unit: unknown;
    dossierFiles: string[];
  };
  const dossiers = unitFile.dossierFiles.map((file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
  return RosterInputSchema.parse({ unit: unitFile.unit, dossiers });
}

/** A roster of n applicants made from the three fixtures. */
export function bigRoster(n: number): RosterInput {
  const input = loadRosterInput();
  return { unit: input.unit, dossiers: Array.from({ length: n }, (_, i) => input.dossiers[i % 3]!) };
}

export const CTX: FormContext = {
  now: new Date('2024-10-10T02:00:00Z'),
  options: {},
  settings: { watermarkText: '档案系列职称评审专用' },
};

function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

export function cellText(c: TableCell): string {
  return c.paragraphs.map(paragraphText).join('\n');
}

/** Every table cell of the document, in order. */
export function allCells(doc: Document): TableCell[] {
  return doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells) : []));
}

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [paragraphText(block)];
    case 'table':
      return [
        ...(block.caption ? [paragraphText(block.caption)] : []),
        ...block.rows.flatMap((r) => r.cells.map(cellText)),
      ];
    case 'signature':
      return block.lines.map((l) => l.text);
    case 'qr':
      return block.caption ? [block.caption] : [];
    default:
      return [];
  }
}

/** All printed text of the model, one string per paragraph/cell/line. */
export function modelTexts(doc: Document): string[] {
  return doc.blocks.flatMap(blockTexts);
}

/** All printed text joined, with line breaks and spaces removed (for `contains` checks). */
export function modelText(doc: Document): string {
  return modelTexts(doc)
    .join('|')
    .replace(/[\s\u3000]+/g, '');
}

export function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** The values of `expected` that do not appear in the model's text. */
export function missingValues(doc: Document, expected: readonly string[]): string[] {
  const text = modelText(doc);
  return expected.filter((value) => !text.includes(squeeze(value)));
}
