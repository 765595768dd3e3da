/**
 * GET /v1/verify/:code — checks the verification code printed (QR and text) on
 * a review form. Stateless: the code carries its claims and an HMAC tag. Any
 * code that does not check out, however malformed or long, is a 200
 * { valid: false }; nothing about a bad code is an error of the service.
 */
import type { FastifyInstance } from 'fastify';
// Brings in the OpenAPI keys of route schemas (summary, tags, hide).
import type {} from '@fastify/swagger';
import Negotiator from 'negotiator';
import { z } from 'zod';
import { shortCode } from '../../verify/code.js';
import type { Signer } from '../../verify/signer.js';

const VerifyResponse = z
  .object({
    valid: z.boolean().describe('true when the code was issued by this service and is unaltered'),
    serial: z.string().optional().describe('流水号, e.g. RF-2024-ABCDEFGH'),
    form: z.string().optional().describe('form id, e.g. review-form'),
    name: z.string().optional().describe('applicant name, masked'),
    issuedAt: z.string().optional().describe('issue time, ISO 8601'),
    shortCode: z
      .string()
      .optional()
      .describe('验证码 as printed beside the QR (e.g. 3T4V-7C22): compare it with the paper'),
    message: z
      .string()
      .optional()
      .describe('when a printed 验证码 was sent instead of the QR code: why it cannot be checked on its own'),
    messageEn: z.string().optional().describe('the same in English'),
  })
  .describe('Result of checking a verification code');
type VerifyResponse = z.infer<typeof VerifyResponse>;

const VerifyParams = z.object({ code: z.string().describe('the code from the QR on the form (base64url)') });
type VerifyParams = z.infer<typeof VerifyParams>;

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
  return rest;
}

export interface VerifyRoutesOptions {
  readonly signer: Pick<Signer, 'verify'>;
}

export default async function verifyRoutes(app: FastifyInstance, opts: VerifyRoutesOptions): Promise<void> {
  const { signer } = opts;
  const response = { 200: jsonSchema(VerifyResponse) };

  const answer = (code: string): VerifyResponse => {
    const result = signer.verify(code);
    if (!result.valid) return SHORT_CODE.test(code) ? SHORT_CODE_ANSWER : { valid: false };
    return {
      valid: true,
      serial: result.serial,
      form: result.form,
      name: result.name,
      issuedAt: result.issuedAt.toISOString(),
      shortCode: shortCode(code),
    };
  };

  app.get<{ Params: VerifyParams }>(
    '/v1/verify/:code',
    {
      schema: {
        summary: 'Check a review-form verification code',
        description:
          '验证评审表上的验证码（二维码）。Valid codes return the serial, form, masked name and issue time; anything else returns { valid: false }.',
        tags: ['verify'],
        params: jsonSchema(VerifyParams),
        response,
      },
      // The router always gives :code as a string, so the params schema only documents the route:
      // accepting it as is spares compiling an Ajv validator at start (about 0.1 s of the start-up).
      validatorCompiler: () => (value) => ({ value }),
    },
    async (request, reply) => {
      // A phone that opens the QR link asks for HTML: it gets the staff page's readable answer.
      if (wantsHtml(request.headers))
        return reply.redirect(`/#/verify/${encodeURIComponent(request.params.code)}`, 303);
      return answer(request.params.code);
    },
  );

  // The router refuses parameters longer than its maxParamLength (404). A code
  // that long is not one we issued; answer it like any other bad code.
  app.get<{ Params: { '*': string } }>('/v1/verify/*', { schema: { hide: true, response } }, async (request) =>
    answer(request.params['*']),
  );
}

/** The 验证码 printed beside the QR (3T4V-7C22): people type it into the address where the QR's code goes. */
const SHORT_CODE = /^[0-9A-Z]{4}-?[0-9A-Z]{4}$/i;
const SHORT_CODE_ANSWER: VerifyResponse = {
  valid: false,
  message: '这是打印在二维码旁的验证码，只用于与核验结果比对，不能单独核验：请扫描二维码，或输入二维码中的完整核验码',
  messageEn:
    'This is the short 验证码 printed beside the QR code, for comparing with a result; it cannot be checked on its own. Scan the QR code, or send the full code it holds',
};

/** A browser navigating to the link lists text/html first; API clients and fetch() send JSON or any type. */
function wantsHtml(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers.accept === undefined) return false;
  return new Negotiator({ headers }).mediaType(['application/json', 'text/html']) === 'text/html';
}
