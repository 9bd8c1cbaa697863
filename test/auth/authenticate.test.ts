import { authenticate, databaseTenantDirectory, TenantDirectory } from '../../src/auth/authenticate';
import { createTokenVerifier, signToken, SignTokenClaims } from '../../src/auth/tokens';
import { PUBLIC_VIEWER } from '../../src/auth/viewer';
import { toGlobalId } from '../../src/core/global-id';
import { createTestDatabase, TestDatabase } from '../support/database';

/** jose is ESM-only; loaded the way src/auth/tokens.ts loads it, so `tsc` accepts this CommonJS test too. */
type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
let jose: Jose;
beforeAll(async () => {
  jose = await import('jose');
});

const SECRET = new TextEncoder().encode('a-test-secret-that-is-at-least-32-bytes');
const verifier = createTokenVerifier({ jwksUrl: null, jwtIssuer: null, jwtAudience: null }, SECRET);
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

let db: TestDatabase;
let tenants: TenantDirectory;
let enterpriseId: string;
let platformId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  [{ id: enterpriseId }] = await db.dataSource.query(
    `INSERT INTO enterprise (credit_code, name, region_code, industry, product_field, size_class)
     VALUES ('91350200776049653A', '厦门测试精密机械有限公司', '350200', 'C34 通用设备制造业', 'CORE_BASIC_COMPONENTS', 'SMALL')
     RETURNING id`,
  );
  [{ id: platformId }] = await db.dataSource.query(
    `INSERT INTO platform (name, kind, level, region_code, operator)
     VALUES ('厦门中小企业公共服务平台', 'PUBLIC_SERVICE_DEMONSTRATION_PLATFORM', 'PROVINCIAL', '350200', '厦门市中小企业服务中心')
     RETURNING id`,
  );
  tenants = databaseTenantDirectory(db.dataSource);
});

afterAll(async () => {
  await db?.drop();
});

const bearer = async (claims: SignTokenClaims, ttl = '1h'): Promise<string> => `Bearer ${await signToken(SECRET, claims, ttl)}`;
const rawBearer = async (claims: Record<string, unknown>): Promise<string> =>
  `Bearer ${await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(SECRET)}`;

async function expectUnauthenticated(p: Promise<unknown>, message?: RegExp): Promise<void> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  expect((err as { extensions?: Record<string, unknown> }).extensions?.code).toBe('UNAUTHENTICATED');
  if (message) expect((err as Error).message).toMatch(message);
}

describe('authenticate', () => {
  it('no header is the public', async () => {
    await expect(authenticate(undefined, verifier, tenants)).resolves.toBe(PUBLIC_VIEWER);
  });

  it('anything but "Bearer <jwt>" is refused, never treated as the public', async () => {
    const token = await signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1h');
    for (const header of ['', 'Bearer', 'Bearer ', `Basic ${token}`, token, `Bearer ${token} extra`, 'Bearer not-a-jwt', `Token ${token}`]) {
      await expectUnauthenticated(authenticate(header, verifier, tenants));
    }
    // The scheme is case-insensitive (RFC 7235).
    await expect(authenticate(`bearer ${token}`, verifier, tenants)).resolves.toMatchObject({ role: 'MIIT' });
  });

  it('builds the viewer for each role', async () => {
    await expect(authenticate(await bearer({ sub: 'e', role: 'ENTERPRISE', enterprise_id: enterpriseId }), verifier, tenants)).resolves.toEqual({
      role: 'ENTERPRISE',
      subject: 'e',
      enterpriseId,
    });
    await expect(authenticate(await bearer({ sub: 'p', role: 'PLATFORM', platform_id: platformId }), verifier, tenants)).resolves.toEqual({
      role: 'PLATFORM',
      subject: 'p',
      platformId,
    });
    await expect(authenticate(await bearer({ sub: 'g', role: 'LOCAL_GOV', region_code: '350200' }), verifier, tenants)).resolves.toEqual({
      role: 'LOCAL_GOV',
      subject: 'g',
      regionCode: '350200',
    });
    await expect(authenticate(await bearer({ sub: 'm', role: 'MIIT' }), verifier, tenants)).resolves.toEqual({ role: 'MIIT', subject: 'm' });
    await expect(authenticate(await bearer({ sub: 'f', role: 'MOF' }), verifier, tenants)).resolves.toEqual({ role: 'MOF', subject: 'f' });
  });

  it('accepts the GraphQL global id (and an upper-case uuid) as the tenant claim', async () => {
    const viaGlobalId = await authenticate(
      await bearer({ sub: 'e', role: 'ENTERPRISE', enterprise_id: toGlobalId('Enterprise', enterpriseId) }),
      verifier,
      tenants,
    );
    expect(viaGlobalId.enterpriseId).toBe(enterpriseId);
    const platform = await authenticate(
      await bearer({ sub: 'p', role: 'PLATFORM', platform_id: toGlobalId('Platform', platformId) }),
      verifier,
      tenants,
    );
    expect(platform.platformId).toBe(platformId);
    const upper = await authenticate(await bearer({ sub: 'e', role: 'ENTERPRISE', enterprise_id: enterpriseId.toUpperCase() }), verifier, tenants);
    expect(upper.enterpriseId).toBe(enterpriseId);
  });

  it('ignores tenant claims on national roles and claims of other tenants', async () => {
    await expect(
      authenticate(await bearer({ sub: 'm', role: 'MIIT', enterprise_id: enterpriseId, region_code: '350200' }), verifier, tenants),
    ).resolves.toEqual({ role: 'MIIT', subject: 'm' });
    await expect(
      authenticate(await bearer({ sub: 'e', role: 'ENTERPRISE', enterprise_id: enterpriseId, region_code: '110000' }), verifier, tenants),
    ).resolves.toEqual({ role: 'ENTERPRISE', subject: 'e', enterpriseId });
  });

  it('refuses an unknown role, including PUBLIC', async () => {
    await expectUnauthenticated(authenticate(await rawBearer({ sub: 'x', role: 'ADMIN' }), verifier, tenants), /role/);
    await expectUnauthenticated(authenticate(await rawBearer({ sub: 'x', role: 'PUBLIC' }), verifier, tenants), /role/);
    await expectUnauthenticated(authenticate(await rawBearer({ sub: 'x', role: 'miit' }), verifier, tenants), /role/);
  });

  it('refuses a tenant role without its tenant claim', async () => {
    await expectUnauthenticated(authenticate(await rawBearer({ sub: 'e', role: 'ENTERPRISE' }), verifier, tenants), /enterprise_id/);
    await expectUnauthenticated(
      authenticate(await rawBearer({ sub: 'p', role: 'PLATFORM', enterprise_id: enterpriseId }), verifier, tenants),
      /platform_id/,
    );
    await expectUnauthenticated(authenticate(await rawBearer({ sub: 'g', role: 'LOCAL_GOV' }), verifier, tenants), /region_code/);
  });

  it('refuses a tenant that does not exist or is malformed', async () => {
    const cases: SignTokenClaims[] = [
      { sub: 'e', role: 'ENTERPRISE', enterprise_id: MISSING_UUID },
      { sub: 'e', role: 'ENTERPRISE', enterprise_id: toGlobalId('Enterprise', MISSING_UUID) },
      { sub: 'e', role: 'ENTERPRISE', enterprise_id: toGlobalId('Platform', platformId) }, // wrong type
      { sub: 'e', role: 'ENTERPRISE', enterprise_id: platformId }, // a platform is not an enterprise
      { sub: 'e', role: 'ENTERPRISE', enterprise_id: "1' OR '1'='1" },
      { sub: 'e', role: 'ENTERPRISE', enterprise_id: '91350200776049653A' }, // a credit code is not a token claim
      { sub: 'p', role: 'PLATFORM', platform_id: MISSING_UUID },
      { sub: 'p', role: 'PLATFORM', platform_id: enterpriseId },
      { sub: 'g', role: 'LOCAL_GOV', region_code: '999999' },
      { sub: 'g', role: 'LOCAL_GOV', region_code: '3502' },
    ];
    for (const claims of cases) await expectUnauthenticated(authenticate(await bearer(claims), verifier, tenants));
  });

  it('refuses an expired token and one signed with another secret', async () => {
    const expired = `Bearer ${await new jose.SignJWT({ sub: 'm', role: 'MIIT' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
      .sign(SECRET)}`;
    await expectUnauthenticated(authenticate(expired, verifier, tenants), /expired/);
    const other = `Bearer ${await signToken(new TextEncoder().encode('another-secret-that-is-at-least-32-bytes'), { sub: 'm', role: 'MIIT' }, '1h')}`;
    await expectUnauthenticated(authenticate(other, verifier, tenants), /signature/);
  });
});

