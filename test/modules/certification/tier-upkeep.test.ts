import { refreshLapsedTiers } from '../../../src/modules/certification/tier-upkeep';
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
    await ds.query(`UPDATE certification SET valid_until = '2027-07-01' WHERE enterprise_id = ANY($1) AND tier = 'LITTLE_GIANT'`, [[lapsed.id, stepDown.id]]);
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
