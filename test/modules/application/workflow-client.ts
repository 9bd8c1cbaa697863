import { createEnterprise, createPlatform } from '../../support/factories';
import { TokenFor, tokenFor } from '../../support/tokens';
import { toGlobalId } from '../../../src/core/global-id';
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
export async function trailOf(
  t: TestServer,
  enterpriseId: string,
): Promise<{ action: string; actor_role: string; subject_type: string; region_code: string }[]> {
  return t.db.dataSource.query(`SELECT action, actor_role, subject_type, region_code, tenant FROM audit_event WHERE enterprise_id = $1 ORDER BY id`, [
    enterpriseId,
  ]);
}

/** Everyone the workflow tests try each step as; `owner` is the applicant, set per case. */
export const CALLERS = [
  'owner',
  'otherEnterprise',
  'jiangsu',
  'zhejiang',
  'nanjing',
  'xuanwu',
  'ningbo',
  'miit',
  'mof',
  'platform',
  'public',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * Tokens of the callers that do not depend on the case: another enterprise
 * (Hangzhou), local governments from province to county on both sides, the
 * ministries and a Nanjing platform. `owner` and `public` are left out.
 */
export async function fixedCallers(t: TestServer): Promise<Partial<Record<Caller, string>>> {
  const ds = t.db.dataSource;
  const other = await createEnterprise(ds, { regionCode: '330106', tier: null });
  const platform = await createPlatform(ds, { regionCode: '320100' });
  const specs: Partial<Record<Caller, TokenFor>> = {
    otherEnterprise: { role: 'ENTERPRISE', enterpriseId: other.id },
    jiangsu: { role: 'LOCAL_GOV', regionCode: '320000' },
    zhejiang: { role: 'LOCAL_GOV', regionCode: '330000' },
    nanjing: { role: 'LOCAL_GOV', regionCode: '320100' },
    xuanwu: { role: 'LOCAL_GOV', regionCode: '320102' },
    ningbo: { role: 'LOCAL_GOV', regionCode: '330200' },
    miit: { role: 'MIIT' },
    mof: { role: 'MOF' },
    platform: { role: 'PLATFORM', platformId: platform.id },
  };
  const entries = await Promise.all(Object.entries(specs).map(async ([k, spec]) => [k, await tokenFor(spec)] as const));
  return Object.fromEntries(entries);
}
