import { toGlobalId } from '../../../src/core/global-id';
import { makeCreditCode } from '../../../src/modules/enterprise/credit-code.rules';
import { createEnterprise, createPlatform } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

/**
 * registerPlatform and updatePlatform (issue 12, item 2): the local
 * government of the platform's region keeps its provincial platforms, MIIT
 * the national ones, a platform its own name and operator; no one else.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const REGISTER = `mutation($input: RegisterPlatformInput!) { registerPlatform(input: $input) { platform { id name level region { code } operator operatorCreditCode } } }`;
const UPDATE = `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { platform { id name kind level region { code } operator operatorCreditCode } } }`;
let serial = 0;
const input = (o: Record<string, unknown> = {}) => ({
  name: `江苏省中小企业公共服务示范平台${++serial}`,
  kind: 'PUBLIC_SERVICE_DEMONSTRATION_PLATFORM',
  level: 'PROVINCIAL',
  regionCode: '320100',
  operator: '江苏省中小企业服务中心',
  operatorCreditCode: makeCreditCode('12', '320000', `MB0PLT${String(serial).padStart(3, '0')}`),
  ...o,
});
const count = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM platform`))[0].n as number;
const stored = async (id: string) =>
  (await t.db.dataSource.query(`SELECT name, kind, level, region_code AS "regionCode", operator FROM platform WHERE id = $1`, [id]))[0];
const trail = async (id: string) =>
  await t.db.dataSource.query<
    {
      action: string;
      actor_role: string;
      platform_id: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }[]
  >(`SELECT action, actor_role, platform_id, before, after FROM audit_event WHERE subject_id = $1 ORDER BY id`, [id]);
const gov = (regionCode = '320000') => tokenFor({ role: 'LOCAL_GOV', regionCode });
const uuid = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':').pop()!;

describe('registerPlatform', () => {
  it('lets a local government register a provincial platform of its region, and MIIT a national one, each audited', async () => {
    const res = await t.graphql(REGISTER, { input: input() }, await gov());
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerPlatform.platform).toMatchObject({ level: 'PROVINCIAL', region: { code: '320100' } });
    const national = await t.graphql(REGISTER, { input: input({ level: 'NATIONAL', regionCode: '440300' }) }, await tokenFor({ role: 'MIIT' }));
    expect(national.errors).toBeUndefined();
    for (const p of [res.data!.registerPlatform.platform, national.data!.registerPlatform.platform]) {
      const id = (await t.db.dataSource.query(`SELECT id FROM platform WHERE name = $1`, [p.name]))[0].id;
      expect(toGlobalId('Platform', id)).toBe(p.id);
      const [event] = await trail(id);
      expect(event).toMatchObject({ action: 'registerPlatform', platform_id: id, before: null, after: { name: p.name } });
    }
  });

  it('refuses another region, a national platform by a local government, a provincial one by MIIT, and other roles, writing nothing', async () => {
    const before = await count();
    const ent = await createEnterprise(t.db.dataSource);
    const platform = await createPlatform(t.db.dataSource);
    const cases: [string, Record<string, unknown>, string | undefined][] = [
      ['another region', input({ regionCode: '330100' }), await gov()],
      ['a national platform by a local government', input({ level: 'NATIONAL' }), await gov()],
      ['a provincial platform by MIIT', input(), await tokenFor({ role: 'MIIT' })],
      ['MOF', input(), await tokenFor({ role: 'MOF' })],
      ['an enterprise', input(), await tokenFor({ role: 'ENTERPRISE', enterpriseId: ent.id })],
      ['a platform', input(), await tokenFor({ role: 'PLATFORM', platformId: platform.id })],
      ['the public', input(), undefined],
    ];
    for (const [who, i, token] of cases) {
      const res = await t.graphql(REGISTER, { input: i }, token);
      expect([who, res.errors?.[0].extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    expect(await count()).toBe(before + 1);
  });

  it.each([
    ['an empty name', { name: '  ' }, 'name', 'BAD_USER_INPUT'],
    ['an empty operator', { operator: '' }, 'operator', 'BAD_USER_INPUT'],
    ['an unknown region', { regionCode: '329999' }, 'regionCode', 'BAD_USER_INPUT'],
    ['a bad operator credit code', { operatorCreditCode: '91350200776049653B' }, 'operatorCreditCode', 'BAD_USER_INPUT'],
    ['an operator that runs a platform already', { operatorCreditCode: '91350200776049653A' }, 'operatorCreditCode', 'CONFLICT'],
  ])('refuses %s on its field', async (_what, change, field, code) => {
    if (code === 'CONFLICT') expect((await t.graphql(REGISTER, { input: input(change) }, await gov())).errors).toBeUndefined();
    const before = await count();
    const res = await t.graphql(REGISTER, { input: input(change) }, await gov());
    expect(res.errors![0].extensions).toMatchObject({ code, field });
    expect(await count()).toBe(before);
  });

  it('admits a real code failing only its check character with the override, and says so in the trail', async () => {
    const res = await t.graphql(
      REGISTER,
      { input: input({ operatorCreditCode: '91440101MA5CJQ4N5X', operatorCreditCodeOverride: true }) },
      await gov(),
    );
    expect(res.errors).toBeUndefined();
    const id = uuid(res.data!.registerPlatform.platform.id);
    expect((await trail(id))[0].action).toBe('registerPlatform(creditCodeOverride)');
  });
});

describe('updatePlatform', () => {
  it('lets a platform change its name and operator, but not its level, kind or region', async () => {
    const p = await createPlatform(t.db.dataSource, { regionCode: '320100' });
    const token = await tokenFor({ role: 'PLATFORM', platformId: p.id });
    const ok = await t.graphql(
      UPDATE,
      { input: { id: toGlobalId('Platform', p.id), name: '南京市中小企业服务平台', operator: '南京市中小企业服务中心' } },
      token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updatePlatform.platform).toMatchObject({ name: '南京市中小企业服务平台', operator: '南京市中小企业服务中心' });
    expect((await trail(p.id)).map((e) => [e.action, e.actor_role])).toEqual([['updatePlatform', 'PLATFORM']]);
    for (const change of [{ level: 'NATIONAL' }, { kind: 'DEVELOPMENT_ZONE' }, { regionCode: '320200' }]) {
      const res = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), ...change } }, token);
      expect([change, res.errors?.[0].extensions?.code]).toEqual([change, 'FORBIDDEN']);
    }
    const another = await createPlatform(t.db.dataSource, { regionCode: '320100' });
    const theirs = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', another.id), name: 'x' } }, token);
    expect(theirs.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await stored(p.id)).toMatchObject({ level: 'PROVINCIAL', kind: 'PUBLIC_SERVICE_DEMONSTRATION_PLATFORM', regionCode: '320100' });
  });

  it('lets the local government keep its provincial platforms within its region, and MIIT the national ones', async () => {
    const p = await createPlatform(t.db.dataSource, { regionCode: '320100' });
    const moved = await t.graphql(
      UPDATE,
      { input: { id: toGlobalId('Platform', p.id), regionCode: '320200', kind: 'DEVELOPMENT_ZONE' } },
      await gov(),
    );
    expect(moved.errors).toBeUndefined();
    expect(await stored(p.id)).toMatchObject({ regionCode: '320200', kind: 'DEVELOPMENT_ZONE' });
    const away = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), regionCode: '330100' } }, await gov());
    expect(away.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    const promoted = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), level: 'NATIONAL' } }, await gov());
    expect(promoted.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    const byMiit = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), name: 'x' } }, await tokenFor({ role: 'MIIT' }));
    expect(byMiit.errors![0].extensions!.code).toBe('FORBIDDEN');
    const byOther = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), name: 'x' } }, await gov('330000'));
    expect(byOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await stored(p.id)).toMatchObject({ regionCode: '320200', level: 'PROVINCIAL' });

    await t.db.dataSource.query(`UPDATE platform SET level = 'NATIONAL' WHERE id = $1`, [p.id]);
    const miit = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), name: '国家级示范平台' } }, await tokenFor({ role: 'MIIT' }));
    expect(miit.errors).toBeUndefined();
    const govNational = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), name: 'y' } }, await gov());
    expect(govNational.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await trail(p.id)).map((e) => [e.action, e.actor_role])).toEqual([
      ['updatePlatform', 'LOCAL_GOV'],
      ['updatePlatform', 'MIIT'],
    ]);
  });

  it('treats a missing platform as NOT_FOUND and refuses empty changes', async () => {
    const missing = await t.graphql(
      UPDATE,
      { input: { id: toGlobalId('Platform', '00000000-0000-4000-8000-000000000000'), name: 'x' } },
      await gov(),
    );
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    const p = await createPlatform(t.db.dataSource, { regionCode: '320100' });
    const empty = await t.graphql(UPDATE, { input: { id: toGlobalId('Platform', p.id), name: ' ' } }, await gov());
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});
