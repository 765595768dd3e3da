/** Response shape of POST /v1/checks (also in the OpenAPI document). */
import { z } from 'zod';
import { ProblemSchema } from '../error-body.js';

const FindingSchema = ProblemSchema.extend({
  severity: z.enum(['error', 'warning', 'info']),
});

export const ChecksResponse = z.object({
  findings: z.array(FindingSchema),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
  }),
});
export type ChecksResponse = z.infer<typeof ChecksResponse>;
