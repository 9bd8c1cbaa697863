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
      return {
        async executionDidStart({ contextValue: ctx }) {
          runner = serialized(dataSource.createQueryRunner());
          await runner.connect();
          await beginAs(runner, ctx.viewer);
          ctx.db = runner.manager;
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (!runner) return;
          const r = runner;
          runner = null;
          try {
            const failed = response.body.kind === 'single' && !response.body.singleResult.data && !!response.body.singleResult.errors;
            if (r.isTransactionActive) await (failed ? r.rollbackTransaction() : r.commitTransaction());
          } finally {
            ctx.db = dataSource.manager;
            await r.release();
          }
        },
      };
    },
  };
}

/**
 * Opens the request's transaction with the caller's settings in one round
 * trip: START TRANSACTION and the set_config calls as one simple-protocol
 * query (which takes no parameters, so the values are quoted literals; each
 * is also of a known shape: a role name, uuids and region codes checked when
 * the token was read). Then tells TypeORM's runner, which did not start it,
 * that its transaction is open, so commit, rollback and savepoints work as usual.
 */
async function beginAs(runner: QueryRunner, v: Viewer): Promise<void> {
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
  await runner.query(`START TRANSACTION; SELECT ${calls}`);
  // TypeORM 1.x's own bookkeeping (what startTransaction() would have set); the tests of savepoints and rollbacks rely on it.
  Object.assign(runner as unknown as { isTransactionActive: boolean; transactionDepth: number }, { isTransactionActive: true, transactionDepth: 1 });
}

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
