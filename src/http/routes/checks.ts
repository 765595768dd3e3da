/**
 * POST /v1/checks: a dossier against the notice's rules, without rendering.
 * Findings only make sense on a dossier that parses, so an invalid one is a 422
 * like any render request.
 */
import type { FastifyInstance } from 'fastify';
import { type Finding, runChecks } from '../../domain/checks.js';
import { type Dossier, DossierSchema } from '../../domain/dossier.js';
import { AppError } from '../../errors.js';
import { parseOrThrow } from '../validate.js';
import type { ChecksResponse } from './checks-schema.js';
import { requireJson } from './forms.js';

export interface ChecksRoutesOptions {
  /** Required material the dossier neither gets made nor lists in `materials` (the app derives it from the forms). */
  readonly materialFindings?: (dossier: Dossier) => readonly Finding[];
}

export default async function checksRoutes(app: FastifyInstance, opts: ChecksRoutesOptions): Promise<void> {
  app.post<{ Body: unknown }>(
    '/v1/checks',
    { schema: { hide: true }, onRequest: async (request) => requireJson(request) },
    async (request): Promise<ChecksResponse> => {
      if (request.body === undefined || request.body === null) {
        throw new AppError('MALFORMED_JSON', { zh: '请求体为空', en: 'The request body is empty' });
      }
      const dossier = parseOrThrow(DossierSchema, request.body);
      const findings = [...runChecks(dossier), ...(opts.materialFindings?.(dossier) ?? [])].map(
        ({ path, code, message, messageEn, severity }) => ({
          path,
          code,
          message,
          messageEn,
          severity,
        }),
      );
      const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
      return { findings, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } };
    },
  );
}
