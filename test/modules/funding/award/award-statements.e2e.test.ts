import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createAward, createEnterprise, createProgramAndBatch } from '../../../support/factories';
import { startTestServer, TestServer } from '../../../support/server';
import { tokenFor } from '../../../support/tokens';

/**
 * N+1 guard: a page of awards with nested recipients, regions, batches,
 * programmes, sums and children costs the same number of SQL statements
 * whether it holds 10 rows or 50, because every relation and every sum is
 * loaded by a per-request DataLoader in one batched statement.
 */

let t: TestServer;
let batchId: string;
let token: string;

const PAGE = `{
  awards(first: 50) {
    edges { node {
      enterprise { name region { name } }
      batch { program { name } }
      disbursed spent clawedBack
      expenditures { amount }
      disbursements { amount }
    } }
  }
}`;

async function addAwards(n: number): Promise<void> {
  const ds = t.db.dataSource;
  const regions = ['320102', '320505', '330106', '440305'];
  for (let i = 0; i < n; i++) {
    const e = await createEnterprise(ds, { regionCode: regions[i % regions.length], tier: 'LITTLE_GIANT' });
    const awardId = await createAward(ds, batchId, { enterpriseId: e.id }, '6000000.00');
    await ds.query(`INSERT INTO disbursement (award_id, tranche, amount, paid_on, idempotency_key) VALUES ($1, 1, '3000000.00', '2022-01-01', $2)`, [
      awardId,
      randomUUID(),
    ]);
    await ds.query(`INSERT INTO expenditure (award_id, category, amount, spent_on) VALUES ($1, 'EQUIPMENT', '1000000.00', '2022-02-01')`, [awardId]);
  }
}

/** Runs the page and counts the statements sent to PostgreSQL while it runs. */
async function statementsFor(query: string): Promise<{ statements: number; rows: number }> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    const res = await t.graphql(query, {}, token);
    expect(res.errors).toBeUndefined();
    for (const e of res.data!.awards.edges) {
      expect(e.node).toMatchObject({ disbursed: '3000000.00', spent: '1000000.00', clawedBack: '0.00', expenditures: [{ amount: '1000000.00' }] });
      expect(e.node.enterprise.region.name).toEqual(expect.any(String));
    }
    return { statements: spy.mock.calls.length, rows: res.data!.awards.edges.length };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  t = await startTestServer();
  ({ batchId } = await createProgramAndBatch(t.db.dataSource));
  token = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

it('does not grow with the number of rows on the page', async () => {
  await addAwards(10);
  const ten = await statementsFor(PAGE);
  await addAwards(40);
  const fifty = await statementsFor(PAGE);
  expect(ten.rows).toBe(10);
  expect(fifty.rows).toBe(50);
  // Transaction set-up, the page, then one statement per relation or sum.
  expect(fifty.statements).toBe(ten.statements);
  expect(fifty.statements).toBeLessThanOrEqual(14);
  process.stdout.write(`SQL statements per request: ${ten.rows} rows → ${ten.statements}, ${fifty.rows} rows → ${fifty.statements}\n`);
});

it('is the same for a local government, whose reads carry the policy’s WHERE', async () => {
  token = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  const res = await statementsFor(PAGE);
  expect(res.rows).toBe(26); // 320102 and 320505: half of the 50, rounded up per region cycle
  expect(res.statements).toBeLessThanOrEqual(14);
});
