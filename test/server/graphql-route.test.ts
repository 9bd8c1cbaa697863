import express, { ErrorRequestHandler, RequestHandler } from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { directRoute, jsonBody } from '../../src/server/graphql-route';

/**
 * POST /graphql skips Express's router and reads common JSON bodies itself
 * (src/server/graphql-route.ts). What a handler sees and what a client gets
 * must be what Express and express.json() give: each case is sent to both and
 * the answers compared.
 */

const LIMIT = 1000;

/** Answers with what the handler chain saw, or with the error it raised. */
const echo: RequestHandler = (req, res) => {
  res.json({
    body: (req.body as unknown) ?? null,
    url: req.url,
    baseUrl: req.baseUrl,
    originalUrl: req.originalUrl,
    ip: req.ip,
    id: req.get('x-id') ?? null,
  });
};
const onError: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, _next) => {
  res.status(err.status ?? 500).json({ error: err.type ?? 'unknown' });
};

interface Served {
  url: string;
  close(): Promise<void>;
}

async function serve(handler: http.RequestListener): Promise<Served> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let viaExpress: Served;
let direct: Served;
let directlyHandled = 0;
beforeAll(async () => {
  const plain = express();
  plain.set('trust proxy', 'loopback');
  plain.use('/graphql', express.json({ limit: LIMIT }), echo);
  plain.use((_req, res) => void res.status(404).json({ error: 'not found' }));
  plain.use(onError);
  viaExpress = await serve(plain);

  const app = express();
  app.set('trust proxy', 'loopback');
  const handlers = [jsonBody(LIMIT), echo];
  app.use('/graphql', ...handlers);
  app.use((_req, res) => void res.status(404).json({ error: 'not found' }));
  app.use(onError);
  const route = directRoute(app, '/graphql', handlers, onError);
  direct = await serve((req, res) => {
    if (route(req, res)) directlyHandled++;
    else void app(req, res);
  });
});
afterAll(async () => {
  await viaExpress.close();
  await direct.close();
});

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: Buffer | string | (Buffer | string)[];
}

function send(base: string, { method = 'POST', path = '/graphql', headers = {}, body }: Sent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    for (const part of [body ?? []].flat()) req.write(part);
    req.end();
  });
}

const json = (text: string | Buffer, extra: Record<string, string> = {}): Sent => ({
  headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...extra },
  body: text,
});

const CASES: [string, Sent][] = [
  ['an object', json('{"query":"{ regions { code } }","variables":{"a":1}}')],
  ['an array', json('[{"query":"{ a }"},{"query":"{ b }"}]')],
  ['leading whitespace', json(' \n\t{"query":"x"}')],
  ['Chinese text', json('{"query":"江苏省 🀄"}')],
  ['a byte-order mark', json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"q":1}')]))],
  ['charset=utf-8', json('{"q":1}', { 'content-type': 'application/json; charset=utf-8' })],
  ['charset="UTF-8"', json('{"q":1}', { 'content-type': 'Application/JSON;charset="UTF-8"' })],
  ['a body in three writes', { headers: { 'content-type': 'application/json', 'content-length': '11' }, body: ['{"q"', ':"江"', '}'] }],
  ['malformed JSON', json('{"query": ')],
  ['a JSON string', json('"{ regions }"')],
  ['a JSON number', json('1')],
  ['whitespace only', json('   ')],
  ['an empty body', json('')],
  ['no content-length (chunked)', { headers: { 'content-type': 'application/json' }, body: '{"q":1}' }],
  ['a body over the limit', json(`{"q":"${'x'.repeat(LIMIT)}"}`)],
  ['a gzip body', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync('{"q":1}') }],
  ['an identity encoding', json('{"q":1}', { 'content-encoding': 'identity' })],
  ['a latin-1 charset', json('{"q":1}', { 'content-type': 'application/json; charset=latin1' })],
  ['text/plain', { headers: { 'content-type': 'text/plain', 'content-length': '7' }, body: '{"q":1}' }],
  ['application/graphql-response+json', { headers: { 'content-type': 'application/graphql-response+json', 'content-length': '7' }, body: '{"q":1}' }],
  ['no content type', { headers: { 'content-length': '7' }, body: '{"q":1}' }],
  ['a query string', { ...json('{"q":1}'), path: '/graphql?operationName=x&a=%20' }],
  ['a forwarded address from loopback', json('{"q":1}', { 'x-forwarded-for': '203.0.113.7', 'x-id': 'req-1' })],
];

it.each(CASES)('%s: the same as Express with express.json()', async (_name, sent) => {
  const before = directlyHandled;
  const [expected, actual] = [await send(viaExpress.url, sent), await send(direct.url, sent)];
  expect(actual).toEqual(expected);
  expect(directlyHandled).toBe(before + 1);
});

it('the answers compared are real: bodies parsed, errors raised', async () => {
  expect(JSON.parse((await send(direct.url, CASES[0][1])).body)).toMatchObject({ body: { variables: { a: 1 } }, url: '/', baseUrl: '/graphql' });
  expect(await send(direct.url, json('{"query": '))).toEqual({ status: 400, body: '{"error":"entity.parse.failed"}' });
  expect((await send(direct.url, json(`{"q":"${'x'.repeat(LIMIT)}"}`))).status).toBe(413);
  expect(JSON.parse((await send(direct.url, json('{"q":1}', { 'x-forwarded-for': '203.0.113.7' }))).body).ip).toBe('203.0.113.7');
});

it.each([
  ['GET', '/graphql'],
  ['POST', '/graphql/'],
  ['POST', '/graphql/extra'],
  ['POST', '/graphqlx'],
  ['POST', '/other'],
  ['PUT', '/graphql'],
])('%s %s is left to Express', async (method, path) => {
  const before = directlyHandled;
  const sent = { ...json('{"q":1}'), method, path };
  expect(await send(direct.url, sent)).toEqual(await send(viaExpress.url, sent));
  expect(directlyHandled).toBe(before);
});

describe('handlers on the direct route', () => {
  const run = async (handlers: RequestHandler[]) => {
    const app = express();
    const route = directRoute(app, '/graphql', handlers, onError);
    const served = await serve((req, res) => {
      if (!route(req, res)) void app(req, res);
    });
    try {
      return await send(served.url, json('{"q":1}'));
    } finally {
      await served.close();
    }
  };

  it('a thrown error and a rejected promise go to the error handler', async () => {
    const thrown = Object.assign(new Error('x'), { type: 'thrown', status: 418 });
    expect(
      await run([
        () => {
          throw thrown;
        },
      ]),
    ).toEqual({ status: 418, body: '{"error":"thrown"}' });
    expect(await run([() => Promise.reject(Object.assign(new Error('y'), { type: 'rejected', status: 503 }))])).toEqual({
      status: 503,
      body: '{"error":"rejected"}',
    });
    expect(await run([(_req, _res, next) => next(Object.assign(new Error('z'), { type: 'passed', status: 400 }))])).toEqual({
      status: 400,
      body: '{"error":"passed"}',
    });
  });

  it('run in order, each after the one before called next; none left is 404', async () => {
    const seen: string[] = [];
    const step =
      (name: string): RequestHandler =>
      (_req, _res, next) => {
        seen.push(name);
        next();
      };
    expect(await run([step('a'), step('b')])).toEqual({ status: 404, body: '{"error":"not found"}' });
    expect(seen).toEqual(['a', 'b']);
  });
});
