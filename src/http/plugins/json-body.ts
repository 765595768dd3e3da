/**
 * JSON bodies, parsed by fastify's own parser (prototype-poisoning checks
 * included), with one difference: a body that is not JSON is answered with
 * where it goes wrong ("第 4 行第 3 列"), which fastify's error leaves out. A
 * hand-edited dossier is hundreds of lines long.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (error, value) => {
      if ((error as { code?: string } | null)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        done(malformedAt(String(body)), undefined);
        return;
      }
      done(error, value);
    });
  });
}

/**
 * Bodies up to this size are parsed a second time to find the place: a hand-edited dossier is far smaller,
 * and a large malformed body (a roster route takes UPLOAD_LIMIT) costs the main thread one parse, not two.
 */
const PLACED_MAX_CHARS = 1024 * 1024;

/** MALFORMED_JSON saying where the text stops being JSON, when JSON.parse tells. */
function malformedAt(text: string): AppError {
  const where = text.length <= PLACED_MAX_CHARS ? syntaxErrorPlace(text) : undefined;
  if (where === undefined) {
    return new AppError('MALFORMED_JSON', {
      zh: '请求体不是合法的 JSON',
      en: 'The request body is not valid JSON',
    });
  }
  return new AppError('MALFORMED_JSON', {
    zh: `请求体不是合法的 JSON：第 ${where.line} 行第 ${where.column} 列附近有误`,
    en: `The request body is not valid JSON: the error is near line ${where.line}, column ${where.column}`,
  });
}

function syntaxErrorPlace(text: string): { line: number; column: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const stated = /line (\d+) column (\d+)/.exec(message);
    if (stated) return { line: Number(stated[1]), column: Number(stated[2]) };
    const at = /position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    if (position === undefined) return undefined;
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}
