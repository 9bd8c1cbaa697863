import { toGlobalId } from '../../src/core/global-id';
import { seedDemoData } from '../../src/seed/demo';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * The demo's open drafts and returned applications can be submitted by their
 * enterprises, as a user of the demo would: submitApplication judges the
 * applicant first and refuses a failing indicator, so the seed lifts an
 * applicant's figures to the bar of the rule set it applies under
 * (src/seed/applicants.ts).
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await seedDemoData(t.db.dataSource);
});
afterAll(() => t.close());

const SUBMIT = `mutation($input: ApplicationStepInput!) { submitApplication(input: $input) { application { status selfAssessment { verdict } } } }`;

it('submits every DRAFT or RETURNED demo application, each with a self-assessment that fails nothing', async () => {
  const open = await t.db.dataSource.query<
    {
      id: string;
      enterprise_id: string;
    }[]
  >(`SELECT id, enterprise_id FROM application WHERE status IN ('DRAFT', 'RETURNED') ORDER BY id`);
  expect(open.length).toBeGreaterThan(0);
  const outcomes: string[] = [];
  for (const a of open) {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: a.enterprise_id });
    const res = await t.graphql(SUBMIT, { input: { applicationId: toGlobalId('Application', a.id) } }, token);
    outcomes.push(
      res.errors
        ? res.errors[0].message
        : `${res.data!.submitApplication.application.status} ${res.data!.submitApplication.application.selfAssessment.verdict}`,
    );
  }
  expect(outcomes.filter((o) => !/^SUBMITTED (ELIGIBLE|UNDETERMINED)$/.test(o))).toEqual([]);
});