describe('databaseTenantDirectory', () => {
  it('answers from the tables and returns false for malformed keys instead of a SQL error', async () => {
    const dir = databaseTenantDirectory(db.dataSource);
    await expect(dir.enterpriseExists(enterpriseId)).resolves.toBe(true);
    await expect(dir.enterpriseExists(MISSING_UUID)).resolves.toBe(false);
    await expect(dir.enterpriseExists('not-a-uuid')).resolves.toBe(false);
    await expect(dir.enterpriseExists('')).resolves.toBe(false);
    await expect(dir.platformExists(platformId)).resolves.toBe(true);
    await expect(dir.platformExists("'; DROP TABLE platform; --")).resolves.toBe(false);
    await expect(dir.regionExists('350200')).resolves.toBe(true);
    await expect(dir.regionExists('999999')).resolves.toBe(false);
    await expect(dir.regionExists('35020')).resolves.toBe(false);
  });

  it('remembers tenants found for ttlMs, never absent ones', async () => {
    let clock = 1_000_000;
    const query = jest.spyOn(db.dataSource, 'query');
    try {
      const dir = databaseTenantDirectory(db.dataSource, { ttlMs: 60_000, now: () => clock });
      await dir.enterpriseExists(enterpriseId);
      await dir.enterpriseExists(enterpriseId);
      await dir.enterpriseExists(enterpriseId.toUpperCase());
      expect(query).toHaveBeenCalledTimes(1);
      clock += 61_000;
      await dir.enterpriseExists(enterpriseId);
      expect(query).toHaveBeenCalledTimes(2);
      query.mockClear();
      await dir.platformExists(MISSING_UUID);
      await dir.platformExists(MISSING_UUID);
      expect(query).toHaveBeenCalledTimes(2);
    } finally {
      query.mockRestore();
    }
  });

  it('finds a tenant created after an earlier miss', async () => {
    const dir = databaseTenantDirectory(db.dataSource);
    const [{ id }] = await db.dataSource.query(`SELECT gen_random_uuid() AS id`);
    await expect(dir.platformExists(id)).resolves.toBe(false);
    await db.dataSource.query(
      `INSERT INTO platform (id, name, kind, level, region_code, operator)
       VALUES ($1, '新平台', 'DEVELOPMENT_ZONE', 'PROVINCIAL', '350200', '厦门火炬高技术产业开发区')`,
      [id],
    );
    await expect(dir.platformExists(id)).resolves.toBe(true);
  });
});
