import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';

/** The secret startTestServer() configures. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long';

export interface TokenFor {
  role: Exclude<Role, 'PUBLIC'>;
  enterpriseId?: string;
  platformId?: string;
  regionCode?: string;
  /** The token's `sub`; by default one made from the role and tenant. */
  subject?: string;
}

/** A real signed token, as the `token` CLI would make it. */
export function tokenFor(t: TokenFor): Promise<string> {
  return signToken(
    new TextEncoder().encode(TEST_JWT_SECRET),
    {
      sub: t.subject ?? `test:${t.role}:${t.enterpriseId ?? t.platformId ?? t.regionCode ?? 'ministry'}`,
      role: t.role,
      enterprise_id: t.enterpriseId,
      platform_id: t.platformId,
      region_code: t.regionCode,
    },
    '10m',
  );
}

/**
 * The usual cast for "each role sees exactly its rows" tests: three
 * enterprises (two in Jiangsu, one in Zhejiang), two platforms, local
 * governments at province and city level on both sides, and the ministries.
 */
export async function castTokens(tenants: {
  ent1: string;
  ent2: string;
  entZ: string;
  platform1: string;
  platform2: string;
}): Promise<Record<string, string>> {
  const specs: Record<string, TokenFor> = {
    ent1: { role: 'ENTERPRISE', enterpriseId: tenants.ent1 },
    ent2: { role: 'ENTERPRISE', enterpriseId: tenants.ent2 },
    entZ: { role: 'ENTERPRISE', enterpriseId: tenants.entZ },
    platform1: { role: 'PLATFORM', platformId: tenants.platform1 },
    platform2: { role: 'PLATFORM', platformId: tenants.platform2 },
    jiangsu: { role: 'LOCAL_GOV', regionCode: '320000' },
    zhejiang: { role: 'LOCAL_GOV', regionCode: '330000' },
    nanjing: { role: 'LOCAL_GOV', regionCode: '320100' },
    wuxi: { role: 'LOCAL_GOV', regionCode: '320200' },
    miit: { role: 'MIIT' },
    mof: { role: 'MOF' },
  };
  const entries = await Promise.all(Object.entries(specs).map(async ([k, spec]) => [k, await tokenFor(spec)] as const));
  return Object.fromEntries(entries);
}
