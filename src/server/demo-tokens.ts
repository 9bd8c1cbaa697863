import { resolveJwtSecret } from '../auth/jwt-secret';
import { TOKEN_ROLES, TokenRole } from '../auth/roles';
import { signToken, SignTokenClaims } from '../auth/tokens';
import { Config } from '../config/config';
import { DemoTenants } from '../seed/demo';

export interface DemoToken {
  role: TokenRole;
  /** What a person reads: the role and the tenant it acts for. */
  label: string;
  token: string;
}

/**
 * One working token per role, for the seeded demo tenants, signed with this
 * server's own secret: what `npm start` prints, and what GraphiQL's role
 * picker offers in development. Never called in production (no demo data
 * there), nor with JWKS_URL (the identity provider signs tokens, not us).
 */
export async function demoTokens(config: Config, demo: DemoTenants, ttl = '12h'): Promise<DemoToken[]> {
  const secret = await resolveJwtSecret(config);
  const tokens = TOKEN_ROLES.map((role) => demoToken(role, demo));
  const options = { issuer: config.jwtIssuer, audience: config.jwtAudience };
  return Promise.all(tokens.map(async ({ role, label, claims }) => ({ role, label, token: await signToken(secret, claims, ttl, options) })));
}

/** Each role's demo tenant: a Record over the roles, so a new role cannot be left without a demo token. */
const DEMO_TENANT: Record<TokenRole, (demo: DemoTenants) => { name: string; claims: Partial<SignTokenClaims> } | null> = {
  ENTERPRISE: (demo) => ({ name: `${demo.enterprise.name} (${demo.enterprise.creditCode})`, claims: { enterprise_id: demo.enterprise.id } }),
  PLATFORM: (demo) => ({ name: demo.platform.name, claims: { platform_id: demo.platform.id } }),
  LOCAL_GOV: (demo) => ({ name: `region ${demo.regionCode}`, claims: { region_code: demo.regionCode } }),
  MIIT: () => null,
  MOF: () => null,
};

function demoToken(role: TokenRole, demo: DemoTenants): { role: TokenRole; label: string; claims: SignTokenClaims } {
  const tenant = DEMO_TENANT[role](demo);
  const claims: SignTokenClaims = { sub: `demo:${role.toLowerCase().replace(/_/g, '-')}`, role, ...tenant?.claims };
  // The tenant names line up in a column after the role.
  return { role, label: tenant ? `${role.padEnd(12)}${tenant.name}` : role, claims };
}
