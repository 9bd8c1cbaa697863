import { makeCreditCode } from '../../../src/modules/enterprise/credit-code.rules';
import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
let own: EnterpriseRow;
let other: EnterpriseRow;
beforeAll(async () => {
  t = await startTestServer();
  own = await createEnterprise(t.db.dataSource, { regionCode: '320102' });
  other = await createEnterprise(t.db.dataSource, { regionCode: '330203' });
});
afterAll(() => t.close());

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id name region { code } } } }`;
const UPDATE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { name region { code } } } }`;
const input = (creditCode: string, regionCode: string) => ({
  creditCode,
  name: '南京新登记科技有限公司',
  regionCode,
  industry: 'I65 软件和信息技术服务业',
  productField: 'KEY_BASIC_SOFTWARE',
  sizeClass: 'SMALL',
});
const auditCount = async (action: string) =>
  (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1`, [action]))[0].n;

describe('registerEnterprise', () => {
  it('lets a local government register an enterprise of its region, with an audit event', async () => {
    const code = makeCreditCode('91', '320102', 'MA1XYW001');
    const res = await t.graphql(REGISTER, { input: input(code, '320102') }, await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerEnterprise.enterprise.region.code).toBe('320102');
    expect(await auditCount('registerEnterprise')).toBe(1);
  });

  it('refuses another region, other roles, bad codes and duplicates, writing nothing', async () => {
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const outside = await t.graphql(REGISTER, { input: input(makeCreditCode('91', '330203', 'MA1XYW002'), '330203') }, gov);
    expect(outside.errors![0].extensions!.code).toBe('FORBIDDEN');
    for (const token of [undefined, await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id }), await tokenFor({ role: 'MOF' })]) {
      const res = await t.graphql(REGISTER, { input: input(makeCreditCode('91', '320102', 'MA1XYW003'), '320102') }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const bad = await t.graphql(REGISTER, { input: input('91350200776049653B', '320102') }, gov);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    const dup = await t.graphql(REGISTER, { input: input(own.creditCode, '320102') }, gov);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`);
    expect(n).toBe(3);
    expect(await auditCount('registerEnterprise')).toBe(1);
  });
});

