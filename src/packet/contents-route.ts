/**
 * POST /v1/packets/contents (JSON): what a packet for this dossier and these
 * uploads would hold, item by item, with the 件数 附件6 would print, and the
 * findings (the rule checks and any required item that is missing). The staff
 * page shows it before anything is rendered.
 *
 *   { "dossier": Dossier, "scans": { "item6": 2, "item10": 1 } }
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { runChecks } from '../domain/checks.js';
import { DossierSchema } from '../domain/dossier.js';
import { AppError } from '../errors.js';
import type { FormDefinition } from '../forms/types.js';
import { requireJson } from '../http/routes/forms.js';
import { parseOrThrow } from '../http/validate.js';
import { CATALOGUE_ITEM_COUNT } from './contents.js';
import { packetPlan } from './packet.js';

/** Uploaded files per catalogue field, `item1` … `item13`. */
const ScanCounts = z
  .record(
    z.string().regex(new RegExp(`^item(${Array.from({ length: CATALOGUE_ITEM_COUNT }, (_, i) => i + 1).join('|')})$`)),
    z.number().int().min(0).max(1000),
  )
  .default({});

export const PacketContentsRequest = z.strictObject({ dossier: z.unknown(), scans: ScanCounts });

export const PacketContentsResponse = z.object({
  items: z.array(
    z.object({
      item: z.number().int(),
      field: z.string(),
      name: z.string(),
      documents: z.array(z.string()),
      scans: z.number().int(),
      count: z.number().int(),
      required: z.boolean(),
      missing: z.boolean(),
    }),
  ),
  findings: z.array(
    z.object({
      path: z.string(),
      code: z.string(),
      message: z.string(),
      messageEn: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
    }),
  ),
});
type PacketContentsResponse = z.infer<typeof PacketContentsResponse>;

export function registerPacketContents(app: FastifyInstance, forms: readonly FormDefinition[]): void {
  app.post<{ Body: unknown }>(
    '/v1/packets/contents',
    { schema: { hide: true }, onRequest: async (request) => requireJson(request) },
    async (request) => {
      if (request.body === undefined || request.body === null) {
        throw new AppError('MALFORMED_JSON', { zh: '请求体为空', en: 'The request body is empty' });
      }
      const body = parseOrThrow(PacketContentsRequest, request.body);
      const dossier = parseOrThrow(DossierSchema, body.dossier, '/dossier');
      const scans = Object.fromEntries(
        Object.entries(body.scans).map(([field, count]) => [Number(field.slice(4)), count]),
      );
      const plan = packetPlan(forms, dossier, scans);
      const findings = [...runChecks(dossier), ...plan.missing].map(({ path, code, message, messageEn, severity }) => ({
        path,
        code,
        message,
        messageEn,
        severity,
      }));
      const response: PacketContentsResponse = {
        items: plan.items.map((item) => ({ ...item, documents: [...item.documents] })),
        findings,
      };
      return response;
    },
  );
}
