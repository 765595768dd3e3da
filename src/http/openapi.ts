/**
 * The OpenAPI 3.1 description of the routes this layer serves, generated from
 * the zod schemas and the form registry: a form added to FORMS appears here as
 * its own render path with its body schema and response content types.
 * Routes that carry fastify JSON schemas (e.g. verify) are described by
 * @fastify/swagger itself; the plugin merges both.
 */
import { z } from 'zod';
import { DossierSchema } from '../domain/dossier.js';
import { ERROR_CODES } from '../errors.js';
import type { FormDefinition } from '../forms/types.js';
import { CONTENT_TYPES } from '../render/index.js';
import { CATALOGUE_ITEMS } from '../forms/materials-catalogue/items.js';
import { ErrorBody } from './error-body.js';
import { ChecksResponse } from './routes/checks-schema.js';
import { FormDetail, FormSummary } from './routes/forms-schema.js';

type JsonObject = Record<string, unknown>;

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** JSON Schema of a zod schema as a request accepts it (defaults optional), without $schema. */
export function inputJsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dropped, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

function outputJsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dropped, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

function errorResponse(codes: readonly (keyof typeof ERROR_CODES)[]): JsonObject {
  const list = codes.map((code) => `\`${code}\` (${ERROR_CODES[code].zh})`).join(', ');
  return {
    description: list,
    content: { 'application/json': { schema: ref('Error') } },
  };
}

/** Error responses by status, each listing the codes a route can answer with. */
function errors(byStatus: Readonly<Record<number, readonly (keyof typeof ERROR_CODES)[]>>): JsonObject {
  return Object.fromEntries(Object.entries(byStatus).map(([status, codes]) => [status, errorResponse(codes)]));
}

const pathParam = (name: string, schema: JsonObject, description: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  schema,
  description,
});

/** Component names of the forms' input schemas: the dossier is shared, others get their own. */
function inputComponents(forms: readonly FormDefinition[]): { names: Map<z.ZodType, string>; schemas: JsonObject } {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>([[DossierSchema, 'Dossier']]);
  registry.add(DossierSchema, { id: 'Dossier' });
  for (const form of forms) {
    if (names.has(form.input)) continue;
    const name = `${pascal(form.id)}Input`;
    names.set(form.input, name);
    registry.add(form.input, { id: name });
  }
  const generated = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([name, schema]) => {
      const { $schema: _dropped, $id: _id, ...rest } = schema;
      return [name, rest];
    }),
  );
  return { names, schemas };
}

function pascal(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * A form's query options, by the values they take once read from the URL (?copies=1 is the number 1 of
 * 1 or 2): the input side of a coercing schema says only "a number".
 */
function queryParameters(form: FormDefinition): JsonObject[] {
  if (form.options === undefined) return [];
  const schema = outputJsonSchema(form.options);
  const input = inputJsonSchema(form.options);
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((input.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function renderOperation(form: FormDefinition, inputName: string): JsonObject {
  const attachment = form.attachment === null ? '' : `附件${form.attachment} `;
  return {
    tags: ['forms'],
    operationId: `render-${form.id}`,
    summary: `${attachment}${form.title} / ${form.titleEn}`,
    description:
      `${form.description}\n\nFormats: ${form.formats.join(', ')}. The file name is readable Chinese (RFC 6266 \`filename*\`), with an ASCII fallback.` +
      (form.manyApplicants
        ? ' Takes as many applicants as a batch: the body limit is that of POST /v1/batches (`UPLOAD_LIMIT`), not `BODY_LIMIT`.'
        : ''),
    parameters: [
      pathParam('format', { type: 'string', enum: [...form.formats] }, 'file format'),
      ...queryParameters(form),
    ],
    requestBody: { required: true, content: { 'application/json': { schema: ref(inputName) } } },
    responses: {
      200: {
        description: 'The rendered file',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="<ASCII>"; filename*=UTF-8\'\'<percent-encoded Chinese name>',
            schema: { type: 'string' },
          },
        },
        content: binary(
          form.formats.map((format) => CONTENT_TYPES[format]),
          '',
        ).content,
      },
      ...errors({
        400: ['MALFORMED_JSON'],
        404: ['FORM_NOT_FOUND'],
        406: ['FORMAT_NOT_SUPPORTED'],
        413: ['BODY_TOO_LARGE'],
        415: ['UNSUPPORTED_MEDIA_TYPE'],
        422: ['VALIDATION_FAILED', 'UNKNOWN_KEY', 'GLYPH_MISSING', 'PUBLICITY_TOO_SHORT'],
        429: ['TOO_MANY_REQUESTS'],
        500: ['INTERNAL_ERROR'],
        503: ['RENDER_TIMEOUT'],
      }),
    },
  };
}

const json = (schema: JsonObject, description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema } },
});

