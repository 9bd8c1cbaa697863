import { addDays, addYears, validUntilFor } from '../../../src/modules/certification/certification.rules';
import { programmeToday } from '../../../src/core/calendar';
import { EvaluationPurpose } from '../../../src/modules/rule-set/rule-set.enums';
import { ruleSetsInForce } from '../../../src/modules/rule-set';
import { Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { createAward, createEnterprise, createProgramAndBatch } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import { certGid, outcome, run, trailOf, CALLERS, Caller, fixedCallers } from '../application/workflow-client';
import { CertificationRow, insertCertification } from './certification-factories';

/**
 * The lifecycle of a title through the real server: revocation (freezing
 * open awards), re-review in year 3, renewal or expiry; every step by every
 * role and tenant; lapsed titles (EXPIRED with no job) refused.
 */

let t: TestServer;
const today = programmeToday();
const LG = 'LITTLE_GIANT';

const fixed: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  t = await startTestServer();
  Object.assign(fixed, await fixedCallers(t));
});
afterAll(() => t.close());

/** In the third year of its cycle: re-review is open. */
const inYear3 = (): CertificationRow => {
  const certifiedOn = addDays(addYears(today, -2), -10);
  return { certifiedOn, validUntil: validUntilFor(certifiedOn) };
};
/** In its first year. */
const inYear1 = (): CertificationRow => {
  const certifiedOn = addDays(addYears(today, -1), 20);
  return { certifiedOn, validUntil: validUntilFor(certifiedOn) };
};
/** Its validity ended yesterday; the stored status still says CERTIFIED. */
const lapsed = (): CertificationRow => ({ certifiedOn: addDays(addYears(today, -3), -1), validUntil: addDays(today, -1) });

/** A fresh enterprise (Xuanwu, Nanjing) holding a title, with its owner's token. */
async function fixture(row: CertificationRow, tier = LG) {
  const ds = t.db.dataSource;
  const enterprise = await createEnterprise(ds, { regionCode: '320102', tier });
  const certificationId = await insertCertification(ds, enterprise.id, { tier, ...row });
  const owner = await tokenFor({ role: 'ENTERPRISE', enterpriseId: enterprise.id });
  return { enterpriseId: enterprise.id, certificationId, owner };
}

async function stored(
  id: string,
): Promise<{ status: string; valid_until: string; revocation_reason: string | null; revoked_on: string | null; rule_set_code: string }> {
  return (
    await t.db.dataSource.query(
      `SELECT status, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, revocation_reason, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on, rule_set_code
         FROM certification WHERE id = $1`,
      [id],
    )
  )[0];
}
async function tierOf(enterpriseId: string): Promise<string | null> {
  return (await t.db.dataSource.query(`SELECT tier FROM enterprise WHERE id = $1`, [enterpriseId]))[0].tier;
}

interface StepCase {
  label: string;
  mutation: string;
  row: CertificationRow;
  input: Record<string, unknown>;
  to: string;
}
const STEPS: StepCase[] = [
  {
    label: 'revoke a title in force',
    mutation: 'revokeCertification',
    row: { status: 'CERTIFIED' },
    input: { reason: 'FALSE_DECLARATION' },
    to: 'REVOKED',
  },
  {
    label: 'revoke a title under re-review',
    mutation: 'revokeCertification',
    row: { status: 'UNDER_REVIEW' },
    input: { reason: 'TAX_EVASION' },
    to: 'REVOKED',
  },
  { label: 'start re-review in year 3', mutation: 'startReReview', row: { status: 'CERTIFIED', ...inYear3() }, input: {}, to: 'UNDER_REVIEW' },
  { label: 'renew after re-review', mutation: 'renewCertification', row: { status: 'UNDER_REVIEW' }, input: { outcome: 'RENEW' }, to: 'RENEWED' },
  {
    label: 'let expire after re-review',
    mutation: 'renewCertification',
    row: { status: 'UNDER_REVIEW' },
    input: { outcome: 'LET_EXPIRE' },
    to: 'EXPIRED',
  },
];

// Titles in force are on the public list: every caller sees them, so all but MIIT are FORBIDDEN.
const matrix = STEPS.flatMap((s) => CALLERS.map((c) => [s.label, c, c === 'miit' ? 'OK' : 'FORBIDDEN', s] as const));

