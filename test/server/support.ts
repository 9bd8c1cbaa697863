import { ApolloServerPlugin } from '@apollo/server';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/config';
import { RequestContext } from '../../src/core/context';
import { AppServerOptions, createAppServer } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import { createTestDatabase } from '../support/database';
import { startTestServer, TestServer } from '../support/server';
import { TEST_JWT_SECRET } from '../support/tokens';

/**
 * Counts what a request set going: operations that reached execution, fields
 * resolved, and query runners taken from the pool (every execution's
 * transaction takes one; so does any SQL a resolver sends).
 */
export interface Probe {
  executions: number;
  resolvedFields: number;
  queryRunners: number;
  reset(): void;
}

export function probePlugin(probe: Probe): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          probe.executions += 1;
          return {
            willResolveField() {
              probe.resolvedFields += 1;
            },
          };
        },
      };
    },
  };
}

function newProbe(): Probe {
  return {
    executions: 0,
    resolvedFields: 0,
    queryRunners: 0,
    reset() {
      this.executions = 0;
      this.resolvedFields = 0;
      this.queryRunners = 0;
    },
  };
}

/** startTestServer with a probe: `probe` shows whether anything ran. */
export async function startProbedServer(env: Record<string, string> = {}, options: AppServerOptions = {}): Promise<TestServer & { probe: Probe }> {
  const probe = newProbe();
  const t = await startTestServer(env, { ...options, extraPlugins: [probePlugin(probe), ...(options.extraPlugins ?? [])] });
  const ds = t.db.dataSource;
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args: Parameters<typeof create>) => {
    probe.queryRunners += 1;
    return create(...args);
  };
  return Object.assign(t, { probe });
}

/** The real server with its log lines captured (parsed) instead of written. */
export async function startLoggedServer(env: Record<string, string> = {}, options: AppServerOptions = {}) {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      callback();
    },
  });
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info', ...env });
  const server = await createAppServer(config, db.dataSource, createLogger(config, destination), options);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    server,
    lines,
    /** Lines of finished /graphql requests. */
    requests: () => lines.filter((l) => l.msg === 'graphql request' || l.msg === 'graphql request failed'),
    async close() {
      await server.apollo.stop();
      await db.drop();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** One HTTP request to /graphql as a client would send it; the body is parsed when it is JSON. */
export async function send(
  url: string,
  init: Omit<RequestInit, 'headers'> & { json?: unknown; headers?: Record<string, string | undefined> } = {},
): Promise<RawResponse> {
  const { json, headers = {}, ...rest } = init;
  const given = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(url, {
    method: json === undefined ? (rest.method ?? 'GET') : 'POST',
    ...rest,
    headers: { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...given },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export interface MainProcess {
  /** The /graphql address it printed. */
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** What it wrote to stderr alone: its progress lines while it starts. */
  stderr(): string;
  exited: Promise<number | null>;
}

/**
 * src/main.ts in a process of its own (test/server/main-child.js), as
 * `npm start` runs it, on `databaseUrl`; resolves once it prints its address.
 */
export function spawnMain(databaseUrl: string, env: Record<string, string> = {}): Promise<MainProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'main-child.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DEMO_DATA: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => {
    out += d;
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /GraphQL +(http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ url: m[1], child, output: () => out, stderr: () => err, exited });
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`main exited early:\n${out}`));
      }
    }, 50);
  });
}
