import { Role } from '../auth/viewer';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { signToken, SignTokenClaims } from '../auth/tokens';
import { Config } from '../config/config';
import { DemoTenants } from '../seed/demo';

export interface DemoToken {
  role: Exclude<Role, 'PUBLIC'>;
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
  const tokens: [string, SignTokenClaims][] = [
    [`ENTERPRISE  ${demo.enterprise.name} (${demo.enterprise.creditCode})`, { sub: 'demo:enterprise', role: 'ENTERPRISE', enterprise_id: demo.enterprise.id }],
    [`PLATFORM    ${demo.platform.name}`, { sub: 'demo:platform', role: 'PLATFORM', platform_id: demo.platform.id }],
    [`LOCAL_GOV   region ${demo.regionCode}`, { sub: 'demo:local-gov', role: 'LOCAL_GOV', region_code: demo.regionCode }],
    ['MIIT', { sub: 'demo:miit', role: 'MIIT' }],
    ['MOF', { sub: 'demo:mof', role: 'MOF' }],
  ];
  const options = { issuer: config.jwtIssuer, audience: config.jwtAudience };
  return Promise.all(
    tokens.map(async ([label, claims]) => ({ role: claims.role as DemoToken['role'], label, token: await signToken(secret, claims, ttl, options) })),
  );
}
