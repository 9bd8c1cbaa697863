import { ApolloServerPlugin } from '@apollo/server';
import { DataSource, QueryRunner } from 'typeorm';
import { regionRange } from '../authz/ability';
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
          await runner.startTransaction();
          const v = ctx.viewer;
          const range = v.regionCode ? regionRange(v.regionCode) : null;
          await runner.query(
            `SELECT set_config('role', $1, true), set_config('app.role', $2, true),
                    set_config('app.enterprise_id', $3, true), set_config('app.platform_id', $4, true),
                    set_config('app.region_lo', $5, true), set_config('app.region_hi', $6, true)`,
            [APP_DB_ROLE, v.role, v.enterpriseId ?? '', v.platformId ?? '', range?.lo ?? '', range?.hi ?? ''],
          );
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
