import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import { insertApplication } from './application-factories';

/** updateApplication (issue 12, item 2): the enterprise edits its DRAFT or RETURNED application, and no one else does. */

let t: TestServer;
let firm: EnterpriseRow;
let other: EnterpriseRow;
beforeAll(async () => {
  t = await startTestServer();
  firm = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: 'SRDI_SME' });
  other = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: 'SRDI_SME' });
});
afterAll(() => t.close());

const UPDATE = `mutation($input: UpdateApplicationInput!) { updateApplication(input: $input) { application { id tier ruleSetCode status } } }`;
const gid = (id: string) => toGlobalId('Application', id);
const stored = async (id: string) =>
  (await t.db.dataSource.query(`SELECT tier, rule_set_code AS "ruleSetCode", status FROM application WHERE id = $1`, [id]))[0];
const own = () => tokenFor({ role: 'ENTERPRISE', enterpriseId: firm.id });

describe('updateApplication', () => {
  it('lets the enterprise change the rule set and the tier of its draft, audited', async () => {
    const id = await insertApplication(t.db.dataSource, firm.id, { status: 'DRAFT' });
    const res = await t.graphql(UPDATE, { input: { applicationId: gid(id), ruleSet: 'MIIT-2026-2' } }, await own());
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateApplication.application).toMatchObject({ tier: 'LITTLE_GIANT', ruleSetCode: 'MIIT-2026-2', status: 'DRAFT' });
    const [event] = await t.db.dataSource.query(
      `SELECT actor_role, before, after FROM audit_event WHERE action = 'updateApplication' AND subject_id = $1`,
      [id],
    );
    expect(event).toMatchObject({ actor_role: 'ENTERPRISE', before: { ruleSetCode: 'MIIT-2022-63' }, after: { ruleSetCode: 'MIIT-2026-2' } });

    // The rule set must judge the tier: the field the caller sent is at fault.
    const tierAlone = await t.graphql(UPDATE, { input: { applicationId: gid(id), tier: 'INNOVATIVE_SME' } }, await own());
    expect(tierAlone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tier' });
    const unknown = await t.graphql(UPDATE, { input: { applicationId: gid(id), ruleSet: 'MIIT-2099-1' } }, await own());
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    const nothing = await t.graphql(UPDATE, { input: { applicationId: gid(id) } }, await own());
    expect(nothing.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await stored(id)).toMatchObject({ tier: 'LITTLE_GIANT', ruleSetCode: 'MIIT-2026-2' });

    const both = await t.graphql(UPDATE, { input: { applicationId: gid(id), tier: 'SRDI_SME', ruleSet: 'SRDI-PROVINCIAL-2026' } }, await own());
    expect(both.errors).toBeUndefined();
    expect(await stored(id)).toMatchObject({ tier: 'SRDI_SME', ruleSetCode: 'SRDI-PROVINCIAL-2026' });
    await t.db.dataSource.query(`UPDATE application SET status = 'WITHDRAWN' WHERE id = $1`, [id]);
  });

  it('refuses a rule set no longer in force for new applications, even the one the draft was opened with', async () => {
    // Opened under the 2022 standard (the factory's default), before 2026-04-01.
    const draft = await insertApplication(t.db.dataSource, firm.id, { status: 'DRAFT' });
    const named = await t.graphql(UPDATE, { input: { applicationId: gid(draft), ruleSet: 'MIIT-2022-63' } }, await own());
    expect(named.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    expect(named.errors![0].message).toMatch(/not in force for new applications .*; in force: MIIT-2026-2/);
    // Changing the tier alone keeps a rule set that no longer judges a new application: the tier is at fault.
    const tierOnly = await t.graphql(UPDATE, { input: { applicationId: gid(draft), tier: 'LITTLE_GIANT' } }, await own());
    expect(tierOnly.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tier' });
    expect(await stored(draft)).toMatchObject({ tier: 'LITTLE_GIANT', ruleSetCode: 'MIIT-2022-63' });

    // Nor can it be submitted under that set: the enterprise names the one in force first.
    const submit = `mutation($input: ApplicationStepInput!) { submitApplication(input: $input) { application { status } } }`;
    const refused = await t.graphql(submit, { input: { applicationId: gid(draft) } }, await own());
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    expect(refused.errors![0].message).toMatch(
      /rule set MIIT-2022-63 is not in force for new applications .*; in force: MIIT-2026-2; name it with updateApplication, then submit/,
    );
    expect(await stored(draft)).toMatchObject({ status: 'DRAFT' });
    const trail = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'submitApplication' AND subject_id = $1`, [
      draft,
    ]);
    expect(trail[0].n).toBe(0);
    await t.db.dataSource.query(`UPDATE application SET status = 'WITHDRAWN' WHERE id = $1`, [draft]);
  });

  it('edits a RETURNED application, and refuses one past it as CONFLICT naming its status', async () => {
    const returned = await insertApplication(t.db.dataSource, firm.id, { status: 'RETURNED' });
    expect((await t.graphql(UPDATE, { input: { applicationId: gid(returned), ruleSet: 'MIIT-2026-2' } }, await own())).errors).toBeUndefined();
    for (const status of ['SUBMITTED', 'RECOMMENDED', 'WITHDRAWN']) {
      await t.db.dataSource.query(`UPDATE application SET status = $2 WHERE id = $1`, [returned, status]);
      const res = await t.graphql(UPDATE, { input: { applicationId: gid(returned), ruleSet: 'MIIT-2022-63' } }, await own());
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: status });
    }
    expect((await stored(returned)).ruleSetCode).toBe('MIIT-2026-2');
  });

  it('refuses a tier the enterprise already has an open application for', async () => {
    const draft = await insertApplication(t.db.dataSource, firm.id, { status: 'DRAFT', tier: 'SRDI_SME', ruleSetCode: 'SRDI-PROVINCIAL-2022' });
    await insertApplication(t.db.dataSource, firm.id, { status: 'SUBMITTED' });
    const res = await t.graphql(UPDATE, { input: { applicationId: gid(draft), tier: 'LITTLE_GIANT', ruleSet: 'MIIT-2026-2' } }, await own());
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'SUBMITTED' });
    expect((await stored(draft)).tier).toBe('SRDI_SME');
  });

  it('refuses every other role: FORBIDDEN where the application is visible, NOT_FOUND where it is not', async () => {
    const draft = await insertApplication(t.db.dataSource, firm.id, { status: 'DRAFT', tier: 'INNOVATIVE_SME', ruleSetCode: 'SRDI-PROVINCIAL-2022' });
    const cases: [string, string | undefined, string][] = [
      ['its local government', await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' }), 'FORBIDDEN'],
      ['MIIT', await tokenFor({ role: 'MIIT' }), 'FORBIDDEN'],
      ['MOF', await tokenFor({ role: 'MOF' }), 'FORBIDDEN'],
      ['another enterprise', await tokenFor({ role: 'ENTERPRISE', enterpriseId: other.id }), 'NOT_FOUND'],
      ['another region', await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' }), 'NOT_FOUND'],
      ['the public', undefined, 'NOT_FOUND'],
    ];
    for (const [who, token, code] of cases) {
      const res = await t.graphql(UPDATE, { input: { applicationId: gid(draft), ruleSet: 'MIIT-2022-63' } }, token);
      expect([who, res.errors?.[0].extensions?.code]).toEqual([who, code]);
    }
    const missing = await t.graphql(
      UPDATE,
      { input: { applicationId: gid('00000000-0000-4000-8000-000000000000'), ruleSet: 'MIIT-2022-63' } },
      await own(),
    );
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await stored(draft)).toMatchObject({ tier: 'INNOVATIVE_SME', ruleSetCode: 'SRDI-PROVINCIAL-2022' });
  });
});