describe('every step by every caller', () => {
  it.each(matrix)('%s: %s → %s', async (_label, caller, expected, s) => {
    const { enterpriseId, certificationId, owner } = await fixture(s.row);
    const res = await run(t, s.mutation, { certificationId: certGid(certificationId), ...s.input }, caller === 'owner' ? owner : fixed[caller]);
    expect(outcome(res)).toBe(expected);
    const trail = await trailOf(t, enterpriseId);
    if (expected === 'OK') {
      expect(res.data![s.mutation].certification.status).toBe(s.to);
      expect((await stored(certificationId)).status).toBe(s.to);
      expect(trail).toEqual([
        expect.objectContaining({ action: s.mutation, actor_role: 'MIIT', subject_type: 'Certification', region_code: '320102' }),
      ]);
    } else {
      expect(res.data).toBeNull();
      expect((await stored(certificationId)).status).toBe(s.row.status);
      expect(trail).toEqual([]);
    }
  });

  // A revoked title is off the public list: only the holder, its governments and the ministries see it.
  const hidden: [Caller, string][] = CALLERS.map((c) => [
    c,
    c === 'miit' ? 'CONFLICT' : ['owner', 'jiangsu', 'nanjing', 'xuanwu', 'mof'].includes(c) ? 'FORBIDDEN' : 'NOT_FOUND',
  ]);
  it.each(hidden)('revoke a revoked title: %s → %s', async (caller, expected) => {
    const { enterpriseId, certificationId, owner } = await fixture({ status: 'REVOKED' });
    const res = await run(
      t,
      'revokeCertification',
      { certificationId: certGid(certificationId), reason: 'TAX_EVASION' },
      caller === 'owner' ? owner : fixed[caller],
    );
    expect(outcome(res)).toBe(expected);
    if (expected === 'CONFLICT') expect(res.errors![0].extensions!.currentState).toBe('REVOKED');
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });
});

describe('revokeCertification', () => {
  it('freezes the enterprise’s open awards and recomputes its tier, in one audited step', async () => {
    const ds = t.db.dataSource;
    const { enterpriseId, certificationId } = await fixture({ status: 'CERTIFIED' });
    await insertCertification(ds, enterpriseId, { tier: 'SRDI_SME', status: 'CERTIFIED' });
    const b1 = await createProgramAndBatch(ds);
    const b2 = await createProgramAndBatch(ds);
    const b3 = await createProgramAndBatch(ds);
    const open1 = await createAward(ds, b1.batchId, { enterpriseId });
    const open2 = await createAward(ds, b2.batchId, { enterpriseId });
    const clawedBack = await createAward(ds, b3.batchId, { enterpriseId });
    await ds.query(`UPDATE award SET status = 'CLAWED_BACK' WHERE id = $1`, [clawedBack]);
    const bystander = await createEnterprise(ds, { regionCode: '320102', tier: LG });
    const bystanderAward = await createAward(ds, b1.batchId, { enterpriseId: bystander.id });

    const res = await run(
      t,
      'revokeCertification',
      { certificationId: certGid(certificationId), reason: 'FALSE_DECLARATION', revokedOn: addDays(today, -3) },
      fixed.miit,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.revokeCertification).toMatchObject({
      frozenAwardCount: 2,
      certification: { status: 'REVOKED', revocationReason: 'FALSE_DECLARATION', revokedOn: addDays(today, -3), enterprise: { tier: 'SRDI_SME' } },
    });
    const awards = await ds.query(`SELECT id, status FROM award WHERE id = ANY($1) ORDER BY id`, [[open1, open2, clawedBack, bystanderAward]]);
    expect(Object.fromEntries(awards.map((a: any) => [a.id, a.status]))).toEqual({
      [open1]: 'FROZEN',
      [open2]: 'FROZEN',
      [clawedBack]: 'CLAWED_BACK',
      [bystanderAward]: 'GRANTED',
    });
    expect(await tierOf(enterpriseId)).toBe('SRDI_SME');
    const [event] = await ds.query(`SELECT action, before, after FROM audit_event WHERE enterprise_id = $1`, [enterpriseId]);
    expect(event.action).toBe('revokeCertification');
    expect(event.before).toMatchObject({ status: 'CERTIFIED', enterpriseTier: LG });
    expect(event.after).toMatchObject({ status: 'REVOKED', enterpriseTier: 'SRDI_SME' });
    expect([...event.after.frozenAwardIds].sort()).toEqual([open1, open2].sort());
  });

  it('defaults revokedOn to today and refuses a date in the future or before certification', async () => {
    const { enterpriseId, certificationId } = await fixture({ status: 'CERTIFIED', certifiedOn: '2025-07-01', validUntil: '2099-06-30' });
    for (const revokedOn of [addDays(today, 1), '2025-06-30', '2025-13-01']) {
      const res = await run(t, 'revokeCertification', { certificationId: certGid(certificationId), reason: 'TAX_EVASION', revokedOn }, fixed.miit);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'revokedOn' });
    }
    expect(await trailOf(t, enterpriseId)).toEqual([]);
    const ok = await run(t, 'revokeCertification', { certificationId: certGid(certificationId), reason: 'TAX_EVASION' }, fixed.miit);
    expect(ok.data!.revokeCertification.certification.revokedOn).toBe(today);
    expect(await tierOf(enterpriseId)).toBeNull();
  });
});

