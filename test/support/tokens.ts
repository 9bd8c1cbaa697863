import { Role } from '../../src/auth/viewer';
import { signToken } from '../../src/auth/tokens';

/** The secret startTestServer() configures. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long';

export interface TokenFor {
  role: Exclude<Role, 'PUBLIC'>;
  enterpriseId?: string;
  platformId?: string;
  regionCode?: string;
}

/** A real signed token, as the `token` CLI would make it. */
export function tokenFor(t: TokenFor): Promise<string> {
  return signToken(
    new TextEncoder().encode(TEST_JWT_SECRET),
    {
      sub: `test:${t.role}:${t.enterpriseId ?? t.platformId ?? t.regionCode ?? 'ministry'}`,
      role: t.role,
      enterprise_id: t.enterpriseId,
      platform_id: t.platformId,
      region_code: t.regionCode,
    },
    '10m',
  );
}
