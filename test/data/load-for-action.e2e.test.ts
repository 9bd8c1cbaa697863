import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Viewer } from '../../src/auth/viewer';
import { regionRange } from '../../src/authz/ability';
import { Authorizer } from '../../src/authz/authorizer';
import { loadForAction } from '../../src/data/load-for-action';
import { lockRow } from '../../src/data/row-lock';
import { visibleRow } from '../../src/data/visible-row';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';
import { APP_DB_ROLE } from '../../src/db/request-transaction';
import { RequestContext } from '../../src/core/context';
import { ForbiddenError } from '../../src/core/errors';
import { EnterpriseEntity } from '../../src/modules/enterprise/enterprise.entity';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createEnterprise, EnterpriseRow } from '../support/factories';
import { statementsOf } from '../support/statements';

/**
 * loadForAction against a real database, as srdi_app under row-level
 * security with the caller's settings, as a request runs: NOT_FOUND for
 * what the caller cannot read, FORBIDDEN for what it may read but not act
 * on, and the row lock only after both, on the row it returns.
 */

let db: TestDatabase;
let app: DataSource;
let own: EnterpriseRow;
let published: EnterpriseRow;
let unpublished: EnterpriseRow;
let zhejiang: EnterpriseRow;

beforeAll(async () => {
  db = await createTestDatabase();
  app = createDataSource({ entities: ENTITIES, url: db.url, poolSize: 2, role: APP_DB_ROLE });
  await app.initialize();
  own = await createEnterprise(db.dataSource, { regionCode: '320102', tier: 'SRDI_SME' });
  published = await createEnterprise(db.dataSource, { regionCode: '320102', tier: 'SRDI_SME' });
  unpublished = await createEnterprise(db.dataSource, { regionCode: '320102', tier: null });
  zhejiang = await createEnterprise(db.dataSource, { regionCode: '330106', tier: null });
});
afterAll(async () => {
  await app?.destroy();
  await db?.drop();
});

const enterprise = (enterpriseId: string): Viewer => ({ role: 'ENTERPRISE', subject: `test:${enterpriseId}`, enterpriseId });
const jiangsu: Viewer = { role: 'LOCAL_GOV', subject: 'test:320000', regionCode: '320000' };

