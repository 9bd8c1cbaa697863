import { randomUUID } from 'node:crypto';
import { createMongoAbility, subject } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, createPlatform } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/**
 * As a frontend would: unpack and build an ability. The JSON is re-parsed
 * because objects from fetch() belong to another realm under jest, and
 * CASL's parser only treats plain objects of its own realm as operators.
 */
function abilityFrom(permissions: unknown) {
  return createMongoAbility(unpackRules(JSON.parse(JSON.stringify(permissions))) as never);
}

const VIEWER = `{ viewer { role subject enterprise { name } region { code } platform { name } permissions } }`;

describe('viewer', () => {
  it('is the public without a token', async () => {
    const res = await t.graphql(VIEWER);
    expect(res.data!.viewer).toMatchObject({ role: 'PUBLIC', subject: 'anonymous', enterprise: null, region: null, platform: null });
  });

  it('gives an enterprise its tenant and rules a frontend can use with @casl/ability', async () => {
    const own = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: null, name: '前端测试有限公司' });
    const res = await t.graphql(VIEWER, {}, await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer).toMatchObject({ role: 'ENTERPRISE', enterprise: { name: '前端测试有限公司' } });
    const ability = abilityFrom(res.data!.viewer.permissions);
    // Objects as the API returns them: global IDs, and the owner as a field (issue 13, item 2).
    const ownId = toGlobalId('Enterprise', own.id);
    expect(ability.can('update', subject('Enterprise', { id: ownId }) as never, 'name')).toBe(true);
    expect(ability.can('update', subject('Enterprise', { id: own.id }) as never, 'name')).toBe(false);
    expect(ability.can('update', subject('Enterprise', { id: toGlobalId('Enterprise', randomUUID()) }) as never, 'name')).toBe(false);
    expect(ability.can('create', subject('Expenditure', { award: { enterprise: { id: ownId } } }) as never)).toBe(true);
    expect(ability.can('submit', subject('Application', { enterprise: { id: ownId } }) as never)).toBe(true);
    expect(ability.can('grant', 'Award')).toBe(false);
  });

  it('gives a local government its region', async () => {
    const res = await t.graphql(VIEWER, {}, await tokenFor({ role: 'LOCAL_GOV', regionCode: '330200' }));
    expect(res.data!.viewer).toMatchObject({ role: 'LOCAL_GOV', region: { code: '330200' } });
    const ability = abilityFrom(res.data!.viewer.permissions);
    const application = (code: string, tier: string) => subject('Application', { tier, enterprise: { region: { code } } }) as never;
    expect(ability.can('recommend', application('330203', 'SRDI_SME'))).toBe(true);
    expect(ability.can('recommend', application('330102', 'SRDI_SME'))).toBe(false);
    // Ningbo is a plan-listed city: it recommends its own little giants, as a province would.
    expect(ability.can('recommend', application('330203', 'LITTLE_GIANT'))).toBe(true);
    expect(ability.can('recommend', application('330102', 'LITTLE_GIANT'))).toBe(false);
  });

  it('gives a platform its own record, and nobody else’s', async () => {
    const own = await createPlatform(t.db.dataSource, { regionCode: '320100', name: '南京中小企业公共服务平台' });
    const res = await t.graphql(VIEWER, {}, await tokenFor({ role: 'PLATFORM', platformId: own.id }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer).toMatchObject({ role: 'PLATFORM', platform: { name: '南京中小企业公共服务平台' }, enterprise: null, region: null });
    const other = await t.graphql(VIEWER, {}, await tokenFor({ role: 'ENTERPRISE', enterpriseId: (await createEnterprise(t.db.dataSource)).id }));
    expect(other.data!.viewer.platform).toBeNull();
  });
});
