import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';
import { createAward, createEnterprise } from '../support/factories';
import { tokenFor } from '../support/tokens';
import { createBatch, createProgram, DISBURSE, gid } from '../modules/funding/funding-factories';
import { MainProcess, spawnMain } from '../server/support';

/**
 * kill -9 of the API while writes are in flight, then a start on the same
 * DATA_DIR, as `npm start` does after a crash (issue 14, item 6): the
 * embedded PostgreSQL left behind is taken over and recovers, and every
 * write the API acknowledged is there, whole (the row and its audit event);
 * a write it never answered is either all there or not at all.
 */

jest.setTimeout(180_000);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'srdi-crash-'));
let main: MainProcess | null = null;
let owner: DataSource | null = null;

afterAll(async () => {
  await owner?.destroy().catch(() => undefined);
  if (main && main.child.exitCode === null) {
    main.child.kill('SIGTERM');
    await main.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** The embedded server's owner login, as it left it in DATA_DIR. */
function ownerUrl(): string {
  const port = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  const password = encodeURIComponent(readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim());
  return `postgres://postgres:${password}@127.0.0.1:${port}/srdi`;
}

const START = { DATABASE_URL: '', DATA_DIR: dataDir, DEMO_DATA: '0' };

it('keeps every acknowledged disbursement, whole, across kill -9 of the API', async () => {
  main = await spawnMain('', START);
  owner = createDataSource({ entities: ENTITIES, url: ownerUrl(), poolSize: 2 });
  await owner.initialize();
  const e = await createEnterprise(owner, { regionCode: '320102', tier: 'LITTLE_GIANT' });
  const batchId = await createBatch(owner, await createProgram(owner, '100000000000.00'), 1, '100000000.00');
  const awardId = await createAward(owner, batchId, { enterpriseId: e.id }, '10000000.00');
  await owner.destroy();
  owner = null;

  const mof = await tokenFor({ role: 'MOF' });
  const acknowledged: string[] = [];
  const sent: string[] = [];
  let killed = false;
  const url = main.url;
  const child = main.child;
  // 12 writers, one request at a time each, until the API is gone.
  const writer = async (w: number) => {
    for (let n = 0; !killed; n++) {
      const key = `crash-${w}-${n}`;
      sent.push(key);
      try {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${mof}` },
          body: JSON.stringify({ query: DISBURSE, variables: { input: { awardId: gid('Award', awardId), amount: '0.01', idempotencyKey: key } } }),
        });
        const body = (await res.json()) as { data?: { disburseAward?: { disbursement?: { idempotencyKey: string } } } };
        if (body.data?.disburseAward?.disbursement?.idempotencyKey === key) acknowledged.push(key);
      } catch {
        return; // the connection died with the process
      }
    }
  };
  const writers = Array.from({ length: 12 }, (_, w) => writer(w));
  while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  killed = true;
  await main.exited;
  await Promise.all(writers);
  expect(acknowledged.length).toBeGreaterThanOrEqual(60);

  // npm start again on the same DATA_DIR: it takes over the orphaned PostgreSQL, which recovers from its WAL.
  main = await spawnMain('', START);
  owner = createDataSource({ entities: ENTITIES, url: ownerUrl(), poolSize: 2 });
  await owner.initialize();
  const rows = await owner.query<{ key: string; amount: string; audited: number }[]>(
    `SELECT d.idempotency_key AS key, d.amount::text AS amount,
            (SELECT count(*)::int FROM audit_event ev WHERE ev.action = 'disburseAward' AND ev.subject_id = d.id::text) AS audited
       FROM disbursement d WHERE d.award_id = $1`,
    [awardId],
  );
  const stored = new Set(rows.map((r) => r.key));
  expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
  // Whatever is there is whole: one audit event per payment, and only keys that were sent.
  expect(rows.filter((r) => r.audited !== 1 || r.amount !== '0.01')).toEqual([]);
  expect(rows.filter((r) => !sent.includes(r.key))).toEqual([]);
  const [{ disbursed }] = await owner.query(`SELECT (SELECT coalesce(sum(amount), 0) FROM disbursement WHERE award_id = $1)::text AS disbursed`, [
    awardId,
  ]);
  expect(disbursed).toBe((rows.length / 100).toFixed(2));
  // And the restarted API serves: a retry of an acknowledged key is answered from what was stored.
  const retry = await fetch(`${main.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mof}` },
    body: JSON.stringify({
      query: DISBURSE,
      variables: { input: { awardId: gid('Award', awardId), amount: '0.01', idempotencyKey: acknowledged[0] } },
    }),
  });
  expect(((await retry.json()) as { data: { disburseAward: { replayed: boolean } } }).data.disburseAward.replayed).toBe(true);
});
