/**
 * The form routes, generated from the form registry:
 *   GET  /v1/forms                       the list
 *   GET  /v1/forms/:formId               one form with its input and options JSON Schemas
 *   GET  /v1/forms/:formId/sample        a valid sample input
 *   POST /v1/forms/:formId/:format       JSON in, file out
 * The render route checks, in order: form (404), format (406), media type
 * (415), body (400/413 by the parser), schema (422), query options (422),
 * the form's own requirements (422), printable characters (422 GLYPH_MISSING);
 * then renders through the render service (429/503 limits).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { FORMATS, type FormDefinition, type Format } from '../../forms/types.js';
import type { RenderService } from '../../render/pool.js';
import { asciiBaseName, contentDisposition } from '../content-disposition.js';
import type { FontServices } from '../fonts.js';
import { inputJsonSchema } from '../openapi.js';
import { prepareFormInput } from '../prepare.js';
import { formSummary, type FormDetail } from './forms-schema.js';

export interface FormRoutesOptions {
  readonly forms: readonly FormDefinition[];
  readonly renderService: RenderService;
  readonly fonts: FontServices;
  /** Body limit of forms that take many applicants (the roster): the batch's. */
  readonly manyApplicantsBodyLimit?: number;
}

interface FormParams {
  formId: string;
}
interface RenderParams extends FormParams {
  format: string;
}

const HIDDEN = { hide: true } as const; // described by src/http/openapi.ts, validated by zod

export default async function formRoutes(app: FastifyInstance, opts: FormRoutesOptions): Promise<void> {
  const { forms, renderService, fonts } = opts;
  const byId = new Map(forms.map((form) => [form.id, form]));
  const formOf = (id: string): FormDefinition => {
    const form = byId.get(id);
    if (form === undefined) {
      throw new AppError('FORM_NOT_FOUND', { zh: `没有表单“${id}”`, en: `No form "${id}"` });
    }
    return form;
  };
  // JSON Schemas do not change at run time: compute each once, on first request.
  const details = new Map<string, FormDetail>();

  app.get('/v1/forms', { schema: HIDDEN }, async () => forms.map(formSummary));

  app.get<{ Params: FormParams }>('/v1/forms/:formId', { schema: HIDDEN }, async (request) => {
    const form = formOf(request.params.formId);
    let detail = details.get(form.id);
    if (detail === undefined) {
      detail = {
        ...formSummary(form),
        inputSchema: inputJsonSchema(form.input),
        options: form.options === undefined ? null : inputJsonSchema(form.options),
      };
      details.set(form.id, detail);
    }
    return detail;
  });

  app.get<{ Params: FormParams }>('/v1/forms/:formId/sample', { schema: HIDDEN }, async (request) =>
    formOf(request.params.formId).sample(),
  );

  /** `fixedId` for a form's own route, whose path names the form instead of a :formId parameter. */
  const renderRoute = (path: string, fixedId?: string, bodyLimit?: number) =>
    app.post<{ Params: RenderParams; Body: unknown; Querystring: Record<string, unknown> }>(
      path,
      {
        schema: HIDDEN,
        ...(bodyLimit === undefined ? {} : { bodyLimit }),
        // Before the body is read: an unknown form, format or media type is refused without parsing anything.
        onRequest: async (request) => {
          const form = formOf(fixedId ?? request.params.formId);
          formatOf(form, request.params.format);
          requireJson(request);
        },
      },
      async (request, reply) => {
        const form = formOf(fixedId ?? request.params.formId);
        const format = formatOf(form, request.params.format);
        if (request.body === undefined || request.body === null) {
          throw new AppError('MALFORMED_JSON', { zh: '请求体为空', en: 'The request body is empty' });
        }
        const { input, options } = await prepareFormInput(form, request.body, request.query, fonts.findMissingGlyphs);

        const started = performance.now();
        const file = await renderService.renderForm(form.id, format, input.value, options);
        app.metrics.observeRender(form.id, format, (performance.now() - started) / 1000);

        const name = `${input.fileName()}.${file.extension}`;
        const ascii = `${asciiBaseName(form.id, input.value)}.${file.extension}`;
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(name, ascii))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      },
    );
  renderRoute('/v1/forms/:formId/:format');
  // A form of many applicants (the roster) takes a body as large as a batch's: its own route, same handler.
  for (const form of forms.filter((candidate) => candidate.manyApplicants))
    renderRoute(`/v1/forms/${form.id}/:format`, form.id, opts.manyApplicantsBodyLimit);
}

function formatOf(form: FormDefinition, asked: string): Format {
  // "PDF" and "pdf" are one format: a path typed by hand is not refused for its case.
  const format = asked.toLowerCase();
  if ((form.formats as readonly string[]).includes(format)) return format as Format;
  const known = (FORMATS as readonly string[]).includes(format);
  throw new AppError('FORMAT_NOT_SUPPORTED', {
    zh: `表单“${form.id}”${known ? '不提供' : '没有'} ${format} 格式，可用格式：${form.formats.join('、')}`,
    en: `Form "${form.id}" is not available as ${format}; available formats: ${form.formats.join(', ')}`,
  });
}

/** JSON bodies only (application/json or a +json type); checked before the body is read. */
export function requireJson(request: FastifyRequest): void {
  const type = request.headers['content-type'];
  if (type === undefined) return; // no body at all: the handler answers MALFORMED_JSON
  const essence = type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (essence === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(essence)) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
    zh: `不支持的内容类型 ${essence || '(空)'}，请使用 application/json`,
    en: `Unsupported content type ${essence || '(empty)'}; send application/json`,
  });
}
