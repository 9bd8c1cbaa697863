import { ErrorRequestHandler, Request, Response } from 'express';
import { QueryLimitName } from '../core/errors';
import { Logger } from '../core/logger';
import { reportOf } from './request-report';

/** The GraphQL-over-HTTP media type when the client prefers it, else JSON. */
export function sendGraphQLError(req: Request, res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  const type = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
  res
    .status(status)
    .type(`${type}; charset=utf-8`)
    .send(JSON.stringify({ errors: [{ message, extensions }] }));
}

/**
 * Errors raised before GraphQL runs (the JSON body parser, mostly) answered
 * in GraphQL's error shape instead of Express's HTML page (which, outside
 * production, would show a stack trace): a body over MAX_BODY_BYTES is 413
 * QUERY_TOO_COMPLEX, malformed JSON 400 BAD_REQUEST, an unsupported charset
 * or encoding 415. Anything else is a 500 without details.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const report = reportOf(res);
    const type = (err as { type?: string }).type;
    let status: number;
    let code: string;
    let message: string;
    const extensions: Record<string, unknown> = {};
    if (type === 'entity.too.large') {
      [status, code, message] = [413, 'QUERY_TOO_COMPLEX', 'The request body is too large.'];
      extensions.limit = 'BODY_SIZE' satisfies QueryLimitName;
    } else if (type === 'entity.parse.failed') {
      [status, code, message] = [400, 'BAD_REQUEST', 'The request body is not valid JSON.'];
    } else if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      [status, code, message] = [415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON.'];
    } else {
      [status, code, message] = [500, 'INTERNAL_SERVER_ERROR', 'Internal server error'];
      // Outside /graphql there is no request line to carry it.
      if (!report) logger.error({ err, method: req.method, path: req.path }, 'unexpected error');
    }
    report?.errors.push({ code, message, cause: status === 500 ? err : undefined });
    sendGraphQLError(req, res, status, message, { code, ...extensions });
  };
}
