import { ApolloServer, BaseContext, ContextFunction, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { Request, RequestHandler, Response } from 'express';

/**
 * @as-integrations/express5's `expressMiddleware`, with the answer written
 * by node's `res.end` instead of Express's `res.send`. `send` re-derives
 * what Apollo already settled (content type, freshness against the request's
 * cache headers, a string-to-Buffer copy, ETag machinery) on every response:
 * about a twentieth of a small read's CPU. Everything else is the
 * integration's own logic: headers folded as it folds them, the query
 * string, Apollo's status and headers, incremental delivery streamed.
 */
export function apolloMiddleware<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: { context: ContextFunction<[{ req: Request; res: Response }], TContext> },
): RequestHandler {
  server.assertStarted('apolloMiddleware()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method.toUpperCase(),
      headers,
      search: query === -1 ? '' : req.url.slice(query),
      body: (req as { body?: unknown }).body,
    };
    const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context({ req, res }) });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const body = response.body.string;
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