const XLSX = CONTENT_TYPES.xlsx;

const binary = (mediaTypes: readonly string[], description: string): JsonObject => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
});

const text = (mediaType: string, description: string): JsonObject => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' } } },
});

/** The batch body is the roster's input ({ unit, dossiers }): its component, or the dossier when no roster is served. */
function batchBodyName(names: ReadonlyMap<z.ZodType, string>, forms: readonly FormDefinition[]): string {
  const roster = forms.find((form) => form.id === 'roster');
  return (roster === undefined ? undefined : names.get(roster.input)) ?? 'Dossier';
}

function packetPaths(): JsonObject {
  const scans = Object.fromEntries(
    Array.from({ length: 13 }, (_, index) => [
      `item${index + 1}`,
      {
        type: 'array',
        items: { type: 'string', contentMediaType: 'application/octet-stream' },
        title: CATALOGUE_ITEMS[index]?.name ?? `item${index + 1}`,
        description: `scans for 附件6 item ${index + 1} (JPEG, PNG or PDF)`,
      },
    ]),
  );
  const operation = (format: 'pdf' | 'zip', mediaType: string, summary: string): JsonObject => ({
    post: {
      tags: ['packets'],
      operationId: `packet-${format}`,
      summary,
      description:
        'multipart/form-data: field `dossier` (the dossier as JSON) and scanned materials in fields item1 … item13 (附件6 order). ' +
        'Rule findings that are not hard errors are listed on a cover sheet in front.',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                dossier: { type: 'string', contentMediaType: 'application/json', description: 'the Dossier as JSON' },
                ...scans,
              },
              required: ['dossier'],
            },
            encoding: { dossier: { contentType: 'application/json' } },
          },
        },
      },
      responses: {
        200: binary([mediaType], summary),
        ...errors({
          400: ['MALFORMED_JSON'],
          413: ['BODY_TOO_LARGE'],
          415: ['UNSUPPORTED_MEDIA_TYPE'],
          422: ['VALIDATION_FAILED', 'GLYPH_MISSING', 'PUBLICITY_TOO_SHORT', 'UPLOAD_INVALID'],
          429: ['TOO_MANY_REQUESTS'],
          503: ['RENDER_TIMEOUT'],
        }),
      },
    },
  });
  return {
    '/v1/packets/pdf': operation('pdf', 'application/pdf', "One applicant's print packet as one PDF"),
    '/v1/packets/zip': operation('zip', 'application/zip', 'Every document of the packet as PDF and DOCX, in one ZIP'),
  };
}

/**
 * Components and paths of the routes of this layer, to merge into the generated
 * document, plus `ownPaths`: routes that describe themselves (the roster workbook routes).
 */
