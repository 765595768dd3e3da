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

const PacketContentsRequest = z.strictObject({ dossier: z.unknown(), scans: ScanCounts });

const PacketContentsResponse = z.object({
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

/** OpenAPI 3.1 path item of the contents route, for the service's document to merge in. */
export function packetContentsOpenApiPaths(): Record<string, unknown> {
  const schema = (type: z.ZodType, io: 'input' | 'output') => {
    const { $schema: _dropped, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    return rest;
  };
  const request = schema(PacketContentsRequest, 'input') as { properties?: Record<string, unknown> };
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    '/v1/packets/contents': {
      post: {
        tags: ['packets'],
        operationId: 'packet-contents',
        summary: '申报材料包内容 / what a packet would hold, item by item, and what is missing',
        description:
          '`{ dossier, scans: { item6: 2, … } }` (uploaded files per catalogue field) → the 13 catalogue items with the ' +
          'documents the service makes for each, the scans, `count` (the 件数 附件6 prints in that packet), whether the ' +
          'notice requires the item and whether it is missing; `findings` are those of POST /v1/checks plus a ' +
          '`MATERIAL_MISSING` warning for each required item neither made nor uploaded. Nothing is rendered.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                ...request,
                properties: { ...request.properties, dossier: { $ref: '#/components/schemas/Dossier' } },
                required: ['dossier'],
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Items and findings',
            content: { 'application/json': { schema: schema(PacketContentsResponse, 'output') } },
          },
          400: { description: '`MALFORMED_JSON`', ...errorRef },
          413: { description: '`BODY_TOO_LARGE`', ...errorRef },
          415: { description: '`UNSUPPORTED_MEDIA_TYPE`', ...errorRef },
          422: { description: '`VALIDATION_FAILED` (paths under /dossier and /scans)', ...errorRef },
        },
      },
    },
  };
}