describe('expiry without a job', () => {
  it.each([
    ['revokeCertification', { reason: 'TAX_EVASION' }],
    ['startReReview', {}],
    ['renewCertification', { outcome: 'RENEW' }],
  ])('%s on a lapsed title is CONFLICT: EXPIRED', async (mutation, input) => {
    const { enterpriseId, certificationId } = await fixture({ status: 'CERTIFIED', ...lapsed() });
    const res = await run(t, mutation, { certificationId: certGid(certificationId), ...input }, fixed.miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'EXPIRED' });
    expect(res.errors![0].message).toContain('EXPIRED');
    expect((await stored(certificationId)).status).toBe('CERTIFIED');
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });
});

describe('re-review and renewal', () => {
  it('opens re-review only in the third year', async () => {
    const { certificationId, enterpriseId } = await fixture({ status: 'CERTIFIED', ...inYear1() });
    const res = await run(t, 'startReReview', { certificationId: certGid(certificationId) }, fixed.miit);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'CERTIFIED',
      reReviewOpensOn: addYears(inYear1().certifiedOn!, 2),
    });
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });

  it.each([
    ['startReReview', 'UNDER_REVIEW', {}],
    ['startReReview', 'PUBLIC_NOTICE', {}],
    ['renewCertification', 'CERTIFIED', { outcome: 'RENEW' }],
    ['renewCertification', 'RENEWED', { outcome: 'LET_EXPIRE' }],
    ['revokeCertification', 'PUBLIC_NOTICE', { reason: 'TAX_EVASION' }],
  ])('%s from %s is CONFLICT naming it', async (mutation, state, input) => {
    const { certificationId, enterpriseId } = await fixture({ status: state });
    const res = await run(t, mutation, { certificationId: certGid(certificationId), ...input }, fixed.miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: state });
    expect(res.errors![0].message).toContain(state);
    expect((await stored(certificationId)).status).toBe(state);
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });

  it('renews for a new 3-year cycle, then re-reviews that cycle in its third year', async () => {
    const year3 = inYear3();
    const { certificationId, enterpriseId } = await fixture({ status: 'CERTIFIED', ...year3 });
    const id = certGid(certificationId);
    expect(outcome(await run(t, 'startReReview', { certificationId: id }, fixed.miit))).toBe('OK');
    const bad = await run(t, 'renewCertification', { certificationId: id, outcome: 'RENEW', ruleSet: 'SRDI-PROVINCIAL-2022' }, fixed.miit);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    // A re-review names the little-giant set in force for re-reviews today (the 2022 one through 2026), not the other.
    const [inForceNow] = ruleSetsInForce(Tier.LITTLE_GIANT, EvaluationPurpose.RE_REVIEW, programmeToday()).map((r) => r.code);
    const notInForce = inForceNow === 'MIIT-2022-63' ? 'MIIT-2026-2' : 'MIIT-2022-63';
    const stale = await run(t, 'renewCertification', { certificationId: id, outcome: 'RENEW', ruleSet: notInForce }, fixed.miit);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    expect(stale.errors![0].message).toContain(`not in force for re-reviews`);
    const res = await run(t, 'renewCertification', { certificationId: id, outcome: 'RENEW', ruleSet: inForceNow }, fixed.miit);
    expect(res.errors).toBeUndefined();
    const newUntil = addDays(addYears(addDays(year3.validUntil!, 1), 3), -1);
    expect(res.data!.renewCertification.certification).toMatchObject({
      status: 'RENEWED',
      validUntil: newUntil,
      ruleSetCode: inForceNow,
      enterprise: { tier: LG },
    });
    expect(await stored(certificationId)).toMatchObject({ status: 'RENEWED', valid_until: newUntil, rule_set_code: inForceNow });
    // The new cycle's third year is three years away.
    const again = await run(t, 'startReReview', { certificationId: id }, fixed.miit);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'RENEWED' });
    // Move the new cycle so that it is in its third year now.
    await t.db.dataSource.query(`UPDATE certification SET valid_until = $2 WHERE id = $1`, [certificationId, year3.validUntil]);
    expect(outcome(await run(t, 'startReReview', { certificationId: id }, fixed.miit))).toBe('OK');
    expect((await trailOf(t, enterpriseId)).map((e) => e.action)).toEqual(['startReReview', 'renewCertification', 'startReReview']);
  });

  it('lets a title expire and drops the tier to the next one held', async () => {
    const { certificationId, enterpriseId } = await fixture({ status: 'UNDER_REVIEW' });
    await insertCertification(t.db.dataSource, enterpriseId, { tier: 'SRDI_SME', status: 'RENEWED' });
    const res = await run(t, 'renewCertification', { certificationId: certGid(certificationId), outcome: 'LET_EXPIRE' }, fixed.miit);
    expect(res.data!.renewCertification.certification).toMatchObject({ status: 'EXPIRED', enterprise: { tier: 'SRDI_SME' } });
    expect(await tierOf(enterpriseId)).toBe('SRDI_SME');
    const [event] = await trailOf(t, enterpriseId);
    expect(event).toMatchObject({ action: 'renewCertification', actor_role: 'MIIT' });
  });
});
