import { refreshLapsedTiers, runTierUpkeepOnce } from '../../../src/modules/certification/tier-upkeep';
import { createCertification, createEnterprise } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const tierOf = async (id: string) => (await db.dataSource.query(`SELECT tier FROM enterprise WHERE id = $1`, [id]))[0].tier;

describe('refreshLapsedTiers', () => {
  it('drops a tier whose title lapsed by date, falls back to a lower held title, leaves valid ones, and audits each change', async () => {
    const ds = db.dataSource;
    const lapsed = await createEnterprise(ds, { tier: 'LITTLE_GIANT' });
    await createCertification(ds, lapsed.id, { tier: 'LITTLE_GIANT' }); // valid until 2027-07-01
    const stepDown = await createEnterprise(ds, { tier: 'LITTLE_GIANT' });
    await createCertification(ds, stepDown.id, { tier: 'LITTLE_GIANT' });
    await createCertification(ds, stepDown.id, { tier: 'SRDI_SME' });
    await ds.query(`UPDATE certification SET valid_until = '2030-01-01' WHERE enterprise_id = $1 AND tier = 'SRDI_SME'`, [stepDown.id]);
    const valid = await createEnterprise(ds, { tier: 'LITTLE_GIANT' });
    await createCertification(ds, valid.id, { tier: 'LITTLE_GIANT' });

    // 2027-07-02: the little-giant titles ended the day before.
    await ds.query(`UPDATE certification SET valid_until = '2027-07-01' WHERE enterprise_id = ANY($1) AND tier = 'LITTLE_GIANT'`, [
      [lapsed.id, stepDown.id],
    ]);
    await ds.query(`UPDATE certification SET valid_until = '2028-07-01' WHERE enterprise_id = $1`, [valid.id]);
    expect(await refreshLapsedTiers(ds, '2027-07-02')).toBe(2);

    expect(await tierOf(lapsed.id)).toBeNull();
    expect(await tierOf(stepDown.id)).toBe('SRDI_SME');
    expect(await tierOf(valid.id)).toBe('LITTLE_GIANT');
    const events = await ds.query(`SELECT subject_id, before, after FROM audit_event WHERE action = 'lapseTier' ORDER BY id`);
    expect(events).toEqual(
      expect.arrayContaining([
        { subject_id: lapsed.id, before: { tier: 'LITTLE_GIANT' }, after: { tier: null } },
        { subject_id: stepDown.id, before: { tier: 'LITTLE_GIANT' }, after: { tier: 'SRDI_SME' } },
      ]),
    );
    // Nothing left to do: a second run changes nothing.
    expect(await refreshLapsedTiers(ds, '2027-07-02')).toBe(0);
  });
});

describe('runTierUpkeepOnce: once per interval across processes', () => {
  const runs = async () =>
    await db.dataSource.query<{ started_by: string; changed: number | null }[]>(
      `SELECT started_by, changed FROM upkeep_run WHERE name = 'tier-upkeep'`,
    );

  it('runs in one of two processes that wake together, and in neither again within the interval', async () => {
    const ds = db.dataSource;
    await ds.query(`DELETE FROM upkeep_run`);
    const lapsed = await createEnterprise(ds, { tier: 'LITTLE_GIANT' });
    await createCertification(ds, lapsed.id, { tier: 'LITTLE_GIANT' });
    await ds.query(`UPDATE certification SET valid_until = '2027-07-01' WHERE enterprise_id = $1`, [lapsed.id]);

    // Two replicas wake at the same moment: the advisory lock lets one in, the other leaves it.
    const both = await Promise.all([
      runTierUpkeepOnce(ds, 60_000, 'replica-a', '2027-07-02'),
      runTierUpkeepOnce(ds, 60_000, 'replica-b', '2027-07-02'),
    ]);
    expect(both.filter((r) => r !== null)).toEqual([1]);
    const [run] = await runs();
    expect(['replica-a', 'replica-b']).toContain(run.started_by);
    expect(run.changed).toBe(1);
    // Within the interval neither runs again, one after the other either.
    expect(await runTierUpkeepOnce(ds, 60_000, 'replica-a', '2027-07-02')).toBeNull();
    expect(await runTierUpkeepOnce(ds, 60_000, 'replica-b', '2027-07-02')).toBeNull();
    expect(await tierOf(lapsed.id)).toBeNull();
    expect(
      await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'lapseTier' AND subject_id = $1`, [lapsed.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('runs again once the interval has passed, and leaves no lock behind', async () => {
    const ds = db.dataSource;
    await ds.query(`UPDATE upkeep_run SET started_at = now() - interval '2 minutes'`);
    expect(await runTierUpkeepOnce(ds, 60_000, 'replica-b', '2027-07-02')).toBe(0);
    expect((await runs())[0]).toEqual({ started_by: 'replica-b', changed: 0 });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
    expect(n).toBe(0);
  });
});
