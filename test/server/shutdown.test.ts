import { ApolloServerPlugin } from '@apollo/server';
import { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { RequestContext } from '../../src/core/context';
import { createLogger } from '../../src/core/logger';
import { createShutdown } from '../../src/server/shutdown';
import { createTestDatabase, TestDatabase } from '../support/database';
import { startTestServer, TestServer } from '../support/server';
import { send, spawnMain } from './support';

jest.setTimeout(60_000);

/** Holds an operation named "Slow" in execution until released. */
function slowPlugin() {
  let entered!: () => void;
  let release!: () => void;
  const inFlight = new Promise<void>((resolve) => (entered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async executionDidStart({ operationName }) {
          if (operationName !== 'Slow') return;
          entered();
          await released;
        },
      };
    },
  };
  return { plugin, inFlight, release };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

describe('createShutdown (what main.ts runs on SIGTERM)', () => {
  let t: TestServer;
  const slow = slowPlugin();
  beforeAll(async () => {
    t = await startTestServer({}, { extraPlugins: [slow.plugin] });
  });
  afterAll(() => t.close());

  it('lets a request in flight finish with 200, refuses new connections, then closes the database and exits 0', async () => {
    const port = (t.server.httpServer.address() as net.AddressInfo).port;
    const events: string[] = [];
    const request = send(`${t.url}/graphql`, { json: { query: 'query Slow { regions(level: PROVINCE) { code } }' } }).then((res) => {
      events.push('request finished');
      return res;
    });
    await slow.inFlight;

    const exit = jest.fn((code: number) => void events.push(`exit ${code}`));
    const shutdown = createShutdown({
      server: t.server,
      database: { close: async () => void events.push('database closed') },
      logger: createLogger({ logLevel: 'silent' }),
      exit,
    });
    const done = shutdown('SIGTERM');
    expect(shutdown('SIGTERM')).toBe(done); // a second signal joins the first
    expect(t.server.lifecycle.draining).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await connectionRefused(port)).toBe(true);
    expect(events).toEqual([]); // still waiting for the request

    slow.release();
    const res = await request;
    expect(res.status).toBe(200);
    expect(res.body.data.regions).toHaveLength(31);
    await done;
    expect(events).toEqual(['request finished', 'database closed', 'exit 0']);
    expect(exit).toHaveBeenCalledTimes(1);
  });
});

describe('the process (src/main.ts)', () => {
  let db: TestDatabase;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
  });

  it('starts, answers, and on SIGTERM stops cleanly and exits 0', async () => {
    const main = await spawnMain(db.url);
    child = main.child;
    const { url, exited } = main;
    // What it was doing, for the person who ran it (DATABASE_URL and no demo data: two steps).
    expect(main.stderr()).toBe('srdi-api: applying migrations…\nsrdi-api: building the GraphQL schema and starting the HTTP server…\n');
    const res = await send(url, { json: { query: '{ regions(level: PROVINCE) { code } }' } });
    expect(res.body.data.regions).toHaveLength(31);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const logs = main
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string });
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['graphql request', 'shutting down: draining requests', 'stopped']));
  });
});