/** Runs `work` in a transaction of srdi_app with the caller's settings (as request-transaction.ts opens one), then rolls back. */
async function asCaller<T>(viewer: Viewer, work: (ctx: RequestContext, em: EntityManager) => Promise<T>): Promise<T> {
  const runner = app.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const range = viewer.regionCode ? regionRange(viewer.regionCode) : null;
    await runner.query(
      `SELECT set_config('app.role', $1, true), set_config('app.enterprise_id', $2, true), set_config('app.platform_id', $3, true),
              set_config('app.region_lo', $4, true), set_config('app.region_hi', $5, true)`,
      [viewer.role, viewer.enterpriseId ?? '', viewer.platformId ?? '', range?.lo ?? '', range?.hi ?? ''],
    );
    const ctx: RequestContext = { requestId: 'test', viewer, authz: new Authorizer(viewer), db: runner.manager, dataSource: app, loaders: new Map() };
    return await work(ctx, runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Whether another transaction finds the enterprise row locked (it asks as the owner, without waiting). */
async function lockedElsewhere(id: string): Promise<boolean> {
  try {
    await db.dataSource.transaction((t) => t.query(`SELECT id FROM enterprise WHERE id = $1 FOR UPDATE NOWAIT`, [id]));
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return true;
    throw err;
  }
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as { message: string; extensions?: { code?: string } };
    return { code: e.extensions?.code, message: e.message };
  }
  throw new Error('expected a refusal');
};

describe('loadForAction', () => {
  it('returns the row the caller may act on, locked FOR UPDATE until its transaction ends', async () => {
    await asCaller(enterprise(own.id), async (ctx, em) => {
      const row = await loadForAction<EnterpriseEntity>(ctx, em, 'Enterprise', own.id, 'update', 'enterprise');
      expect(row).toBeInstanceOf(EnterpriseEntity);
      expect(row.id).toBe(own.id);
      expect(await lockedElsewhere(own.id)).toBe(true);
    });
    expect(await lockedElsewhere(own.id)).toBe(false);
  });

  it('is FORBIDDEN, not NOT_FOUND, for a row the caller may read but not act on, and takes no lock on it', async () => {
    // Row-level security lets an enterprise update only itself: a lock taken before the policy check would find nothing here.
    await asCaller(enterprise(own.id), async (ctx, em) => {
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', published.id, 'update', 'enterprise'))).toEqual({
        code: 'FORBIDDEN',
        message: 'ENTERPRISE may not update this Enterprise',
      });
      expect(await lockedElsewhere(published.id)).toBe(false);
    });
  });

  it('checks the named field: FORBIDDEN for one the caller may not change, the row for one it may', async () => {
    await asCaller(enterprise(own.id), async (ctx, em) => {
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', own.id, 'update', 'enterprise', { field: 'region' }))).toEqual({
        code: 'FORBIDDEN',
        message: 'ENTERPRISE may not update this Enterprise (region)',
      });
    });
    await asCaller(enterprise(own.id), async (ctx, em) => {
      expect((await loadForAction<EnterpriseEntity>(ctx, em, 'Enterprise', own.id, 'update', 'enterprise', { field: 'name' })).id).toBe(own.id);
    });
  });

  it('is NOT_FOUND for a row the caller cannot read, one that does not exist, and an id that is no uuid', async () => {
    await asCaller(enterprise(own.id), async (ctx, em) => {
      const notFound = { code: 'NOT_FOUND', message: 'enterprise not found' };
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', unpublished.id, 'update', 'enterprise'))).toEqual(notFound);
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', randomUUID(), 'update', 'enterprise'))).toEqual(notFound);
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', 'not-a-uuid', 'update', 'enterprise'))).toEqual(notFound);
      // No statement failed on the malformed id: the transaction goes on.
      expect(await em.query(`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    });
    await asCaller(jiangsu, async (ctx, em) => {
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', zhejiang.id, 'update', 'enterprise'))).toEqual({
        code: 'NOT_FOUND',
        message: 'enterprise not found',
      });
    });
  });

  it('reads through the read policy first and locks second, in two statements', async () => {
    await asCaller(jiangsu, async (ctx, em) => {
      const sent = (await statementsOf(() => loadForAction(ctx, em, 'Enterprise', unpublished.id, 'update', 'enterprise'))).map((s) => s.text);
      expect(sent).toHaveLength(2);
      expect(sent[0]).not.toMatch(/FOR UPDATE/);
      expect(sent[0]).toMatch(/"enterprise"\."region_code" >= \$\d+/); // the policy's own condition, not only row-level security
      expect(sent[1]).toMatch(/FOR UPDATE$/);
    });
  });

  it('returns the row as it is under the lock, not as the policy read saw it before another transaction’s change committed', async () => {
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`UPDATE enterprise SET name = 'renamed while waiting' WHERE id = $1`, [own.id]);
    try {
      await asCaller(enterprise(own.id), async (ctx, em) => {
        let seenBeforeLock: string | undefined;
        const loading = loadForAction<EnterpriseEntity>(ctx, em, 'Enterprise', own.id, 'update', 'enterprise', {
          check: (row) => (seenBeforeLock = row.name),
        });
        await new Promise((r) => setTimeout(r, 300)); // the read is done; the lock waits for the other transaction
        await other.commitTransaction();
        const row = await loading;
        expect(seenBeforeLock).toBe(own.name);
        expect(row.name).toBe('renamed while waiting');
      });
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.query(`UPDATE enterprise SET name = $2 WHERE id = $1`, [own.id, own.name]);
      await other.release();
    }
  });

  it('judges a further refusal after the policy and before the lock, and only for a row the caller may act on', async () => {
    await asCaller(jiangsu, async (ctx, em) => {
      const check = jest.fn((row: EnterpriseEntity) => {
        if (row.tier == null) throw new ForbiddenError('only certified enterprises');
      });
      expect(await refusal(loadForAction(ctx, em, 'Enterprise', unpublished.id, 'update', 'enterprise', { check }))).toEqual({
        code: 'FORBIDDEN',
        message: 'only certified enterprises',
      });
      expect(check).toHaveBeenCalledTimes(1);
      expect(await lockedElsewhere(unpublished.id)).toBe(false);
      await refusal(loadForAction(ctx, em, 'Enterprise', zhejiang.id, 'update', 'enterprise', { check }));
      expect(check).toHaveBeenCalledTimes(1);
    });
  });
});

describe('visibleRow and lockRow', () => {
  it('visibleRow reads only what the policy lets the caller read, and takes no lock', async () => {
    await asCaller(enterprise(own.id), async (ctx, em) => {
      expect((await visibleRow<EnterpriseEntity>(ctx, em, 'Enterprise', published.id))?.id).toBe(published.id);
      expect(await visibleRow(ctx, em, 'Enterprise', unpublished.id)).toBeNull();
      expect(await visibleRow(ctx, em, 'Enterprise', 'not-a-uuid')).toBeNull();
      expect(await lockedElsewhere(published.id)).toBe(false);
    });
  });

  it('lockRow locks a row for a reason other than the caller’s action, and a missing row is a bug, not NOT_FOUND', async () => {
    await asCaller(jiangsu, async (_ctx, em) => {
      expect((await lockRow<EnterpriseEntity>(em, 'Enterprise', unpublished.id)).id).toBe(unpublished.id);
      expect(await lockedElsewhere(unpublished.id)).toBe(true);
      await expect(lockRow(em, 'Enterprise', randomUUID())).rejects.toThrow(/vanished under its lock/);
    });
  });
});
