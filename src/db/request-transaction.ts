import { ApolloServerPlugin } from '@apollo/server';
import { DataSource, QueryRunner } from 'typeorm';
import { regionRange } from '../authz/ability';
import { Viewer } from '../auth/viewer';
import { RequestContext } from '../graphql/context';

/** The role every request runs as: it owns nothing and is bound by row-level security. */
export const APP_DB_ROLE = 'srdi_app';

/**
 * Each GraphQL operation runs in one transaction as `srdi_app`, with the
 * caller's role and tenant in transaction-local settings that the row-level
 * security policies read. A mutation's own work is a savepoint inside it
 * (see mutation()), so a failed mutation leaves nothing half-written.
 */
export function requestTransactionPlugin(dataSource: DataSource): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let runner: QueryRunner | null = null;
      let opening: Opening | null = null;
      return {
        async executionDidStart({ contextValue: ctx }) {
          runner = serialized(dataSource.createQueryRunner());
          opening = await beginAs(runner, ctx.viewer);
          ctx.db = runner.manager;
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (!runner) return;
          const r = runner;
          runner = null;
          try {
            const failed = response.body.kind === 'single' && !response.body.singleResult.data && !!response.body.singleResult.errors;
            if (!opening!.sent()) {
              // Nothing reached the database: there is no transaction to end.
              Object.assign(r as unknown as TransactionState, { isTransactionActive: false, transactionDepth: 0 });
            } else if (r.isTransactionActive) {
              await (failed ? r.rollbackTransaction() : r.commitTransaction());
            }
          } finally {
            opening!.detach();
            ctx.db = dataSource.manager;
            await r.release();
          }
        },
      };
    },
  };
}

type TransactionState = { isTransactionActive: boolean; transactionDepth: number };

interface Opening {
  /** Whether the transaction has been opened (with the request's first statement, or before it). */
  sent(): boolean;
  /** Gives the connection back its own query method. */
  detach(): void;
}

type PgClient = { query: (...args: unknown[]) => Promise<unknown>; escapeLiteral(value: string): string };

/**
 * Opens the request's transaction with the caller's settings, in the same
 * round trip as the request's first statement: START TRANSACTION, the
 * set_config calls and that statement go as one simple-protocol query, whose
 * last result is the statement's. A request that sends nothing (regions come
 * from memory) opens nothing. The simple protocol takes no parameters, so the
 * statement's are written in as quoted literals, which PostgreSQL types from
 * their context as it types parameters; the settings are quoted too, and
 * each is also of a known shape (a role name, uuids and region codes checked
 * when the token was read). TypeORM's runner is told its transaction is open
 * from the start, so commit, rollback and savepoints work as usual.
 */
async function beginAs(runner: QueryRunner, v: Viewer): Promise<Opening> {
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
  const calls = settings.map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`).join(', ');
  const begin = `START TRANSACTION; SELECT ${calls}`;
  const client = (await runner.connect()) as PgClient;
  let pending = true;
  // Looked up at each call, not kept: whatever wraps the driver's query (a statement counter) still sees every round trip.
  const send = (...args: unknown[]) => (Object.getPrototypeOf(client) as PgClient).query.apply(client, args);
  client.query = (...args: unknown[]) => {
    if (!pending) return send(...args);
    pending = false;
    const [text, values] = args;
    const inlined = typeof text === 'string' && args.length <= 2 ? inlineParameters(client, text, values) : null;
    if (inlined === null) return send(begin).then(() => send(...args));
    return send(`${begin}; ${inlined}`).then((results) => (results as unknown[]).at(-1));
  };
  // TypeORM 1.x's own bookkeeping (what startTransaction() would have set); the tests of savepoints and rollbacks rely on it.
  Object.assign(runner as unknown as TransactionState, { isTransactionActive: true, transactionDepth: 1 });
  return {
    sent: () => !pending,
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
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string | Buffer | null };

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
