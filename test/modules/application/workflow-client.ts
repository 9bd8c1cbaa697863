import { toGlobalId } from '../../../src/graphql/global-id';
import { GraphQLResponse, TestServer } from '../../support/server';

/** The workflow mutations, each with its input type and a selection of its payload. */
const APPLICATION_PAYLOAD = `application { id status score publicNoticeEndsOn submittedAt recommendedBy { code } } review { id kind decision score comment ruleSetCode }`;
const CERTIFICATION_PAYLOAD = `certification { id status tier batchNumber ruleSetCode certifiedOn validUntil revokedOn revocationReason enterprise { tier } }`;

export const MUTATIONS: Record<string, { input: string; payload: string }> = {
  createApplication: { input: 'CreateApplicationInput', payload: APPLICATION_PAYLOAD },
  submitApplication: { input: 'ApplicationStepInput', payload: APPLICATION_PAYLOAD },
  withdrawApplication: { input: 'ApplicationStepInput', payload: APPLICATION_PAYLOAD },
  recommendApplication: { input: 'RecommendApplicationInput', payload: APPLICATION_PAYLOAD },
  returnApplication: { input: 'ApplicationCommentInput', payload: APPLICATION_PAYLOAD },
  startReview: { input: 'ApplicationStepInput', payload: APPLICATION_PAYLOAD },
  reviewApplication: { input: 'ReviewApplicationInput', payload: APPLICATION_PAYLOAD },
  openPublicNotice: { input: 'OpenPublicNoticeInput', payload: APPLICATION_PAYLOAD },
  raiseObjection: { input: 'ApplicationCommentInput', payload: APPLICATION_PAYLOAD },
  resolveObjection: { input: 'ResolveObjectionInput', payload: APPLICATION_PAYLOAD },
  certifyEnterprise: {
    input: 'CertifyEnterpriseInput',
    payload: `application { id status certification { id } } certification { id status tier batchNumber ruleSetCode publicNoticeStartsOn publicNoticeEndsOn certifiedOn validUntil enterprise { tier } }`,
  },
  revokeCertification: { input: 'RevokeCertificationInput', payload: `${CERTIFICATION_PAYLOAD} frozenAwardCount` },
  startReReview: { input: 'CertificationStepInput', payload: CERTIFICATION_PAYLOAD },
  renewCertification: { input: 'RenewCertificationInput', payload: CERTIFICATION_PAYLOAD },
};

export function run(t: TestServer, name: string, input: Record<string, unknown>, token: string | undefined): Promise<GraphQLResponse<any>> {
  const m = MUTATIONS[name];
  return t.graphql(`mutation($input: ${m.input}!) { ${name}(input: $input) { ${m.payload} } }`, { input }, token);
}

export const appGid = (id: string) => toGlobalId('Application', id);
export const certGid = (id: string) => toGlobalId('Certification', id);
export const entGid = (id: string) => toGlobalId('Enterprise', id);

/** The code of the first error, or 'OK'. */
export function outcome(res: GraphQLResponse<any>): string {
  return res.errors?.length ? String(res.errors[0].extensions?.code) : 'OK';
}

/** Audit events about one enterprise, oldest first, as the database owner reads them. */
export async function trailOf(t: TestServer, enterpriseId: string): Promise<{ action: string; actor_role: string; subject_type: string; region_code: string }[]> {
  return t.db.dataSource.query(
    `SELECT action, actor_role, subject_type, region_code, tenant FROM audit_event WHERE enterprise_id = $1 ORDER BY id`,
    [enterpriseId],
  );
}
