import { createEnterprise } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * Records what a GraphQL client really sends: each request's method, URL,
 * headers and body, and the status it got. Passed as the client's `fetch`.
 */
export interface Sent {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: any;
  status: number;
}

export function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const response = await fetch(request);
    sent.push({
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries(request.headers.entries()),
      body: text ? JSON.parse(text) : null,
      status: response.status,
    });
    return response;
  };
}

/** A handful of Jiangsu enterprises to page through; their names in the API's NAME order (by the server itself). */
export async function seedEnterprises(t: TestServer, token: string, count = 5): Promise<string[]> {
  for (let i = 0; i < count; i++) await createEnterprise(t.db.dataSource, { regionCode: '320102', name: `客户端测试${i}号精密有限公司` });
  const res = await t.graphql('{ enterprises(first: 100, orderBy: [{ field: NAME }]) { edges { node { name } } } }', {}, token);
  return res.data!.enterprises.edges.map((e: { node: { name: string } }) => e.node.name);
}

/** A server with those enterprises, and a MIIT token that sees them all. */
export async function startWithEnterprises(): Promise<{ t: TestServer; token: string; names: string[] }> {
  const t = await startTestServer();
  const token = await tokenFor({ role: 'MIIT' });
  return { t, token, names: await seedEnterprises(t, token) };
}
