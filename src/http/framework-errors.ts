/**
 * Errors that happen before a route runs still answer in the one error shape,
 * with an x-request-id:
 * - fastify's router errors (a URL that does not decode, e.g. /v1/verify/%ff),
 *   through the `frameworkErrors` option;
 * - Node's own HTTP parser errors (a bad Content-Length, headers too large, a
 *   request not received in time), which never reach fastify's request cycle:
 *   `clientErrorHandler` writes the response straight onto the socket.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { AppError, type ErrorCode } from '../errors.js';
import { errorBody } from './error-body.js';

export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
  const known = new AppError(code, { cause: error });
  request.log.info({ code: known.code, statusCode: known.statusCode, fastifyCode: error.code }, 'request refused');
  void reply
    .code(known.statusCode)
    .header('x-request-id', request.id)
    .type('application/json; charset=utf-8')
    .send(errorBody(known, request.id));
}

/** Node's parser error codes (llhttp) mapped onto ours; anything else is a malformed request. */
function clientErrorCode(nodeCode: string | undefined): ErrorCode {
  if (nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (nodeCode === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  return 'BAD_REQUEST';
}

type ClientErrorHandler = NonNullable<FastifyServerOptions['clientErrorHandler']>;

export const clientErrorHandler: ClientErrorHandler = function (this: unknown, error, socket: Socket) {
  const nodeCode = (error as NodeJS.ErrnoException).code;
  // A reset connection has no one left to answer.
  if (nodeCode === 'ECONNRESET' || socket.destroyed) return;
  const known = new AppError(clientErrorCode(nodeCode));
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(known, requestId));
  const logger = (this as { log?: { info(obj: object, msg: string): void } } | undefined)?.log;
  logger?.info({ code: known.code, statusCode: known.statusCode, nodeCode, reqId: requestId }, 'request refused');
  // Only when nothing of a response went out yet: never a second status line inside a response.
  if (socket.writable && socket.bytesWritten === 0) {
    socket.end(
      `HTTP/1.1 ${known.statusCode} ${STATUS_CODES[known.statusCode] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
      () => socket.destroy(),
    );
    return;
  }
  socket.destroy();
};
