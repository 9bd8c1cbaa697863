import { ApolloServerPlugin, GraphQLResponse, HeaderMap } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { QueryRunner } from 'typeorm';
import { regionRange } from '../authz/ability';
import { Viewer } from '../auth/viewer';
import { ReadRouting } from './read-routing';
import { RequestContext } from '../core/context';

/** The role every request runs as: it owns nothing and is bound by row-level security. */
export const APP_DB_ROLE = 'srdi_app';

/**
 * Every statement of a request runs as `srdi_app` with the caller's role and
 * tenant in transaction-local settings, which the row-level security policies
 * read; the settings travel in the same round trip as the statement.
 *
 * - A query sends each statement as `SELECT set_config(…); <statement>`: one
 *   simple-protocol message, which PostgreSQL runs as one implicit
 *   transaction, so the settings hold for exactly that statement and vanish
 *   with it. A read costs one round trip per statement and no BEGIN or COMMIT;
 *   a request answered from memory costs none. (Under READ COMMITTED each
 *   statement saw its own snapshot inside one transaction too.)
 * - A mutation runs in one transaction, opened with the settings in the round
 *   trip of its first statement; the mutation's own work is a savepoint inside
 *   it (see mutation()), so a failed mutation leaves nothing half-written.
 */
export function requestTransactionPlugin(routing: ReadRouting): ApolloServerPlugin<RequestContext> {
  const dataSource = routing.primary;
  return {
    async requestDidStart() {
      let runner: QueryRunner | null = null;
      let session: Session | null = null;
      return {
        // The last hook before execution whose failure Apollo answers as a response of ours: a pool with no
        // connection free within DB_ACQUIRE_TIMEOUT_MS is UNAVAILABLE (503), not an internal error.
        async responseForOperation({ contextValue: ctx, operation }) {
          const query = operation?.operation === OperationTypeNode.QUERY;
          // A query may read from the replica (ReadRouting decides); a mutation always works on the primary.
          const r = serialized((query ? routing.forQuery(callerOf(ctx.viewer)) : dataSource).createQueryRunner());
          try {
            session = await attachSettings(r, ctx.viewer, query ? 'statement' : 'transaction');
          } catch (err) {
            await r.release();
            if (!isPoolTimeout(err)) throw err;
            return busyResponse();
          }
          runner = r;
          ctx.db = r.manager;
          return null;
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (!runner) return;
          const r = runner;
          runner = null;
          try {
            const failed = response.body.kind === 'single' && !response.body.singleResult.data && !!response.body.singleResult.errors;
            if (session!.transactionOpened() && r.isTransactionActive) {
              await (failed ? r.rollbackTransaction() : r.commitTransaction());
              if (!failed) routing.wrote(callerOf(ctx.viewer));
            }
          } finally {
            // Nothing of the request's settings outlives it: a query's died with each statement, a mutation's with its transaction.
            Object.assign(r as unknown as TransactionState, { isTransactionActive: false, transactionDepth: 0 });
            session!.detach();
            ctx.db = dataSource.manager;
            await r.release();
          }
        },
      };
    },
  };
}

/** Whose reads follow whose writes: one token subject (the public shares one). */
const callerOf = (v: Viewer) => `${v.role}:${v.subject}`;

type TransactionState = { isTransactionActive: boolean; transactionDepth: number };

/** node-postgres's pool gave up waiting for a free connection (its connectionTimeoutMillis). */
export function isPoolTimeout(err: unknown): boolean {
  return (err as Error | null)?.message === 'timeout exceeded when trying to connect';
}

function busyResponse(): GraphQLResponse {
  return {
    http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) },
    body: { kind: 'single', singleResult: { errors: [{ message: 'The server is busy; try again shortly.', extensions: { code: 'UNAVAILABLE' } }] } },
  };
}

interface Session {
  /** Whether a mutation's transaction has been opened (with its first statement). */
  transactionOpened(): boolean;
  /** Gives the connection back its own query method. */
  detach(): void;
}

type PgClient = { query: (...args: unknown[]) => Promise<unknown>; escapeLiteral(value: string): string };

const TRANSACTION_CONTROL = /^\s*(START|BEGIN|SAVEPOINT|RELEASE|COMMIT|ROLLBACK|END)\b/i;