export function openApiParts(
  forms: readonly FormDefinition[],
  ownPaths: JsonObject = {},
): { schemas: JsonObject; paths: JsonObject } {
  const inputs = inputComponents(forms);
  const formIds = forms.map((form) => form.id);
  const formIdParam = pathParam('formId', { type: 'string', enum: formIds }, 'form id');

  const paths: JsonObject = {
    '/v1/forms': {
      get: {
        tags: ['forms'],
        operationId: 'list-forms',
        summary: 'The forms: id, title, attachment number, formats',
        responses: { 200: json({ type: 'array', items: ref('FormSummary') }, 'Every form') },
      },
    },
    '/v1/forms/{formId}': {
      get: {
        tags: ['forms'],
        operationId: 'get-form',
        summary: 'One form with its input JSON Schema and options schema',
        parameters: [formIdParam],
        responses: { 200: json(ref('FormDetail'), 'The form'), ...errors({ 404: ['FORM_NOT_FOUND'] }) },
      },
    },
    '/v1/forms/{formId}/sample': {
      get: {
        tags: ['forms'],
        operationId: 'get-form-sample',
        summary: 'A valid sample input for the form',
        parameters: [formIdParam],
        responses: { 200: json({}, 'A sample input'), ...errors({ 404: ['FORM_NOT_FOUND'] }) },
      },
    },
    '/v1/checks': {
      post: {
        tags: ['checks'],
        operationId: 'check-dossier',
        summary: "Check a dossier against the notice's rules without rendering",
        requestBody: { required: true, content: { 'application/json': { schema: ref('Dossier') } } },
        responses: {
          200: json(ref('ChecksResponse'), 'Findings with JSON paths, severity and messages'),
          ...errors({
            400: ['MALFORMED_JSON'],
            413: ['BODY_TOO_LARGE'],
            415: ['UNSUPPORTED_MEDIA_TYPE'],
            422: ['VALIDATION_FAILED'],
          }),
        },
      },
    },
    // Routes that describe themselves (src/roster-import/openapi.ts), passed in by the app.
    ...ownPaths,
    ...packetPaths(),
    '/v1/batches': {
      post: {
        tags: ['batches'],
        operationId: 'batch',
        summary: 'Many applicants at once → one ZIP: a folder per applicant plus the roster',
        description:
          'JSON `{ unit, dossiers }`, or the roster workbook: multipart field `file` (and optionally `unit` as JSON), or the XLSX itself as the body. ' +
          'The ZIP is streamed while it is built; applicants that fail are listed in an error report inside it.',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: ref(batchBodyName(inputs.names, forms)) },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', contentMediaType: XLSX },
                  unit: {
                    type: 'string',
                    contentMediaType: 'application/json',
                    description: 'the 填报单位 block as JSON',
                  },
                },
                required: ['file'],
              },
            },
            [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } },
          },
        },
        responses: {
          200: binary(['application/zip'], 'The batch'),
          ...errors({
            400: ['MALFORMED_JSON'],
            413: ['BODY_TOO_LARGE'],
            415: ['UNSUPPORTED_MEDIA_TYPE'],
            422: ['VALIDATION_FAILED', 'UPLOAD_INVALID'],
            429: ['TOO_MANY_REQUESTS'],
          }),
        },
      },
    },
    '/healthz': {
      get: {
        tags: ['operations'],
        operationId: 'healthz',
        summary: 'The process is up',
        responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Up') },
      },
    },
    '/readyz': {
      get: {
        tags: ['operations'],
        operationId: 'readyz',
        summary: 'Fonts are loaded and the render pool is ready',
        responses: {
          200: json({ type: 'object', properties: { status: { const: 'ready' } } }, 'Ready'),
          ...errors({ 503: ['NOT_READY'] }),
        },
      },
    },
    '/metrics': {
      get: {
        tags: ['operations'],
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        responses: { 200: text('text/plain', 'Prometheus text exposition format 0.0.4') },
      },
    },
    '/openapi.json': {
      get: {
        tags: ['operations'],
        operationId: 'openapi',
        summary: 'This document',
        responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') },
      },
    },
    '/docs': {
      get: {
        tags: ['operations'],
        operationId: 'docs',
        summary: 'Swagger UI for this document',
        responses: { 200: text('text/html', 'Swagger UI') },
      },
    },
  };
  for (const form of forms) {
    paths[`/v1/forms/${form.id}/{format}`] = { post: renderOperation(form, inputs.names.get(form.input) ?? 'Dossier') };
  }

  return {
    schemas: {
      ...inputs.schemas,
      Error: outputJsonSchema(ErrorBody),
      FormSummary: outputJsonSchema(FormSummary),
      FormDetail: outputJsonSchema(FormDetail),
      ChecksResponse: outputJsonSchema(ChecksResponse),
    },
    paths,
  };
}
