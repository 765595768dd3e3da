/**
 * Response shape of POST /v1/roster-imports for the OpenAPI document; the
 * route itself lives in src/roster-import/routes.ts.
 */
import { z } from 'zod';
import { DossierSchema, RosterUnitSchema } from '../../domain/dossier.js';

const RowError = z.object({
  sheet: z.string().meta({ description: 'worksheet name, e.g. 申报人员' }),
  row: z.number().int().meta({ description: 'Excel row number (1-based)' }),
  column: z.string().meta({ description: 'Chinese column header; empty for the whole row' }),
  path: z.string().meta({ description: 'JSON pointer into the dossier' }),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const RosterImportResponse = z.object({
  dossiers: z.array(DossierSchema),
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string().optional(),
      ok: z.boolean(),
      dossierIndex: z.number().int().optional().meta({ description: 'index into dossiers when ok' }),
      errors: z.array(RowError),
    }),
  ),
  unit: RosterUnitSchema.optional(),
  problems: z.array(RowError),
  skipped: z.array(z.object({ sheet: z.string(), row: z.number().int(), reason: z.literal('example') })),
  summary: z.object({ total: z.number().int(), ok: z.number().int(), failed: z.number().int() }),
});