/**
 * Makes the request's connection send the caller's settings with its
 * statements, per `mode` (see requestTransactionPlugin). The settings and the
 * statement go as one simple-protocol message, which takes no parameters, so
 * the statement's are written in as quoted literals, which PostgreSQL types
 * from their context as it types parameters; the settings are quoted too, and
 * each is also of a known shape (a role name, uuids and region codes checked
 * when the token was read). For a mutation, TypeORM's runner is told its
 * transaction is open from the start, so commit, rollback and savepoints
 * work as usual.
 */
async function attachSettings(runner: QueryRunner, v: Viewer, mode: 'statement' | 'transaction'): Promise<Session> {
  const range = v.regionCode ? regionRange(v.regionCode) : null;
  const settings: [string, string][] = [
    ['role', APP_DB_ROLE],
    ['app.role', v.role],
    ['app.enterprise_id', v.enterpriseId ?? ''],
    ['app.platform_id', v.platformId ?? ''],
    ['app.region_lo', range?.lo ?? ''],
    ['app.region_hi', range?.hi ?? ''],
  ];
  for (const [, value] of settings) {
    if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error(`request setting of an unexpected shape: ${JSON.stringify(value)}`);
  }
  const set = `SELECT ${settings.map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`).join(', ')}`;
  const begin = `START TRANSACTION; ${set}`;
  const client = (await runner.connect()) as PgClient;
  // Looked up at each call, not kept: whatever wraps the driver's query (a statement counter) still sees every round trip.
  const send = (...args: unknown[]) => (Object.getPrototypeOf(client) as PgClient).query.apply(client, args);
  const inline = (args: unknown[]) => (typeof args[0] === 'string' && args.length <= 2 ? inlineParameters(client, args[0], args[1]) : null);
  let opened = false;
  if (mode === 'statement') {
    client.query = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && TRANSACTION_CONTROL.test(args[0])) {
        return Promise.reject(new Error(`a query opens no transaction of its own: ${args[0].slice(0, 40)}`));
      }
      const inlined = inline(args);
      if (inlined !== null) return send(`${set}; ${inlined}`).then((results) => (results as unknown[]).at(-1));
      // No literal form for a value (binary data): the statement in a transaction of its own.
      return send(begin)
        .then(() => send(...args))
        .then(
          (result) => send('COMMIT').then(() => result),
          (err) =>
            send('ROLLBACK').then(() => {
              throw err;
            }),
        );
    };
  } else {
    client.query = (...args: unknown[]) => {
      if (opened) return send(...args);
      opened = true;
      const inlined = inline(args);
      if (inlined === null) return send(begin).then(() => send(...args));
      return send(`${begin}; ${inlined}`).then((results) => (results as unknown[]).at(-1));
    };
    // TypeORM 1.x's own bookkeeping (what startTransaction() would have set); the tests of savepoints and rollbacks rely on it.
    Object.assign(runner as unknown as TransactionState, { isTransactionActive: true, transactionDepth: 1 });
  }
  return {
    transactionOpened: () => opened,
    detach: () => delete (client as Partial<PgClient>).query,
  };
}

/**
 * `text` with each `$n` replaced by its value as a quoted literal (pg's own
 * conversion to text, then its escaping); null when a value has no literal
 * form here (binary data), and the statement then goes on its own.
 */
function inlineParameters(client: PgClient, text: string, values: unknown): string | null {
  const params = Array.isArray(values) ? values : [];
  const literals: string[] = [];
  for (const value of params) {
    const prepared = prepareValue(value);
    if (prepared === null) literals.push('NULL');
    else if (typeof prepared === 'string') literals.push(client.escapeLiteral(prepared));
    else return null;
  }
  let out = '';
  let i = 0;
  // Placeholders only outside quoted strings and identifiers (TypeORM writes no dollar quoting).
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return null;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j])) j++;
      const n = Number(text.slice(i + 1, j));
      if (n < 1 || n > literals.length) return null;
      out += literals[n - 1];
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** pg's conversion of a parameter to its text form (the driver's own, so values read as they would as parameters); pg ships no types for it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string | Buffer | null };

const escapeLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Resolvers run concurrently but share the request's one connection; pg
 * queues overlapping queries only as a deprecated courtesy. This sends them
 * one after another explicitly.
 */
function serialized(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = tail.then(() => query(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}
