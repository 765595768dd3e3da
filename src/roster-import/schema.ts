/**
 * The import's response as zod schemas: the OpenAPI description is generated
 * from them, and a test checks that importRoster's output satisfies them.
 */
import { z } from 'zod';
import { DossierSchema, RosterUnitSchema } from '../domain/dossier.js';

const RowError = z.object({
  sheet: z.string().meta({ description: '工作表名，如 申报人员、工作经历' }),
  row: z.number().int().meta({ description: 'Excel 行号 / Excel row number' }),
  column: z.string().meta({ description: '列标题（中文）/ Chinese column header; "" for the whole row' }),
  path: z.string().meta({ description: 'JSON pointer into the dossier, e.g. /applicant/idNumber' }),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

const RowResult = z.object({
  row: z.number().int().meta({ description: 'Excel row number on sheet 申报人员' }),
  name: z.string().optional(),
  ok: z.boolean(),
  dossierIndex: z.number().int().optional().meta({ description: 'Index into dossiers when ok' }),
  errors: z.array(RowError),
});

const SkippedRow = z.object({
  sheet: z.string(),
  row: z.number().int(),
  reason: z.literal('example').meta({ description: '备注 contains 示例: the template example row' }),
});

export const RosterImportResponse = z.object({
  dossiers: z.array(DossierSchema),
  rows: z.array(RowResult),
  unit: RosterUnitSchema.optional().meta({ description: 'The 填报单位 sheet, when filled in and valid' }),
  problems: z.array(RowError).meta({ description: 'Problems not tied to one applicant row' }),
  skipped: z.array(SkippedRow),
  summary: z.object({ total: z.number().int(), ok: z.number().int(), failed: z.number().int() }),
});
export type RosterImportResponse = z.infer<typeof RosterImportResponse>;
