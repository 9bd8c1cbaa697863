import { ApolloServerPlugin } from '@apollo/server';
import { QueryRunner } from 'typeorm';
import { RequestContext } from '../../src/core/context';
import { toGlobalId } from '../../src/core/global-id';
import { createEnterprise } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * Pool exhaustion and slow statements end in a clean error code, never a
 * hang: STATEMENT_TIMEOUT_MS cancels a statement (TIMEOUT, nothing written),
 * DB_ACQUIRE_TIMEOUT_MS bounds the wait for a pooled connection
 * (UNAVAILABLE), and MAX_CONCURRENT_PER_CALLER keeps one caller's flood from
 * holding up others.
 */

jest.setTimeout(60_000);

const UPDATE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { name } } }`;

describe('STATEMENT_TIMEOUT_MS', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ STATEMENT_TIMEOUT_MS: '300' });
  });
  afterAll(() => t.close());

  it("sets the pool's connections up with both timeouts", async () => {
    expect(
      await t.appDataSource.query(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`),
    ).toEqual([{ s: '300ms', i: '30s' }]);
  });

  it('stops a statement that runs too long with TIMEOUT, writes nothing, and the next request is served', async () => {
    const e = await createEnterprise(t.db.dataSource, { name: '超时测试精密有限公司' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
    // Someone else holds the enterprise's row: the rename waits on its lock until its statement is cancelled.
    const holder = t.db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM enterprise WHERE id = $1 FOR UPDATE`, [e.id]);
    const started = Date.now();
    const res = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', e.id), name: '超时改名精密有限公司' } }, token);
    const took = Date.now() - started;
    await holder.rollbackTransaction();
    await holder.release();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: 'TIMEOUT' });
    expect(res.errors![0].message).not.toMatch(/statement|cancel|SQL/i);
    expect(took).toBeLessThan(5_000);
    const [{ name }] = await t.db.dataSource.query(`SELECT name FROM enterprise WHERE id = $1`, [e.id]);
    expect(name).toBe('超时测试精密有限公司');
    const again = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', e.id), name: '超时改名精密有限公司' } }, token);
    expect(again.errors).toBeUndefined();
    expect(
      await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'updateEnterprise' AND subject_id = $1`, [e.id]),
    ).toEqual([{ n: 1 }]);
  });
});

describe('DB_ACQUIRE_TIMEOUT_MS', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '300' });
  });
  afterAll(() => t.close());

  it('answers UNAVAILABLE when no pooled connection comes free in time, and serves again once one does', async () => {
    const held: QueryRunner[] = [];
    for (let i = 0; i < 2; i++) {
      const r = t.appDataSource.createQueryRunner();
      await r.connect();
      held.push(r);
    }
    const token = await tokenFor({ role: 'MIIT' });
    const started = Date.now();
    const res = await t.graphql('{ enterprises(first: 1) { edges { node { name } } } }', {}, token);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(503);
    expect(res.errors).toEqual([{ message: 'The server is busy; try again shortly.', extensions: { code: 'UNAVAILABLE' } }]);
    for (const r of held) await r.release();
    const after = await t.graphql('{ enterprises(first: 1) { edges { node { name } } } }', {}, token);
    expect(after.errors).toBeUndefined();
  });
});

describe('MAX_CONCURRENT_PER_CALLER', () => {
  let t: TestServer;
  let release!: () => void;
  let held = 0;
  let gate = new Promise<void>((resolve) => (release = resolve));
  /** Holds operations named "Expensive" in execution until released, as a long report would. */
  const holdExpensive: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async executionDidStart({ operationName }) {
          if (operationName !== 'Expensive') return;
          held += 1;
          await gate;
        },
      };
    },
  };
  beforeAll(async () => {
    t = await startTestServer({ MAX_CONCURRENT_PER_CALLER: '2', DB_ACQUIRE_TIMEOUT_MS: '5000' }, { extraPlugins: [holdExpensive] });
  });
  afterAll(() => t.close());

  it("runs a caller's flood two at a time, while another caller's cheap request goes straight through", async () => {
    const flooder = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const other = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
    const flood = Array.from({ length: 6 }, () => t.graphql('query Expensive { enterprises(first: 100) { totalCount } }', {}, flooder));
    await new Promise((r) => setTimeout(r, 300));
    expect(held).toBe(2);
    const started = Date.now();
    const cheap = await t.graphql('query Cheap { regions(level: PROVINCE) { code } }', {}, other);
    expect(cheap.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    // The flooder's own cheap request waits behind its flood.
    let ownDone = false;
    const own = t.graphql('query Cheap { regions(level: PROVINCE) { code } }', {}, flooder).then((r) => ((ownDone = true), r));
    await new Promise((r) => setTimeout(r, 200));
    expect(ownDone).toBe(false);
    release();
    gate = Promise.resolve();
    const results = await Promise.all(flood);
    expect(results.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(held).toBe(6);
    expect((await own).errors).toBeUndefined();
  });
});
