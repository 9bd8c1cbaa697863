import express, { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * `POST /graphql` without Express's router in between. Express matches every
 * request against each mounted router and layer in turn (the health probes,
 * metrics, GraphiQL) and threads `next` through them; for the one route that
 * carries nearly all the traffic that walk was a few per cent of a small
 * read's CPU. This does for that route what Express would have done: the
 * request and response get Express's prototypes (so `req.ip`, `req.get`,
 * `res.status` behave as configured on `app`), the URL is seen as mounted at
 * `path`, the handlers run in order with the same `next`, a thrown or
 * rejected handler goes to `onError`. Anything else (GET, other paths, the
 * path with a suffix) returns false and is Express's as before.
 */
export function directRoute(app: Express, path: string, handlers: RequestHandler[], onError: ErrorRequestHandler) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    if ((query === -1 ? url : url.slice(0, query)) !== path) return false;
    // What app.handle() does before routing, and then mounting at `path`.
    const request = Object.setPrototypeOf(req, app.request as object) as Request;
    const response = Object.setPrototypeOf(res, app.response as object) as Response;
    request.res = response;
    response.req = request;
    response.locals ??= Object.create(null) as Record<string, unknown>;
    request.originalUrl = url;
    request.baseUrl = path;
    request.url = query === -1 ? '/' : `/${url.slice(query)}`;
    let at = 0;
    const fail = (err: unknown) => {
      // As Express's final handler: an error after the response started can only close the connection.
      if (response.headersSent) return void response.destroy();
      onError(err, request, response, (still: unknown) => (still ? response.destroy() : undefined));
    };
    const next: NextFunction = (err?: unknown) => {
      if (err) return fail(err);
      const handler = handlers[at++];
      if (!handler) return void response.status(404).json({ error: 'not found' });
      try {
        const result: unknown = handler(request, response, next);
        if (result instanceof Promise) result.catch(fail);
      } catch (error) {
        fail(error);
      }
    };
    next();
    return true;
  };
}

/** A body-parser error, as express.json() raises it (http-errors.ts answers by its `type`). */
class BodyError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const FIRST_CHAR = /^[ \t\n\r]*([^ \t\n\r])/;

/**
 * express.json({ limit }) for the common request (UTF-8 JSON with a
 * Content-Length within the limit, not compressed) read in a few lines:
 * body-parser's general path (content negotiation, charset decoding,
 * inflation, raw-body's streaming limit) cost more than parsing the query.
 * Anything else goes to express.json itself, so compressed bodies, other
 * charsets, chunked bodies and bodies over the limit are answered as before.
 * Like body-parser in strict mode, an empty body is `{}` and a body that is
 * not an object or array is malformed.
 */
export function jsonBody(limit: number): RequestHandler {
  const general = express.json({ limit });
  return (req, res, next) => {
    const length = Number(req.headers['content-length']);
    const encoding = req.headers['content-encoding'];
    if (
      !PLAIN_JSON.test(req.headers['content-type'] ?? '') ||
      !(length > 0 && length <= limit) ||
      req.headers['transfer-encoding'] !== undefined ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity')
    ) {
      return general(req, res, next);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const finish = (err: unknown) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('error', onError);
      next(err);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (received !== length) return finish(new BodyError('request size did not match content length', 'request.size.invalid', 400));
      let text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString('utf8');
      // body-parser's decoding drops a byte-order mark.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const first = FIRST_CHAR.exec(text)?.[1];
      if (first !== '{' && first !== '[') return finish(new BodyError('malformed JSON', 'entity.parse.failed', 400));
      try {
        (req as { body?: unknown }).body = JSON.parse(text) as unknown;
      } catch (error) {
        return finish(Object.assign(new BodyError((error as Error).message, 'entity.parse.failed', 400), { cause: error }));
      }
      (req as { _body?: boolean })._body = true;
      finish(undefined);
    };
    const onAborted = () => finish(new BodyError('request aborted', 'request.aborted', 400));
    const onError = (error: unknown) => finish(error);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('error', onError);
  };
}
