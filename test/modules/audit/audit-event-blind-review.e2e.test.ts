import { UNDISCLOSED_ACTOR_ACTIONS } from '../../../src/authz/policy';
import { programmeToday } from '../../../src/core/calendar';
import { createCertification, createEnterprise } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import { insertApplication } from '../application/application-factories';
import { appGid, outcome, run } from '../application/workflow-client';

/**
 * Expert review is blind and objections do not name their author to the
 * applicant: the audit trail of those steps hides who acted from the
 * applicant exactly as its reviews do, while the local government and the
 * ministries still see every actor.
 */

let t: TestServer;
let owner: string;
let jiangsu: string;
let miit: string;
let mof: string;

const TRAIL = `{ auditEvents(first: 100) { edges { node { action actorRole actorSubject tenant } } } }`;
type Event = { action: string; actorRole: string; actorSubject: string | null; tenant: string | null };

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  const e = await createEnterprise(ds, { regionCode: '320102', tier: 'SRDI_SME' });
  owner = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
  jiangsu = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  miit = await tokenFor({ role: 'MIIT' });
  mof = await tokenFor({ role: 'MOF' });
  // A little-giant draft under the set in force, from an enterprise holding the provincial title it asks for.
  await createCertification(ds, e.id, { tier: 'SRDI_SME' });
  const app = appGid(await insertApplication(ds, e.id, { status: 'DRAFT', ruleSetCode: 'MIIT-2026-2' }));
  const endsOn = new Date(Date.parse(`${programmeToday()}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const steps: [string, Record<string, unknown>, string][] = [
    ['submitApplication', { applicationId: app }, owner],
    ['recommendApplication', { applicationId: app, comment: '推荐' }, jiangsu],
    ['startReview', { applicationId: app }, miit],
    ['reviewApplication', { applicationId: app, decision: 'APPROVE', score: '88.00' }, miit],
    ['openPublicNotice', { applicationId: app, publicNoticeEndsOn: endsOn }, miit],
    ['raiseObjection', { applicationId: app, comment: '数据存疑' }, jiangsu],
    ['resolveObjection', { applicationId: app, comment: '经核实无误', ruling: 'DISMISSED' }, miit],
  ];
  for (const [name, input, token] of steps) expect([name, outcome(await run(t, name, input, token))]).toEqual([name, 'OK']);
});
afterAll(() => t.close());

describe('the audit trail of review and objection steps', () => {
  it('hides the actor’s subject and tenant from the applicant, with FORBIDDEN at each hidden field', async () => {
    const res = await t.graphql<{ auditEvents: { edges: { node: Event }[] } }>(TRAIL, {}, owner);
    const events = res.data!.auditEvents.edges.map((e) => e.node);
    expect(events.map((e) => e.action)).toEqual([
      'submitApplication',
      'recommendApplication',
      'startReview',
      'reviewApplication',
      'openPublicNotice',
      'raiseObjection',
      'resolveObjection',
    ]);
    for (const e of events) {
      if (UNDISCLOSED_ACTOR_ACTIONS.includes(e.action)) {
        expect(e).toEqual({ action: e.action, actorRole: expect.any(String), actorSubject: null, tenant: null });
      } else {
        expect(e).toMatchObject({ action: 'submitApplication', actorRole: 'ENTERPRISE', actorSubject: expect.stringMatching(/^test:ENTERPRISE:/) });
      }
    }
    // One FORBIDDEN per hidden field: subject and tenant of the six blind steps.
    const hidden = (res.errors ?? []).map((err) => `${String(err.extensions?.code)} ${err.path?.slice(-1)[0]}`);
    expect(hidden.sort()).toEqual([...Array(6).fill('FORBIDDEN actorSubject'), ...Array(6).fill('FORBIDDEN tenant')].sort());
    // Nothing of the objecting government or the experts leaks anywhere in the answer.
    expect(JSON.stringify(res.data)).not.toMatch(/LOCAL_GOV:320000|test:MIIT/);
  });

  it('still lets the applicant filter and sort its trail, by fields it may read on every row', async () => {
    const res = await t.graphql(
      `{ auditEvents(filter: { action: "reviewApplication" }, orderBy: [{ field: ID, direction: DESC }]) { totalCount } }`,
      {},
      owner,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditEvents.totalCount).toBe(1);
  });

  it('shows every actor to the local government and the ministries', async () => {
    for (const token of [jiangsu, miit, mof]) {
      const res = await t.graphql<{ auditEvents: { edges: { node: Event }[] } }>(TRAIL, {}, token);
      expect(res.errors).toBeUndefined();
      const byAction = Object.fromEntries(res.data!.auditEvents.edges.map((e) => [e.node.action, e.node]));
      expect(byAction.reviewApplication).toMatchObject({ actorRole: 'MIIT', actorSubject: 'test:MIIT:ministry' });
      expect(byAction.raiseObjection).toMatchObject({ actorRole: 'LOCAL_GOV', actorSubject: 'test:LOCAL_GOV:320000', tenant: '320000' });
    }
  });
});