describe('updateEnterprise', () => {
  it('lets an enterprise rename itself but not move region', async () => {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const ok = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', own.id), name: '南京改名精密有限公司' } }, token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateEnterprise.enterprise.name).toBe('南京改名精密有限公司');
    const move = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', own.id), regionCode: '320505' } }, token);
    expect(move.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('treats another tenant’s enterprise as not found', async () => {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    // `other` is published (it has a tier), so it is readable but not changeable: FORBIDDEN.
    const visible = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', other.id), name: 'x' } }, token);
    expect(visible.errors![0].extensions!.code).toBe('FORBIDDEN');
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '440000' });
    const hidden = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000'), name: 'x' } }, gov);
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('lets the local government move an enterprise within its region; its records follow', async () => {
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const res = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', own.id), regionCode: '320505' } }, gov);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEnterprise.enterprise.region.code).toBe('320505');
    const away = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', own.id), regionCode: '330203' } }, gov);
    expect(away.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
  });
});

describe('published text (issue 10, finding 6)', () => {
  const nameOf = async (id: string) => (await t.db.dataSource.query(`SELECT name FROM enterprise WHERE id = $1`, [id]))[0].name;
  const count = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`))[0].n;
  const refusedNames = {
    // As the probe sent it: one byte a character, so it fits the 100 kB body.
    'a 90,024-character name': 'N'.repeat(90_024),
    'a right-to-left override': '南京\u202E司公限有技科',
    'a BEL': '南京\u0007科技有限公司',
    'a left-to-right mark': '南京\u200E科技有限公司',
    'a line break': '南京\n科技有限公司',
  };

  it.each(Object.entries(refusedNames))('updateEnterprise refuses %s as BAD_USER_INPUT on input.name, writing nothing', async (_what, name) => {
    const token = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const before = await nameOf(own.id);
    const res = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', own.id), name } }, token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(res.data).toBeNull();
    expect(await nameOf(own.id)).toBe(before);
  });

  it.each(Object.entries(refusedNames))('registerEnterprise refuses %s as BAD_USER_INPUT on input.name, writing nothing', async (_what, name) => {
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const before = await count();
    const res = await t.graphql(REGISTER, { input: { ...input(makeCreditCode('91', '320102', 'MA1XYW0T1'), '320102'), name } }, gov);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await count()).toBe(before);
  });

  it('still takes a name of 200 characters', async () => {
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const name = '南'.repeat(200);
    const res = await t.graphql(UPDATE, { input: { id: toGlobalId('Enterprise', own.id), name } }, gov);
    expect(res.errors).toBeUndefined();
    expect(await nameOf(own.id)).toBe(name);
  });
});

describe('updateEnterprise: the facts the rule sets read (issue 12, item 2)', () => {
  const FACTS = `mutation($input: UpdateEnterpriseInput!) {
    updateEnterprise(input: $input) { enterprise { foundedOn nicheSinceYear hasQualityCertification hasRdInstitution hasOwnBrand atKeyChainLink } }
  }`;
  const facts = {
    foundedOn: '2012-05-18',
    nicheSinceYear: 2014,
    hasQualityCertification: true,
    hasRdInstitution: false,
    hasOwnBrand: true,
    atKeyChainLink: true,
  };
  const factsOf = async (id: string) =>
    (
      await t.db.dataSource.query(
        `SELECT to_char(founded_on, 'YYYY-MM-DD') AS "foundedOn", niche_since_year AS "nicheSinceYear", has_quality_certification AS "hasQualityCertification",
              has_rd_institution AS "hasRdInstitution", has_own_brand AS "hasOwnBrand", at_key_chain_link AS "atKeyChainLink"
         FROM enterprise WHERE id = $1`,
        [id],
      )
    )[0];

  it('lets the enterprise keep its own facts, audited', async () => {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const res = await t.graphql(FACTS, { input: { id: toGlobalId('Enterprise', own.id), ...facts } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEnterprise.enterprise).toEqual(facts);
    expect(await factsOf(own.id)).toEqual(facts);
    const [event] = await t.db.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'updateEnterprise' AND subject_id = $1 ORDER BY id DESC LIMIT 1`,
      [own.id],
    );
    expect(event.before).toMatchObject({ foundedOn: null, hasOwnBrand: null });
    expect(event.after).toMatchObject({ foundedOn: '2012-05-18', nicheSinceYear: 2014, hasOwnBrand: true });
  });

  it('lets the local government keep them too, and refuses the ministries and other tenants', async () => {
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const ok = await t.graphql(FACTS, { input: { id: toGlobalId('Enterprise', own.id), hasRdInstitution: true } }, gov);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateEnterprise.enterprise.hasRdInstitution).toBe(true);
    for (const token of [
      await tokenFor({ role: 'MIIT' }),
      await tokenFor({ role: 'MOF' }),
      await tokenFor({ role: 'ENTERPRISE', enterpriseId: other.id }),
    ]) {
      const res = await t.graphql(FACTS, { input: { id: toGlobalId('Enterprise', own.id), hasOwnBrand: false } }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const hidden = await tokenFor({ role: 'LOCAL_GOV', regionCode: '440000' });
    const unpublished = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: null });
    const res = await t.graphql(FACTS, { input: { id: toGlobalId('Enterprise', unpublished.id), hasOwnBrand: false } }, hidden);
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await factsOf(own.id)).hasOwnBrand).toBe(true);
  });

  it.each([
    ['a founding date that is no date', { foundedOn: '2012-02-30' }, 'foundedOn'],
    ['a founding date in the future', { foundedOn: '2999-01-01' }, 'foundedOn'],
    ['a niche year before 1949', { nicheSinceYear: 1948 }, 'nicheSinceYear'],
    ['a niche year in the future', { nicheSinceYear: 2999 }, 'nicheSinceYear'],
    ['a niche year before the founding', { nicheSinceYear: 2011 }, 'nicheSinceYear'],
    ['a founding after the niche year on record', { foundedOn: '2015-01-01' }, 'foundedOn'],
  ])('refuses %s as BAD_USER_INPUT on its field, changing nothing', async (_what, change, field) => {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const before = await factsOf(own.id);
    const res = await t.graphql(FACTS, { input: { id: toGlobalId('Enterprise', own.id), ...change } }, token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await factsOf(own.id)).toEqual(before);
  });
});
