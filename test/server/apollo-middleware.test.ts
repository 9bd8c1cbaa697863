import { ApolloServer } from '@apollo/server';
import express from 'express';
import { AddressInfo } from 'node:net';
import http from 'node:http';
import { apolloMiddleware } from '../../src/server/apollo-middleware';

/** The adapter on a tiny schema: what Apollo decides (status, headers, body) reaches the client unchanged. */
let server: http.Server;
let apollo: ApolloServer<{ caller: string }>;
let url: string;
beforeAll(async () => {
  apollo = new ApolloServer<{ caller: string }>({
    typeDefs: 'type Query { name: String! caller: String! }',
    resolvers: { Query: { name: () => '专精特新 “小巨人”', caller: (_r: unknown, _a: unknown, ctx: { caller: string }) => ctx.caller } },
    csrfPrevention: false,
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), apolloMiddleware(apollo, { context: async ({ req }) => ({ caller: req.get('x-caller') ?? 'nobody' }) }));
  server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await apollo.stop();
  await new Promise((r) => server.close(r));
});

describe('apolloMiddleware', () => {
  it('answers a POST with Apollo’s body, its content type and the body’s length in bytes', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': 'ann' },
      body: JSON.stringify({ query: '{ name caller }' }),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual({ data: { name: '专精特新 “小巨人”', caller: 'ann' } });
  });

  it('passes the query string of a GET, and Apollo’s status for a bad request', async () => {
    const ok = await fetch(`${url}?query=${encodeURIComponent('{ caller }')}`, { headers: { 'x-caller': 'bo' } });
    expect(await ok.json()).toEqual({ data: { caller: 'bo' } });
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sends headers and no body to a HEAD', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent('{ name }')}`, { method: 'HEAD' });
    expect(await res.text()).toBe('');
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
  });
});
